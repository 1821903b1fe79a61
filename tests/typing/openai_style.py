"""A user script written the way openai-python users write theirs: it must pass `mypy --strict`
with no cast and no ignore (tests/test_typing.py runs mypy on it)."""

from __future__ import annotations

import asyncio
import json

import trilogue
from trilogue.types import ChatCompletion, MessageParam, ToolParam

client = trilogue.Trilogue("mistral")
tools: list[ToolParam] = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather in a city.",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]
messages: list[MessageParam] = [{"role": "user", "content": "Weather in Paris?"}]

completion = client.chat.completions.create(model="m", messages=messages, tools=tools)
message = completion.choices[0].message
print(message.content, completion.choices[0].index, completion.choices[0].finish_reason)
messages.append(message)
for call in message.tool_calls or []:
    arguments = json.loads(call.function.arguments)
    print(call.id, call.function.name, arguments["city"])
    messages.append({"role": "tool", "tool_call_id": call.id, "content": "18 C, cloudy"})

final: ChatCompletion = client.chat.completions.create(model="m", messages=messages)
print(final.choices[0].message.content)
if final.usage is not None:
    print(final.usage.prompt_tokens + final.usage.completion_tokens == final.usage.total_tokens)

stream = client.chat.completions.create(model="m", messages=messages, stream=True)
for chunk in stream:
    if chunk.choices:
        print(chunk.choices[0].delta.content or "", end="")
messages.append(stream.get_final_completion().choices[0].message)

for model in client.models.list():
    print(model.id)


async def main() -> None:
    async with trilogue.AsyncTrilogue("gradient") as aclient:
        answer = await aclient.chat.completions.create(model="m", messages=messages)
        print(answer.choices[0].message.content)
        async for piece in await aclient.chat.completions.create(
            model="m", messages=messages, stream=True
        ):
            print(piece.delta_message and piece.delta_message.content)


asyncio.run(main())


def identity(client: trilogue.Trilogue) -> tuple[str, str, int]:
    # id, model and created are always set on a completion, as in openai-python's types.
    completion = client.chat.completions.create(model="m", messages=[])
    final = client.chat.completions.stream(model="m", messages=[]).get_final_completion()
    name: str = final.model
    return completion.id, name, final.created


def batch(client: trilogue.Trilogue) -> str:
    # A provider batch job, created now and collected later from its handle.
    job = client.batches.create(input="requests.jsonl", model="m", metadata={"run": "1"})
    done: bool = client.batches.retrieve(str(job.handle)).done
    for line in client.batches.results(job.handle):
        print(line["custom_id"], line["error"], done)
    for result in client.batches.results(job).completions():
        if result.completion is not None:
            print(result.completion.choices[0].message.content)
    return str(job.handle)


async def abatch(aclient: trilogue.AsyncTrilogue) -> int | None:
    job = await aclient.batches.wait("mistral:abc", poll_interval=60)
    return job.total
