"""Every Python example in README.md runs, for each provider its marker names.

Each example follows a marker comment:

    <!-- example: providers=mistral,llama; replies=completion,stream -->

The example runs once per named provider, with that provider put in place of the one written in
`Trilogue("...")`/`AsyncTrilogue("...")`/`FakeProvider("...")`/`FakeBatchProvider("...")` or as
a Ray stage's `"provider": "..."` option, its key and base-URL environment variables pointing at a
scripted HTTP server on 127.0.0.1 that answers, in the provider's wire format, with the listed
replies in order. The example must print what those replies say, and the server must have
received exactly one request per reply, carrying the key. `replies=none` examples talk to no
server: the `test_*` functions they define are called. On every provider the marker does not
name, the example (its tests, for `replies=none`) must fail before sending anything. Examples
that use `trilogue.ray` run on one local Ray started for them all (skipped if Ray is not
installed).
"""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sse_server import Reply, SSEServer, error_reply

import trilogue
from trilogue.testing._wire import Answer, ToolCall, completion_body, error_body, stream_events

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ALL_PROVIDERS = ("mistral", "gradient", "llama", "llama-compat", "openai-compatible")
MARKER = re.compile(r"<!-- example: providers=([a-z,-]+); replies=([a-z0-9_,]+) -->\n```python\n")
# The provider named first to a client or a fake, or as a Ray stage's "provider" option.
PROVIDER_ARG = re.compile(
    r"(\b(?:Async)?Trilogue\(|\bFake(?:Batch)?Provider\(|\"provider\": )\s*\"[a-z-]+\""
)
KEY = "sk-readme-SECRET"

TEXT = ["Crisp ", "leaves, ", "café ", "steam ", "🍂"]
PERSON = '{"name": "Ada", "age": 36}'


@dataclass(frozen=True)
class Example:
    line: int
    code: str
    providers: tuple[str, ...]
    replies: tuple[str, ...]


def examples() -> list[Example]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in MARKER.finditer(text):
        end = text.index("\n```\n", match.end())
        found.append(
            Example(
                line=text.count("\n", 0, match.end()) + 1,
                code=text[match.end() : end + 1],
                providers=tuple(match.group(1).split(",")),
                replies=tuple(match.group(2).split(",")),
            )
        )
    return found


def cases() -> Iterator[Any]:
    for example in examples():
        for provider in example.providers:
            yield pytest.param(example, provider, id=f"line{example.line}-{provider}")


def test_every_python_example_has_a_marker() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count("```python\n") == len(examples()) > 0
    for example in examples():
        assert set(example.providers) <= set(ALL_PROVIDERS), example.providers


def test_readme_opens_for_pip_users() -> None:
    """The PyPI page shows README.md: users' sections first, the make targets last."""
    text = README.read_text(encoding="utf-8")
    user_part, _, develop_part = text.partition("\n## Development\n")
    assert develop_part, "no Development section"
    assert "make " not in user_part
    assert "make demo" in develop_part and "make test" in develop_part
    assert user_part.index("pip install trilogue") < user_part.index("```python")
    for section in (
        "## Install",
        "## Providers and environment variables",
        "## Streaming",
        "## Async",
        "## Tools",
        "## Structured output",
        "## Errors",
        "## Retries and timeouts",
        "## Testing your code",
    ):
        assert f"\n{section}" in user_part, section


def _answer(content: str | None, chunks: list[str], calls: tuple[ToolCall, ...] = ()) -> Answer:
    return Answer(content, tuple(chunks), calls, "tool_calls" if calls else "stop", (7, 3))


def _reply(
    kind: str, provider: str, serial: int, stream: bool, include_usage: bool
) -> tuple[Reply, list[str]]:
    """What the server sends for one scripted reply, and what the example must then print."""
    if kind.startswith("error"):
        status = int(kind.removeprefix("error"))
        body = error_body(provider, status, "Slow down, please.")
        return error_reply(status, body, {"Retry-After": "0"}), [str(status)]
    if kind == "models":
        body = {"object": "list", "data": [{"id": "m-small"}, {"id": "m-large"}]}
        headers = {"Content-Type": "application/json"}
        return Reply([json.dumps(body).encode()], headers=headers, framing="length"), [
            "m-small",
            "m-large",
        ]
    if kind == "tool_turn":  # a turn of run_tools: the example prints the tool's result
        call = ToolCall("get_weather", {"city": "Paris"}, id="call_7")
        answer = _answer(None, [], (call,))
        expected = ["tool: 18 C and sunny in Paris"]
    elif kind == "parsed":  # parse(): JSON content, or Gradient's forced tool called with it
        if provider == "gradient":
            answer = _answer(None, [], (ToolCall("Person", json.loads(PERSON)),))
        else:
            answer = _answer(PERSON, ['{"name": "A', 'da", "age": ', "36}"])
        expected = ["Ada 36"]
    elif kind == "tool_call":
        call = ToolCall("get_weather", {"city": "Paris"}, id="call_7")
        answer = _answer(None, [], (call,))
        expected = ["call_7 get_weather {'city': 'Paris'}"]
    elif kind == "json":
        answer = _answer(PERSON, [PERSON])
        expected = ["Ada 36"]
    elif kind == "stream":
        answer = _answer("".join(TEXT), TEXT)
        expected = ["".join(TEXT)]
        if include_usage:
            expected.append("usage: 7 + 3")
    else:
        answer = _answer("Bonjour !", ["Bonjour", " !"])
        expected = ["Bonjour !"]
    if stream:
        events = stream_events(provider, answer, "m", serial, include_usage)
        headers = {"Content-Type": "text/event-stream"}
        return Reply(events, headers=headers), expected
    body = json.dumps(completion_body(provider, answer, "m", serial)).encode()
    return Reply([body], headers={"Content-Type": "application/json"}, framing="length"), expected


