# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

ChatCompletionObjectType = Literal["chat.completion", "chat.completion.chunk"]

CHAT_COMPLETION_OBJECT_TYPE_VALUES: set[ChatCompletionObjectType] = {
    "chat.completion",
    "chat.completion.chunk",
}


def check_chat_completion_object_type(value: str) -> ChatCompletionObjectType:
    if value in CHAT_COMPLETION_OBJECT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CHAT_COMPLETION_OBJECT_TYPE_VALUES!r}"
    )
