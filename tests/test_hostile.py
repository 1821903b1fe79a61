"""Errors, retries, input, keys and environment: whatever a server or a caller sends, only
trilogue's typed errors (or ValueError/TypeError for bad arguments, before any request) come
out, keys stay hidden, and each environment variable means one thing."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fault_server import FaultServer, Reply
from sse_server import Reply as StreamReply
from sse_server import SSEServer

import trilogue
from trilogue import (
    APIResponseValidationError,
    APIStreamError,
    BadRequestError,
    ContextWindowExceededError,
    RateLimitError,
    UnprocessableEntityError,
)

KEY = "sk-hostile-5ecret"
ASK = [{"role": "user", "content": "Hi"}]
OK = {
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": "Hi."},
        }
    ]
}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server


def client(provider: str, url: str, **options: Any) -> trilogue.Trilogue:
    return trilogue.Trilogue(provider, api_key=KEY, base_url=url, **options)


# ------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {
                "object": "error",
                "message": {"detail": [{"loc": ["body", "temperature"], "msg": "too hot"}]},
            },
            "temperature: too hot",
        ),
        ({"detail": [{"loc": None, "msg": "bad"}, {"loc": 3, "msg": "worse"}]}, "bad; 3: worse"),
    ],
    ids=["nested-message", "loc-null-or-number"],
)
def test_mistral_422_shapes_read_as_text(server: FaultServer, body: Any, expected: str) -> None:
    server.script(Reply(422, body))
    with pytest.raises(UnprocessableEntityError) as info:
        client("mistral", server.url).chat.completions.create(model="m", messages=ASK)
    assert str(info.value) == f"Error code 422 from mistral: {expected}"


@pytest.mark.parametrize(
    "body",
    [
        {
            "object": "error",
            "message": "Prompt contains 40000 tokens, too large for model with 32768 maximum "
            "context length",
            "type": "invalid_request_error",
        },
        {
            "error": {
                "code": 400,
                "message": "the request exceeds the available context size, try increasing it",
                "type": "exceed_context_size_error",
            }
        },
        {
            "error": {
                "message": "This model's maximum context length is 8192 tokens.",
                "code": "context_length_exceeded",
            }
        },
    ],
    ids=["mistral", "llama.cpp", "openai-style"],
)
def test_context_window_exceeded_is_one_typed_error(server: FaultServer, body: Any) -> None:
    server.script(Reply(400, body))
    with pytest.raises(ContextWindowExceededError) as info:
        client("openai-compatible", server.url).chat.completions.create(model="m", messages=ASK)
    assert isinstance(info.value, BadRequestError) and info.value.status_code == 400


def test_context_window_exceeded_mid_stream() -> None:
    body = (
        b'data: {"error": {"code": 400, "message": "the request exceeds the available context '
        b'size, try increasing it", "type": "exceed_context_size_error"}}\n\n'
    )
    stream_server = SSEServer().start()
    try:
        stream_server.script(StreamReply([body], headers={"Content-Type": "text/event-stream"}))
        c = client("openai-compatible", stream_server.url, max_retries=0)
        with pytest.raises(ContextWindowExceededError):
            list(c.chat.completions.stream(model="m", messages=ASK))
    finally:
        stream_server.stop()


@pytest.mark.parametrize("hint", ["nan", "inf", "-5", "Wed, 21 Oct 99999 07:28:00 GMT", "soon"])
def test_odd_retry_after_hints_fall_back_to_backoff(server: FaultServer, hint: str) -> None:
    server.script(Reply(429, {"message": "slow"}, {"Retry-After": hint}), Reply(200, OK))
    c = client("gradient", server.url, max_retry_delay=0.05)
    completion = c.chat.completions.create(model="m", messages=ASK)
    assert completion.choices[0].message.content == "Hi."
    assert len(server.requests) == 2


async def test_odd_retry_after_hint_async(server: FaultServer) -> None:
    server.script(Reply(429, {"message": "slow"}, {"retry-after-ms": "nan"}), Reply(200, OK))
    async with trilogue.AsyncTrilogue(
        "gradient", api_key=KEY, base_url=server.url, max_retry_delay=0.05
    ) as c:
        completion = await c.chat.completions.create(model="m", messages=ASK)
    assert completion.choices[0].message.content == "Hi."


def test_retry_after_beyond_the_cap_still_raises_typed(server: FaultServer) -> None:
    server.script(Reply(429, {"message": "slow"}, {"Retry-After": "nan"}))
    with pytest.raises(RateLimitError):
        client("gradient", server.url, max_retries=0).chat.completions.create(
            model="m", messages=ASK
        )


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("status", [200, 500])
def test_deeply_nested_json_gives_typed_errors(server: FaultServer, status: int) -> None:
    server.script(
        Reply(status, '{"choices": ' + nested(5000) + "}", {"Content-Type": "application/json"})
    )
    with pytest.raises(trilogue.APIError):
        client("mistral", server.url, max_retries=0).chat.completions.create(
            model="m", messages=ASK
        )


def test_a_number_too_large_for_a_float_is_a_typed_error(server: FaultServer) -> None:
    body = (
        '{"completion_message": {"role": "assistant", "content": "Hi", "stop_reason": "stop"},'
        ' "metrics": [{"metric": "num_prompt_tokens", "value": 1e999}]}'
    )
    server.script(Reply(200, body, {"Content-Type": "application/json"}))
    with pytest.raises(APIResponseValidationError, match=r"1e999|infinity|range"):
        client("llama", server.url).chat.completions.create(model="m", messages=ASK)


@pytest.mark.parametrize("text", ["1e999", "NaN", "-Infinity", nested(100_000)])
def test_stdlib_and_orjson_refuse_the_same_json(text: str) -> None:
    import orjson

    from trilogue import _json

    with pytest.raises(ValueError):
        orjson.loads(text)
    with pytest.raises(ValueError):
        _json._stdlib_loads(text)
    with pytest.raises(ValueError):
        _json._stdlib_loads(text.encode())


WITHOUT_ORJSON = """
import sys

