"""The helpers under a hostile model: `parse()`, `stream(response_format=T).partial` and
`run_tools` (sync and async) let only trilogue's typed errors out, whatever the answer holds;
async tool calls are cancelled and awaited together; `tool_timeout` bounds a tool's time."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

import trilogue
from trilogue import OutputParseError, ToolResultError, ToolTimeoutError, UnknownToolError
from trilogue.lib._partial_json import PartialJSON, PartialJSONError
from trilogue.testing import FakeProvider, ToolCall

USER = [{"role": "user", "content": "Go."}]
DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INT = "7" * 5_000  # past Python's 4,300-digit int-string limit


class Point(BaseModel):
    x: int
    y: int


def completion_body(message: dict[str, Any]) -> dict[str, Any]:
    finish = "tool_calls" if message.get("tool_calls") else "stop"
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "logprobs": None,
                "message": {"role": "assistant", "content": None, **message},
            }
        ],
    }


def tool_calls_body(*calls: tuple[Any, Any, Any]) -> dict[str, Any]:
    """An answer calling tools, each given as (id, name, arguments) exactly as sent."""
    return completion_body(
        {
            "tool_calls": [
                {"id": i, "type": "function", "function": {"name": n, "arguments": a}}
                for i, n, a in calls
            ]
        }
    )


class Scripted:
    """A transport answering each request with the next body as given (no checks, no
    reshaping: what a hostile server could send), recording the requests' JSON."""

    def __init__(self, *bodies: dict[str, Any]) -> None:
        self.bodies: Iterator[dict[str, Any]] = iter(bodies)
        self.requests: list[Any] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(json.loads(request.content))
        return httpx.Response(200, json=next(self.bodies))

    def client(self, provider: str = "openai-compatible") -> trilogue.Trilogue:
        http = httpx.Client(transport=httpx.MockTransport(self.handle))
        return trilogue.Trilogue(provider, api_key="k", base_url="http://x/v1", http_client=http)

    def async_client(self, provider: str = "openai-compatible") -> trilogue.AsyncTrilogue:
        http = httpx.AsyncClient(transport=httpx.MockTransport(self.handle))
        return trilogue.AsyncTrilogue(
            provider, api_key="k", base_url="http://x/v1", http_client=http
        )


def locate(city: str) -> str:
    """Where a city is."""
    return f"{city}: 59N 10E"


# ------------------------------------------------------------ 1. nesting past the stack


def test_parse_of_an_answer_nested_100000_deep_is_an_output_parse_error() -> None:
    server = Scripted(completion_body({"content": DEEP}), completion_body({"content": DEEP}))
    with pytest.raises(OutputParseError, match="nested too deeply") as info:
        server.client().chat.completions.parse(model="m", messages=USER, response_format=Point)
    assert info.value.raw == DEEP and info.value.completion is not None
    schema = {"type": "object", "properties": {"x": {"type": "integer"}}}
    with pytest.raises(OutputParseError, match="nested too deeply"):
        server.client().chat.completions.parse(model="m", messages=USER, response_format=schema)


def test_streamed_parse_of_an_answer_nested_100000_deep() -> None:
    fake = FakeProvider("mistral")
    fake.add_response(chunks=[DEEP[:50_000], DEEP[50_000:150_000], DEEP[150_000:]])
    with fake.client().chat.completions.stream(
        model="m", messages=USER, response_format=Point
    ) as stream:
        for _ in stream:
            assert stream.partial is None or isinstance(stream.partial, list)
        assert isinstance(stream.partial, list)  # the partial parser keeps no stack
        with pytest.raises(OutputParseError, match="nested too deeply"):
            stream.get_final_completion()


