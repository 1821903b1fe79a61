"""parse(), stream(response_format=T), the strict schema transform, function_tool and run_tools,
against scripted servers: an HTTP server on 127.0.0.1 for bodies FakeProvider cannot write
(refusals, content filter), FakeProvider for every provider's wire shape."""

from __future__ import annotations

import asyncio
import copy
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, NotRequired, Optional, Union

import pytest
from pydantic import BaseModel, Field
from sse_server import Reply, SSEServer
from typing_extensions import TypedDict

import trilogue
from trilogue.lib._partial_json import PartialJSON, PartialJSONError
from trilogue.lib._structured import strict_schema, type_adapter
from trilogue.testing import FakeProvider, ToolCall

ALL = ("mistral", "gradient", "llama", "llama-compat", "openai-compatible")
USER = [{"role": "user", "content": "Invent a person."}]


class Color(Enum):
    RED = "red"
    BLUE = "blue"


class Address(BaseModel):
    city: str = Field(description="The city")
    zip: Optional[str] = None  # noqa: UP045 - the Optional spelling is what users write


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]


class Node(BaseModel):
    value: int
    children: list[Node] = []


class Person(BaseModel):
    name: str
    age: int
    color: Color
    address: Address = Field(description="Where they live")
    pet: Union[Cat, Dog] = Field(discriminator="kind")  # noqa: UP007
    tags: list[str]
    nickname: str | None = None
    score: float = 1.5


@dataclass
class DPerson:
    name: str
    age: int = 0


class TPerson(TypedDict):
    name: str
    age: NotRequired[int]


