"""On Gradient, which takes no response_format, parse() asks through one forced tool. The
returned message must read as on the other providers: the output as its content, the forced call
gone, so that sending it back does not leave a tool call unanswered."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from trilogue.testing import FakeProvider, ToolCall

USER = [{"role": "user", "content": "Invent a person."}]


@dataclass
class Person:
    name: str
    age: int


def test_forced_tool_call_becomes_the_content() -> None:
    fake = FakeProvider("gradient")
    fake.add_response(tool_calls=[ToolCall("Person", {"name": "Ada", "age": 36})])
    fake.add_response("Nice to meet Ada.")
    client = fake.client()
    messages: list = list(USER)
    completion = client.chat.completions.parse(model="m", messages=messages, response_format=Person)
    choice = completion.choices[0]
    assert choice.message.parsed == Person("Ada", 36)
    assert json.loads(choice.message.content or "") == {"name": "Ada", "age": 36}
    assert choice.message.tool_calls is None
    assert choice.finish_reason == "stop"

    messages.append(choice.message)
    messages.append({"role": "user", "content": "Greet them."})
    client.chat.completions.create(model="m", messages=messages)
    sent = fake.requests[1].json["messages"][1]
    assert sent["role"] == "assistant" and "tool_calls" not in sent
    assert json.loads(sent["content"]) == {"name": "Ada", "age": 36}


def test_streamed_parse_on_gradient_reads_the_same() -> None:
    fake = FakeProvider("gradient")
    fake.add_response(tool_calls=[ToolCall("Person", {"name": "Ada", "age": 36})])
    client = fake.client()
    with client.chat.completions.stream(model="m", messages=USER, response_format=Person) as s:
        for _ in s:
            pass
        completion = s.get_final_completion()
        assert s.partial == {"name": "Ada", "age": 36}
    message = completion.choices[0].message
    assert message.parsed == Person("Ada", 36) and message.tool_calls is None
    assert json.loads(message.content or "") == {"name": "Ada", "age": 36}


def test_a_type_without_a_schema_is_refused_before_sending() -> None:
    import typing

    import pytest

    from trilogue import InvalidParameterError

    class Plain(typing.TypedDict):  # Pydantic reads only typing_extensions' on Python 3.11
        name: str

    class Opaque:
        pass

    fake = FakeProvider("mistral")
    for tp in (Plain, Opaque) if sys.version_info < (3, 12) else (Opaque,):
        with pytest.raises(InvalidParameterError, match="response_format") as info:
            fake.client().chat.completions.parse(model="m", messages=USER, response_format=tp)
        assert info.value.param == "response_format"
    assert fake.requests == []
