"""Output types the CLI tests name as `--json-schema cli_types:Recipe` (tests/test_cli.py)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel


class Recipe(BaseModel):
    title: str
    minutes: int
    vegetarian: bool | None = None


@dataclass
class Step:
    text: str


NOT_A_TYPE = 3
