"""The errors trilogue raises. Every failure of a call is an `APIError` or a `ValueError`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, TypedDict, Unpack

import httpx

from ._retry import server_delay

if TYPE_CHECKING:
    from ._rate_limits import RateLimits


class TrilogueError(Exception):
    """Base class of every error trilogue raises."""


class ErrorContext(TypedDict, total=False):
    """Where an error came from: the request (its credentials redacted), the body the server
    sent (redacted likewise) and the provider's name."""

    request: httpx.Request | None
    body: object | None
    provider: str | None


class APIError(TrilogueError):
    """A request failed: the server said no, could not be reached, or sent something broken."""

    message: str
    request: httpx.Request | None
    body: object | None
    provider: str | None

    def __init__(self, message: str, **context: Unpack[ErrorContext]) -> None:
        super().__init__(message)
        self.message = message
        self.request = context.get("request")
        self.body = context.get("body")
        self.provider = context.get("provider")


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer came."""

    default_message = "Connection error."

    def __init__(
        self,
        message: str | None = None,
        *,
        request: httpx.Request | None = None,
        provider: str | None = None,
    ) -> None:
        super().__init__(message or self.default_message, request=request, provider=provider)


class APITimeoutError(APIConnectionError):
    """The request, or a stream waiting for its next chunk, took longer than allowed."""

    default_message = "Request timed out."


class APIResponseValidationError(APIError):
    """The server answered 2xx with a body that is not a chat completion."""


class APIStreamError(APIError):
    """A stream broke after it started: an error event, a cut connection or a malformed line."""

    code: object | None

    def __init__(
        self, message: str, *, code: object | None = None, **context: Unpack[ErrorContext]
    ) -> None:
        super().__init__(message, **context)
        self.code = code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int
    response: httpx.Response
    headers: httpx.Headers
    request_id: str | None
    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        provider: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request=response.request, body=body, provider=provider)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = request_id
        # Seconds the server asked to wait before another try (`Retry-After`), if it said: a
        # wait longer than the client's `max_retry_delay` is raised at once, with this set.
        self.retry_after = server_delay(response.headers)

    @property
    def rate_limits(self) -> RateLimits:
        """What the response's rate-limit headers say (a 429's, say, how long until a reset)."""
        from ._rate_limits import read_rate_limits  # loaded when first asked

        return read_rate_limits(self.response.headers)


class BadRequestError(APIStatusError):
    """400."""


class ContextWindowExceededError(BadRequestError):
    """The prompt (with the tokens asked for) does not fit the model's context window, whatever
    words the provider used to say so, as a status error or inside a stream."""


class AuthenticationError(APIStatusError):
    """401."""


class PermissionDeniedError(APIStatusError):
    """403."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409."""


class UnprocessableEntityError(APIStatusError):
    """422."""


class RateLimitError(APIStatusError):
    """429."""


class InternalServerError(APIStatusError):
    """500 or above."""


class InvalidParameterError(TrilogueError, ValueError):
    """A request value is outside what the API allows; raised before anything is sent."""

    def __init__(self, message: str, *, param: str, provider: str | None = None) -> None:
        super().__init__(message)
        self.param = param
        self.provider = provider


class UnsupportedParameterError(InvalidParameterError):
    """The chosen provider does not accept this request field; raised before anything is sent."""


class UnsupportedOperationError(TrilogueError):
    """The chosen provider does not serve this operation (a batch API on the Llama API, say);
    raised before anything is sent."""

    def __init__(self, message: str, *, operation: str, provider: str) -> None:
        super().__init__(message)
        self.operation = operation
        self.provider = provider


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    if status >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status, APIStatusError)


# How providers say a prompt is too long for the model: OpenAI-style code
# `context_length_exceeded`; llama.cpp "exceeds the available context size"; vLLM "maximum
# context length"; Mistral "too large for model"; others "prompt is too long", "context window".
_CONTEXT_WINDOW = re.compile(
    r"context_length_exceeded|context[ _]length|context size|context window|"
    r"too large for (?:the )?model|prompt is too long|input is too long|too many tokens",
    re.IGNORECASE,
)


def is_context_window_error(message: str) -> bool:
    """Whether an error's text says the prompt does not fit the model's context."""
    return _CONTEXT_WINDOW.search(message) is not None


class StreamContextWindowExceededError(ContextWindowExceededError, APIStreamError):
    """A context-window error reported inside a stream: catchable as either kind, with the
    status the error event carries (`status_code`) and its `code`."""


class ServiceRetiredError(APIStatusError):
    """The service was retired: it answers 410 Gone, or with a `Sunset` header (RFC 8594) whose
    date has passed. Meta's Llama API public preview answers so since 2026-07-06."""


def status_error_for(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> type[APIStatusError]:
    """The error class for a status, the provider's message and the response headers."""
    if status in (400, 413, 422) and is_context_window_error(message):
        return ContextWindowExceededError
    if status == 410 or (headers is not None and sunset_passed(headers.get("sunset"))):
        return ServiceRetiredError
    return status_error_class(status)


def sunset_passed(value: str | None) -> bool:
    """Whether a `Sunset` header's HTTP date is in the past."""
    if not value:
        return False
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when <= datetime.now(UTC)
