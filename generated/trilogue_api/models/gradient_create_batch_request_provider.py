# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientCreateBatchRequestProvider = Literal["anthropic", "openai"]

GRADIENT_CREATE_BATCH_REQUEST_PROVIDER_VALUES: set[
    GradientCreateBatchRequestProvider
] = {
    "anthropic",
    "openai",
}


def check_gradient_create_batch_request_provider(
    value: str,
) -> GradientCreateBatchRequestProvider:
    if value in GRADIENT_CREATE_BATCH_REQUEST_PROVIDER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_CREATE_BATCH_REQUEST_PROVIDER_VALUES!r}"
    )
