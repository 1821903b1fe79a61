# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""Types shared by the generated models and endpoints, and the server-sent-events decoder."""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """Marks an argument the caller did not give (request side only; models use None)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

FileContent = IO[bytes] | bytes | str
FileTypes = (
    tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload in a multipart/form-data body."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response with its status, raw body, headers and parsed model."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class ServerSentEvent:
    """One event of a text/event-stream body."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        data: str,
        event: str | None = None,
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r})"
        )


class SSEDecoder:
    """Turns the bytes of a text/event-stream body, in pieces of any size, into events.

    `feed` takes the next piece and returns the events it completes; `flush` returns an event
    left without its closing blank line when the body ends.
    """

    __slots__ = ("_data", "_event", "_id", "_retry", "_tail")

    def __init__(self) -> None:
        self._tail = b""
        self._data: list[bytes] = []
        self._event: str | None = None
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        buffer = self._tail + chunk if self._tail else chunk
        if b"\r" in buffer:
            # A "\r" at the very end may be the first half of a "\r\n" still on its way.
            held = buffer.endswith(b"\r")
            if held:
                buffer = buffer[:-1]
            buffer = buffer.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            lines = buffer.split(b"\n")
            self._tail = lines.pop() + (b"\r" if held else b"")
        else:
            lines = buffer.split(b"\n")
            self._tail = lines.pop()
        events: list[ServerSentEvent] = []
        for line in lines:
            if line.startswith(b"data:"):
                value = line[5:]
                self._data.append(value[1:] if value[:1] == b" " else value)
            elif not line:
                if self._data:
                    events.append(self._dispatch())
                else:
                    self._event = None
            else:
                self._field(line, events)
        return events

    def flush(self) -> list[ServerSentEvent]:
        """Ends the body: returns the last event if its closing blank line never came."""
        events: list[ServerSentEvent] = []
        if self._tail:
            events.extend(self.feed(b"\n"))
        if self._data:
            events.append(self._dispatch())
        return events

    def _field(self, line: bytes, events: list[ServerSentEvent]) -> None:
        if line[:1] == b"{":
            # Not SSE at all: a bare JSON line, as some servers send an error. Keep it.
            if self._data:
                events.append(self._dispatch())
            events.append(ServerSentEvent(line.decode("utf-8", "replace")))
            return
        name, _, value = line.partition(b":")
        if value[:1] == b" ":
            value = value[1:]
        if name == b"error":
            # Not a standard field: llama.cpp's server reported errors inside a 200 stream as
            # `error: {...}`. Kept as an event of type "error", so that it is not lost.
            if self._data:
                events.append(self._dispatch())
            events.append(ServerSentEvent(value.decode("utf-8", "replace"), "error"))
        elif name == b"event":
            self._event = value.decode("utf-8", "replace")
        elif name == b"id":
            self._id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():
            self._retry = int(value)

    def _dispatch(self) -> ServerSentEvent:
        data = b"\n".join(self._data) if len(self._data) > 1 else self._data[0]
        event = ServerSentEvent(
            data.decode("utf-8", "replace"), self._event, self._id, self._retry
        )
        self._data = []
        self._event = None
        return event


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "SSEDecoder",
    "ServerSentEvent",
    "Unset",
]
