"""Property-based fuzzing of what servers send: SSE bytes cut anywhere, chunks whose values have
the wrong types, and error bodies of any shape. Whatever arrives, only trilogue's typed errors
come out, no chunk before a failure is lost, and the response is always closed.

Byte-exact bodies go through httpx.MockTransport (the bytes arrive exactly as split)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import trilogue
from trilogue import APIStatusError, TrilogueError

KEY = "sk-fuzz-key-0123456789"
ASK = [{"role": "user", "content": "Hi"}]
FUZZ = settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def client(answer: Callable[[httpx.Request], httpx.Response], provider: str) -> trilogue.Trilogue:
    http = httpx.Client(transport=httpx.MockTransport(answer))
    return trilogue.Trilogue(
        provider, api_key=KEY, base_url="http://fuzz/v1", http_client=http, max_retries=0
    )


def chunk(content: str, finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": finish}],
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)

events = st.one_of(
    st.text(max_size=12).map(lambda t: ("content", t)),
    st.just(("line", b"data: [DONE]\n\n")),
    st.just(("line", b": keep-alive\n\n")),
    st.just(("line", b"data: {}\n\n")),
    st.just(("line", b'error: {"message": "boom"}\n\n')),
    st.just(("line", b'event: error\ndata: {"message": "bad"}\n\n')),
    st.just(("line", b'{"error": "bare"}\n')),
    st.binary(max_size=20).map(lambda b: ("line", b)),
    json_values.map(lambda v: ("line", b"data: " + json.dumps(v).encode() + b"\n\n")),
)


def split(body: bytes, cuts: list[int]) -> Iterator[bytes]:
    points = sorted({c % (len(body) + 1) for c in cuts})
    start = 0
    for point in [*points, len(body)]:
        if point > start:
            yield body[start:point]
            start = point


@FUZZ
@given(
    script=st.lists(events, max_size=8),
    cuts=st.lists(st.integers(min_value=0), max_size=6),
    provider=st.sampled_from(["mistral", "llama", "openai-compatible"]),
)
def test_sse_bytes_cut_anywhere(
    script: list[tuple[str, Any]], cuts: list[int], provider: str
) -> None:
    body = b""
    sent: list[str] = []
    for kind, value in script:
        if kind == "content":
            body += b"data: " + json.dumps(chunk(value)).encode() + b"\n\n"
        else:
            body += value
    for kind, value in script:
        if kind == "content":
            sent.append(value)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=split(body, cuts)
        )

    s = client(answer, provider).chat.completions.stream(model="m", messages=ASK)
    received: list[str] = []
    try:
        for piece in s:
            if isinstance(piece.delta_message.content, str):
                received.append(piece.delta_message.content)
    except TrilogueError as exc:
        assert KEY not in str(exc)
    assert s.response.is_closed
    # Every content chunk delivered was sent, in order (nothing invented, nothing reordered).
    it = iter(sent)
    assert all(any(text == candidate for candidate in it) for text in received)


@FUZZ
@given(
    field=st.sampled_from(
        [
            "index",
            "delta",
            "finish_reason",
            "logprobs",
            "content",
            "tool_calls",
            "refusal",
            "role",
            "choices",
            "usage",
        ]
    ),
    value=json_values,
)
def test_chunks_with_values_of_any_type(field: str, value: Any) -> None:
    bad = chunk("x")
    if field in ("content", "tool_calls", "refusal", "role"):
        bad["choices"][0]["delta"][field] = value
    elif field in ("choices", "usage"):
        bad[field] = value
    else:
        bad["choices"][0][field] = value
    body = (
        b"data: "
        + json.dumps(chunk("Hi")).encode()
        + b"\n\n"
        + b"data: "
        + json.dumps(bad).encode()
        + b"\n\n"
        + b"data: "
        + json.dumps(chunk("", "stop")).encode()
        + b"\n\ndata: [DONE]\n\n"
    )

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=iter([body])
        )

    s = client(answer, "mistral").chat.completions.stream(model="m", messages=ASK)
    received = []
    try:
        for piece in s:
            received.append(piece.delta_message.content)
        s.get_final_completion()
    except TrilogueError:
        pass
    assert s.response.is_closed
    assert received[:1] == ["Hi"]  # the chunk before the odd one is never lost


@FUZZ
@given(
    status=st.sampled_from([400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503]),
    body=json_values | st.text(max_size=30),
)
def test_error_bodies_of_any_shape(status: int, body: Any) -> None:
    content = body.encode() if isinstance(body, str) else json.dumps(body).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"content-type": "application/json"})

    try:
        client(answer, "mistral").chat.completions.create(model="m", messages=ASK)
    except APIStatusError as exc:
        assert exc.status_code == status
        assert str(exc).startswith(f"Error code {status} from mistral")
    else:
        raise AssertionError("an error status must raise")
