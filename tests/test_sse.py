"""The server-sent-events decoder (trilogue._sse): every line end, cut anywhere, the fields and
the non-standard lines servers send, linear time on long lines, and the bound on one line."""

from __future__ import annotations

import random
import time

import pytest

from trilogue._sse import ServerSentEvent, SSEDecoder, SSELineTooLong

# --------------------------------------------------------------------------- SSE decoder

# A stream with everything a server may send: comments, `event: error`, an id, a multi-line
# data field, a field without the space after the colon, non-ASCII text split into bytes, a
# bare JSON line (not SSE at all) and the [DONE] marker. Written with "\n"; the tests also
# feed it with "\r\n" and "\r" line ends.
SSE_LINES = [
    ": ping - 2025-11-18 10:00:00.000000+00:00",
    "",
    'data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Café"},"finish_reason":null}]}',
    "",
    "event: error",
    'data: {"error": {"message": "Overloaded", "type": "server_error"}}',
    "",
    "id: 7",
    "data: line one",
    ": comment between data lines",
    "data: line two",
    "",
    '{"error": {"message": "Internal error", "code": 500}}',
    "retry: 3000",
    "data:no-space",
    "",
    "data: [DONE]",
    "",
]

SSE_EXPECTED = [
    (None, '{"id":"c1","choices":[{"index":0,"delta":{"content":"Café"},"finish_reason":null}]}'),
    ("error", '{"error": {"message": "Overloaded", "type": "server_error"}}'),
    (None, "line one\nline two"),
    (None, '{"error": {"message": "Internal error", "code": 500}}'),
    (None, "no-space"),
    (None, "[DONE]"),
]


def _sse_body(newline: str) -> bytes:
    return "".join(line + newline for line in SSE_LINES).encode("utf-8")


def _event(item: ServerSentEvent | str) -> ServerSentEvent:
    """The decoder gives an event that is only data as its data string."""
    return ServerSentEvent(item) if isinstance(item, str) else item


def _decode(pieces: list[bytes]) -> list[tuple[str | None, str, str | None, int | None]]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent | str] = []
    for piece in pieces:
        events.extend(decoder.feed(piece))
    events.extend(decoder.flush())
    return [(e.event, e.data, e.id, e.retry) for e in map(_event, events)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_sse_decoder_whole_body(newline: str) -> None:
    events = _decode([_sse_body(newline)])

    assert [(event, data) for event, data, _, _ in events] == SSE_EXPECTED
    assert events[2][2] == "7"  # the id field
    assert events[4][3] == 3000  # the retry field


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_sse_decoder_split_anywhere(newline: str) -> None:
    body = _sse_body(newline)
    whole = _decode([body])
    assert len(whole) == len(SSE_EXPECTED)

    for cut in range(len(body) + 1):
        assert _decode([body[:cut], body[cut:]]) == whole, f"split at byte {cut}"
    assert _decode([body[i : i + 1] for i in range(len(body))]) == whole, "byte by byte"

    rng = random.Random(20251118)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(body)), 6))
        pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
        assert _decode(pieces) == whole, f"split at bytes {cuts}"


def test_sse_decoder_mixed_line_ends() -> None:
    body = b'data: {"a":1}\r\n\r\nevent: error\rdata: {"b":2}\r\rdata: {"c":3}\n\r\n'
    expected = [(None, '{"a":1}'), ("error", '{"b":2}'), (None, '{"c":3}')]
    assert [(e, d) for e, d, _, _ in _decode([body])] == expected
    for cut in range(len(body) + 1):
        assert [(e, d) for e, d, _, _ in _decode([body[:cut], body[cut:]])] == expected, cut


@pytest.mark.parametrize(
    "tail",
    [b"", b"\n", b"\r", b"\r\n"],
    ids=["no-newline", "LF", "CR", "CRLF"],
)
def test_sse_decoder_flush_returns_unterminated_event(tail: bytes) -> None:
    # A native Llama stream ends when the connection closes, maybe without the blank line.
    last = b'data: {"event":{"event_type":"metrics","metrics":[]}}'
    decoder = SSEDecoder()
    first = decoder.feed(b'data: {"event":{"event_type":"start"}}\n\n' + last + tail)

    assert [_event(e).data for e in first] == ['{"event":{"event_type":"start"}}']
    flushed = decoder.flush()
    assert [_event(e).data for e in flushed] == ['{"event":{"event_type":"metrics","metrics":[]}}']
    assert decoder.flush() == []


def test_a_long_line_in_small_pieces_takes_linear_time() -> None:
    # 8 MB in 1 KB reads: quadratic joining would copy ~32 GB; linear is a few hundred ms.
    piece = b"x" * 1024
    decoder = SSEDecoder()
    started = time.perf_counter()
    decoder.feed(b"data: ")
    for _ in range(8 * 1024):
        assert decoder.feed(piece) == []
    events = decoder.feed(b"\n\n")
    elapsed = time.perf_counter() - started
    assert len(events) == 1 and len(_event(events[0]).data) == 8 * 1024 * 1024
    assert elapsed < 5, f"{elapsed:.1f} s for an 8 MB line"


def test_a_line_over_the_bound_is_refused() -> None:
    decoder = SSEDecoder(max_line=1000)
    decoder.feed(b"data: " + b"x" * 900)
    with pytest.raises(SSELineTooLong):
        decoder.feed(b"x" * 200)


def test_a_carriage_return_at_a_read_end_still_ends_the_line() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    events = decoder.feed(b"\rdata: b\r\r")
    assert [_event(e).data for e in events] == ["a"]  # the last "\r" may be half of a "\r\n"
    assert [_event(e).data for e in decoder.feed(b":")] == ["b"]


def test_sse_data_only_events_come_as_their_data() -> None:
    """A one-line data event is its string; once an id or retry was seen, or with a name,
    events carry them."""
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\nevent: x\ndata: b\n\n") == ["a", decoder_event("b", "x")]
    later = decoder.feed(b"id: 7\ndata: c\n\ndata: d\n\n")
    assert [(e.data, e.id) for e in map(_event, later)] == [("c", "7"), ("d", "7")]
    assert all(isinstance(e, ServerSentEvent) for e in later)


def decoder_event(data: str, name: str | None) -> object:
    class _Same:
        def __eq__(self, other: object) -> bool:
            return isinstance(other, ServerSentEvent) and (other.data, other.event) == (data, name)

    return _Same()
