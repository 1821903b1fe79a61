"""One line of a batch sent as a chat completion and turned into its result line: the piece the
file runner (`_runner`) and the Ray Data stage (`trilogue.ray.ChatStage`) share. One client and
one limiter per sender; lines may be sent from many tasks at once."""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass
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
from ._files import InputLine, status_code_name
from ._limits import AdaptiveLimiter, estimate_tokens, read_rate_limits
from ._transport import FreeListTransport
from ._usage import UsageTotals

__all__ = ["DEFAULT_CONCURRENCY", "ConnectionOptions", "LineSender", "error_line"]

DEFAULT_CONCURRENCY = 16


class ConnectionOptions(TypedDict, total=False):
    """How lines reach the provider: the options the batch runner and the Ray stage share."""

    base_url: str | None
    api_key: str | None
    model: str | None  # fills bodies that name none
    concurrency: int  # requests in flight at most
    rpm: float | None  # requests a minute at most (else learned from the provider)
    tpm: float | None  # tokens a minute at most (else learned from the provider)
    max_retries: int
    timeout: float | httpx.Timeout | None


@dataclass
class _Attempt:
    """The line a task is sending: lets the HTTP hooks pace the client's own retries."""

    tokens: int
    first_sent: bool = False


_ATTEMPT: contextvars.ContextVar[_Attempt | None] = contextvars.ContextVar(
    "trilogue_batch_attempt", default=None
)


class LineSender:
    """Sends batch lines over one `AsyncTrilogue` paced by one `AdaptiveLimiter`.

    `http_client`, if given, stays the caller's to close; otherwise the sender makes one with
    `concurrency` connections and closes it in `aclose()`.
    """

    def __init__(
        self,
        *,
        provider: ProviderName = "openai-compatible",
        http_client: httpx.AsyncClient | None = None,
        **options: Unpack[ConnectionOptions],
    ) -> None:
        concurrency = options.get("concurrency", DEFAULT_CONCURRENCY)
        if concurrency < 1:
            raise ValueError("concurrency must be 1 or more")
        timeout = options.get("timeout")
        self.limiter = AdaptiveLimiter(options.get("rpm"), options.get("tpm"))
        self._owns_http = http_client is None
        # Made before the client checks its options: a refused option leaves an httpx client
        # that never opened a connection, nothing to close.
        http = http_client or httpx.AsyncClient(
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            transport=FreeListTransport(concurrency),
        )
        self._client = AsyncTrilogue(
            provider,
            api_key=options.get("api_key"),
            base_url=options.get("base_url"),
            timeout=timeout,
            max_retries=options.get("max_retries", DEFAULT_MAX_RETRIES),
            http_client=http,
        )
        self._hooks = _Hooks(self.limiter)
        self._hooks.install(http)
        self._http: httpx.AsyncClient | None = http
        self._model = options.get("model")
        self.sent = 0
        self.usage = UsageTotals()

    def __repr__(self) -> str:
        return f"LineSender({self._client!r})"

    async def aclose(self) -> None:
        """Takes the hooks off the HTTP client, and closes it if the sender made it."""
        http, self._http = self._http, None
        if http is None:
            return
        self._hooks.remove(http)
        if self._owns_http:
            await http.aclose()

    async def send(self, line: InputLine) -> tuple[dict[str, Any], int]:
        """The result line for one input line, and the tokens it used. Never raises for the
        line's own failure: a line that cannot be sent, or fails after the client's retries,
        is an error line."""
        if line.problem is not None:
            return error_line(line.custom_id, None, "invalid_request", line.problem), 0
        body = line.body
        if "model" not in body and self._model is not None:
            body = {**body, "model": self._model}
        max_tokens = body.get("max_completion_tokens", body.get("max_tokens"))
        estimate = estimate_tokens(line.size, max_tokens)
        await self.limiter.acquire(estimate)
        attempt = _Attempt(estimate)
        token = _ATTEMPT.set(attempt)
        try:
            completion = await self._client.chat.completions.create(**body)
        except Exception as exc:  # every failure becomes an error line, never a crash
            if not attempt.first_sent:
                self.limiter.refund(estimate)  # refused before sending
            else:
                self.sent += 1
            return _failure(line.custom_id, exc), 0
        finally:
            _ATTEMPT.reset(token)
            self.limiter.opened()
        self.sent += 1
        usage = completion.usage
        self.usage.add(usage)
        used = usage.total_tokens if usage is not None and usage.total_tokens else 0
        if used:
            self.limiter.used(estimate, used)
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


def _line_id() -> str:
    return f"batch_req_{uuid.uuid4().hex}"


def error_line(
    custom_id: str, response: dict[str, Any] | None, code: str, message: str
) -> dict[str, Any]:
    """A result line for a line that failed: `error` is `{"code", "message"}`."""
    return {
        "id": _line_id(),
        "custom_id": custom_id,
        "response": response,
        "error": {"code": code, "message": message},
    }


def _failure(custom_id: str, exc: Exception) -> dict[str, Any]:
    """The error line for a request that failed (after the client's retries)."""
    if isinstance(exc, InvalidParameterError):
        return error_line(custom_id, None, "invalid_request", f"body.{exc.param}: {exc}")
    if isinstance(exc, APIStatusError):
        status = exc.status_code
        code = status_code_name(status)
        response = {"status_code": status, "request_id": exc.request_id, "body": exc.body}
        return error_line(custom_id, response, code, str(exc))
    if isinstance(exc, TypeError | ValueError) and not isinstance(exc, APIError):
        return error_line(custom_id, None, "invalid_request", f"body: {exc}")
    return error_line(custom_id, None, _code_of(exc), str(exc) or type(exc).__name__)


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
