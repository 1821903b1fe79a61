# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

StopReason = Literal[
    "end_of_message", "end_of_turn", "length", "out_of_tokens", "stop", "tool_calls"
]

STOP_REASON_VALUES: set[StopReason] = {
    "end_of_message",
    "end_of_turn",
    "length",
    "out_of_tokens",
    "stop",
    "tool_calls",
}


def check_stop_reason(value: str) -> StopReason:
    if value in STOP_REASON_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STOP_REASON_VALUES!r}"
    )
