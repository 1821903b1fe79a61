# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientBatchInputLineUrl = Literal["/v1/chat/completions", "/v1/responses"]

GRADIENT_BATCH_INPUT_LINE_URL_VALUES: set[GradientBatchInputLineUrl] = {
    "/v1/chat/completions",
    "/v1/responses",
}


def check_gradient_batch_input_line_url(value: str) -> GradientBatchInputLineUrl:
    if value in GRADIENT_BATCH_INPUT_LINE_URL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_BATCH_INPUT_LINE_URL_VALUES!r}"
    )
