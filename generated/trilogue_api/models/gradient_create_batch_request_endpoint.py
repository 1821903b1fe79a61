# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientCreateBatchRequestEndpoint = Literal["/v1/chat/completions", "/v1/responses"]

GRADIENT_CREATE_BATCH_REQUEST_ENDPOINT_VALUES: set[
    GradientCreateBatchRequestEndpoint
] = {
    "/v1/chat/completions",
    "/v1/responses",
}


def check_gradient_create_batch_request_endpoint(
    value: str,
) -> GradientCreateBatchRequestEndpoint:
    if value in GRADIENT_CREATE_BATCH_REQUEST_ENDPOINT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_CREATE_BATCH_REQUEST_ENDPOINT_VALUES!r}"
    )
