"""Errors, retries, timeouts and key redaction, against the fault-injecting server.

Each test scripts what the server answers and checks both what the client raised or returned and
what reached the server (how many requests, with which headers). Waits are kept short with
Retry-After hints and a small `max_retry_delay`.
"""

from __future__ import annotations

import email.utils
import logging
import os
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fault_server import FaultServer, Reply, Reset, Sleep

import trilogue
from trilogue import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncTrilogue,
    AuthenticationError,
    BadRequestError,
    ChatCompletion,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Trilogue,
    UnprocessableEntityError,
)
from trilogue._retry import retry_delay

KEY = "sk-test-SECRET-123"
MESSAGES = [{"role": "user", "content": "What is the capital of France?"}]
COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-fault-1",
    "object": "chat.completion",
    "created": 1731974400,
    "model": "test-model",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": "Paris."},
        }
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 2, "total_tokens": 14},
}
OK = Reply(200, COMPLETION, {"x-request-id": "req-ok"})
FAST = {"retry-after-ms": "1"}  # "retry almost at once", so retry tests do not wait


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def create(
    mode: str, server: FaultServer, provider: str = "gradient", **client_options: Any
) -> ChatCompletion:
    """One create() call with a fresh sync or async client pointed at `server`."""
    client_options.setdefault("api_key", KEY)
    if mode == "sync":
        with Trilogue(provider, base_url=server.url, **client_options) as client:
            return client.chat.completions.create(model="test-model", messages=MESSAGES)
    async with AsyncTrilogue(provider, base_url=server.url, **client_options) as aclient:
        return await aclient.chat.completions.create(model="test-model", messages=MESSAGES)


async def raises(mode: str, server: FaultServer, provider: str = "gradient", **options: Any) -> Any:
    """The error create() raised (failing the test if it returned)."""
    with pytest.raises(APIError) as info:
        await create(mode, server, provider, **options)
    return info.value


# ----------------------------------------------------------------------------- retries


async def test_retry_after_seconds_is_honoured(mode: str, server: FaultServer) -> None:
    server.script(Reply(429, {"message": "slow down"}, {"Retry-After": "1"}), OK)

    started = time.monotonic()
    completion = await create(mode, server)
    elapsed = time.monotonic() - started

    assert completion.choices[0].message.content == "Paris."
    assert len(server.requests) == 2
    assert 0.95 <= elapsed < 3.0


async def test_retry_after_ms_is_honoured(mode: str, server: FaultServer) -> None:
    server.script(Reply(503, "busy", {"retry-after-ms": "300", "retry-after": "20"}), OK)

    started = time.monotonic()
    completion = await create(mode, server)
    elapsed = time.monotonic() - started

    assert completion.id == "chatcmpl-fault-1"
    assert len(server.requests) == 2
    # retry-after-ms wins over retry-after (which would have waited 20 s).
    assert 0.28 <= elapsed < 2.0


def test_retry_after_http_date_is_honoured(server: FaultServer) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1..2 s away
    server.script(Reply(429, "", {"Retry-After": when}), OK)

    started = time.monotonic()
    with Trilogue("gradient", api_key=KEY, base_url=server.url) as client:
        client.chat.completions.create(model="test-model", messages=MESSAGES)
    elapsed = time.monotonic() - started

    assert len(server.requests) == 2
    assert 0.9 <= elapsed < 3.5


def test_retry_after_past_max_retry_delay_is_raised_at_once(server: FaultServer) -> None:
    # Never retried before the server's time: a wait past the cap is the caller's to decide.
    server.script(Reply(429, "", {"Retry-After": "30"}), OK)

    started = time.monotonic()
    with (
        Trilogue("gradient", api_key=KEY, base_url=server.url, max_retry_delay=0.2) as client,
        pytest.raises(trilogue.RateLimitError) as caught,
    ):
        client.chat.completions.create(model="test-model", messages=MESSAGES)
    elapsed = time.monotonic() - started

    assert len(server.requests) == 1
    assert caught.value.retry_after == 30
    assert elapsed < 2.0


