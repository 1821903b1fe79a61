"""The client against a Prism mock of openapi.yaml.

Prism runs in static mode, so it answers with the examples of the spec: the tests read those
examples from openapi.yaml and expect the client to hand them back parsed, through the generated
endpoint descriptions and models (the generated package ships no client of its own).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import trilogue

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


def _holds(actual: Any, expected: Any) -> bool:
    """Whether `actual` has everything `expected` has (the client adds the one usage shape)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and _holds(actual[k], v) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_holds(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)


def _client(prism_url: str, provider: trilogue.types.ProviderName = "openai-compatible") -> Any:
    return trilogue.Trilogue(provider, base_url=prism_url, api_key="test-key", max_retries=0)


def test_sync_returns_default_example(prism_url: str, ok_content: dict[str, Any]) -> None:
    example = _default_example(ok_content, "application/json")
    assert "choices" in example, "the default example is expected to be the OpenAI shape"

    with _client(prism_url) as client:
        completion = client.chat.completions.create(**REQUEST)

    assert type(completion) is trilogue.ChatCompletion
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
    assert _holds(completion.to_dict(), example)


async def test_async_returns_default_example(prism_url: str, ok_content: dict[str, Any]) -> None:
    example = _default_example(ok_content, "application/json")

    async with trilogue.AsyncTrilogue(
        "openai-compatible", base_url=prism_url, api_key="test-key"
    ) as client:
        completion = await client.chat.completions.create(**REQUEST)

    assert completion.choices[0].message.role == "assistant"
    assert _holds(completion.to_dict(), example)


def test_llama_example_is_read_as_a_completion(prism_url: str, ok_content: dict[str, Any]) -> None:
    example = _examples(ok_content, "application/json")["llama"]

    with _client(prism_url, "llama") as client:
        completion = client.chat.completions.create(
            **REQUEST, extra_headers={"Prefer": "example=llama"}
        )

    message = example["completion_message"]
    assert completion.choices[0].message.content == message["content"]["text"]
    assert completion.choices[0].finish_reason == "stop"
    assert completion.metrics is not None
    assert {m.metric: m.value for m in completion.metrics} == {
        m["metric"]: m["value"] for m in example["metrics"]
    }


def test_an_error_body_is_read_through_the_error_model(prism_url: str) -> None:
    # Sent past the client's own checks (extra_body), so that Prism is the one to refuse it.
    with _client(prism_url) as client, pytest.raises(trilogue.APIStatusError) as caught:
        client.chat.completions.create(**REQUEST, extra_body={"messages": []})

    error = caught.value
    assert 400 <= error.status_code < 500
    # Prism names the violated rule: the request was rejected for its messages, not its auth.
    assert "messages" in error.response.headers.get("sl-violations", "")
    assert isinstance(error.body, dict)
    assert error.body["message"] in str(error)


def test_missing_token_is_an_authentication_error(prism_url: str) -> None:
    with (
        trilogue.Trilogue("openai-compatible", base_url=prism_url, api_key="") as client,
        pytest.raises(trilogue.AuthenticationError),
    ):
        client.chat.completions.create(**REQUEST)


def test_stream_yields_example_chunks(prism_url: str, ok_content: dict[str, Any]) -> None:
    expected = _sse_json(_default_example(ok_content, "text/event-stream"))

    with _client(prism_url) as client:
        chunks = list(client.chat.completions.create(**REQUEST, stream=True))

    assert all(type(chunk) is trilogue.ChatCompletionChunk for chunk in chunks)
    assert [chunk.to_dict() for chunk in chunks] == expected
    assert chunks[-1].choices == []
    assert chunks[-1].usage.total_tokens == expected[-1]["usage"]["total_tokens"]


async def test_async_stream_reads_the_llama_example(
    prism_url: str, ok_content: dict[str, Any]
) -> None:
    expected = _sse_json(_examples(ok_content, "text/event-stream")["llama"])
    text = "".join(e["event"].get("delta", {}).get("text", "") for e in expected)

    async with trilogue.AsyncTrilogue("llama", base_url=prism_url, api_key="test-key") as client:
        stream = await client.chat.completions.create(
            **REQUEST, stream=True, extra_headers={"Prefer": "example=llama"}
        )
        final = await stream.get_final_completion()

    assert final.choices[0].message.content == text
    assert final.usage is not None and final.usage.total_tokens > 0


def test_models_retrieve_reads_a_model_card(prism_url: str) -> None:
    with _client(prism_url) as client:
        card = client.models.retrieve("mistral-small-latest")

    assert isinstance(card.id, str) and card.id
