"""Sending: the request a call describes with this call's options applied, the headers and
timeouts it is sent with, and when a failed try is tried again. A part of the client."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import httpx

from ._exceptions import APIConnectionError, APIStatusError
from ._logging import logger, redact_headers, redact_url, safe_request
from ._providers import Provider
from ._request import (
    PreparedRequest,
    RequestOptions,
    as_timeout,
    encode,
    encode_multipart,
    merge_headers,
)
from ._retry import retry_delay, server_delay, should_retry
from ._telemetry import attempt_failed

__all__ = ["Sending"]

_URLS_KEPT = 64
"""Parsed addresses a client keeps: its few endpoints, not every batch job's own address."""


class Sending:
    """How the client builds and re-sends requests."""

    provider: Provider
    timeout: httpx.Timeout | None
    max_retries: int
    max_retry_delay: float
    stream_idle_timeout: float | None
    _base: str
    _headers: dict[str, str]
    _headers_on_client: bool
    _header_cache: dict[tuple[tuple[tuple[str, str], ...], bool], dict[str, str]]
    _urls: dict[str, httpx.URL]
    _http: httpx.Client | httpx.AsyncClient

    def _connection_error(self, exc: Exception, request: httpx.Request) -> APIConnectionError:
        raise NotImplementedError

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        raise NotImplementedError

    def _prepare(
        self,
        endpoint_kwargs: Mapping[str, Any],
        options: RequestOptions,
        *,
        stream: bool = False,
        events: bool | None = None,
    ) -> PreparedRequest:
        """The request a generated endpoint's `request_kwargs` describes, with this call's
        options (extra headers, query and body; timeouts) applied. Its body is JSON, a
        multipart form (`files`) or raw `content`; an absolute `url` is another origin's (a
        presigned upload or download), sent without the API key. A stream asks for events
        (`Accept: text/event-stream`) unless `events` is False (a file read as it comes)."""
        body = endpoint_kwargs.get("json")
        extra_body = options.get("extra_body")
        if extra_body:
            body = {**(body or {}), **extra_body}
        content = None if body is None else encode(body)
        headers = self._headers_for(
            endpoint_kwargs.get("headers"), stream if events is None else events
        )
        url: str = endpoint_kwargs["url"]
        foreign = url.startswith(("http://", "https://"))
        if foreign:
            headers = dict(endpoint_kwargs.get("headers") or {})
            content = endpoint_kwargs.get("content")
        elif (files := endpoint_kwargs.get("files")) is not None:
            content, content_type = encode_multipart(files)  # its boundary: not cached
            headers = merge_headers(headers, {"Content-Type": content_type})
        extra_headers = options.get("extra_headers")
        if extra_headers:
            headers = merge_headers(headers, extra_headers)
        params = endpoint_kwargs.get("params")
        extra_query = options.get("extra_query")
        if extra_query:
            params = {**(params or {}), **extra_query}
        timeout = options.get("timeout")
        return PreparedRequest(
            method=endpoint_kwargs["method"].upper(),
            url=url if foreign else self._base + url.lstrip("/"),
            content=content,
            headers=headers,
            params=params or None,
            timeout=as_timeout(timeout) if timeout is not None else self.timeout,
            stream=stream,
            idle_timeout=options.get("stream_idle_timeout", self.stream_idle_timeout),
            deadline=options.get("deadline"),
            foreign=foreign,
        )

    def _headers_for(
        self, endpoint_headers: Mapping[str, str] | None, stream: bool
    ) -> dict[str, str]:
        """The headers a request is sent with: the client's, an endpoint's own (its
        Content-Type) and, for a stream, `Accept: text/event-stream`; the few combinations are
        built once and kept. When the httpx client is this client's own, they start from the
        headers it holds (httpx's defaults, then the client's), so requests can be built
        without httpx merging them again on every call (`_build`)."""
        key = (tuple(endpoint_headers.items()) if endpoint_headers else (), stream)
        headers = self._header_cache.get(key)
        if headers is None:
            headers = self._headers
            if self._headers_on_client:
                sent = self._http.headers.raw
                headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in sent}
            if endpoint_headers:
                headers = merge_headers(headers, endpoint_headers)
            if stream:
                headers = merge_headers(headers, {"Accept": "text/event-stream"})
            self._header_cache[key] = headers
        return headers

    def _request_timeout(
        self, prepared: PreparedRequest, http_timeout: httpx.Timeout
    ) -> httpx.Timeout:
        timeout = prepared.timeout or http_timeout
        idle = prepared.idle_timeout
        if prepared.stream and idle is not None and (timeout.read is None or idle < timeout.read):
            # A socket read that waits longer than the idle limit can never end well.
            return httpx.Timeout(
                connect=timeout.connect, read=idle, write=timeout.write, pool=timeout.pool
            )
        return timeout

    def _build(
        self, prepared: PreparedRequest, timeout: httpx.Timeout, retries: int
    ) -> httpx.Request:
        # The URL parsed and the timeout given as httpx's extension: httpx would parse the
        # address and copy the timeout on every request, a tenth of a call's cost.
        url, extensions = self._parsed_url(prepared.url), {"timeout": timeout.as_dict()}
        build: Callable[..., httpx.Request] = self._http.build_request
        if self._headers_on_client and not prepared.foreign and not self._http.cookies:
            # Our own httpx client adds nothing to a request but its headers (in `prepared`
            # already) and cookies (none here): the request is built as httpx would.
            build = httpx.Request
        request = build(
            prepared.method,
            url,
            content=prepared.content,
            headers=prepared.headers,
            params=prepared.params,
            extensions=extensions,
        )
        if prepared.foreign:  # the key stays with the provider's origin
            request.headers.pop("Authorization", None)
        if prepared.trace is not None:  # telemetry: this try's span and traceparent
            prepared.trace.sent(request, retries)
        if logger.isEnabledFor(10):
            logger.debug(
                "%s %s (try %d, provider %s) headers=%s",
                request.method,
                redact_url(request.url),
                retries + 1,
                self.provider.name,
                redact_headers(request.headers),
            )
        return request

    def _parsed_url(self, url: str) -> httpx.URL:
        """`url` as httpx's URL, parsed once per address (a few dozen are kept)."""
        parsed = self._urls.get(url)
        if parsed is None:
            parsed = httpx.URL(url)
            if len(self._urls) < _URLS_KEPT:
                self._urls[url] = parsed
        return parsed

    def _retry_after_error(self, retries: int, exc: Exception, request: httpx.Request) -> float:
        """The wait before retrying a failed connection, or the error if no retry is left."""
        if retries >= self.max_retries:
            if isinstance(exc, httpx.RequestError):
                exc.request = safe_request(request)  # the cause keeps no key either
            raise self._connection_error(exc, request) from exc
        attempt_failed(request, exc)
        delay = retry_delay(retries, None, self.max_retry_delay)
        logger.info("Retrying in %.2f s after %s", delay, type(exc).__name__)
        return delay

    def _retry_wait(self, retries: int) -> float:
        """The backoff before try `retries + 1` when the server gave no hint."""
        delay = retry_delay(retries, None, self.max_retry_delay)
        logger.info("Retrying the stream in %.2f s after an error before any content", delay)
        return delay

    def _retry_after_status(self, retries: int, response: httpx.Response) -> float:
        """The wait before retrying an error status (its body read), or its error when it is not
        to be retried: no try left, a status not retried, or a server asking for a longer wait
        than `max_retry_delay` (never tried again before the server's time)."""
        asked = server_delay(response.headers)
        if (
            retries >= self.max_retries
            or not should_retry(response)
            or (asked is not None and asked > self.max_retry_delay)
        ):
            raise self._status_error(response)
        attempt_failed(response.request, response.status_code)
        delay = retry_delay(retries, response.headers, self.max_retry_delay)
        logger.info("Retrying in %.2f s after status %d", delay, response.status_code)
        return delay
