# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""The marker of an optional request argument the caller did not give, and a multipart file."""

from typing import Literal, TypeAlias

File: TypeAlias = tuple[str | None, bytes, str | None]
"""A multipart form's file part: (file name, bytes, content type)."""


class Unset:
    """Marks an argument the caller did not give (request side only; models use None)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

__all__ = ["UNSET", "File", "Unset"]