def test_without_hints_the_backoff_waits_up_to_the_cap(server: FaultServer) -> None:
    server.script(Reply(502, "bad gateway"), OK)

    started = time.monotonic()
    with Trilogue("gradient", api_key=KEY, base_url=server.url, max_retry_delay=0.2) as client:
        client.chat.completions.create(model="test-model", messages=MESSAGES)
    elapsed = time.monotonic() - started

    # The first backoff is 0.375..0.5 s, cut to max_retry_delay.
    assert len(server.requests) == 2
    assert 0.18 <= elapsed < 2.0


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    first = [retry_delay(0, None, 60.0) for _ in range(200)]
    third = [retry_delay(2, None, 60.0) for _ in range(200)]
    assert all(0.375 <= d <= 0.5 for d in first)
    assert all(1.5 <= d <= 2.0 for d in third)
    assert len(set(first)) > 1, "no jitter"
    assert all(d <= 8.0 for d in (retry_delay(20, None, 60.0) for _ in range(50)))
    assert retry_delay(5, None, 0.1) == 0.1
    # Hints: seconds, milliseconds, HTTP date (in the past: no wait), capped; garbage ignored.
    assert retry_delay(0, httpx.Headers({"retry-after": "2.5"}), 60.0) == 2.5
    assert retry_delay(0, httpx.Headers({"retry-after-ms": "250"}), 60.0) == 0.25
    assert retry_delay(0, httpx.Headers({"retry-after": "100"}), 5.0) == 5.0
    past = email.utils.formatdate(time.time() - 60, usegmt=True)
    assert retry_delay(0, httpx.Headers({"retry-after": past}), 60.0) == 0.0
    assert 0.375 <= retry_delay(0, httpx.Headers({"retry-after": "soon"}), 60.0) <= 0.5


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retried_statuses(server: FaultServer, status: int) -> None:
    server.script(Reply(status, {"message": "try again"}, FAST), OK)

    with Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
        completion = client.chat.completions.create(model="test-model", messages=MESSAGES)

    assert completion.usage is not None and completion.usage.total_tokens == 14
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(server: FaultServer, status: int) -> None:
    server.script(Reply(status, {"message": "no"}, FAST), OK)

    with (
        Trilogue("mistral", api_key=KEY, base_url=server.url) as client,
        pytest.raises(APIStatusError) as info,
    ):
        client.chat.completions.create(model="test-model", messages=MESSAGES)

    assert info.value.status_code == status
    assert len(server.requests) == 1


async def test_x_should_retry_false_stops_a_retry(mode: str, server: FaultServer) -> None:
    server.script(Reply(500, {"message": "do not"}, {**FAST, "x-should-retry": "false"}), OK)

    err = await raises(mode, server)

    assert type(err) is InternalServerError
    assert len(server.requests) == 1


async def test_x_should_retry_true_retries_a_400(mode: str, server: FaultServer) -> None:
    server.script(Reply(400, {"message": "flaky"}, {**FAST, "x-should-retry": "true"}), OK)

    completion = await create(mode, server)

    assert completion.choices[0].message.content == "Paris."
    assert len(server.requests) == 2


async def test_gives_up_after_max_retries(mode: str, server: FaultServer) -> None:
    unavailable = Reply(503, {"message": "Service unavailable."}, {**FAST, "x-request-id": "r3"})
    server.script(unavailable, unavailable, unavailable, OK)

    err = await raises(mode, server, max_retries=2)

    assert type(err) is InternalServerError
    assert err.status_code == 503
    assert err.request_id == "r3"
    assert len(server.requests) == 3
    assert server.pending == 1  # the 200 was never asked for
    # Every try sends the same request again.
    assert len({r.body for r in server.requests}) == 1


async def test_max_retries_zero_sends_once(mode: str, server: FaultServer) -> None:
    server.script(Reply(429, {"message": "slow down"}, FAST), OK)

    err = await raises(mode, server, max_retries=0)

    assert type(err) is RateLimitError
    assert len(server.requests) == 1


