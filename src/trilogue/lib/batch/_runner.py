"""`run_batch` / `arun_batch`: send a JSONL file of chat requests with bounded concurrency,
paced by rate limits, writing one result line per request as each finishes, resumable."""

from __future__ import annotations

import asyncio
import contextvars
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack

import httpx

from ..._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ..._client import AsyncTrilogue
from ..._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InvalidParameterError,
)
from ..._providers import ProviderName
from ._files import InputLine, OutputWriter, check_input, read_input, recover_output
from ._limits import AdaptiveLimiter, estimate_tokens, read_rate_limits
from ._progress import Progress, ProgressTracker, progress_stream
from ._transport import PooledTransport
from ._usage import UsageTotals

__all__ = ["BatchSummary", "arun_batch", "run_batch"]

PathLike = str | os.PathLike[str]

_STATUS_CODES = {
    400: "bad_request",
    401: "authentication_error",
    403: "permission_denied",
    404: "not_found",
    408: "request_timeout",
    409: "conflict",
    413: "request_too_large",
    422: "unprocessable_entity",
    429: "rate_limit_exceeded",
}


@dataclass(frozen=True)
class BatchSummary:
    """How a run ended: `failed` counts error lines in the whole output (earlier runs too)."""

    total: int
    succeeded: int
    failed: int
    skipped: int
    sent: int
    tokens: int
    elapsed: float
    throttled: int
    usage: UsageTotals = field(default_factory=UsageTotals)
    """This run's token totals in the one usage shape (cached, cache-write, reasoning)."""

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: 0 when every line succeeded, 3 when some are error lines."""
        return 3 if self.failed else 0


@dataclass
class _Attempt:
    """The line a worker is sending: lets the HTTP hooks pace the client's own retries."""

    tokens: int
    first_sent: bool = False


_ATTEMPT: contextvars.ContextVar[_Attempt | None] = contextvars.ContextVar(
    "trilogue_batch_attempt", default=None
)


class BatchOptions(TypedDict, total=False):
    """`run_batch`'s keyword arguments: those of `arun_batch`."""

    provider: ProviderName
    base_url: str | None
    api_key: str | None
    model: str | None
    concurrency: int
    rpm: float | None
    tpm: float | None
    max_retries: int
    timeout: float | httpx.Timeout | None
    on_progress: Callable[[Progress], object] | None
    show_progress: bool | None
    http_client: httpx.AsyncClient | None


def run_batch(input: PathLike, output: PathLike, **options: Unpack[BatchOptions]) -> BatchSummary:
    """The sync form of `arun_batch` (it runs its own event loop)."""
    return asyncio.run(arun_batch(input, output, **options))


