"""One usage shape for every provider: the cache and reasoning counts each provider spells its
own way, copied into `usage.prompt_tokens_details` and `usage.completion_tokens_details` (the
provider's own fields stay where they came). openapi.yaml's `x-filled-from` lists the sources."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from trilogue_api.models import CompletionTokensDetails, CompletionUsage, PromptTokensDetails

__all__ = ["unify_usage"]


def _count(value: Any) -> int | None:
    """A token count, or None for anything that is not a finite, non-negative number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return int(value) if value >= 0 else None


def _cache_write(usage: CompletionUsage) -> int | None:
    written = _count(usage.cache_created_input_tokens)
    if written is not None:
        return written
    split = usage.cache_creation
    if split is None:
        return None
    parts = [
        _count(split.ephemeral_5m_input_tokens),
        _count(split.ephemeral_1h_input_tokens),
    ]
    known = [part for part in parts if part is not None]
    return sum(known) if known else None


def unify_usage(usage: CompletionUsage | None, top: Mapping[str, Any] | None = None) -> None:
    """Fills `usage`'s details from the provider's own fields; `top` is the completion or
    chunk's unknown top-level fields (llama.cpp's `timings`)."""
    if usage is None:
        return
    extra = usage.additional_properties
    details = usage.prompt_tokens_details
    cached = details.cached_tokens if details is not None else None
    written = details.cache_write_tokens if details is not None else None
    if cached is None:
        cached = _count(usage.cache_read_input_tokens)
        if cached is None and extra:
            cached = _count(extra.get("prompt_cache_hit_tokens"))
        if cached is None and top:
            timings = top.get("timings")
            if isinstance(timings, Mapping):
                cached = _count(timings.get("cache_n"))
    if written is None:
        written = _cache_write(usage)
    if cached is not None or written is not None:
        if details is None:
            details = usage.prompt_tokens_details = PromptTokensDetails()
        details.cached_tokens = cached
        details.cache_write_tokens = written
    out = usage.completion_tokens_details
    if (out is None or out.reasoning_tokens is None) and extra:
        reasoning = _count(extra.get("reasoning_tokens"))
        if reasoning is not None:
            if out is None:
                out = usage.completion_tokens_details = CompletionTokensDetails()
            out.reasoning_tokens = reasoning