async def test_with_options_max_retries_zero_sends_once(server: FaultServer) -> None:
    server.script(Reply(503, "", FAST), OK)
    async with AsyncTrilogue("gradient", api_key=KEY, base_url=server.url) as client:
        with pytest.raises(InternalServerError):
            await client.with_options(max_retries=0).chat.completions.create(
                model="m", messages=MESSAGES
            )
        assert len(server.requests) == 1
        # The original client still retries, on the same pool.
        completion = await client.chat.completions.create(model="m", messages=MESSAGES)
    assert completion.id == "chatcmpl-fault-1"
    assert len(server.requests) == 2


# ----------------------------------------------------------------- connection failures


async def test_reset_connection_is_retried(mode: str, server: FaultServer) -> None:
    server.script(Reset(), OK)

    completion = await create(mode, server, max_retry_delay=0.01)

    assert completion.choices[0].message.content == "Paris."
    assert len(server.requests) == 2


async def test_reset_connections_end_in_api_connection_error(
    mode: str, server: FaultServer
) -> None:
    server.script(Reset(), Reset(), Reset(), OK)

    err = await raises(mode, server, max_retries=2, max_retry_delay=0.01)

    assert type(err) is APIConnectionError
    assert not isinstance(err, httpx.HTTPError)
    assert isinstance(err.__cause__, httpx.TransportError)  # kept for debugging, not raised
    assert err.provider == "gradient"
    assert err.request is not None and err.request.url.path == "/chat/completions"
    assert "gradient" in str(err)
    assert len(server.requests) == 3


async def test_read_timeout_is_api_timeout_error(mode: str, server: FaultServer) -> None:
    server.script(Sleep(3.0, then=OK), OK)

    started = time.monotonic()
    err = await raises(mode, server, timeout=0.5, max_retries=0)
    elapsed = time.monotonic() - started

    assert type(err) is APITimeoutError
    assert isinstance(err, APIConnectionError)
    assert not isinstance(err, httpx.HTTPError)
    assert "timed out" in str(err)
    assert len(server.requests) == 1
    assert 0.45 <= elapsed < 2.0


def test_timeouts_are_retried(server: FaultServer) -> None:
    server.script(Sleep(3.0), Sleep(3.0), OK)

    started = time.monotonic()
    with (
        Trilogue(
            "llama", api_key=KEY, base_url=server.url, timeout=0.3, max_retry_delay=0.01
        ) as client,
        pytest.raises(APITimeoutError),
    ):
        client.with_options(max_retries=1).chat.completions.create(model="m", messages=MESSAGES)
    elapsed = time.monotonic() - started

    assert len(server.requests) == 2
    assert 0.55 <= elapsed < 2.5


async def test_per_call_timeout(mode: str, server: FaultServer) -> None:
    server.script(Sleep(3.0), OK)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        if mode == "sync":
            with Trilogue("gradient", api_key=KEY, base_url=server.url, max_retries=0) as c:
                c.chat.completions.create(model="m", messages=MESSAGES, timeout=0.3)
        else:
            async with AsyncTrilogue(
                "gradient", api_key=KEY, base_url=server.url, max_retries=0
            ) as ac:
                await ac.chat.completions.create(model="m", messages=MESSAGES, timeout=0.3)
    assert time.monotonic() - started < 2.0


async def test_refused_connection_is_api_connection_error(mode: str) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"

    with pytest.raises(APIConnectionError) as info:
        if mode == "sync":
            with Trilogue("mistral", api_key=KEY, base_url=url, max_retry_delay=0.01) as c:
                c.chat.completions.create(model="m", messages=MESSAGES)
        else:
            async with AsyncTrilogue("mistral", api_key=KEY, base_url=url) as ac:
                await ac.with_options(max_retry_delay=0.01).chat.completions.create(
                    model="m", messages=MESSAGES
                )

    err = info.value
    assert type(err) is APIConnectionError
    assert not isinstance(err, httpx.HTTPError)
    assert err.provider == "mistral"
    assert "mistral" in str(err) and "127.0.0.1" in str(err)


# -------------------------------------------------------------------------- status errors

