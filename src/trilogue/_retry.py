"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import math
import random

import httpx

RETRY_STATUSES = frozenset({408, 409, 429})
INITIAL_DELAY = 0.5
MAX_BACKOFF = 8.0
DEFAULT_MAX_RETRY_DELAY = 60.0


def should_retry(response: httpx.Response) -> bool:
    """The server's `x-should-retry` if it says; else 408, 409, 429 and 5xx are retried."""
    hint = response.headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return response.status_code in RETRY_STATUSES or response.status_code >= 500


def retry_delay(retries_taken: int, headers: httpx.Headers | None, max_delay: float) -> float:
    """Seconds to wait before the next try: the server's hint (up to `max_delay`), else an
    exponential backoff with jitter."""
    hinted = server_delay(headers) if headers is not None else None
    if hinted is not None and math.isfinite(hinted):
        return min(max(hinted, 0.0), max_delay)
    backoff = min(INITIAL_DELAY * 2.0**retries_taken, MAX_BACKOFF)
    return min(backoff * (1.0 - 0.25 * random.random()), max_delay)


def server_delay(headers: httpx.Headers) -> float | None:
    """Seconds the server asked to wait (`retry-after-ms`, `retry-after` in seconds or as a
    date), if it said so as a finite number: the `retry_after` of its rate-limit headers, read
    by the spec's rules."""
    from ._rate_limits import read_rate_limits  # an error's path: loaded when first needed

    return read_rate_limits(headers).retry_after
