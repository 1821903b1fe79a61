"""Mistral's multi-message output (`choices[].messages`, and `delta.index` naming the message a
streamed piece belongs to; mistralai/platform-docs-public openapi-public-doc.yaml @ 50c1afe7):
read whole and streamed, with `message` the first message, messages never spliced together."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fault_server import FaultServer, Reply

import trilogue

KEY = "sk-multi"
THINKING = {
    "type": "thinking",
    "thinking": [{"type": "text", "text": "Search first."}],
    "signature": "c2ln",
}
WHOLE: dict[str, Any] = {
    "id": "cmpl-multi",
    "object": "chat.completion",
    "created": 1763800000,
    "model": "mistral-medium-latest",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "messages": [
                {"role": "assistant", "index": 0, "content": [THINKING], "tool_calls": None},
                {
                    "role": "tool",
                    "index": 1,
                    "tool_call_id": "call_1",
                    "content": "Paris",
                    "metadata": {"source": "web_search"},
                },
                {"role": "assistant", "index": 2, "content": "It is Paris."},
            ],
        }
    ],
    "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14},
}


def _chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
    chunk = {
        "id": "cmpl-multi",
        "object": "chat.completion.chunk",
        "created": 1763800000,
        "model": "mistral-medium-latest",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


STREAM = b"".join(
    [
        _chunk({"index": 0, "role": "assistant", "content": "Let me "}),
        _chunk({"index": 1, "role": "tool", "tool_call_id": "call_1", "content": "Par"}),
        _chunk({"index": 0, "content": "look."}),
        _chunk({"index": 1, "content": "is", "metadata": {"source": "web_search"}}),
        _chunk({"index": 2, "role": "assistant", "content": "It is Paris."}, "stop"),
        b"data: [DONE]\n\n",
    ]
)


def _client(url: str) -> trilogue.Trilogue:
    return trilogue.Trilogue("mistral", api_key=KEY, base_url=url, max_retries=0)


def test_a_choice_with_only_messages_reads_its_first_as_message() -> None:
    with FaultServer() as server, _client(server.url) as client:
        server.script(Reply(200, body=WHOLE))
        completion = client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "Hi"}]
        )
    [choice] = completion.choices
    first, tool, last = choice.messages or []
    assert choice.message.to_dict() == first.to_dict()
    assert first.reasoning == "Search first."  # the thinking part, read as reasoning
    assert (tool.role, tool.tool_call_id, tool.content) == ("tool", "call_1", "Paris")
    assert last.content == "It is Paris."
    assert choice.finish_reason == "stop"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_streamed_pieces_are_added_up_per_message(mode: str) -> None:
    reply = Reply(200, body=STREAM, headers={"Content-Type": "text/event-stream"})
    messages: Any = [{"role": "user", "content": "Hi"}]
    with FaultServer() as server:
        server.script(reply)
        if mode == "sync":
            with _client(server.url) as client:
                stream = client.chat.completions.create(model="m", messages=messages, stream=True)
                final = stream.get_final_completion()
        else:
            async with trilogue.AsyncTrilogue("mistral", api_key=KEY, base_url=server.url) as ac:
                astream = await ac.chat.completions.create(
                    model="m", messages=messages, stream=True
                )
                final = await astream.get_final_completion()
    [choice] = final.choices
    assert choice.message.content == "Let me look."  # the first message, not spliced
    first, tool, last = choice.messages or []
    assert [m.index for m in (first, tool, last)] == [0, 1, 2]
    assert (tool.role, tool.tool_call_id, tool.content) == ("tool", "call_1", "Paris")
    assert tool.metadata is not None and tool.metadata["source"] == "web_search"
    assert (last.role, last.content) == ("assistant", "It is Paris.")
    assert choice.finish_reason == "stop"


def test_a_single_message_stream_has_no_messages_list() -> None:
    body = _chunk({"role": "assistant", "content": "Hi"}, "stop") + b"data: [DONE]\n\n"
    with FaultServer() as server, _client(server.url) as client:
        server.script(Reply(200, body=body, headers={"Content-Type": "text/event-stream"}))
        final = client.chat.completions.stream(
            model="m", messages=[{"role": "user", "content": "x"}]
        ).get_final_completion()
    assert final.choices[0].message.content == "Hi"
    assert final.choices[0].messages is None
