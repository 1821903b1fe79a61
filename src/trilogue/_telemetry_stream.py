"""A stream's chunks under telemetry: passed on as they come, the first one timed, the stream's
end (exhausted, failed, cut or closed) recorded by its operation (`_telemetry_call.Operation`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["awatch", "watch"]


def watch(op: Any, inner: Iterator[Any]) -> Iterator[Any]:
    """A stream's chunks, passed on as they come, its end recorded."""
    with _ending(op):
        try:
            yield from _timed(op, inner)
        finally:
            close = getattr(inner, "close", None)
            if close is not None:
                close()


async def awatch(op: Any, inner: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """`watch` for an async stream."""
    with _ending(op):
        try:
            seen = False
            async for chunk in inner:
                if not seen:
                    seen = True
                    op.first_chunk()
                yield chunk
        finally:
            aclose = getattr(inner, "aclose", None)
            if aclose is not None:
                await aclose()


def _timed(op: Any, inner: Iterator[Any]) -> Iterator[Any]:
    for chunk in inner:
        op.first_chunk()
        yield chunk
        yield from inner
        return


@contextmanager
def _ending(op: Any) -> Iterator[None]:
    """Ends `op` when the stream ends: with the error that ended it, if one did (closing a
    stream early is no error)."""
    error: BaseException | None = None
    try:
        yield
    except GeneratorExit:
        raise
    except BaseException as exc:
        error = exc
        raise
    finally:
        op.end(error)