ERROR_CASES = [
    pytest.param(
        "gradient",
        Reply(
            401,
            {"id": "unauthorized", "message": "Unable to authenticate you.", "request_id": "b1"},
        ),
        AuthenticationError,
        "Unable to authenticate you.",
        id="gradient-id-message",
    ),
    pytest.param(
        "mistral",
        Reply(
            400,
            {
                "object": "error",
                "message": "Invalid model: mistral-huge",
                "type": "invalid_model",
                "param": None,
                "code": "1500",
            },
        ),
        BadRequestError,
        "Invalid model: mistral-huge",
        id="mistral-object-error",
    ),
    pytest.param(
        "mistral",
        Reply(
            422,
            {
                "detail": [
                    {
                        "loc": ["body", "temperature"],
                        "msg": "Input should be less than or equal to 1.5",
                        "type": "less_than_equal",
                    }
                ]
            },
        ),
        UnprocessableEntityError,
        "temperature: Input should be less than or equal to 1.5",
        id="mistral-422-detail",
    ),
    pytest.param(
        "llama",
        Reply(403, {"error": "Your key may not use this model."}),
        PermissionDeniedError,
        "Your key may not use this model.",
        id="llama-error-string",
    ),
    pytest.param(
        "llama",
        Reply(404, {"title": "Model not found", "status": 404}),
        NotFoundError,
        "Model not found",
        id="llama-title",
    ),
    pytest.param(
        "llama-compat",
        Reply(409, {"error": {"message": "Request in progress", "type": "conflict"}}),
        ConflictError,
        "Request in progress",
        id="openai-nested-error",
    ),
    pytest.param(
        "mistral",
        Reply(429, {"object": "error", "message": "Requests rate limit exceeded"}),
        RateLimitError,
        "Requests rate limit exceeded",
        id="rate-limit",
    ),
    pytest.param(
        "openai-compatible",
        Reply(502, "upstream connect error or disconnect/reset before headers"),
        InternalServerError,
        "upstream connect error",
        id="plain-text",
    ),
    pytest.param(
        "gradient",
        Reply(418, {"message": "I'm a teapot"}),
        APIStatusError,
        "I'm a teapot",
        id="unmapped-status",
    ),
]


@pytest.mark.parametrize(("provider", "reply", "error_class", "message"), ERROR_CASES)
async def test_error_body_shapes(
    mode: str,
    server: FaultServer,
    provider: str,
    reply: Reply,
    error_class: type[APIStatusError],
    message: str,
) -> None:
    headers = {**reply.headers, "x-request-id": f"req-{reply.status}"}
    server.script(Reply(reply.status, reply.body, headers))

    err = await raises(mode, server, provider, max_retries=0)

    assert type(err) is error_class
    assert err.status_code == reply.status
    assert err.body == reply.body  # parsed JSON, or the text as sent
    assert err.request_id == f"req-{reply.status}"
    assert err.headers["x-request-id"] == f"req-{reply.status}"
    assert err.provider == provider
    assert message in str(err)
    assert str(reply.status) in str(err) and provider in str(err)
    assert "{" not in str(err), "the message should be readable, not a dumped dict"
    assert len(server.requests) == 1


async def test_empty_error_body(mode: str, server: FaultServer) -> None:
    server.script(Reply(500, b"", {"request-id": "req-empty"}))

    err = await raises(mode, server, "mistral", max_retries=0)

    assert type(err) is InternalServerError
    assert err.body is None
    assert err.request_id == "req-empty"
    assert str(err) == "Error code 500 from mistral"