class NoOrjson:
    tries = 0

    def find_spec(self, name, path=None, target=None):
        if name == "orjson":
            NoOrjson.tries += 1
            raise ModuleNotFoundError("No module named 'orjson'")
        return None

sys.meta_path.insert(0, NoOrjson())
from trilogue import _json
from trilogue.lib.batch import _files

for i in range(50):
    assert _json.loads(b'{"a": 1}') == {"a": 1}
    assert _json.dumps({"a": i}) == b'{"a":%d}' % i
    assert _files._json.loads('[1]') == [1]
print(NoOrjson.tries)
"""


def test_without_orjson_its_import_is_tried_once() -> None:
    """A failed import is not cached by Python: tried per call, it cost a search of sys.path
    on every batch line (three times a request in the runner)."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", WITHOUT_ORJSON], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "1"


# ------------------------------------------------------------------------------ input


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"when": datetime.datetime(2026, 1, 1)}, TypeError),
        ({"raw": b"bytes"}, TypeError),
        ({"tags": {"a", "b"}}, TypeError),
        ({"thing": object()}, TypeError),
        ({"weight": float("nan")}, ValueError),
    ],
    ids=["datetime", "bytes", "set", "object", "nan"],
)
def test_values_json_cannot_carry_are_refused_before_sending(
    server: FaultServer, extra: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error, match="cannot be sent as JSON"):
        client("openai-compatible", server.url).chat.completions.create(
            model="m", messages=ASK, extra_body=extra
        )
    assert server.requests == []


def test_a_circular_body_is_refused(server: FaultServer) -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="cannot be sent as JSON"):
        client("openai-compatible", server.url).chat.completions.create(
            model="m", messages=ASK, extra_body={"loop": loop}
        )
    assert server.requests == []


