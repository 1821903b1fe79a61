"""The `trilogue` command, run as users run it: a subprocess talking HTTP to a local server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_server import FaultServer, Reply

KEY = "sk-cli-SECRET-42"
COMPLETION = {
    "id": "chatcmpl-cli",
    "object": "chat.completion",
    "created": 1763779200,
    "model": "m",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": "Bonjour !"},
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10},
}


def sse(*events: dict[str, object]) -> bytes:
    return b"".join(b"data: " + json.dumps(e).encode() + b"\n\n" for e in events) + (
        b"data: [DONE]\n\n"
    )


def chunk(content: str | None, finish: str | None = None, usage: bool = False) -> dict[str, object]:
    return {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7} if usage else None,
    }


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server


def run(
    *args: str, env_key: bool = True, cwd: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "MISTRAL_API_KEY": KEY} if env_key else {"PATH": "/usr/bin"}
    return subprocess.run(
        [sys.executable, "-m", "trilogue._cli", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_chat_prints_answer_and_usage(server: FaultServer) -> None:
    server.script(Reply(200, COMPLETION))
    result = run(
        "chat",
        "Say hi in French",
        "--model",
        "m",
        "--base-url",
        server.url,
        "--no-stream",
        "--temperature",
        "0.3",
        "--system",
        "Be brief.",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Bonjour !"
    assert "7 prompt + 3 completion tokens" in result.stderr
    sent = server.requests[0]
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.json() == {
        "model": "m",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Say hi in French"},
        ],
        "temperature": 0.3,
    }


def test_chat_streams_tokens(server: FaultServer) -> None:
    body = sse(chunk("Bon"), chunk("jour"), chunk(" !", "stop", usage=True))
    server.script(Reply(200, body, {"Content-Type": "text/event-stream"}))
    result = run("chat", "hi", "--model", "m", "--base-url", server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Bonjour !\n"
    assert "5 prompt + 2 completion tokens" in result.stderr
    assert server.requests[0].json()["stream"] is True


def test_api_error_is_one_line_without_traceback(server: FaultServer) -> None:
    server.script(Reply(401, {"object": "error", "message": "Unauthorized", "type": "auth"}))
    result = run("chat", "hi", "--model", "m", "--base-url", server.url, "--no-stream")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "401" in lines[0] and "Unauthorized" in lines[0]
    assert KEY not in result.stderr


def test_missing_key_names_the_env_var() -> None:
    result = run("chat", "hi", "--model", "m", env_key=False)
    assert result.returncode == 1
    assert "MISTRAL_API_KEY" in result.stderr and "Traceback" not in result.stderr


def test_providers_lists_urls_and_env_vars() -> None:
    result = run("providers")
    assert result.returncode == 0
    for needle in (
        "mistral",
        "https://api.mistral.ai/v1",
        "GRADIENT_MODEL_ACCESS_KEY",
        "LLAMA_API_BASE_URL",
        "openai-compatible",
        "TRILOGUE_BASE_URL",
    ):
        assert needle in result.stdout


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m trilogue ...`, as documented."""
    return subprocess.run(
        [sys.executable, "-m", "trilogue", *args],
        capture_output=True,
        text=True,
        env=env or {"PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )


def test_version() -> None:
    import trilogue

    for result in (run("--version"), run_module("--version")):
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"trilogue {trilogue.__version__}"


def test_api_key_flag_is_sent_and_wins_over_the_env(server: FaultServer) -> None:
    server.script(Reply(200, COMPLETION))
    flag_key = "sk-flag-SECRET-7"
    result = run_module(
        "chat",
        "hi",
        "--provider",
        "gradient",
        "--api-key",
        flag_key,
        "--model",
        "m",
        "--base-url",
        server.url,
        "--no-stream",
        env={"PATH": "/usr/bin:/bin", "GRADIENT_MODEL_ACCESS_KEY": KEY},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Bonjour !"
    assert server.requests[0].headers["authorization"] == f"Bearer {flag_key}"
    assert flag_key not in result.stdout + result.stderr


def test_api_key_flag_replaces_a_missing_env_var(server: FaultServer) -> None:
    server.script(Reply(200, COMPLETION))
    result = run(
        "chat",
        "hi",
        "--api-key",
        KEY,
        "--model",
        "m",
        "--base-url",
        server.url,
        "--no-stream",
        env_key=False,
    )
    assert result.returncode == 0, result.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_provider_must_be_a_known_one() -> None:
    result = run("chat", "hi", "--model", "m", "--provider", "openai")
    assert result.returncode == 2
    assert "invalid choice: 'openai'" in result.stderr
    assert "llama-compat" in result.stderr
    help_text = run("chat", "--help").stdout
    assert "{mistral,gradient,llama,llama-compat,openai-compatible}" in help_text
    assert "--api-key" in help_text


def test_models_lists_ids(server: FaultServer) -> None:
    server.script(
        Reply(200, {"object": "list", "data": [{"id": "a", "owned_by": "x"}, {"id": "b"}]})
    )
    result = run("models", "--provider", "gradient", "--api-key", KEY, "--base-url", server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["a  (x)", "b"]
    (request,) = server.requests
    assert (request.method, request.path) == ("GET", "/models")
    assert request.headers["authorization"] == f"Bearer {KEY}"


def test_models_error_is_one_line(server: FaultServer) -> None:
    server.script(Reply(401, {"message": "bad key"}))
    result = run("models", "--provider", "mistral", "--base-url", server.url)
    assert result.returncode == 1
    assert result.stderr.strip() == "trilogue: error: Error code 401 from mistral: bad key"
    assert KEY not in result.stderr


def test_chat_prints_text_parts_of_array_content(server: FaultServer) -> None:
    answer = json.loads(json.dumps(COMPLETION))
    answer["choices"][0]["message"]["content"] = [
        {"type": "thinking", "thinking": [{"type": "text", "text": "hmm"}]},
        {"type": "text", "text": "Bonjour"},
        {"type": "text", "text": " !"},
    ]
    server.script(Reply(200, answer))
    result = run("chat", "hi", "--model", "m", "--base-url", server.url, "--no-stream")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Bonjour !"


TESTS = str(Path(__file__).resolve().parent)
RECIPE = {"title": "Soup", "minutes": 20, "vegetarian": True}


def recipe_completion(**message: object) -> dict[str, object]:
    body = json.loads(json.dumps(COMPLETION))
    body["choices"][0]["message"] = {"role": "assistant", **message}
    return body


def test_json_schema_from_a_class(server: FaultServer) -> None:
    """`--json-schema module:Class`: the schema parse() would send, from the user's own module
    (found from the working directory), and the answer checked against it."""
    server.script(Reply(200, recipe_completion(content=json.dumps(RECIPE))))
    result = run(
        "chat", "A soup?", "--model", "m", "--base-url", server.url, "--no-stream",
        "--json-schema", "cli_types:Recipe", cwd=TESTS,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == RECIPE
    fmt = server.requests[0].json()["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "Recipe"
    assert fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert sorted(schema["required"]) == ["minutes", "title", "vegetarian"]
    assert {"type": "null"} in schema["properties"]["vegetarian"]["anyOf"]


def test_json_schema_answer_that_does_not_match_is_an_error(server: FaultServer) -> None:
    server.script(Reply(200, recipe_completion(content='{"title": "Soup"}')))
    result = run(
        "chat", "A soup?", "--model", "m", "--base-url", server.url, "--no-stream",
        "--json-schema", "cli_types:Recipe", cwd=TESTS,
    )  # fmt: skip
    assert result.returncode == 1
    assert "does not match Recipe" in result.stderr and "Traceback" not in result.stderr


def test_json_schema_on_gradient_goes_through_a_forced_tool(server: FaultServer) -> None:
    call = {
        "id": "c1",
        "type": "function",
        "function": {"name": "Step", "arguments": json.dumps({"text": "Boil water."})},
    }
    server.script(Reply(200, recipe_completion(content=None, tool_calls=[call])))
    result = run(
        "chat", "First step?", "--provider", "gradient", "--model", "m", "--base-url",
        server.url, "--no-stream", "--json-schema", "cli_types:Step", cwd=TESTS,
        env={"GRADIENT_MODEL_ACCESS_KEY": KEY},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"text": "Boil water."}
    assert "tool call" not in result.stdout  # the forced call is how we asked, not an answer
    body = server.requests[0].json()
    assert "response_format" not in body
    assert body["tool_choice"] == "required"
    assert [t["function"]["name"] for t in body["tools"]] == ["Step"]


def test_json_schema_from_a_file_streams(server: FaultServer, tmp_path: Path) -> None:
    schema = {"title": "Greeting", "type": "object", "properties": {"word": {"type": "string"}}}
    path = tmp_path / "greeting.json"
    path.write_text(json.dumps(schema))
    body = sse(chunk('{"word": '), chunk('"hi"}', "stop", usage=True))
    server.script(Reply(200, body, {"Content-Type": "text/event-stream"}))
    result = run("chat", "hi", "--model", "m", "--base-url", server.url, "--json-schema", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == '{"word": "hi"}\n'
    sent = server.requests[0].json()["response_format"]["json_schema"]
    assert sent["name"] == "Greeting" and sent["schema"]["required"] == ["word"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("no_such_module:Recipe", "cannot import"),
        ("cli_types:Nope", "cannot import"),
        ("cli_types:NOT_A_TYPE", "not a class"),
        ("missing.json", "No such file"),
    ],
)
def test_json_schema_that_cannot_be_found(server: FaultServer, value: str, words: str) -> None:
    result = run(
        "chat", "hi", "--model", "m", "--base-url", server.url, "--json-schema", value, cwd=TESTS
    )
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert server.requests == []
