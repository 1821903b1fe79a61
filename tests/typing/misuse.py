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
