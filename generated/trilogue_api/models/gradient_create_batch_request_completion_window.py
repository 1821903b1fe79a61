# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientCreateBatchRequestCompletionWindow = Literal["24h"]

GRADIENT_CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES: set[
    GradientCreateBatchRequestCompletionWindow
] = {
    "24h",
}


def check_gradient_create_batch_request_completion_window(
    value: str,
) -> GradientCreateBatchRequestCompletionWindow:
    if value in GRADIENT_CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES!r}"
    )
