# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

GradientBatchStatus = Literal[
    "cancelled",
    "cancelling",
    "completed",
    "expired",
    "failed",
    "finalizing",
    "in_progress",
    "validating",
]

GRADIENT_BATCH_STATUS_VALUES: set[GradientBatchStatus] = {
    "cancelled",
    "cancelling",
    "completed",
    "expired",
    "failed",
    "finalizing",
    "in_progress",
    "validating",
}


def check_gradient_batch_status(value: str) -> GradientBatchStatus:
    if value in GRADIENT_BATCH_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GRADIENT_BATCH_STATUS_VALUES!r}"
    )