@pytest.fixture(scope="module")
def _module_server() -> Iterator[SSEServer]:
    scripted = SSEServer().start()
    yield scripted
    scripted.stop()


@pytest.fixture
def server(_module_server: SSEServer) -> SSEServer:
    _module_server.reset()
    return _module_server


@pytest.fixture(scope="module")
def _ray_for_examples(_module_server: SSEServer) -> Iterator[None]:
    """One local Ray for the Ray examples (each starting its own would take seconds), started
    with every provider's key and base URL pointing at the server: Ray's workers keep the
    environment they started with."""
    ray = pytest.importorskip("ray")
    with pytest.MonkeyPatch.context() as env:
        for profile in trilogue.PROVIDERS.values():
            if profile.key_env:
                env.setenv(profile.key_env, KEY)
            env.setenv(profile.base_url_env, _module_server.url)
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def _point_env_at(monkeypatch: pytest.MonkeyPatch, provider: str, url: str) -> None:
    for profile in trilogue.PROVIDERS.values():
        for name in (profile.key_env, profile.base_url_env):
            if name:
                monkeypatch.delenv(name, raising=False)
    profile = trilogue.PROVIDERS[provider]
    if profile.key_env:
        monkeypatch.setenv(profile.key_env, KEY)
    monkeypatch.setenv(profile.base_url_env, url)


def _run(code: str, name: str) -> dict[str, Any]:
    # A real module, as a script would be: dataclasses and Pydantic look their module up.
    module = types.ModuleType("readme_example")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, name, "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


@pytest.mark.parametrize(("example", "provider"), list(cases()))
def test_example_runs(
    example: Example,
    provider: str,
    server: SSEServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    code = PROVIDER_ARG.sub(lambda m: f'{m.group(1)}"{provider}"', example.code)
    assert code != example.code or f'"{provider}"' in example.code, "no provider to replace"
    name = f"README.md:{example.line} ({provider})"
    if "trilogue.ray" in example.code:
        request.getfixturevalue("_ray_for_examples")
    if example.replies == ("none",):
        namespace = _run(code, name)
        tests: list[Callable[[], None]] = [
            f for n, f in namespace.items() if n.startswith("test_") and callable(f)
        ]
        assert tests
        for test in tests:
            test()
        assert not server.requests
        return

    # Streamed replies are the ones the example asks for with .stream(...).
    streams = iter(
        m.group(0) == "stream(" for m in re.finditer(r"\b(?:stream|create)\(", example.code)
    )
    expected: list[str] = []
    for serial, kind in enumerate(example.replies, 1):
        stream = kind == "stream" or (
            kind not in ("models",) and not kind.startswith("error") and next(streams, False)
        )
        include_usage = '"include_usage": True' in example.code
        reply, says = _reply(kind, provider, serial, stream, include_usage)
        server.script(reply)
        final_error = kind.startswith("error") and serial == len(example.replies)
        if final_error or not kind.startswith("error"):  # a retried error prints nothing
            expected += says
    _point_env_at(monkeypatch, provider, server.url)

    _run(code, name)

    out = capsys.readouterr().out
    for text in expected:
        assert text in out, f"{text!r} not in the output of {name}:\n{out}"
    assert len(server.requests) == len(example.replies)
    for request, kind in zip(server.requests, example.replies, strict=True):
        expected_path = "/models" if kind == "models" else "/chat/completions"
        assert (request.method, request.path.endswith(expected_path)) == (
            "GET" if kind == "models" else "POST",
            True,
        )
        assert request.headers.get("authorization") == f"Bearer {KEY}"
    assert KEY not in out


def unclaimed() -> Iterator[Any]:
    for example in examples():
        for provider in sorted(set(ALL_PROVIDERS) - set(example.providers)):
            yield pytest.param(example, provider, id=f"line{example.line}-{provider}")


@pytest.mark.parametrize(("example", "provider"), list(unclaimed()))
def test_example_fails_before_sending_on_providers_it_does_not_claim(
    example: Example, provider: str, server: SSEServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = PROVIDER_ARG.sub(lambda m: f'{m.group(1)}"{provider}"', example.code)
    _point_env_at(monkeypatch, provider, server.url)
    # A request field the provider does not take, or an operation it does not serve.
    refused = (trilogue.UnsupportedParameterError, trilogue.UnsupportedOperationError)
    with pytest.raises(refused):
        namespace = _run(code, f"README.md:{example.line} ({provider})")
        if example.replies == ("none",):  # its tests are what fails
            for name, test in namespace.items():
                if name.startswith("test_") and callable(test):
                    test()
    assert not server.requests
