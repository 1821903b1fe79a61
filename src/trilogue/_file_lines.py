"""A file's lines read from a streamed response as they arrive (a batch job's results, which
can be far larger than any answer a client reads whole): each line bounded, the connection
closed at the end or on an error, and a failed read raised as trilogue's error."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import APIResponseValidationError
from ._logging import safe_request
from ._request import aclose_shielded
from ._sse import DEFAULT_MAX_LINE, PendingLine, SSELineTooLong

if TYPE_CHECKING:
    from ._base_client import BaseClient

__all__ = ["aiter_lines", "iter_lines"]


class _Lines:
    """Splits bytes into lines (without their ending), refusing one over `max_line`."""

    def __init__(self, client: BaseClient[Any], response: httpx.Response, max_line: int):
        self._client, self._response, self._max_line = client, response, max_line
        self._tail = PendingLine(max_line, "the file")

    def feed(self, chunk: bytes) -> list[bytes]:
        *lines, rest = chunk.split(b"\n")
        if lines:
            lines[0] = self._tail.take(lines[0])
        try:
            self._tail.hold(rest)
        except SSELineTooLong:
            raise self._too_long() from None
        if any(len(line) > self._max_line for line in lines):
            raise self._too_long()
        return [line.rstrip(b"\r") for line in lines]

    def end(self) -> list[bytes]:
        last = self._tail.take(b"")
        return [last.rstrip(b"\r")] if last.strip() else []

    def _too_long(self) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"A line of the {self._client.provider.name} server's file is over "
            f"{self._max_line} bytes.",
            request=safe_request(self._response.request),
            provider=self._client.provider.name,
        )

    def failed(self, exc: httpx.HTTPError) -> Exception:
        return self._client._connection_error(exc, self._response.request)


def iter_lines(
    client: BaseClient[Any], response: httpx.Response, max_line: int = DEFAULT_MAX_LINE
) -> Iterator[bytes]:
    """The lines of the open `response`, which is closed when they end."""
    lines = _Lines(client, response, max_line)
    try:
        for chunk in response.iter_bytes():
            yield from lines.feed(chunk)
        yield from lines.end()
    except httpx.HTTPError as exc:
        raise lines.failed(exc) from exc
    finally:
        response.close()


async def aiter_lines(
    client: BaseClient[Any], response: httpx.Response, max_line: int = DEFAULT_MAX_LINE
) -> AsyncIterator[bytes]:
    """`iter_lines`, awaited."""
    lines = _Lines(client, response, max_line)
    try:
        async for chunk in response.aiter_bytes():
            for line in lines.feed(chunk):
                yield line
        for line in lines.end():
            yield line
    except httpx.HTTPError as exc:
        raise lines.failed(exc) from exc
    finally:
        await aclose_shielded(response)
