"""The adaptive limiter that paces a batch's requests by what the responses' rate-limit headers
say (read by the core, `trilogue._rate_limits`, from the spec) or by limits the user gives."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from ..._rate_limits import RateLimits, read_rate_limits

__all__ = ["AdaptiveLimiter", "RateLimits", "estimate_tokens", "read_rate_limits"]


def estimate_tokens(body_size: int, max_tokens: object) -> int:
    """A request's token cost before sending: about 4 bytes of JSON per prompt token, plus the
    completion tokens it may use (`max_tokens`, else a guess of 256)."""
    completion = max_tokens if isinstance(max_tokens, int) and max_tokens > 0 else 256
    return body_size // 4 + completion


class AdaptiveLimiter:
    """Paces request starts by requests and tokens per minute.

    The limits are the user's (fixed caps) or learned from the headers; the pace is cut in half
    on a 429 (and every start waits what the server said), slows as `remaining` nears 0, and
    creeps back up on each success. With no limit known, requests go unpaced until a 429.
    """

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._cap_rps = rpm / 60.0 if rpm else None
        self._cap_tps = tpm / 60.0 if tpm else None
        self._rps = self._cap_rps  # the current pace, requests per second (None: unpaced)
        self._tps = self._cap_tps
        self._clock = clock
        self._next_request = 0.0  # when the next request may start
        self._next_token = 0.0  # when the token budget allows the next start
        self._pause_until = 0.0
        self._spacing = 0.0  # a minimum gap while `remaining` is low
        self._spacing_until = 0.0
        self._last_cut = -1e9
        self._starts: deque[float] = deque()
        self._successes: deque[float] = deque()
        self._ceiling: float | None = None  # the success rate when the last 429 came
        self.throttled = 0  # 429s seen
        self._opened = asyncio.Event()
        self._probing = False
        if rpm:
            self._opened.set()  # paced from the start: no need to probe

    @property
    def requests_per_minute(self) -> float | None:
        """The current request pace (None while unpaced)."""
        return None if self._rps is None else self._rps * 60.0

    def reserve(self, tokens: int) -> float:
        """Takes the next start slot for a request of `tokens`; returns the seconds to wait."""
        now = self._clock()
        start = max(now, self._pause_until)
        if self._rps is not None:
            start = max(start, self._next_request)
            gap = 1.0 / self._rps
            if now < self._spacing_until:
                gap = max(gap, self._spacing)
            self._next_request = start + gap
        elif now < self._spacing_until:
            start = max(start, self._next_request)
            self._next_request = start + self._spacing
        if self._tps is not None:
            start = max(start, self._next_token)
            self._next_token = start + tokens / self._tps
        self._starts.append(start)
        if len(self._starts) > 4096:
            self._starts.popleft()
        return start - now

    async def acquire(self, tokens: int, *, retry: bool = False) -> None:
        """Waits for the next start slot. With no pace given, the first request goes alone and
        the rest wait for its outcome (`opened()`), so the limits its headers carry are known
        before the others start; a `retry` of a request already started never waits for that."""
        if not retry and not self._opened.is_set():
            if self._probing:
                await self._opened.wait()
            self._probing = True
        delay = self.reserve(tokens)
        if delay > 0:
            await asyncio.sleep(delay)

    def opened(self) -> None:
        """The first request has an outcome (an answer, an error, or refused before sending)."""
        self._opened.set()

    def refund(self, tokens: int) -> None:
        """Gives back a slot that was not used (the request was refused before sending)."""
        if self._rps is not None:
            self._next_request -= 1.0 / self._rps
        if self._tps is not None:
            self._next_token -= tokens / self._tps

    def used(self, estimated: int, actual: int) -> None:
        """Corrects the token budget once a response says what a request really cost."""
        if self._tps is not None:
            self._next_token += (actual - estimated) / self._tps

    def observe(self, status: int, limits: RateLimits) -> None:
        """Learns from one response (every try, retries included)."""
        now = self._clock()
        self._learn(limits)
        if status == 429:
            self._throttled(now, limits)
        elif status < 400:
            self._successes.append(now)
            if len(self._successes) > 4096:
                self._successes.popleft()
            if self._rps is not None:
                self._rps = self._grown(self._rps)
        self._near_empty(now, limits)

    def _grown(self, rps: float) -> float:
        """The pace after a success: back quickly to just under the rate the server last
        allowed, then probing above it slowly (the limit may have been raised)."""
        ceiling = self._ceiling
        if ceiling is None:
            rps *= 1.02 if self._cap_rps is not None else 1.002
        elif rps < 0.95 * ceiling:
            rps = min(rps * 1.02, 0.95 * ceiling)
        else:
            rps *= 1.0005
        return rps if self._cap_rps is None else min(rps, self._cap_rps)

    def _learn(self, limits: RateLimits) -> None:
        if limits.limit_requests:
            learned = limits.limit_requests / 60.0
            if self._cap_rps is None or learned < self._cap_rps:
                self._cap_rps = learned
                self._rps = learned if self._rps is None else min(self._rps, learned)
        if limits.limit_tokens:
            learned = limits.limit_tokens / 60.0
            if self._cap_tps is None or learned < self._cap_tps:
                self._cap_tps = learned
                self._tps = learned if self._tps is None else min(self._tps, learned)

    def _throttled(self, now: float, limits: RateLimits) -> None:
        self.throttled += 1
        wait = limits.retry_after if limits.retry_after is not None else 1.0
        self._pause_until = max(self._pause_until, now + wait)
        if now - self._last_cut < 1.0:
            return  # one cut per burst of 429s from the same window
        self._last_cut = now
        current = self._rps if self._rps is not None else self._rate(self._starts, now)
        allowed = self._rate(self._successes, now)
        self._ceiling = allowed if allowed > 0 else None
        self._rps = max(current / 2.0, 0.05) if current > 0 else 1.0
        if self._tps is not None:
            self._tps = max(self._tps / 2.0, 1.0)

    @staticmethod
    def _rate(times: deque[float], now: float) -> float:
        """Events per second over the last 10 seconds (0.0 with fewer than two)."""
        recent = [t for t in times if now - 10.0 < t <= now]
        if len(recent) < 2:
            return 0.0
        return len(recent) / max(now - recent[0], 1.0)

    def _near_empty(self, now: float, limits: RateLimits) -> None:
        """Spreads what is left of the window over the time until it resets; waits for the
        reset when nothing is left."""
        for remaining, reset in (
            (limits.remaining_requests, limits.reset_requests),
            (limits.remaining_tokens, limits.reset_tokens),
        ):
            if remaining == 0:
                wait = reset if reset is not None else 1.0
                self._pause_until = max(self._pause_until, now + min(wait, 60.0))
        remaining, limit = limits.remaining_requests, limits.limit_requests
        if remaining and limit and remaining <= limit // 10:
            window = limits.reset_requests if limits.reset_requests is not None else 60.0
            self._spacing = min(window, 60.0) / remaining
            self._spacing_until = now + min(window, 60.0)