@pytest.mark.parametrize("url", ["not a url", "ftp://example.com/v1", "http://", "/v1"])
def test_bad_base_urls_are_refused_at_construction(url: str) -> None:
    with pytest.raises(ValueError, match="http:// or https://"):
        trilogue.Trilogue("mistral", api_key=KEY, base_url=url)


# ------------------------------------------------------------------------------ keys


@pytest.mark.parametrize("bad", [KEY + "\n", KEY + "\r\n", "sk-\x00x", "sk-a\tb"])
def test_keys_with_control_characters_are_refused_without_showing_them(bad: str) -> None:
    with pytest.raises(ValueError, match="control character") as info:
        trilogue.Trilogue("mistral", api_key=bad, base_url="http://127.0.0.1:9")
    assert bad.strip() not in str(info.value)


def test_a_quoted_key_is_redacted_from_status_errors(server: FaultServer) -> None:
    server.script(Reply(401, {"message": f"Invalid key {KEY}.", "echo": [KEY]}))
    with pytest.raises(trilogue.AuthenticationError) as info:
        client("gradient", server.url).chat.completions.create(model="m", messages=ASK)
    err = info.value
    assert KEY not in str(err) and "<redacted>" in str(err)
    assert KEY not in json.dumps(err.body)
    assert err.request is not None
    assert err.request.headers["authorization"] == "<redacted>"
    assert KEY not in repr(err.response.request.headers)


def test_a_short_key_is_redacted_as_a_token_not_a_substring(server: FaultServer) -> None:
    server.script(Reply(400, {"message": "bad key ab; about absent abilities"}))
    c = trilogue.Trilogue("gradient", api_key="ab", base_url=server.url)
    with pytest.raises(BadRequestError) as info:
        c.chat.completions.create(model="m", messages=ASK)
    assert str(info.value).endswith("bad key <redacted>; about absent abilities")


def test_a_quoted_key_is_redacted_mid_stream_and_from_bad_bodies(server: FaultServer) -> None:
    stream_server = SSEServer().start()
    try:
        body = f'data: {{"error": {{"message": "key {KEY} revoked"}}}}\n\n'.encode()
        stream_server.script(StreamReply([body], headers={"Content-Type": "text/event-stream"}))
        c = client("openai-compatible", stream_server.url, max_retries=0)
        with pytest.raises(APIStreamError) as info:
            list(c.chat.completions.stream(model="m", messages=ASK))
        assert KEY not in str(info.value) and KEY not in json.dumps(info.value.body)
        assert info.value.request is not None
        assert info.value.request.headers["authorization"] == "<redacted>"
        stream_server.script(
            StreamReply(
                [f"data: not json {KEY}\n\n".encode()],
                headers={"Content-Type": "text/event-stream"},
            )
        )
        with pytest.raises(APIStreamError) as info:
            list(c.chat.completions.stream(model="m", messages=ASK))
        assert KEY not in str(info.value)
    finally:
        stream_server.stop()
    server.script(Reply(200, {"unexpected": KEY}))
    with pytest.raises(APIResponseValidationError) as bad:
        client("gradient", server.url).chat.completions.create(model="m", messages=ASK)
    assert KEY not in str(bad.value) and KEY not in str(bad.value.body)


# ------------------------------------------------------------------------------ environment

ENV_NAMES = [
    "LLAMA_API_KEY",
    "LLAMA_API_BASE_URL",
    "LLAMA_COMPAT_BASE_URL",
    "GRADIENT_MODEL_ACCESS_KEY",
    "GRADIENT_INFERENCE_ENDPOINT",
    "TRILOGUE_API_KEY",
    "TRILOGUE_BASE_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_llama_base_url_means_the_native_api_and_compat_follows(
    server: FaultServer, env: pytest.MonkeyPatch
) -> None:
    env.setenv("LLAMA_API_KEY", KEY)
    env.setenv("LLAMA_API_BASE_URL", server.url + "/v1")
    server.script(Reply(200, OK), Reply(200, OK))
    trilogue.Trilogue("llama").chat.completions.create(model="m", messages=ASK)
    trilogue.Trilogue("llama-compat").chat.completions.create(model="m", messages=ASK)
    assert [r.path for r in server.requests] == [
        "/v1/chat/completions",
        "/compat/v1/chat/completions",
    ]


