"""Reading answers: a successful body into its result type, and every failure into a typed
error, the key redacted. A part of the client (`BaseClient`)."""

from __future__ import annotations

import time
from typing import Any

import httpx

from . import _json
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ServiceRetiredError,
    status_error_for,
)
from ._logging import safe_request
from ._providers import Provider
from ._request import Call, request_id

__all__ = ["Reading"]


class Reading:
    """How the client reads what a server answered."""

    provider: Provider

    def _redact(self, text: str) -> str:
        raise NotImplementedError

    def _redact_body(self, body: Any) -> Any:
        raise NotImplementedError

    def _redact_headers(self, headers: httpx.Headers) -> httpx.Headers:
        raise NotImplementedError

    def _result(self, call: Call, response: httpx.Response, started: float) -> Any:
        """The call's result type from a successful response (its bytes for `bytes`)."""
        if call.cast_to is bytes:
            return response.content
        data = self._decode(response)
        body = call.body
        requested = body.get("model") if body is not None else None
        try:
            model = call.endpoint.response_model(data)
            result = self.provider.wire.result(model, data, call.cast_to, requested)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise self._invalid_body(response, exc) from None
        if call.prepared.trace is not None:  # telemetry: the try answered
            call.prepared.trace.answered(response)
        if hasattr(result, "latency"):  # a completion: when and how it came
            result.latency = time.perf_counter() - started
            result.headers = response.headers
        return result

    def _decode(self, response: httpx.Response) -> Any:
        """The JSON of a successful response's body."""
        try:
            return _json.loads(response.content)
        except (ValueError, RecursionError) as exc:
            raise self._invalid_body(response, exc) from None

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        try:
            body: object = _json.loads(response.content) if response.content else None
        except (ValueError, RecursionError):
            body = response.text
        name = self.provider.name
        message, _ = self.provider.wire.error(body)
        message = self._redact(message)
        status = response.status_code
        if 300 <= status < 400:  # redirects are followed: this one had nowhere, or too far, to go
            where = response.headers.get("location")
            message = f"a redirect not followed (Location: {where})" if where else "a redirect"
        response.request = safe_request(response.request)
        response.headers = self._redact_headers(response.headers)
        kind = status_error_for(status, message, response.headers)
        if kind is ServiceRetiredError and self.provider.retired:
            message = f"{self.provider.retired} {message}".strip()
        return kind(
            f"Error code {status} from {name}: {message}"
            if message
            else f"Error code {status} from {name}",
            response=response,
            body=self._redact_body(body),
            provider=name,
            request_id=request_id(response.headers),
        )

    def _too_large(self, response: httpx.Response, exc: Exception) -> APIError:
        """The error for a body over `max_response_bytes`: the status error with the body cut
        where it was, or for a success a validation error."""
        if response.status_code >= 300:
            return self._status_error(response)
        return APIResponseValidationError(
            f"The {self.provider.name} server's answer is too large: {exc} (raise it with "
            "max_response_bytes= if it is meant to be that large).",
            request=safe_request(response.request),
            body=self._redact(response.content[:1000].decode("utf-8", "replace")),
            provider=self.provider.name,
        )

    def _connection_error(self, exc: Exception, request: httpx.Request) -> APIConnectionError:
        provider = self.provider.name
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"Request to {provider} timed out ({type(exc).__name__}).",
                request=safe_request(request),
                provider=provider,
            )
        return APIConnectionError(
            self._redact(
                f"Could not talk to {provider} at {request.url.host}: {type(exc).__name__}: {exc}"
            ),
            request=safe_request(request),
            provider=provider,
        )

    def _invalid_body(self, response: httpx.Response, exc: Exception) -> APIError:
        """The error for a successful response whose body is not what the endpoint describes:
        the server's own error, if the body is one, else a validation error."""
        try:
            data = _json.loads(response.content)
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict) and "error" in data:
            return self._status_error(response)
        return APIResponseValidationError(
            self._redact(
                f"The {self.provider.name} server answered {response.status_code} with a body "
                f"trilogue cannot read ({type(exc).__name__}: {exc}): {response.text[:200]!r}"
            ),
            request=safe_request(response.request),
            body=self._redact(response.text),
            provider=self.provider.name,
        )
