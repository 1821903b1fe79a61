"""The generated client against a Prism mock of openapi.yaml.

Prism runs in static mode, so it answers with the examples of the spec: the tests read those
examples from openapi.yaml and expect the client to hand them back parsed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from trilogue_api import AuthenticatedClient, Client
from trilogue_api.api.chat import create_chat_completion
from trilogue_api.models import (
    ChatCompletion,
    ChatCompletionChunk,
    CreateChatCompletionRequest,
    ErrorResponse,
    LlamaChatCompletion,
    LlamaChatCompletionChunk,
    LlamaTextContent,
)

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"

REQUEST: dict[str, Any] = {
    "model": "llama3.3-70b-instruct",
    "messages": [
        {"role": "system", "content": "You are a concise assistant."},
        {"role": "user", "content": "What is the capital of France?"},
    ],
    "temperature": 0.2,
    "max_tokens": 256,
}


@pytest.fixture(scope="module")
def ok_content() -> dict[str, Any]:
    """The `content` map of the 200 response of POST /chat/completions in openapi.yaml."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    content: dict[str, Any] = spec["paths"]["/chat/completions"]["post"]["responses"]["200"][
        "content"
    ]
    return content


def _examples(ok_content: dict[str, Any], media_type: str) -> dict[str, Any]:
    return {name: ex["value"] for name, ex in ok_content[media_type]["examples"].items()}


def _default_example(ok_content: dict[str, Any], media_type: str) -> Any:
    # Without a Prefer header Prism answers with the first example of the media type.
    return next(iter(_examples(ok_content, media_type).values()))


def _sse_json(body: str) -> list[dict[str, Any]]:
    """The JSON documents of an example SSE body (one `data:` line per event, no [DONE])."""
    events = [block.removeprefix("data: ") for block in body.split("\n\n") if block]
    return [json.loads(data) for data in events if data != "[DONE]"]


def test_sync_returns_default_example(prism_url: str, ok_content: dict[str, Any]) -> None:
    example = _default_example(ok_content, "application/json")
    assert "choices" in example, "the default example is expected to be the OpenAI shape"

    with AuthenticatedClient(base_url=prism_url, token="test-key") as client:
        response = create_chat_completion.sync_detailed(
            client=client, body=CreateChatCompletionRequest.from_dict(REQUEST)
        )

    assert response.status_code == 200, response.content
    assert json.loads(response.content) == example
    completion = response.parsed
    assert type(completion) is ChatCompletion
    assert completion.id == example["id"]
    assert completion.model == example["model"]
    assert completion.created == example["created"]
    assert completion.choices[0].message.content == example["choices"][0]["message"]["content"]
    assert completion.choices[0].finish_reason == example["choices"][0]["finish_reason"]
    assert completion.usage.total_tokens == example["usage"]["total_tokens"]
    assert (
        completion.usage.cache_creation.ephemeral_5m_input_tokens
        == example["usage"]["cache_creation"]["ephemeral_5m_input_tokens"]
    )
    assert completion.to_dict() == example


async def test_async_returns_default_example(prism_url: str, ok_content: dict[str, Any]) -> None:
    example = _default_example(ok_content, "application/json")

    async with AuthenticatedClient(base_url=prism_url, token="test-key") as client:
        response = await create_chat_completion.asyncio_detailed(
            client=client, body=CreateChatCompletionRequest.from_dict(REQUEST)
        )

    assert response.status_code == 200, response.content
    assert type(response.parsed) is ChatCompletion
    assert response.parsed.choices[0].message.role == "assistant"
    assert response.parsed.to_dict() == example


def test_llama_example_parses_as_llama_completion(
    prism_url: str, ok_content: dict[str, Any]
) -> None:
    example = _examples(ok_content, "application/json")["llama"]

    client = AuthenticatedClient(base_url=prism_url, token="test-key")
    with client.with_headers({"Prefer": "example=llama"}) as llama_client:
        completion = create_chat_completion.sync(
            client=llama_client, body=CreateChatCompletionRequest.from_dict(REQUEST)
        )

    assert type(completion) is LlamaChatCompletion
    message = completion.completion_message
    assert type(message.content) is LlamaTextContent
    assert message.content.text == example["completion_message"]["content"]["text"]
    assert message.stop_reason == example["completion_message"]["stop_reason"]
    assert {m.metric: m.value for m in completion.metrics} == {
        m["metric"]: m["value"] for m in example["metrics"]
    }
    assert completion.to_dict() == example


def test_empty_messages_is_a_client_error(prism_url: str) -> None:
    body = CreateChatCompletionRequest.from_dict({"model": "llama3.3-70b-instruct", "messages": []})

    with AuthenticatedClient(base_url=prism_url, token="test-key") as client:
        response = create_chat_completion.sync_detailed(client=client, body=body)

    assert 400 <= response.status_code < 500
    # Prism names the violated rule: the request was rejected for its messages, not its auth.
    assert "messages" in response.headers.get("sl-violations", "")
    error = response.parsed
    assert type(error) is ErrorResponse
    raw = json.loads(response.content)
    assert error.message == raw["message"]
    assert error.type_ == raw["type"]
    assert error.code == raw["code"]


def test_missing_token_is_rejected(prism_url: str) -> None:
    with Client(base_url=prism_url) as client:
        response = create_chat_completion.sync_detailed(
            client=client, body=CreateChatCompletionRequest.from_dict(REQUEST)
        )

    assert response.status_code == 401
    assert type(response.parsed) is ErrorResponse


def test_stream_yields_example_chunks(prism_url: str, ok_content: dict[str, Any]) -> None:
    expected = _sse_json(_default_example(ok_content, "text/event-stream"))
    body = CreateChatCompletionRequest.from_dict({**REQUEST, "stream": True})

    with AuthenticatedClient(base_url=prism_url, token="test-key") as client:
        chunks = list(create_chat_completion.stream(client=client, body=body))

    assert all(type(chunk) is ChatCompletionChunk for chunk in chunks)
    assert [chunk.to_dict() for chunk in chunks] == expected
    assert chunks[-1].choices == []
    assert chunks[-1].usage.total_tokens == expected[-1]["usage"]["total_tokens"]


async def test_astream_yields_llama_example_chunks(
    prism_url: str, ok_content: dict[str, Any]
) -> None:
    expected = _sse_json(_examples(ok_content, "text/event-stream")["llama"])
    body = CreateChatCompletionRequest.from_dict({**REQUEST, "stream": True})

    async with AuthenticatedClient(
        base_url=prism_url, token="test-key", headers={"Prefer": "example=llama"}
    ) as client:
        chunks = [chunk async for chunk in create_chat_completion.astream(client=client, body=body)]

    assert all(type(chunk) is LlamaChatCompletionChunk for chunk in chunks)
    assert [chunk.to_dict() for chunk in chunks] == expected
    assert [c.event.event_type for c in chunks] == [e["event"]["event_type"] for e in expected]