def walk(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from walk(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from walk(value)


def assert_strict(schema: dict[str, Any]) -> None:
    for node in walk(schema):
        assert "default" not in node and "oneOf" not in node and "discriminator" not in node
        if "$ref" in node:
            assert set(node) == {"$ref"}, node  # no keyword beside a $ref
        if node.get("type") == "object":
            assert node["additionalProperties"] is False, node
            assert node["required"] == list(node["properties"]), node


# The schema-transform matrix: each case, the strict schema, and what the model may then send.


def test_strict_nested_enum_union_list_optional() -> None:
    schema = strict_schema(type_adapter(Person).json_schema())
    assert_strict(schema)
    props = schema["properties"]
    # optional fields: required now, and null allowed
    assert {"type": "null"} in props["nickname"]["anyOf"]
    assert props["score"] == {"anyOf": [{"type": "number"}, {"type": "null"}], "title": "Score"}
    # nested model with a description beside its $ref: inlined, description kept
    assert props["address"]["description"] == "Where they live"
    assert props["address"]["properties"]["city"]["description"] == "The city"
    assert {"type": "null"} in props["address"]["properties"]["zip"]["anyOf"]
    # discriminated union: anyOf of refs, no discriminator
    assert props["pet"]["anyOf"] == [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]
    assert schema["$defs"]["Cat"]["required"] == ["kind", "lives"]
    assert schema["$defs"]["Color"]["enum"] == ["red", "blue"]
    assert props["tags"]["items"] == {"type": "string"}


def test_strict_recursive_model_keeps_refs() -> None:
    schema = strict_schema(type_adapter(Node).json_schema())
    assert_strict(schema)
    assert schema["type"] == "object" and "$ref" not in schema  # the top-level $ref inlined
    children = schema["properties"]["children"]
    assert {"type": "array", "items": {"$ref": "#/$defs/Node"}} in children["anyOf"]
    assert schema["$defs"]["Node"]["additionalProperties"] is False


def test_strict_dataclass_typeddict_and_dict_schema() -> None:
    for tp in (DPerson, TPerson):
        schema = strict_schema(type_adapter(tp).json_schema())
        assert_strict(schema)
        assert {"type": "null"} in schema["properties"]["age"]["anyOf"]
    handwritten = {
        "type": "object",
        "properties": {"a": {"type": "integer", "default": 3}, "b": {"type": ["string", "null"]}},
        "oneOf": [{"required": ["a"]}],
    }
    schema = strict_schema(handwritten)
    assert schema["properties"]["a"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    assert schema["properties"]["b"] == {"type": ["string", "null"]}  # already nullable
    assert "oneOf" not in schema and schema["anyOf"] == [{"required": ["a"]}]
    assert handwritten["properties"]["a"]["default"] == 3  # the input is left alone
    assert strict_schema({"type": "string", "maxLength": 5}, drop=frozenset({"maxLength"})) == {
        "type": "string"
    }


def test_nulls_for_optional_fields_fall_back_to_defaults() -> None:
    fake = FakeProvider("openai-compatible")
    reply = {
        "name": "Ada",
        "age": 36,
        "color": "blue",
        "address": {"city": "London", "zip": None},
        "pet": {"kind": "cat", "lives": None},
        "tags": ["maths"],
        "nickname": None,
        "score": None,
    }
    fake.add_response(json.dumps(reply))
    completion = fake.client().chat.completions.parse(
        model="m", messages=USER, response_format=Person
    )
    person = completion.choices[0].message.parsed
    assert isinstance(person, Person)
    assert person.color is Color.BLUE and person.score == 1.5 and person.nickname is None
    assert isinstance(person.pet, Cat) and person.pet.lives == 9


# parse() on every provider.

PERSON = {"name": "Ada", "age": 36}


@pytest.mark.parametrize("provider", ALL)
@pytest.mark.parametrize("kind", ["pydantic", "dataclass", "typeddict", "dict"])
def test_parse_every_provider_and_kind(provider: str, kind: str) -> None:
    class PPerson(BaseModel):
        name: str
        age: int

    tp: Any = {
        "pydantic": PPerson,
        "dataclass": DPerson,
        "typeddict": TPerson,
        "dict": {"title": "Person", "type": "object", "properties": {"name": {"type": "string"}}},
    }[kind]
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    name = "Person" if kind == "dict" else tp.__name__
    if provider == "gradient":
        fake.add_response(tool_calls=[ToolCall(name, PERSON)])
    else:
        fake.add_response(json.dumps(PERSON))
    completion = fake.client().chat.completions.parse(model="m", messages=USER, response_format=tp)
    parsed = completion.choices[0].message.parsed
    expected = {
        "pydantic": PPerson(name="Ada", age=36),
        "dataclass": DPerson("Ada", 36),
        "typeddict": PERSON,
        "dict": PERSON,
    }[kind]
    assert parsed == expected
    assert isinstance(completion, trilogue.ParsedChatCompletion)
    body = fake.requests[0].json
    if provider == "gradient":  # no response_format there: one forced tool
        assert "response_format" not in body
        assert body["tool_choice"] == "required"
        assert body["tools"][0]["function"]["name"] == name
        assert body["tools"][0]["function"]["strict"] is True
        assert_strict(body["tools"][0]["function"]["parameters"])
    else:
        assert "tools" not in body and "tool_choice" not in body
        fmt = body["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == name
        assert fmt["json_schema"]["strict"] is True
        assert_strict(fmt["json_schema"]["schema"])


async def test_parse_async() -> None:
    fake = FakeProvider("mistral")
    fake.add_response(json.dumps(PERSON))
    async with fake.async_client() as client:
        completion = await client.chat.completions.parse(
            model="m", messages=USER, response_format=DPerson
        )
    assert completion.choices[0].message.parsed == DPerson("Ada", 36)


def test_whole_response_format_dict_is_sent_as_is() -> None:
    fmt = {"type": "json_schema", "json_schema": {"name": "p", "schema": {"type": "object"}}}
    fake = FakeProvider("llama")
    fake.add_response('{"x": 1}')
    completion = fake.client().chat.completions.parse(model="m", messages=USER, response_format=fmt)
    assert completion.choices[0].message.parsed == {"x": 1}
    assert fake.requests[0].json["response_format"] == fmt


def test_gradient_forced_tool_does_not_mix_with_tools() -> None:
    fake = FakeProvider("gradient")
    tool = {"type": "function", "function": {"name": "f"}}
    with pytest.raises(trilogue.InvalidParameterError, match="tool of its own") as info:
        fake.client().chat.completions.parse(
            model="m", messages=USER, response_format=DPerson, tools=[tool]
        )
    assert (info.value.param, info.value.provider) == ("tools", "gradient")
    assert fake.requests == []


# Typed endings.


@pytest.mark.parametrize("provider", ["mistral", "llama"])
def test_length_raises_with_the_raw_text(provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response('{"name": "Ad', finish_reason="length", usage=(5, 4))
    with pytest.raises(trilogue.LengthFinishReasonError) as info:
        fake.client().chat.completions.parse(model="m", messages=USER, response_format=DPerson)
    assert info.value.content == '{"name": "Ad'
    assert info.value.completion.choices[0].finish_reason == "length"
    assert "4 completion tokens" in str(info.value)


def test_invalid_output_raises_parse_error_with_errors() -> None:
    fake = FakeProvider("mistral")
    fake.add_response('{"name": "Ada", "age": "old"}').add_response("not json")
    client = fake.client()
    with pytest.raises(trilogue.OutputParseError) as info:
        client.chat.completions.parse(model="m", messages=USER, response_format=DPerson)
    assert info.value.raw == '{"name": "Ada", "age": "old"}'
    assert info.value.errors[0]["loc"] == ("age",)
    assert info.value.completion is not None
    with pytest.raises(trilogue.OutputParseError) as info:
        client.chat.completions.parse(model="m", messages=USER, response_format=DPerson)
    assert info.value.errors[0]["type"] == "json_invalid" and info.value.raw == "not json"


@pytest.fixture(scope="module")
def server() -> Iterator[SSEServer]:
    server = SSEServer().start()
    yield server
    server.stop()


def _body(message: dict[str, Any], finish_reason: str) -> Reply:
    body = {
        "id": "c1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
    }
    headers = {"Content-Type": "application/json"}
    return Reply([json.dumps(body).encode()], headers=headers, framing="length")


def test_refusal_leaves_parsed_none(server: SSEServer) -> None:
    server.reset()
    message = {"role": "assistant", "content": None, "refusal": "I can't help with that."}
    server.script(_body(message, "stop"))
    with trilogue.Trilogue("openai-compatible", base_url=server.url, max_retries=0) as client:
        completion = client.chat.completions.parse(
            model="m", messages=USER, response_format=DPerson
        )
    message_out = completion.choices[0].message
    assert message_out.parsed is None and message_out.refusal == "I can't help with that."


def test_content_filter_raises(server: SSEServer) -> None:
    server.reset()
    server.script(_body({"role": "assistant", "content": '{"name": '}, "content_filter"))
    with (
        trilogue.Trilogue("openai-compatible", base_url=server.url, max_retries=0) as client,
        pytest.raises(trilogue.ContentFilterFinishReasonError) as info,
    ):
        client.chat.completions.parse(model="m", messages=USER, response_format=DPerson)
    assert info.value.content == '{"name": '
    assert server.requests[0].json["response_format"]["json_schema"]["name"] == "DPerson"


# Streaming.


@pytest.mark.parametrize("provider", ALL)
def test_stream_partials_then_parsed(provider: str) -> None:
    class Book(BaseModel):
        title: str
        tags: list[str]

    fake = FakeProvider(provider)  # type: ignore[arg-type]
    if provider == "gradient":
        fake.add_response(tool_calls=[ToolCall("Book", {"title": "Dune", "tags": ["sf"]})])
    else:
        fake.add_response(chunks=['{"ti', 'tle": "Du', 'ne", "tags": ["s', 'f"]}'])
    client = fake.client()
    seen = []
    with client.chat.completions.stream(model="m", messages=USER, response_format=Book) as s:
        for _ in s:
            seen.append(copy.deepcopy(s.partial))
        final = s.get_final_completion()
    assert final.choices[0].message.parsed == Book(title="Dune", tags=["sf"])
    assert seen[-1] == {"title": "Dune", "tags": ["sf"]}
    if provider != "gradient":  # the fake sends a tool call's arguments whole
        assert {"title": "Du"} in seen and {"title": "Dune", "tags": ["s"]} in seen


async def test_stream_async_partials() -> None:
    fake = FakeProvider("llama")
    fake.add_response(chunks=['{"name": "A', 'da", "age"', ": 36}"])
    seen = []
    async with fake.async_client() as client:
        stream = await client.chat.completions.stream(
            model="m", messages=USER, response_format=DPerson
        )
        async with stream:
            async for _ in stream:
                seen.append(copy.deepcopy(stream.partial))
            final = await stream.get_final_completion()
    assert {"name": "A"} in seen and seen[-1] == PERSON
    assert final.choices[0].message.parsed == DPerson("Ada", 36)


# The partial-JSON parser.


def test_partial_json_any_cut_gives_the_same_document() -> None:
    doc = {
        "a": [1, 2.5, -3e2, 0, True, False, None, 'q"\\é🍂\n', {"b": []}, {}, [[]]],
        "long": "word " * 40,
        "n": -0.125e-3,
    }
    for text in (json.dumps(doc), json.dumps(doc, ensure_ascii=False, indent=2)):
        for size in (1, 2, 3, 7, 64, len(text)):
            parser = PartialJSON()
            for i in range(0, len(text), size):
                parser.feed(text[i : i + size])
            assert parser.done and parser.value == doc, size


def test_partial_json_shows_strings_in_progress_and_rejects_garbage() -> None:
    parser = PartialJSON()
    parser.feed('{"q": "caf\\u00')
    assert parser.value == {"q": "caf"}
    parser.feed('e9 au", "n": 1')
    assert parser.value == {"q": "café au"}  # the number may go on: not shown yet
    parser.feed("2}")
    assert parser.value == {"q": "café au", "n": 12} and parser.done
    for bad in ('{"a" 1}', "[1,,2]", "{]", "[01]", '{"a":1}}', '["\\x"]'):
        with pytest.raises(PartialJSONError):
            PartialJSON().feed(bad)


# function_tool and run_tools.


def get_weather(city: str, unit: Literal["c", "f"] = "c") -> str:
    """The current weather in a city.

    Args:
        city: The city's name,
            in English.
        unit: Celsius or Fahrenheit.
    """
    return f"18{unit} in {city}"


def test_function_tool_from_signature_and_docstring() -> None:
    tool = trilogue.function_tool(get_weather)
    param = tool.to_param()
    function = param["function"]
    assert function["name"] == "get_weather" and function["strict"] is True
    assert function["description"] == "The current weather in a city."
    props = function["parameters"]["properties"]
    assert props["city"] == {
        "description": "The city's name, in English.",
        "title": "City",
        "type": "string",
    }
    assert props["unit"]["description"] == "Celsius or Fahrenheit."
    assert {"enum": ["c", "f"], "type": "string"} in props["unit"]["anyOf"]
    assert_strict(function["parameters"])
    assert tool("Oslo") == "18c in Oslo"  # still the function
    assert tool.arguments('{"city": "Oslo", "unit": null}') == {"city": "Oslo"}

    @trilogue.function_tool(name="lookup")
    def find(query: str) -> list[str]:
        """Searches.

        :param query: What to look for.
        """
        return [query]

    assert find.name == "lookup"
    assert find.to_param()["function"]["parameters"]["properties"]["query"]["description"] == (
        "What to look for."
    )


@pytest.mark.parametrize("provider", ALL)
def test_run_tools_every_provider(provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Oslo"}, id="call_1")])
    fake.add_response("It is 18 degrees in Oslo.")
    result = fake.client().chat.completions.run_tools(
        model="m",
        messages=[{"role": "user", "content": "Weather in Oslo?"}],
        tools=[get_weather],
        tool_choice="required",
    )
    assert result.content == "It is 18 degrees in Oslo." and result.turns == 2
    first, second = (r.json for r in fake.requests)
    assert first["tool_choice"] == "required" and "tool_choice" not in second
    assert first["tools"][0]["function"]["name"] == "get_weather"
    sent = second["messages"]
    assert sent[2] == {"role": "tool", "tool_call_id": "call_1", "content": "18c in Oslo"}
    assert sent[1]["role"] == "assistant" and sent[1]["tool_calls"][0]["id"] == "call_1"
    # each provider's shape of a returned tool call: Llama's native one has no `type`
    assert ("type" in sent[1]["tool_calls"][0]) == (provider != "llama")
    assert len(result.messages) == 4 and result.messages[2] == sent[2]


def test_run_tools_mistral_any_and_parallel_from_the_spec() -> None:
    fake = FakeProvider("mistral")
    fake.add_response("Done.")
    fake.client().chat.completions.run_tools(
        model="m", messages=USER, tools=[get_weather], tool_choice="any", parallel_tool_calls=False
    )
    assert fake.requests[0].json["tool_choice"] == "any"
    assert fake.requests[0].json["parallel_tool_calls"] is False
    llama = FakeProvider("llama")
    with pytest.raises(trilogue.InvalidParameterError):
        llama.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[get_weather], tool_choice="any"
        )
    with pytest.raises(trilogue.UnsupportedParameterError):
        llama.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[get_weather], parallel_tool_calls=False
        )
    assert llama.requests == []


def broken(city: str) -> str:
    """Always fails."""
    raise RuntimeError(f"no data for {city}")


def test_a_tool_that_raises_becomes_an_error_message_or_is_raised() -> None:
    fake = FakeProvider("gradient")
    fake.add_response(tool_calls=[ToolCall("broken", {"city": "Oslo"})]).add_response("Sorry.")
    fake.add_response(tool_calls=[ToolCall("nope", {})]).add_response("Sorry.")
    fake.add_response(tool_calls=[ToolCall("broken", {"city": 3})]).add_response("Sorry.")
    client = fake.client()
    for expected in (
        "Error: RuntimeError: no data for Oslo",
        "Error: UnknownToolError: The model called 'nope', which is not a tool here",
        "Error: OutputParseError: The arguments for broken do not match",
    ):
        result = client.chat.completions.run_tools(model="m", messages=USER, tools=[broken])
        assert result.content == "Sorry."
        assert result.messages[2]["content"].startswith(expected)
    fake.add_response(tool_calls=[ToolCall("broken", {"city": "Oslo"})])
    with pytest.raises(RuntimeError, match="no data for Oslo"):
        client.chat.completions.run_tools(
            model="m", messages=USER, tools=[broken], on_tool_error="raise"
        )


def test_max_turns_exceeded() -> None:
    fake = FakeProvider("openai-compatible")
    for _ in range(2):
        fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Oslo"})])
    with pytest.raises(trilogue.MaxTurnsExceededError) as info:
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[get_weather], max_turns=2
        )
    assert info.value.max_turns == 2 and len(fake.requests) == 2
    assert [m["role"] if isinstance(m, dict) else "assistant" for m in info.value.messages] == [
        "user",
        "assistant",
        "tool",
        "assistant",
        "tool",
    ]


async def test_async_run_tools_runs_calls_concurrently() -> None:
    started: list[float] = []

    async def slow(n: int) -> int:
        """Waits, then doubles."""
        started.append(time.perf_counter())
        await asyncio.sleep(0.2)
        return n * 2

    fake = FakeProvider("mistral")
    calls = [ToolCall("slow", {"n": n}, id=f"c{n}") for n in (1, 2, 3)]
    fake.add_response(tool_calls=calls).add_response("2, 4, 6")
    async with fake.async_client() as client:
        t0 = time.perf_counter()
        result = await client.chat.completions.run_tools(model="m", messages=USER, tools=[slow])
        elapsed = time.perf_counter() - t0
    assert result.content == "2, 4, 6"
    assert [m["content"] for m in result.messages[2:5]] == ["2", "4", "6"]
    assert [m["tool_call_id"] for m in result.messages[2:5]] == ["c1", "c2", "c3"]
    assert elapsed < 0.5 and max(started) - min(started) < 0.1  # not 3 x 0.2 s in a row


def test_sync_run_tools_refuses_async_functions() -> None:
    async def f() -> None:
        """Nothing."""

    fake = FakeProvider("mistral")
    with pytest.raises(TypeError, match="AsyncTrilogue"):
        fake.client().chat.completions.run_tools(model="m", messages=USER, tools=[f])


def test_import_trilogue_loads_none_of_this() -> None:
    import subprocess
    import sys

    code = (
        "import sys, trilogue; "
        "print([m for m in sys.modules if m.startswith('pydantic') or m in "
        "('trilogue.lib._structured', 'trilogue.lib._tools', 'trilogue.lib._function_tool', "
        "'trilogue.lib._partial_json', "
        "'trilogue.lib._parsed_stream', 'trilogue._output_errors')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
