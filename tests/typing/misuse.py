"""Mistakes `mypy --strict` must catch: every line marked `# error` is one (tests/test_typing.py
checks that mypy reports exactly those lines)."""

from __future__ import annotations

from pydantic import BaseModel

import trilogue
from trilogue.types import MessageParam, ResponseFormatParam

client = trilogue.Trilogue("mistral")
bad_role: list[MessageParam] = [{"role": "usr", "content": "Hi"}]  # error
typo: list[MessageParam] = [{"role": "user", "contnet": "Hi"}]  # error
client.chat.completions.create(model="m", messages="hello")  # error
client.chat.completions.create(model="m", messages=[], tool_choice="requird")  # error
no_wrapper: ResponseFormatParam = {"type": "json_schema", "schema": {}}  # error
client.chat.completions.create(model="m", messages=[], temprature=0.5)  # error
trilogue.Trilogue("mistrall")  # error
completion = client.chat.completions.create(model="m", messages=[])
completion.choices[0].message.content.upper()  # error


class Person(BaseModel):
    name: str


class Pet(BaseModel):
    species: str


parsed = client.chat.completions.parse(model="m", messages=[], response_format=Person)
wrong_type: Pet | None = parsed.choices[0].message.parsed  # error
print(parsed.choices[0].message.parsed.name)  # error
print(parsed.choices[0].message.parsed.species if parsed.choices[0].message.parsed else "")  # error


# parse(), stream() and run_tools() check their keyword arguments as create() does.
client.chat.completions.parse(model="m", messages=[], response_format=Person, temprature=1)  # error
client.chat.completions.parse(model="m", messages=[], response_format=Person, top_p="x")  # error
client.chat.completions.stream(model="m", messages=[], response_format=Person, seeed=1)  # error
client.chat.completions.stream(model="m", messages=[], max_tokens="many")  # error


def get_weather(city: str) -> str:
    return city


client.chat.completions.run_tools(model="m", messages=[], tools=[get_weather], max_tokns=5)  # error
client.chat.completions.run_tools(model="m", messages=[], tools=[get_weather], seed="1")  # error
client.chat.completions.run_tools(model="", messages=[], tools=[], later_tool_choice="x")  # error
client.models.retrieve(42)  # error


async def misuse_async(aclient: trilogue.AsyncTrilogue) -> None:
    await aclient.chat.completions.parse(model="", messages=[], response_format=Pet, n="")  # error
    await aclient.chat.completions.run_tools(model="m", messages=[], tools=[], stop=3)  # error
