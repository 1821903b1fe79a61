"""A stream's chunks under telemetry: passed on as they come, the first one timed, the stream's
end (exhausted, failed, cut or closed) recorded by its operation (`_telemetry_call.Operation`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

__all__ = ["awatch", "watch"]


def watch(op: Any, inner: Iterator[Any]) -> Iterator[Any]:
    """A stream's chunks, passed on as they come, its end recorded."""
    first = True
    error: BaseException | None = None
    try:
        for chunk in inner:
            if first:
                op.first_chunk()
                first = False
            yield chunk
    except GeneratorExit:
        raise
    except BaseException as exc:
        error = exc
        raise
    finally:
        close = getattr(inner, "close", None)
        if close is not None:
            close()
        op.end(error)


async def awatch(op: Any, inner: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """`watch` for an async stream."""
    first = True
    error: BaseException | None = None
    try:
        async for chunk in inner:
            if first:
                op.first_chunk()
                first = False
            yield chunk
    except GeneratorExit:
        raise
    except BaseException as exc:
        error = exc
        raise
    finally:
        aclose = getattr(inner, "aclose", None)
        if aclose is not None:
            await aclose()
        op.end(error)
