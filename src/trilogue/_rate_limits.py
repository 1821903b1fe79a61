"""`RateLimits`: what a response's rate-limit headers say, read by the rules the spec declares
for each header (`components.headers` with `x-rate-limit`: the field it fills and how its value
reads), so a provider's new header is a spec entry, not code."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields

__all__ = ["RateLimits", "read_rate_limits"]

_EPOCH = 1_000_000_000.0  # a reset value this large is a Unix time, not a number of seconds
_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class RateLimits:
    """A response's rate-limit headers, read into numbers (None where the server said nothing).

    Request and token limits are per the provider's window (a minute for Mistral); `reset_*` and
    `retry_after` are seconds from when the response came.
    """

    limit_requests: int | None = None
    remaining_requests: int | None = None
    reset_requests: float | None = None
    limit_tokens: int | None = None
    remaining_tokens: int | None = None
    reset_tokens: float | None = None
    limit_tokens_month: int | None = None
    remaining_tokens_month: int | None = None
    retry_after: float | None = None


_FIELDS = frozenset(f.name for f in fields(RateLimits))


def read_rate_limits(headers: Mapping[str, str], now: float | None = None) -> RateLimits:
    """The rate limits `headers` state, by the spec's header rules (the first header present
    for a field wins)."""
    from trilogue_api.spec import RATE_LIMIT_HEADERS  # loaded when first asked

    wall = time.time() if now is None else now
    present = _by_name(headers)
    found: dict[str, int | float] = {}
    for name, rule in RATE_LIMIT_HEADERS.items():
        field = rule["field"]
        value = present.get(name)
        if value is None or field in found or field not in _FIELDS:
            continue
        parsed = _READERS[rule["format"]](value, wall)
        if parsed is not None:
            found[field] = parsed
    return RateLimits(**found)  # type: ignore[arg-type]


def _by_name(headers: Mapping[str, str]) -> dict[str, str]:
    """`headers` by lower-case name in one pass, a repeated one's values joined as httpx's
    `Headers.get` joins them: each `Headers.get` is a scan of every header, and the spec's rules
    ask for some twenty names."""
    multi_items = getattr(headers, "multi_items", None)  # httpx.Headers: repeats kept
    pairs = multi_items() if multi_items is not None else headers.items()
    found: dict[str, str] = {}
    for name, value in pairs:
        name = name.lower()
        found[name] = f"{found[name]}, {value}" if name in found else value
    return found


def _count(value: str, wall: float) -> int | None:
    try:
        return max(int(float(value)), 0)
    except (ValueError, OverflowError):
        return None


def _reset(value: str, wall: float) -> float | None:
    """Seconds, a Go-style duration ("6m0s", "20ms"), an epoch time or an HTTP date."""
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        parts = _DURATION.findall(value)
        if parts and "".join(n + u for n, u in parts) == value:
            return sum(float(n) * _UNIT[unit] for n, unit in parts)
        import email.utils  # an HTTP date is rare: not loaded with trilogue

        try:
            date = email.utils.parsedate_tz(value)
            return None if date is None else max(email.utils.mktime_tz(date) - wall, 0.0)
        except (ValueError, OverflowError):
            return None
    if number != number or number < 0 or number == float("inf"):
        return None
    return max(number - wall, 0.0) if number >= _EPOCH else number


def _milliseconds(value: str, wall: float) -> float | None:
    seconds = _reset(value, wall)
    return None if seconds is None else seconds / 1000.0


_READERS = {"count": _count, "reset": _reset, "milliseconds": _milliseconds}
