"""Reliability under hostile servers and impatient callers (issue 20): cancellation leaves
nothing in the pool, bodies and lines are bounded, redirects are followed without the key
leaving its origin, credentials stay out of errors, a long Retry-After is raised at once, and
odd values inside a stream end as typed errors. Real HTTP on 127.0.0.1 (tests/fault_server.py,
tests/sse_server.py) unless a byte-exact fault needs httpx.MockTransport."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fault_server import FaultServer, Reply, Sleep
from sse_server import Reply as SSEReply
from sse_server import SSEServer

import trilogue

KEY = "sk-reliability-key-0123456789"
MESSAGES: list[Any] = [{"role": "user", "content": "Hi"}]
OK = {
    "id": "c1",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}
    ],
}


def _chunk(delta: dict[str, Any], finish: str | None = None, index: Any = 0) -> bytes:
    body = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    body["choices"] = [{"index": index, "delta": delta, "finish_reason": finish}]
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def _pool(client: trilogue.AsyncTrilogue | trilogue.Trilogue) -> Any:
    return client._http._transport._pool  # type: ignore[union-attr]


# --------------------------------------------------------------------------- cancellation


async def test_cancelling_calls_at_any_moment_leaves_nothing_in_the_pool() -> None:
    # The server answers after 0-40 ms; each call is cancelled after 0-40 ms: before the
    # connection, while the headers are awaited, while the body is read, while it is closed.
    with FaultServer() as server:
        server.script(*[Sleep(i % 5 * 0.01, Reply(200, body=OK)) for i in range(200)])
        async with trilogue.AsyncTrilogue(
            "mistral", api_key=KEY, base_url=server.url, max_retries=0
        ) as client:
            for i in range(200):
                call = client.chat.completions.create(model="m", messages=MESSAGES)
                with contextlib.suppress(TimeoutError, trilogue.APIError):
                    await asyncio.wait_for(call, timeout=(i * 7 % 40) / 1000)
            await asyncio.sleep(0.05)
            pool = _pool(client)
            assert pool._requests == []
            # No connection is held by a call that is gone; one cancelled before it connected
            # may wait, unconnected (NEW), for the next call to use it.
            assert not [c for c in pool.connections if "ACTIVE" in c.info()]
            assert len(pool.connections) <= 10


async def test_cancelling_a_stream_while_it_reads_gives_its_connection_back() -> None:
    body = [_chunk({"content": "a"}), 0.05, _chunk({"content": "b"}, "stop"), b"data: [DONE]\n\n"]
    server = SSEServer().start()
    try:
        server.script(*[SSEReply(body) for _ in range(30)])
        async with trilogue.AsyncTrilogue("mistral", api_key=KEY, base_url=server.url) as client:
            for i in range(30):

                async def read() -> None:
                    stream = await client.chat.completions.create(
                        model="m", messages=MESSAGES, stream=True
                    )
                    async with stream:
                        async for _ in stream:
                            pass

                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(read(), timeout=0.01 + (i % 6) * 0.01)
            pool = _pool(client)
            assert pool._requests == []
            assert not [c for c in pool.connections if "ACTIVE" in c.info()]
    finally:
        server.stop()


class _Interrupting(httpx.SyncByteStream):
    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"id": '
        raise KeyboardInterrupt

    def close(self) -> None:
        self.closed = True


def test_a_ctrl_c_while_the_answer_is_read_closes_the_response() -> None:
    body = _Interrupting()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=body))
    client = trilogue.Trilogue(
        "mistral",
        api_key=KEY,
        base_url="http://x/v1",
        http_client=httpx.Client(transport=transport),
    )
    with pytest.raises(KeyboardInterrupt):
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert body.closed


# --------------------------------------------------------------------------- bounded work


def test_pings_after_done_do_not_hold_the_stream() -> None:
    pings: list[Any] = []
    for _ in range(600):  # six seconds of pings after [DONE]
        pings += [b": ping\n\n", 0.01]
    body = [_chunk({"content": "hi"}, "stop"), b"data: [DONE]\n\n", *pings]
    server = SSEServer().start()
    try:
        server.script(SSEReply(body))
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            started = time.perf_counter()
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            final = stream.get_final_completion()
            elapsed = time.perf_counter() - started
    finally:
        server.stop()
    assert final.choices[0].message.content == "hi"
    assert elapsed < 3, f"{elapsed:.1f} s"


def _bomb(size: int) -> bytes:
    return gzip.compress(b" " * size, compresslevel=9)


def test_a_compressed_bomb_is_refused_past_max_response_bytes() -> None:
    bomb = _bomb(64 * 1024 * 1024)  # 64 MiB of spaces in about 64 KiB
    with FaultServer() as server:
        server.script(Reply(200, body=bomb, headers={"Content-Encoding": "gzip"}))
        with (
            trilogue.Trilogue(
                "mistral", api_key=KEY, base_url=server.url, max_response_bytes=1024 * 1024
            ) as client,
            pytest.raises(trilogue.APIResponseValidationError, match="max_response_bytes"),
        ):
            client.chat.completions.create(model="m", messages=MESSAGES)


async def test_an_error_body_bomb_is_cut() -> None:
    with FaultServer() as server:
        server.script(
            Reply(400, body=_bomb(32 * 1024 * 1024), headers={"Content-Encoding": "gzip"})
        )
        async with trilogue.AsyncTrilogue(
            "mistral", api_key=KEY, base_url=server.url, max_response_bytes=100_000
        ) as client:
            with pytest.raises(trilogue.BadRequestError) as caught:
                await client.chat.completions.create(model="m", messages=MESSAGES)
    assert len(str(caught.value.body)) <= 100_000


# --------------------------------------------------------------------------- redirects


def test_a_same_origin_redirect_is_followed_with_the_key() -> None:
    with FaultServer() as server:
        moved = {"Location": server.url.rstrip("/") + "/v2/chat/completions"}
        server.script(Reply(307, headers=moved), Reply(200, body=OK))
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            completion = client.chat.completions.create(model="m", messages=MESSAGES)
        first, second = server.requests
    assert completion.choices[0].message.content == "ok"
    assert second.path == "/v2/chat/completions" and second.method == "POST"
    assert second.body == first.body  # 307 keeps the method and the body
    assert second.headers["authorization"] == f"Bearer {KEY}"


def test_the_key_never_follows_a_redirect_to_another_origin() -> None:
    with FaultServer() as elsewhere, FaultServer() as server:
        elsewhere.script(Reply(200, body=OK))
        server.script(Reply(307, headers={"Location": elsewhere.url + "/chat/completions"}))
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            client.chat.completions.create(model="m", messages=MESSAGES)
        (taken,) = elsewhere.requests
    assert "authorization" not in taken.headers
    assert KEY not in json.dumps(taken.headers)


@pytest.mark.parametrize("stream", [False, True])
def test_a_redirect_with_nowhere_to_go_is_a_status_error(stream: bool) -> None:
    with FaultServer() as server:
        server.script(Reply(302, body=OK))  # a 302 whose body parses is not a success
        with (
            trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client,
            pytest.raises(trilogue.APIStatusError) as caught,
        ):
            client.chat.completions.create(model="m", messages=MESSAGES, stream=stream)
    assert caught.value.status_code == 302


# --------------------------------------------------------------------------- secrets


def test_credentials_in_the_base_url_are_refused_without_being_shown() -> None:
    with pytest.raises(ValueError, match="credentials") as caught:
        trilogue.Trilogue("mistral", api_key=KEY, base_url="https://user:s3cret@example.com/v1")
    assert "s3cret" not in str(caught.value)


def test_a_401_that_echoes_the_key_does_not_carry_it() -> None:
    with FaultServer() as server:
        echoed = {"X-Echo-Authorization": f"Bearer {KEY}"}
        server.script(Reply(401, body={"message": f"bad key {KEY}"}, headers=echoed))
        with (
            trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client,
            pytest.raises(trilogue.AuthenticationError) as caught,
        ):
            client.chat.completions.create(model="m", messages=MESSAGES)
    error = caught.value
    assert KEY not in str(dict(error.headers)) and KEY not in str(dict(error.response.headers))
    assert KEY not in str(error) and KEY not in str(error.body)


def test_a_connection_error_and_its_cause_carry_no_key() -> None:
    with (
        trilogue.Trilogue(
            "mistral", api_key=KEY, base_url="http://127.0.0.1:9/v1", max_retries=0
        ) as client,
        pytest.raises(trilogue.APIConnectionError) as caught,
    ):
        client.chat.completions.create(model="m", messages=MESSAGES)
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.RequestError)
    assert KEY not in str(cause.request.headers)
    assert KEY not in str(caught.value.request.headers)  # type: ignore[union-attr]


def test_a_malformed_proxy_address_is_a_value_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://[::1")
    with pytest.raises(ValueError, match="HTTPS_PROXY"):
        trilogue.Trilogue("mistral", api_key=KEY)


# --------------------------------------------------------------------------- semantics


def test_a_retry_after_past_the_cap_is_raised_at_once() -> None:
    with FaultServer() as server:
        server.script(Reply(429, body={"message": "slow down"}, headers={"Retry-After": "120"}))
        with (
            trilogue.Trilogue(
                "mistral", api_key=KEY, base_url=server.url, max_retries=3, max_retry_delay=5
            ) as client,
            pytest.raises(trilogue.RateLimitError) as caught,
        ):
            started = time.perf_counter()
            client.chat.completions.create(model="m", messages=MESSAGES)
        assert len(server.requests) == 1  # never retried before the server's time
    assert caught.value.retry_after == 120
    assert time.perf_counter() - started < 2


def test_a_context_window_error_in_a_stream_is_caught_either_way() -> None:
    error = {
        "error": {"message": "This model's maximum context length is 8192 tokens", "code": 400}
    }
    body = b"data: " + json.dumps(error).encode() + b"\n\n"
    with FaultServer() as server:
        server.script(Reply(200, body=body, headers={"Content-Type": "text/event-stream"}))
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            with pytest.raises(trilogue.ContextWindowExceededError) as caught:
                list(stream)
    assert isinstance(caught.value, trilogue.APIStreamError)
    assert caught.value.status_code == 400


def test_a_choice_index_that_is_not_a_number_is_a_stream_error_after_the_good_chunks() -> None:
    body = _chunk({"content": "a"}) + _chunk({"content": "b"}, index=[0]) + b"data: [DONE]\n\n"
    with FaultServer() as server:
        server.script(Reply(200, body=body, headers={"Content-Type": "text/event-stream"}))
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
            seen = []
            with pytest.raises(trilogue.APIStreamError):
                for chunk in stream:
                    seen.append(chunk.delta_message.content)
    assert seen == ["a"]


def test_a_huge_integer_in_llama_metrics_is_left_out() -> None:
    from trilogue_api.models import LlamaChatCompletion

    native = {
        "id": "l1",
        "completion_message": {"role": "assistant", "content": {"type": "text", "text": "hi"}},
        "metrics": [
            {"metric": "num_prompt_tokens", "value": 10**400},
            {"metric": "num_completion_tokens", "value": 3},
        ],
    }
    wire = trilogue.PROVIDERS["llama"].wire
    completion = wire.result(LlamaChatCompletion, native, trilogue.ChatCompletion, "m")
    assert completion.choices[0].message.content == "hi"
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (0, 3)
    # Through the client the same body is read, or refused as a typed error where the JSON
    # parser (orjson) takes no integer past 64 bits; never an OverflowError.
    raw = json.dumps(native).encode()
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            200, content=raw, headers={"Content-Type": "application/json"}
        )
    )
    client = trilogue.Trilogue(
        "llama", api_key=KEY, base_url="http://x/v1", http_client=httpx.Client(transport=transport)
    )
    with contextlib.suppress(trilogue.APIResponseValidationError):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_id_model_and_created_are_always_set() -> None:
    bare = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}}]}
    stream = _chunk({"content": "ok"}, "stop").replace(b'"id": "c", ', b"") + b"data: [DONE]\n\n"
    stream = stream.replace(b'"model": "m", ', b"").replace(b'"created": 1, ', b"")
    with FaultServer() as server:
        server.script(
            Reply(200, body=bare),
            Reply(200, body=stream, headers={"Content-Type": "text/event-stream"}),
        )
        with trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
            before = int(time.time())
            whole = client.chat.completions.create(model="asked", messages=MESSAGES)
            final = client.chat.completions.stream(
                model="asked", messages=MESSAGES
            ).get_final_completion()
    for completion in (whole, final):
        assert completion.id == ""  # the server sent none
        assert completion.model == "asked"
        assert before <= completion.created <= int(time.time()) + 1


class _Dripping:
    """A server that answers every request with its headers one byte every 0.2 s."""

    def __init__(self) -> None:
        import socket
        import threading

        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        import contextlib

        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            with conn, contextlib.suppress(OSError):
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" * 10:
                    if self._stop.wait(0.2):
                        break
                    conn.sendall(bytes([byte]))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_dripped_headers_are_bound_by_the_deadline(mode: str) -> None:
    server = _Dripping()
    try:
        options: dict[str, Any] = {"api_key": KEY, "base_url": server.url, "max_retries": 0}
        started = time.perf_counter()
        with pytest.raises(trilogue.APITimeoutError):
            if mode == "sync":
                with trilogue.Trilogue("mistral", timeout=1, **options) as client:
                    client.chat.completions.create(model="m", messages=MESSAGES, deadline=2)
            else:
                async with trilogue.AsyncTrilogue("mistral", timeout=1, **options) as aclient:
                    await aclient.chat.completions.create(model="m", messages=MESSAGES, deadline=2)
        elapsed = time.perf_counter() - started
    finally:
        server.close()
    assert elapsed < 4, f"{elapsed:.1f} s"  # before: still waiting at 8 s


async def test_the_batch_runners_connections_read_within_the_deadline() -> None:
    """The runner's own pools carry the deadline-aware backend too: dripped headers end."""
    from trilogue.lib.batch._sender import LineSender

    server = _Dripping()
    sender = LineSender(provider="mistral", api_key=KEY, base_url=server.url, max_retries=0)
    try:
        started = time.perf_counter()
        with pytest.raises(trilogue.APITimeoutError):
            await sender._client.chat.completions.create(
                model="m", messages=MESSAGES, timeout=1, deadline=2
            )
        elapsed = time.perf_counter() - started
    finally:
        await sender.aclose()
        server.close()
    assert elapsed < 4, f"{elapsed:.1f} s"


