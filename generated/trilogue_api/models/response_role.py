# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

ResponseRole = Literal["assistant", "developer", "system", "tool", "user"]

RESPONSE_ROLE_VALUES: set[ResponseRole] = {
    "assistant",
    "developer",
    "system",
    "tool",
    "user",
}


def check_response_role(value: str) -> ResponseRole:
    if value in RESPONSE_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESPONSE_ROLE_VALUES!r}"
    )
