"""run_tools: `tool_choice` holds for the first turn, `later_tool_choice` for the turns after it,
each in the provider's spelling and checked against the spec before anything is sent."""

from __future__ import annotations

import pytest

import trilogue
from trilogue.testing import FakeProvider, ToolCall

USER = [{"role": "user", "content": "Weather in Oslo, then in Rome?"}]
FORCE = {
    "mistral": "any",
    "gradient": "required",
    "llama": "required",
    "openai-compatible": "required",
}


def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"18c in {city}"


@pytest.mark.parametrize("provider", sorted(FORCE))
def test_later_turns_carry_later_tool_choice(provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Oslo"}, id="c1")])
    fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Rome"}, id="c2")])
    fake.add_response("Oslo 18c, Rome 18c.")
    pick = {"type": "function", "function": {"name": "get_weather"}}
    result = fake.client().chat.completions.run_tools(
        model="m",
        messages=USER,
        tools=[get_weather],
        tool_choice=FORCE[provider],
        later_tool_choice="auto",
        max_turns=3,
    )
    assert result.content == "Oslo 18c, Rome 18c." and result.turns == 3
    choices = [r.json.get("tool_choice") for r in fake.requests]
    assert choices == [FORCE[provider], "auto", "auto"]

    fake.add_response("Fine.")
    fake.client().chat.completions.run_tools(
        model="m", messages=USER, tools=[get_weather], later_tool_choice=pick
    )
    assert "tool_choice" not in fake.requests[-1].json  # the first turn: none asked for


@pytest.mark.parametrize(("provider", "choice"), [("llama", "any"), ("mistral", "requird")])
def test_a_later_tool_choice_the_provider_refuses_fails_before_sending(
    provider: str, choice: str
) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response("unused")
    with pytest.raises(trilogue.InvalidParameterError) as info:
        fake.client().chat.completions.run_tools(
            model="m", messages=USER, tools=[get_weather], later_tool_choice=choice
        )
    assert info.value.param == "later_tool_choice" and info.value.provider == provider
    assert "'later_tool_choice'" in str(info.value)
    assert fake.requests == []


async def test_async_later_tool_choice() -> None:
    fake = FakeProvider("mistral")
    fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Oslo"}, id="c1")])
    fake.add_response("18c.")
    async with fake.async_client() as client:
        result = await client.chat.completions.run_tools(
            model="m",
            messages=USER,
            tools=[get_weather],
            tool_choice="any",
            later_tool_choice="none",
        )
    assert result.content == "18c."
    assert [r.json.get("tool_choice") for r in fake.requests] == ["any", "none"]
    with pytest.raises(trilogue.InvalidParameterError):
        async with fake.async_client() as client:
            await client.chat.completions.run_tools(
                model="m", messages=USER, tools=[get_weather], later_tool_choice="required!"
            )
    assert len(fake.requests) == 2
