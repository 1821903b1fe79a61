# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

PromptMode = Literal["reasoning"]

PROMPT_MODE_VALUES: set[PromptMode] = {
    "reasoning",
}


def check_prompt_mode(value: str) -> PromptMode:
    if value in PROMPT_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PROMPT_MODE_VALUES!r}"
    )