def test_error_hierarchy() -> None:
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
        InternalServerError,
    ):
        assert issubclass(cls, APIStatusError) and issubclass(cls, APIError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert not issubclass(APIConnectionError, APIStatusError)
    assert issubclass(trilogue.InvalidParameterError, ValueError)


async def test_error_body_on_a_200_is_a_status_error(mode: str, server: FaultServer) -> None:
    # Some gateways answer 200 with an error document.
    server.script(Reply(200, {"error": {"message": "model overloaded", "type": "server_error"}}))

    err = await raises(mode, server, "llama-compat", max_retries=0)

    assert isinstance(err, APIStatusError)
    assert "model overloaded" in str(err)


async def test_non_completion_200_is_a_validation_error(mode: str, server: FaultServer) -> None:
    server.script(Reply(200, "<html>gateway login</html>", {"Content-Type": "text/html"}))

    err = await raises(mode, server, "gradient", max_retries=0)

    assert type(err) is trilogue.APIResponseValidationError
    assert err.provider == "gradient"
    assert "gateway login" in str(err)


# ------------------------------------------------------------------------ key redaction


def _texts(err: BaseException) -> list[str]:
    texts = [str(err), repr(err), *traceback.format_exception_only(err)]
    if err.__cause__ is not None:
        texts += [str(err.__cause__), repr(err.__cause__)]
    return texts


async def test_api_key_never_in_errors_reprs_or_logs(
    mode: str, server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("trilogue", "httpx", "httpcore"):  # the transport's own debug lines too
        caplog.set_level(logging.DEBUG, logger=name)
    server.script(
        # A server that quotes the refused key back.
        Reply(401, {"error": {"message": f"Incorrect API key provided: {KEY}."}}),
        Reset(),
        Reset(),
        Sleep(2.0),
    )
    options: dict[str, Any] = {"api_key": KEY, "base_url": server.url, "max_retry_delay": 0.01}
    errors: list[APIError] = []
    if mode == "sync":
        with Trilogue("llama-compat", **options) as client:
            faster = client.with_options(timeout=0.3, max_retries=0)
            for target in (client, client.with_options(max_retries=1), faster):
                with pytest.raises(APIError) as info:
                    target.chat.completions.create(model="m", messages=MESSAGES)
                errors.append(info.value)
            shown = [str(client), repr(client), repr(faster)]
    else:
        async with AsyncTrilogue("llama-compat", **options) as aclient:
            afaster = aclient.with_options(timeout=0.3, max_retries=0)
            for atarget in (aclient, aclient.with_options(max_retries=1), afaster):
                with pytest.raises(APIError) as info:
                    await atarget.chat.completions.create(model="m", messages=MESSAGES)
                errors.append(info.value)
            shown = [str(aclient), repr(aclient), repr(afaster)]

    assert [type(e) for e in errors] == [AuthenticationError, APIConnectionError, APITimeoutError]
    assert "Incorrect API key provided" in str(errors[0])
    texts = shown + [t for err in errors for t in _texts(err)]
    texts += [record.getMessage() for record in caplog.records] + [caplog.text]
    for text in texts:
        assert KEY not in text and "SECRET" not in text, text
    # Debug logging did run (one line per try, credentials redacted) ...
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    tries = [line for line in debug if line.startswith("POST ")]
    assert len(tries) == 4 and all("<redacted>" in line for line in tries), debug
    assert any("Retrying" in r.getMessage() for r in caplog.records)
    assert {r.name.split(".")[0] for r in caplog.records} >= {"trilogue", "httpx", "httpcore"}
    # ... and the key did go to the server, on every try.
    assert [r.headers["authorization"] for r in server.requests] == [f"Bearer {KEY}"] * 4


def test_trilogue_log_env_var_logs_redacted(server: FaultServer) -> None:
    server.script(Reply(503, "", FAST), OK)
    script = (
        "import sys, trilogue\n"
        "client = trilogue.Trilogue('gradient', base_url=sys.argv[1])\n"
        "messages = [{'role': 'user', 'content': 'x'}]\n"
        "c = client.chat.completions.create(model='m', messages=messages)\n"
        "print(c.choices[0].message.content)\n"
    )
    env = {**os.environ, "TRILOGUE_LOG": "debug", "GRADIENT_MODEL_ACCESS_KEY": KEY}
    done = subprocess.run(
        [sys.executable, "-c", script, server.url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Paris."
    assert "POST" in done.stderr and "<redacted>" in done.stderr and "Retrying" in done.stderr
    assert KEY not in done.stderr + done.stdout
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