def test_run_tools_with_arguments_nested_100000_deep() -> None:
    server = Scripted(tool_calls_body(("c1", "locate", DEEP)), completion_body({"content": "?"}))
    result = server.client().chat.completions.run_tools(model="m", messages=USER, tools=[locate])
    assert result.messages[2] == {
        "role": "tool",
        "tool_call_id": "c1",
        "content": "Error: OutputParseError: The arguments for locate are nested too deeply "
        "to read as JSON.",
    }
    server = Scripted(tool_calls_body(("c1", "locate", DEEP)))
    with pytest.raises(OutputParseError, match="nested too deeply"):
        server.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[locate], on_tool_error="raise"
        )


async def test_async_run_tools_with_arguments_nested_100000_deep() -> None:
    server = Scripted(tool_calls_body(("c1", "locate", DEEP)), completion_body({"content": "?"}))
    async with server.async_client() as client:
        result = await client.chat.completions.run_tools(model="m", messages=USER, tools=[locate])
    assert "nested too deeply" in result.messages[2]["content"]


@pytest.mark.parametrize(
    ("pieces", "seconds"),
    [
        (["[" * 150_000], 5.0),
        (["[" * 60_000] * 5, 5.0),
        # Brackets that balance around a string that never ends: never whole.
        (["[" * 900 + '"' + "]" * 900 + "x" * 4_000_000], 1.5),
    ],
    ids=["one-piece", "five-pieces", "balanced-open-string"],
)
def test_partial_json_takes_linear_time_on_deep_or_unfinishable_nesting(
    pieces: list[str], seconds: float
) -> None:
    # Was quadratic: two counts over the rest of the text from each opening bracket (the
    # first two cases took 15 s and 9 s), or a failed C scan of the whole text from each
    # (4.3 s for the last); now each takes well under a second.
    parser = PartialJSON()
    start = time.monotonic()
    for piece in pieces:
        parser.feed(piece)
    assert time.monotonic() - start < seconds
    assert isinstance(parser.value, list) and not parser.done


# ------------------------------------------------------- 2. an integer past 4,300 digits


def test_partial_json_refuses_an_integer_past_the_int_limit_with_its_own_error() -> None:
    parser = PartialJSON()
    with pytest.raises(PartialJSONError, match="5000 digits"):
        parser.feed('{"x": ' + HUGE_INT + ', "y": 1}')
    parser = PartialJSON()
    parser.feed('{"y": 1, "x": ' + HUGE_INT[:3000])
    with pytest.raises(PartialJSONError, match="5000 digits"):
        parser.feed(HUGE_INT[3000:] + "}")


def test_stream_partial_with_an_integer_past_the_int_limit() -> None:
    document = '{"y": 2, "x": ' + HUGE_INT + "}"
    fake = FakeProvider("mistral")
    fake.add_response(chunks=[document[:8], document[8:3000], document[3000:]])
    seen = []
    with fake.client().chat.completions.stream(
        model="m", messages=USER, response_format=Point
    ) as stream:
        for _ in stream:
            seen.append(dict(stream.partial or {}))  # was a ValueError
        # The partial stops where the JSON stops being readable; the final parse says why.
        assert stream.partial == {"y": 2}
        with pytest.raises(OutputParseError, match="not valid JSON"):
            stream.get_final_completion()
    assert seen[-1] == {"y": 2}


# --------------------------------------- 3. unknown tools and results that cannot be sent


def nested_result() -> list[Any]:
    """Returns a list nested too deeply to serialise."""
    value: list[Any] = []
    for _ in range(100_000):
        value = [value]
    return value


def tuple_keys() -> dict[Any, str]:
    """Returns a dict JSON cannot carry."""
    return {(1, 2): "a tuple key"}


def circular() -> list[Any]:
    """Returns a list that holds itself."""
    value: list[Any] = []
    value.append(value)
    return value


