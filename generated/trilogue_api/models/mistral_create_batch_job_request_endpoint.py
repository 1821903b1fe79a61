# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

MistralCreateBatchJobRequestEndpoint = Literal[
    "/v1/audio/transcriptions",
    "/v1/chat/classifications",
    "/v1/chat/completions",
    "/v1/chat/moderations",
    "/v1/classifications",
    "/v1/conversations",
    "/v1/embeddings",
    "/v1/fim/completions",
    "/v1/moderations",
    "/v1/ocr",
]

MISTRAL_CREATE_BATCH_JOB_REQUEST_ENDPOINT_VALUES: set[
    MistralCreateBatchJobRequestEndpoint
] = {
    "/v1/audio/transcriptions",
    "/v1/chat/classifications",
    "/v1/chat/completions",
    "/v1/chat/moderations",
    "/v1/classifications",
    "/v1/conversations",
    "/v1/embeddings",
    "/v1/fim/completions",
    "/v1/moderations",
    "/v1/ocr",
}


def check_mistral_create_batch_job_request_endpoint(
    value: str,
) -> MistralCreateBatchJobRequestEndpoint:
    if value in MISTRAL_CREATE_BATCH_JOB_REQUEST_ENDPOINT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MISTRAL_CREATE_BATCH_JOB_REQUEST_ENDPOINT_VALUES!r}"
    )