def test_gradient_endpoint_as_digitalocean_documents_it(
    server: FaultServer, env: pytest.MonkeyPatch
) -> None:
    env.setenv("GRADIENT_MODEL_ACCESS_KEY", KEY)
    env.setenv("GRADIENT_INFERENCE_ENDPOINT", server.url)  # no /v1
    server.script(Reply(200, OK))
    trilogue.Trilogue("gradient").chat.completions.create(model="m", messages=ASK)
    assert server.requests[0].path == "/v1/chat/completions"


def test_openai_variables_serve_openai_compatible(
    server: FaultServer, env: pytest.MonkeyPatch
) -> None:
    env.setenv("OPENAI_API_KEY", "sk-openai-var")
    env.setenv("OPENAI_BASE_URL", server.url + "/v1")
    server.script(Reply(200, OK))
    trilogue.Trilogue("openai-compatible").chat.completions.create(model="m", messages=ASK)
    assert server.requests[0].path == "/v1/chat/completions"
    assert server.requests[0].headers["authorization"] == "Bearer sk-openai-var"


# ------------------------------------------------------------------------------ deadline


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_dripped_answer_meets_the_deadline(mode: str) -> None:
    body = json.dumps(OK).encode()
    pieces: list[Any] = []
    for i in range(0, len(body), 8):
        pieces += [body[i : i + 8], 0.25]
    stream_server = SSEServer().start()
    try:
        stream_server.script(
            StreamReply(pieces, headers={"Content-Type": "application/json"}, framing="length")
        )
        import time

        started = time.monotonic()
        with pytest.raises(trilogue.APITimeoutError):
            if mode == "sync":
                client("mistral", stream_server.url, max_retries=0).chat.completions.create(
                    model="m", messages=ASK, timeout=5.0, deadline=1.0
                )
            else:
                async with trilogue.AsyncTrilogue(
                    "mistral", api_key=KEY, base_url=stream_server.url, max_retries=0
                ) as c:
                    await c.chat.completions.create(
                        model="m", messages=ASK, timeout=5.0, deadline=1.0
                    )
        assert time.monotonic() - started < 3.0  # each byte came within the read timeout
    finally:
        stream_server.stop()


def test_the_read_timeout_bounds_the_whole_answer_by_default() -> None:
    body = json.dumps(OK).encode()
    pieces: list[Any] = []
    for i in range(0, len(body), 8):
        pieces += [body[i : i + 8], 0.25]
    stream_server = SSEServer().start()
    try:
        stream_server.script(
            StreamReply(pieces, headers={"Content-Type": "application/json"}, framing="length")
        )
        with pytest.raises(trilogue.APITimeoutError):
            client("mistral", stream_server.url, max_retries=0).chat.completions.create(
                model="m", messages=ASK, timeout=1.0
            )
    finally:
        stream_server.stop()


def test_an_openai_key_does_not_go_to_a_server_set_elsewhere(
    server: FaultServer, env: pytest.MonkeyPatch
) -> None:
    env.setenv("OPENAI_API_KEY", "sk-openai-var")
    env.setenv("TRILOGUE_BASE_URL", server.url + "/v1")
    server.script(Reply(200, OK), Reply(200, OK))
    trilogue.Trilogue("openai-compatible").chat.completions.create(model="m", messages=ASK)
    trilogue.Trilogue("openai-compatible", base_url=server.url).chat.completions.create(
        model="m", messages=ASK
    )
    assert [r.headers.get("authorization") for r in server.requests] == [None, None]
