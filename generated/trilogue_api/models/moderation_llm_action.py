# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

ModerationLlmAction = Literal["block", "none"]

MODERATION_LLM_ACTION_VALUES: set[ModerationLlmAction] = {
    "block",
    "none",
}


def check_moderation_llm_action(value: str) -> ModerationLlmAction:
    if value in MODERATION_LLM_ACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MODERATION_LLM_ACTION_VALUES!r}"
    )