def test_an_unknown_tool_is_a_typed_error_or_a_message() -> None:
    fake = FakeProvider("openai-compatible")
    fake.add_response(tool_calls=[ToolCall("nope", {}, id="c9")])
    with pytest.raises(UnknownToolError) as info:
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[locate], on_tool_error="raise"
        )
    assert isinstance(info.value, trilogue.TrilogueError) and isinstance(info.value, LookupError)
    assert (info.value.tool_name, info.value.call_id) == ("nope", "c9")
    assert "the tools are: locate" in str(info.value)

    fake.add_response(tool_calls=[ToolCall("nope", {}, id="c9")]).add_response("Sorry.")
    result = fake.client().chat.completions.run_tools(model="m", messages=USER, tools=[locate])
    assert result.messages[2]["content"] == (
        "Error: UnknownToolError: The model called 'nope', which is not a tool here; "
        "the tools are: locate"
    )


@pytest.mark.parametrize(
    ("tool", "cause"),
    [(tuple_keys, TypeError), (circular, ValueError), (nested_result, RecursionError)],
)
def test_a_result_that_cannot_be_sent_is_a_typed_error_or_a_message(
    tool: Callable[[], Any], cause: type[BaseException]
) -> None:
    name = tool.__name__
    fake = FakeProvider("openai-compatible")
    fake.add_response(tool_calls=[ToolCall(name, {}, id="c1")])
    with pytest.raises(ToolResultError) as info:
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[tool], on_tool_error="raise"
        )
    assert isinstance(info.value.__cause__, cause)
    assert (info.value.tool_name, info.value.call_id) == (name, "c1")

    fake.add_response(tool_calls=[ToolCall(name, {}, id="c1")]).add_response("Sorry.")
    result = fake.client().chat.completions.run_tools(model="m", messages=USER, tools=[tool])
    text = result.messages[2]["content"]
    assert text.startswith(f"Error: ToolResultError: The result of {name} cannot be sent back")
    assert fake.requests[-1].json["messages"][2]["content"] == text


async def test_async_unknown_tool_and_unsendable_result_are_typed() -> None:
    fake = FakeProvider("mistral")
    fake.add_response(tool_calls=[ToolCall("nope", {})])
    fake.add_response(tool_calls=[ToolCall("tuple_keys", {})])
    async with fake.async_client() as client:
        with pytest.raises(UnknownToolError):
            await client.chat.completions.run_tools(
                model="m", messages=USER, tools=[tuple_keys], on_tool_error="raise"
            )
        with pytest.raises(ToolResultError) as info:
            await client.chat.completions.run_tools(
                model="m", messages=USER, tools=[tuple_keys], on_tool_error="raise"
            )
    assert isinstance(info.value.__cause__, TypeError)


# ----------------------------------------- 4. async: siblings cancelled, sync tools off-loop


async def test_async_siblings_are_cancelled_and_awaited_when_one_raises() -> None:
    events: list[str] = []

    async def slow() -> str:
        """Takes its time."""
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(0.05)  # cleanup that takes a moment: it must be awaited
            events.append("slow cleaned up")
            raise
        return "late"

    async def boom() -> str:
        """Fails."""
        await asyncio.sleep(0.01)
        raise RuntimeError("boom")

    fake = FakeProvider("openai-compatible")
    fake.add_response(tool_calls=[ToolCall("slow", {}, id="a"), ToolCall("boom", {}, id="b")])
    fake.add_response(tool_calls=[ToolCall("slow", {}, id="a"), ToolCall("nope", {}, id="b")])
    async with fake.async_client() as client:
        for expected in (RuntimeError, UnknownToolError):
            events.clear()
            with pytest.raises(expected):
                await client.chat.completions.run_tools(
                    model="m", messages=USER, tools=[slow, boom], on_tool_error="raise"
                )
            assert events == ["slow cleaned up"]
            assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_cancelling_async_run_tools_cancels_and_awaits_its_tools() -> None:
    started = asyncio.Event()
    events: list[str] = []

    async def slow() -> str:
        """Takes its time."""
        started.set()
        try:
            await asyncio.sleep(10)
        finally:
            await asyncio.sleep(0.01)
            events.append("slow finished")
        return "late"

    fake = FakeProvider("openai-compatible")
    fake.add_response(tool_calls=[ToolCall("slow", {}), ToolCall("slow", {})])
    async with fake.async_client() as client:
        task = asyncio.create_task(
            client.chat.completions.run_tools(model="m", messages=USER, tools=[slow])
        )
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert events == ["slow finished", "slow finished"]
        assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_a_slow_sync_tool_does_not_block_the_event_loop() -> None:
    waiting = threading.Event()
    released = threading.Event()

    def wait_for_release() -> str:
        """Blocks its thread until released."""
        waiting.set()
        return "released" if released.wait(2) else "never released"

    async def release() -> str:
        """Releases the other tool, from the event loop, once it waits."""
        while not waiting.is_set():
            await asyncio.sleep(0.005)
        released.set()
        return "done"

    fake = FakeProvider("openai-compatible")
    fake.add_response(tool_calls=[ToolCall("wait_for_release", {}), ToolCall("release", {})])
    fake.add_response("Both ran.")
    async with fake.async_client() as client:
        result = await client.chat.completions.run_tools(
            model="m", messages=USER, tools=[wait_for_release, release]
        )
    assert [m["content"] for m in result.messages[2:4]] == ["released", "done"]


