"""parse(), streamed partials and run_tools() against the real llama-server with SmolLM2-135M:
the schemas trilogue makes strict are ones a real grammar-constrained server accepts and obeys."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

import trilogue

from .conftest import MODEL

pytestmark = pytest.mark.integration

ASK = [{"role": "user", "content": "Invent a person: a name and an age."}]
GREEDY = {"temperature": 0, "seed": 42, "max_tokens": 60}


class Person(BaseModel):
    # Bounded: unbounded, a 135M model now and then fills the string until max_tokens.
    name: str = Field(max_length=20)
    age: int = Field(ge=0, le=120)


@dataclass
class DPerson:
    name: Annotated[str, Field(max_length=20)]
    mood: Literal["happy", "sad"]


class TPerson(TypedDict):
    name: Annotated[str, Field(max_length=20)]
    age: Annotated[int, Field(ge=0, le=120)]


@pytest.mark.parametrize("tp", [Person, DPerson, TPerson], ids=["pydantic", "dataclass", "td"])
def test_parse_into_each_kind(client: trilogue.Trilogue, tp: type) -> None:
    completion = client.chat.completions.parse(
        model=MODEL, messages=ASK, response_format=tp, **GREEDY
    )
    parsed = completion.choices[0].message.parsed
    assert parsed is not None
    if tp is TPerson:
        assert isinstance(parsed, dict) and set(parsed) == {"name", "age"}
    else:
        assert isinstance(parsed, tp)
    assert completion.choices[0].finish_reason == "stop"


async def test_parse_async(aclient: trilogue.AsyncTrilogue) -> None:
    completion = await aclient.chat.completions.parse(
        model=MODEL, messages=ASK, response_format=Person, **GREEDY
    )
    person = completion.choices[0].message.parsed
    assert isinstance(person, Person) and 0 <= person.age <= 120


def test_streamed_partials(client: trilogue.Trilogue) -> None:
    seen = []
    with client.chat.completions.stream(
        model=MODEL, messages=ASK, response_format=Person, **GREEDY
    ) as stream:
        for _ in stream:
            seen.append(copy.deepcopy(stream.partial))
        final = stream.get_final_completion()
    person = final.choices[0].message.parsed
    assert isinstance(person, Person)
    assert seen[-1] == person.model_dump()
    # the object grew over several chunks: some partials came before the whole one
    partials = [p for p in seen if p is not None and p != seen[-1]]
    assert len(partials) >= 2


async def test_streamed_partials_async(aclient: trilogue.AsyncTrilogue) -> None:
    stream = await aclient.chat.completions.stream(
        model=MODEL, messages=ASK, response_format=Person, **GREEDY
    )
    count = 0
    async with stream:
        async for _ in stream:
            count += stream.partial is not None
        final = await stream.get_final_completion()
    assert isinstance(final.choices[0].message.parsed, Person) and count >= 2


CALLS: list[tuple[str, str]] = []


def get_weather(
    city: Annotated[str, Field(max_length=20)], unit: Literal["celsius", "fahrenheit"]
) -> str:
    """Current weather in a city.

    Args:
        city: The city.
        unit: The temperature unit.
    """
    CALLS.append((city, unit))
    return f"Sunny, 21 degrees {unit}."


async def aget_weather(
    city: Annotated[str, Field(max_length=20)], unit: Literal["celsius", "fahrenheit"]
) -> str:
    """Current weather in a city."""
    CALLS.append((city, unit))
    return f"Sunny, 21 degrees {unit}."


WEATHER = [{"role": "user", "content": "What is the weather in Paris?"}]


def test_run_tools_forced_call_then_answer(client: trilogue.Trilogue) -> None:
    CALLS.clear()
    result = client.chat.completions.run_tools(
        model=MODEL,
        messages=WEATHER,
        tools=[get_weather],
        tool_choice="required",
        # SmolLM2 calls a tool whenever tools are offered; `none` afterwards gets the answer.
        later_tool_choice="none",
        max_turns=4,
        **GREEDY,
    )
    assert CALLS and CALLS[0][1] in ("celsius", "fahrenheit")
    assert result.turns == 2
    roles = [m["role"] if isinstance(m, dict) else "assistant" for m in result.messages]
    assert roles[:4] == ["user", "assistant", "tool", "assistant"]
    assert result.completion.choices[0].message.tool_calls in (None, [])


async def test_run_tools_async(aclient: trilogue.AsyncTrilogue) -> None:
    CALLS.clear()
    result = await aclient.chat.completions.run_tools(
        model=MODEL,
        messages=WEATHER,
        tools=[aget_weather],
        tool_choice="required",
        # SmolLM2 calls a tool whenever tools are offered; `none` afterwards gets the answer.
        later_tool_choice="none",
        max_turns=4,
        **GREEDY,
    )
    assert CALLS and result.turns == 2


def test_parse_through_the_forced_tool(llama_url: str) -> None:
    """Gradient's way (no response_format: one tool, forced), proved on a real server: the
    tool-calling grammar gives the arguments, and the message reads as on the other providers."""
    with trilogue.Trilogue("gradient", api_key="unused", base_url=llama_url, timeout=120) as c:
        completion = c.chat.completions.parse(
            model=MODEL, messages=ASK, response_format=Person, **GREEDY
        )
        with c.chat.completions.stream(
            model=MODEL, messages=ASK, response_format=Person, **GREEDY
        ) as stream:
            partials = [copy.deepcopy(stream.partial) for _ in stream]
            streamed = stream.get_final_completion()
    message = completion.choices[0].message
    assert isinstance(message.parsed, Person) and message.tool_calls is None
    assert Person.model_validate_json(message.content or "") == message.parsed
    assert isinstance(streamed.choices[0].message.parsed, Person)
    assert partials[-1] == streamed.choices[0].message.parsed.model_dump()
