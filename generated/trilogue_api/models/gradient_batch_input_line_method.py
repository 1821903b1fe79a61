# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientBatchInputLineMethod = Literal["POST"]

GRADIENT_BATCH_INPUT_LINE_METHOD_VALUES: set[GradientBatchInputLineMethod] = {
    "POST",
}


def check_gradient_batch_input_line_method(value: str) -> GradientBatchInputLineMethod:
    if value in GRADIENT_BATCH_INPUT_LINE_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_BATCH_INPUT_LINE_METHOD_VALUES!r}"
    )
