# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

LlamaEventType = Literal["complete", "metrics", "progress", "start"]

LLAMA_EVENT_TYPE_VALUES: set[LlamaEventType] = {
    "complete",
    "metrics",
    "progress",
    "start",
}


def check_llama_event_type(value: str) -> LlamaEventType:
    if value in LLAMA_EVENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LLAMA_EVENT_TYPE_VALUES!r}"
    )