async def arun_batch(
    input: PathLike,
    output: PathLike,
    *,
    provider: ProviderName = "openai-compatible",
    base_url: str | None = None,
    api_key: str | None = None,
    model: str | None = None,
    concurrency: int = 16,
    rpm: float | None = None,
    tpm: float | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    timeout: float | httpx.Timeout | None = None,
    on_progress: Callable[[Progress], object] | None = None,
    show_progress: bool | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> BatchSummary:
    """Sends every line of `input` (OpenAI batch lines, or Mistral's `{custom_id, body}`) and
    appends a result line per line to `output`; lines already there are skipped (a resume).

    `model` fills bodies that name none; `rpm`/`tpm` cap the pace (else it is learned from the
    provider's headers and 429s). Raises `BatchInputError` before sending anything if a line
    is malformed or a custom_id repeats. `show_progress` defaults to stderr being a terminal.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be 1 or more")
    ids = check_input(input)
    total = len(ids)
    state = recover_output(output)
    done = state.done & ids  # results of lines no longer in the input do not count
    del ids
    stream = progress_stream(show_progress)
    tracker = ProgressTracker(total, len(done), len(state.failed & done), on_progress, stream)
    limiter = AdaptiveLimiter(rpm, tpm)
    http = http_client or httpx.AsyncClient(
        timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
        transport=PooledTransport(concurrency),
    )
    hooks = _Hooks(limiter)
    hooks.install(http)
    client = AsyncTrilogue(
        provider,
        api_key=api_key,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        http_client=http,
    )
    runner = _Runner(client, limiter, tracker, model)
    try:
        with OutputWriter(output) as writer:
            await runner.run(read_input(input), done, writer, concurrency)
    finally:
        hooks.remove(http)
        if http_client is None:
            await http.aclose()
    final = tracker.finish()
    return BatchSummary(
        total=total,
        succeeded=final.succeeded,
        failed=final.failed,
        skipped=final.skipped,
        sent=runner.sent,
        tokens=final.tokens,
        elapsed=final.elapsed,
        throttled=limiter.throttled,
        usage=runner.usage,
    )


class _Hooks:
    """httpx event hooks: every response (retries' too) teaches the limiter; every retry the
    client makes waits for a slot like a first try."""

    def __init__(self, limiter: AdaptiveLimiter) -> None:
        self._limiter = limiter

    def install(self, http: httpx.AsyncClient) -> None:
        hooks = http.event_hooks
        hooks["request"] = [*hooks.get("request", []), self.on_request]
        hooks["response"] = [*hooks.get("response", []), self.on_response]
        http.event_hooks = hooks

    def remove(self, http: httpx.AsyncClient) -> None:
        hooks = http.event_hooks
        hooks["request"] = [h for h in hooks.get("request", []) if h != self.on_request]
        hooks["response"] = [h for h in hooks.get("response", []) if h != self.on_response]
        http.event_hooks = hooks

    async def on_request(self, request: httpx.Request) -> None:
        attempt = _ATTEMPT.get()
        if attempt is None:
            return
        if attempt.first_sent:
            await self._limiter.acquire(attempt.tokens, retry=True)  # the client's retry
        attempt.first_sent = True

    async def on_response(self, response: httpx.Response) -> None:
        if _ATTEMPT.get() is not None:
            self._limiter.observe(response.status_code, read_rate_limits(response.headers))


class _Runner:
    """The workers: take lines from a bounded queue, send them, write their results."""

    def __init__(
        self,
        client: AsyncTrilogue,
        limiter: AdaptiveLimiter,
        tracker: ProgressTracker,
        model: str | None,
    ) -> None:
        self._client = client
        self._limiter = limiter
        self._tracker = tracker
        self._model = model
        self.sent = 0
        self.usage = UsageTotals()

    async def run(self, lines: Any, done: set[str], writer: OutputWriter, concurrency: int) -> None:
        queue: asyncio.Queue[InputLine | None] = asyncio.Queue(maxsize=2 * concurrency)
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(self._work(queue, writer))
            for line in lines:
                if line.custom_id not in done:
                    await queue.put(line)
            for _ in range(concurrency):
                await queue.put(None)

    async def _work(self, queue: asyncio.Queue[InputLine | None], writer: OutputWriter) -> None:
        while (line := await queue.get()) is not None:
            record, tokens = await self._one(line)
            writer.write(record)
            self._tracker.add(record["error"] is None, tokens)

    async def _one(self, line: InputLine) -> tuple[dict[str, Any], int]:
        """The result line for one input line, and the tokens it used."""
        if line.problem is not None:
            return _error_line(line.custom_id, None, "invalid_request", line.problem), 0
        body = line.body
        if "model" not in body and self._model is not None:
            body = {**body, "model": self._model}
        max_tokens = body.get("max_completion_tokens", body.get("max_tokens"))
        estimate = estimate_tokens(line.size, max_tokens)
        await self._limiter.acquire(estimate)
        attempt = _Attempt(estimate)
        _ATTEMPT.set(attempt)
        try:
            completion = await self._client.chat.completions.create(**body)
        except Exception as exc:  # every failure becomes an error line, never a crash
            if not attempt.first_sent:
                self._limiter.refund(estimate)  # refused before sending
            else:
                self.sent += 1
            return _failure(line.custom_id, exc), 0
        finally:
            _ATTEMPT.set(None)
            self._limiter.opened()
        self.sent += 1
        usage = completion.usage
        self.usage.add(usage)
        used = usage.total_tokens if usage is not None and usage.total_tokens else 0
        if used:
            self._limiter.used(estimate, used)
        response = {
            "status_code": 200,
            "request_id": completion.request_id,
            "body": completion.to_dict(),
        }
        return {
            "id": _line_id(),
            "custom_id": line.custom_id,
            "response": response,
            "error": None,
        }, used


def _line_id() -> str:
    return f"batch_req_{uuid.uuid4().hex}"


def _error_line(
    custom_id: str, response: dict[str, Any] | None, code: str, message: str
) -> dict[str, Any]:
    return {
        "id": _line_id(),
        "custom_id": custom_id,
        "response": response,
        "error": {"code": code, "message": message},
    }


def _failure(custom_id: str, exc: Exception) -> dict[str, Any]:
    """The error line for a request that failed (after the client's retries)."""
    if isinstance(exc, InvalidParameterError):
        return _error_line(custom_id, None, "invalid_request", f"body.{exc.param}: {exc}")
    if isinstance(exc, APIStatusError):
        status = exc.status_code
        code = _STATUS_CODES.get(status) or ("server_error" if status >= 500 else "http_error")
        response = {"status_code": status, "request_id": exc.request_id, "body": exc.body}
        return _error_line(custom_id, response, code, str(exc))
    if isinstance(exc, TypeError | ValueError) and not isinstance(exc, APIError):
        return _error_line(custom_id, None, "invalid_request", f"body: {exc}")
    return _error_line(custom_id, None, _code_of(exc), str(exc) or type(exc).__name__)


def _code_of(exc: Exception) -> str:
    if isinstance(exc, APITimeoutError):
        return "timeout"
    if isinstance(exc, APIConnectionError):
        return "connection_error"
    if isinstance(exc, APIResponseValidationError):
        return "invalid_response"
    if isinstance(exc, APIError):
        return "api_error"
    return "internal_error"