def test_an_idle_connection_reads_as_expired_once_data_or_the_end_came() -> None:
    """The readability check of the deadline-aware stream (asked of idle pooled connections),
    which looks the socket up once instead of through anyio's attribute table every time."""
    import socket

    from trilogue._deadline import _AsyncStream

    class Inner:
        def __init__(self, sock: socket.socket) -> None:
            self.sock, self.asked = sock, 0

        def get_extra_info(self, info: str) -> Any:
            self.asked += 1
            return self.sock if info == "socket" else None

    ours, peer = socket.socketpair()
    inner = Inner(ours)
    stream = _AsyncStream(inner)  # type: ignore[arg-type]
    try:
        assert stream.get_extra_info("is_readable") is False
        peer.sendall(b"x")
        assert stream.get_extra_info("is_readable") is True
        ours.recv(1)
        assert stream.get_extra_info("is_readable") is False
        peer.close()
        assert stream.get_extra_info("is_readable") is True  # the peer closed
        assert inner.asked == 1
    finally:
        ours.close()
    assert stream.get_extra_info("is_readable") is True  # a closed socket


def test_a_deeply_nested_error_body_is_redacted_without_recursion() -> None:
    from trilogue._logging import redact_value

    nested: Any = f"the key {KEY} was refused"
    for _ in range(100_000):
        nested = [nested]
    redacted = redact_value({"detail": nested}, KEY)["detail"]
    for _ in range(100_000):
        redacted = redacted[0]
    assert redacted == "the key <redacted> was refused"
    # Through the client: the body is read, or kept as text where it is too deep to read.
    text = "[" * 100_000 + json.dumps(f"key {KEY}") + "]" * 100_000
    raw = ('{"message": "bad", "tree": ' + text + "}").encode()
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            400, content=raw, headers={"Content-Type": "application/json"}
        )
    )
    client = trilogue.Trilogue(
        "mistral",
        api_key=KEY,
        base_url="http://x/v1",
        http_client=httpx.Client(transport=transport),
    )
    with pytest.raises(trilogue.BadRequestError) as caught:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert KEY not in str(caught.value) and KEY not in str(caught.value.body)
