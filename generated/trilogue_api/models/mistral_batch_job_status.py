# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

MistralBatchJobStatus = Literal[
    "CANCELLATION_REQUESTED",
    "CANCELLED",
    "FAILED",
    "QUEUED",
    "RUNNING",
    "SUCCESS",
    "TIMEOUT_EXCEEDED",
]

MISTRAL_BATCH_JOB_STATUS_VALUES: set[MistralBatchJobStatus] = {
    "CANCELLATION_REQUESTED",
    "CANCELLED",
    "FAILED",
    "QUEUED",
    "RUNNING",
    "SUCCESS",
    "TIMEOUT_EXCEEDED",
}


def check_mistral_batch_job_status(value: str) -> MistralBatchJobStatus:
    if value in MISTRAL_BATCH_JOB_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MISTRAL_BATCH_JOB_STATUS_VALUES!r}"
    )
