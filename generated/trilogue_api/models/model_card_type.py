# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

ModelCardType = Literal["base", "fine-tuned"]

MODEL_CARD_TYPE_VALUES: set[ModelCardType] = {
    "base",
    "fine-tuned",
}


def check_model_card_type(value: str) -> ModelCardType:
    if value in MODEL_CARD_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MODEL_CARD_TYPE_VALUES!r}"
    )