# --------------------------------------------------------------------- 5. tool_timeout


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds stuck sync tools; opened at the end so no thread outlives the test for long."""
    event = threading.Event()
    yield event
    event.set()


def test_tool_timeout_in_the_sync_client(gate: threading.Event) -> None:
    def stuck() -> str:
        """Never answers in time."""
        gate.wait(10)
        return "late"

    fake = FakeProvider("gradient")
    fake.add_response(
        tool_calls=[ToolCall("stuck", {}, id="c1"), ToolCall("locate", {"city": "Oslo"})]
    )
    fake.add_response("Timed out.")
    start = time.monotonic()
    result = fake.client().chat.completions.run_tools(
        model="m", messages=USER, tools=[stuck, locate], tool_timeout=0.2
    )
    assert time.monotonic() - start < 5
    assert [m["content"] for m in result.messages[2:4]] == [
        "Error: ToolTimeoutError: stuck did not finish within tool_timeout=0.2 s",
        "Oslo: 59N 10E",
    ]
    assert "tool_timeout" not in fake.requests[0].json

    fake.add_response(tool_calls=[ToolCall("stuck", {}, id="c1")])
    with pytest.raises(ToolTimeoutError) as info:
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[stuck], tool_timeout=0.1, on_tool_error="raise"
        )
    error = info.value
    assert isinstance(error, trilogue.TrilogueError) and isinstance(error, TimeoutError)
    assert (error.tool_name, error.call_id, error.timeout) == ("stuck", "c1", 0.1)


def test_a_tool_within_its_timeout_runs_as_usual() -> None:
    def fails() -> str:
        """Fails at once."""
        raise KeyError("x")

    fake = FakeProvider("mistral")
    fake.add_response(tool_calls=[ToolCall("locate", {"city": "Rome"}), ToolCall("fails", {})])
    fake.add_response("Fine.")
    result = fake.client().chat.completions.run_tools(
        model="m", messages=USER, tools=[locate, fails], tool_timeout=5
    )
    assert [m["content"] for m in result.messages[2:4]] == [
        "Rome: 59N 10E",
        "Error: KeyError: 'x'",
    ]


async def test_tool_timeout_in_the_async_client(gate: threading.Event) -> None:
    events: list[str] = []

    async def hangs() -> str:
        """An async tool that never answers."""
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            events.append("cancelled")
            raise
        return "late"

    def stuck() -> str:
        """A sync tool that never answers in time."""
        gate.wait(10)
        return "late"

    async def own_timeout() -> str:
        """A tool whose own work times out: not the tool_timeout."""
        raise TimeoutError("upstream")

    fake = FakeProvider("openai-compatible")
    calls = [ToolCall("hangs", {}), ToolCall("stuck", {}), ToolCall("own_timeout", {})]
    fake.add_response(tool_calls=calls).add_response("Timed out.")
    fake.add_response(tool_calls=[ToolCall("hangs", {}, id="h")])
    async with fake.async_client() as client:
        start = time.monotonic()
        result = await client.chat.completions.run_tools(
            model="m", messages=USER, tools=[hangs, stuck, own_timeout], tool_timeout=0.2
        )
        assert time.monotonic() - start < 5
        assert [m["content"] for m in result.messages[2:5]] == [
            "Error: ToolTimeoutError: hangs did not finish within tool_timeout=0.2 s",
            "Error: ToolTimeoutError: stuck did not finish within tool_timeout=0.2 s",
            "Error: TimeoutError: upstream",
        ]
        assert events == ["cancelled"]
        with pytest.raises(ToolTimeoutError) as info:
            await client.chat.completions.run_tools(
                model="m", messages=USER, tools=[hangs], tool_timeout=0.05, on_tool_error="raise"
            )
    assert (info.value.tool_name, info.value.call_id) == ("hangs", "h")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (0, ValueError),
        (-1, ValueError),
        (float("nan"), ValueError),
        pytest.param(10**400, ValueError, id="10**400"),
        pytest.param(10**6000, ValueError, id="10**6000"),
        (True, TypeError),
        ("1", TypeError),
    ],
)
def test_a_bad_tool_timeout_is_refused_before_sending(value: Any, error: type) -> None:
    fake = FakeProvider("openai-compatible")
    fake.add_response("unused")
    with pytest.raises(error, match="tool_timeout"):
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[locate], tool_timeout=value
        )
    assert fake.requests == []


# ---------------------------------------------------- 6. tool calls with null name or id


@pytest.mark.parametrize("provider", ["openai-compatible", "gradient", "mistral"])
def test_a_tool_call_without_a_name_is_answered_as_an_unknown_tool(provider: str) -> None:
    server = Scripted(
        tool_calls_body(("c1", None, "{}"), ("c2", "locate", '{"city": "Oslo"}')),
        completion_body({"content": "Done."}),
    )
    result = server.client(provider).chat.completions.run_tools(
        model="m", messages=USER, tools=[locate]
    )  # was the caller's InvalidParameterError on the second request
    assert result.content == "Done."
    sent = server.requests[1]["messages"]
    assert [c["function"]["name"] for c in sent[1]["tool_calls"]] == ["", "locate"]
    assert sent[2]["tool_call_id"] == "c1" and sent[2]["content"] == (
        "Error: UnknownToolError: The model sent no tool name; the tools are: locate"
    )
    assert sent[3] == {"role": "tool", "tool_call_id": "c2", "content": "Oslo: 59N 10E"}

    server = Scripted(tool_calls_body(("c1", None, "{}")))
    with pytest.raises(UnknownToolError) as info:
        server.client(provider).chat.completions.run_tools(
            model="m", messages=USER, tools=[locate], on_tool_error="raise"
        )
    assert (info.value.tool_name, info.value.call_id) == (None, "c1")


@pytest.mark.parametrize("provider", ["gradient", "llama-compat"])
async def test_a_tool_call_without_an_id_or_arguments_still_gets_its_answer(
    provider: str,
) -> None:
    server = Scripted(
        tool_calls_body((None, "locate", '{"city": "Oslo"}'), (None, None, None)),
        completion_body({"content": "Done."}),
    )
    async with server.async_client(provider) as client:
        result = await client.chat.completions.run_tools(model="m", messages=USER, tools=[locate])
    assert result.content == "Done."
    sent = server.requests[1]["messages"]
    calls = sent[1]["tool_calls"]
    assert [c["id"] for c in calls] == ["call_0_0", "call_0_1"]
    assert [c["function"]["name"] for c in calls] == ["locate", ""]
    assert [m["tool_call_id"] for m in sent[2:4]] == ["call_0_0", "call_0_1"]
