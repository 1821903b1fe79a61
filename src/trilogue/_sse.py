"""A byte-level decoder of text/event-stream bodies (server-sent events).

Written here rather than taken from httpx-sse: it works on raw bytes (no per-line text decoding),
keeps `\\r\\n` and `\\r` line ends split across network reads correct, passes a bare JSON line
and an `error:` line (as some servers report an error) through as events instead of dropping
them, takes time linear in the body however it is cut, and bounds the length of one line.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_LINE", "PendingLine", "SSEDecoder", "SSELineTooLong", "ServerSentEvent"]

DEFAULT_MAX_LINE = 32 * 1024 * 1024
"""Bytes one line of an event stream may take: far above any real chunk, low enough that a
server that never ends a line cannot make the client hold gigabytes."""


class SSELineTooLong(ValueError):
    """A line of the event stream grew past the decoder's `max_line` bytes."""


class PendingLine:
    """The unfinished last line of a body read in pieces, kept in the pieces it came in and
    joined once, when it ends: a long line sent in many small reads costs linear, not
    quadratic, time. Holding more than `limit` bytes raises `SSELineTooLong`."""

    __slots__ = ("_limit", "_of", "_pieces", "_size")

    def __init__(self, limit: int, of: str) -> None:
        self._pieces: list[bytes] = []
        self._size = 0
        self._limit, self._of = limit, of  # `of`: what the line is of, for the error

    def __bool__(self) -> bool:
        return bool(self._pieces)

    def hold(self, piece: bytes) -> None:
        if piece:
            self._pieces.append(piece)
            self._size += len(piece)
            if self._size > self._limit:
                self._pieces, self._size = [], 0
                raise SSELineTooLong(f"a line of {self._of} is over {self._limit} bytes")

    def take(self, rest: bytes) -> bytes:
        """What is held, then `rest`, as one piece; nothing is held afterwards."""
        if not self._pieces:
            return rest
        pieces, self._pieces, self._size = self._pieces, [], 0
        pieces.append(rest)
        return b"".join(pieces)

    def ends_with(self, suffix: bytes) -> bool:
        return bool(self._pieces) and self._pieces[-1].endswith(suffix)


class ServerSentEvent:
    """One event of a text/event-stream body."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self, data: str, event: str | None = None, id: str | None = None, retry: int | None = None
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r})"


class SSEDecoder:
    """Turns the bytes of a text/event-stream body, in pieces of any size, into events.

    `feed` takes the next piece and returns the events it completes; `flush` returns an event
    left without its closing blank line when the body ends. An event that is one `data:` line
    and nothing else (no name, and no id or retry seen) comes as its data, a plain `str`: the
    common event costs no object of its own.
    """

    __slots__ = ("_data", "_event", "_id", "_retry", "_tail")

    def __init__(self, max_line: int = DEFAULT_MAX_LINE) -> None:
        self._tail = PendingLine(max_line, "the event stream")
        self._data: list[bytes] = []
        self._event: str | None = None
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent | str]:
        tail = self._tail
        if b"\n" not in chunk and b"\r" not in chunk[:-1] and not tail.ends_with(b"\r"):
            tail.hold(chunk)  # still inside one line (a lone "\r" at the end may be "\r\n")
            return []
        chunk = tail.take(chunk)
        if b"\r" in chunk:
            held = chunk.endswith(b"\r")
            if held:
                chunk = chunk[:-1]
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            end = chunk.rfind(b"\n") + 1
            tail.hold(chunk[end:] + (b"\r" if held else b""))
        else:
            end = chunk.rfind(b"\n") + 1
            tail.hold(chunk[end:])
        return self._events(chunk[:end]) if end else []

    def _events(self, lines: bytes) -> list[ServerSentEvent | str]:
        """The events of whole lines (`lines` ends with a line end)."""
        events: list[ServerSentEvent | str] = []
        # Decoded once, not per event: a line end is never inside a UTF-8 sequence, so the
        # text (bad bytes replaced) is the same either way.
        blocks = lines.decode("utf-8", "replace").split("\n\n")
        rest = blocks.pop()  # the lines after the last blank line: an event not yet ended
        # Only the first block may continue an event begun in an earlier read: every block
        # ends with a blank line, which leaves no data and no event name behind.
        begun = bool(self._data) or self._event is not None
        bare = self._id is None and self._retry is None
        for block in blocks:
            if not begun and block.startswith("data: ") and "\n" not in block:
                # The common event, one data line, read without going line by line.
                if bare:
                    events.append(block[6:])
                else:
                    events.append(ServerSentEvent(block[6:], None, self._id, self._retry))
                continue
            begun = False
            for line in block.encode().split(b"\n"):
                self._line(line, events)
            self._line(b"", events)
            bare = self._id is None and self._retry is None  # the block may have set them
        if rest:
            for line in rest[:-1].encode().split(b"\n"):
                self._line(line, events)
        return events

    def _line(self, line: bytes, events: list[ServerSentEvent | str]) -> None:
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

    def flush(self) -> list[ServerSentEvent | str]:
        """Ends the body: returns the last event if its closing blank line never came."""
        events: list[ServerSentEvent | str] = []
        if self._tail:
            events.extend(self.feed(b"\n"))
        if self._data:
            events.append(self._dispatch())
        return events

    def _field(self, line: bytes, events: list[ServerSentEvent | str]) -> None:
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
        event = ServerSentEvent(data.decode("utf-8", "replace"), self._event, self._id, self._retry)
        self._data = []
        self._event = None
        return event
