"""Structured output in user code: `parsed` is typed as the class asked for, under mypy --strict
(tests/test_typing.py runs mypy on this file; it is not executed)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel
from typing_extensions import TypedDict

import trilogue
from trilogue.types import MessageParam


class Person(BaseModel):
    name: str
    age: int


@dataclass
class City:
    name: str
    population: int


class Point(TypedDict):
    x: float
    y: float


def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"Sunny in {city}"


def sync_use(client: trilogue.Trilogue) -> list[MessageParam]:
    messages: list[MessageParam] = [{"role": "user", "content": "Invent a person."}]
    completion = client.chat.completions.parse(model="m", messages=messages, response_format=Person)
    person: Person | None = completion.choices[0].message.parsed
    if person is not None:
        print(person.name.upper(), person.age + 1)
    messages.append(completion.choices[0].message)

    city = client.chat.completions.parse(model="m", messages=messages, response_format=City)
    found: City | None = city.choices[0].message.parsed
    if found is not None:
        print(found.population // 2)

    point = client.chat.completions.parse(model="m", messages=messages, response_format=Point)
    where = point.choices[0].message.parsed
    if where is not None:
        print(where["x"] + where["y"])

    with client.chat.completions.stream(
        model="m", messages=messages, response_format=Person
    ) as stream:
        for chunk in stream:
            print(chunk.choices[0].delta.content if chunk.choices else None, stream.partial)
        final = stream.get_final_completion()
    last: Person | None = final.choices[0].message.parsed
    print(last)

    result = client.chat.completions.run_tools(
        model="m", messages=messages, tools=[get_weather], max_turns=3
    )
    answer: str | None = result.content
    print(answer, result.turns, result.completion.choices[0].message.content)
    return messages


async def async_use(client: trilogue.AsyncTrilogue) -> None:
    messages: list[MessageParam] = [{"role": "user", "content": "Invent a person."}]
    completion = await client.chat.completions.parse(
        model="m", messages=messages, response_format=Person
    )
    person: Person | None = completion.choices[0].message.parsed
    print(person.name if person else None)
    stream = await client.chat.completions.stream(
        model="m", messages=messages, response_format=City
    )
    async with stream:
        async for _ in stream:
            pass
        final = await stream.get_final_completion()
    city: City | None = final.choices[0].message.parsed
    print(city)
    result = await client.chat.completions.run_tools(
        model="m", messages=messages, tools=[get_weather]
    )
    print(result.content)
