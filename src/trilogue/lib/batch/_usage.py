"""A batch's token totals in the one usage shape (README "Usage in one shape"): what every
successful line's `usage` adds up to, cached, cache-write and reasoning counts included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["UsageTotals"]


@dataclass
class UsageTotals:
    """Token totals of the lines this run sent and got an answer for. A detail count no
    provider reported stays 0; `lines_with_usage` says how many answers carried usage."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cached_tokens: int = 0
    cache_write_tokens: int = 0
    reasoning_tokens: int = 0
    lines_with_usage: int = 0

    def add(self, usage: Any) -> None:
        """Adds one completion's `usage` (None: nothing to add)."""
        if usage is None:
            return
        self.lines_with_usage += 1
        self.prompt_tokens += usage.prompt_tokens or 0
        self.completion_tokens += usage.completion_tokens or 0
        self.total_tokens += usage.total_tokens or 0
        prompt = usage.prompt_tokens_details
        if prompt is not None:
            self.cached_tokens += prompt.cached_tokens or 0
            self.cache_write_tokens += prompt.cache_write_tokens or 0
        completion = usage.completion_tokens_details
        if completion is not None:
            self.reasoning_tokens += completion.reasoning_tokens or 0
