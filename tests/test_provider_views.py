"""Strict views of the spec, one per provider (scripts/provider_views.py), served by Prism:
nothing trilogue sends is rejected, and trilogue refuses exactly what each view rejects."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from conftest import _can_connect, _prism_binary, free_port
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from trilogue_api.api.chat.create_chat_completion import REQUEST_SCHEMA

import trilogue

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("mistral", "gradient", "llama", "llama-compat")
KEY = "sk-views"


def _views_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "provider_views", ROOT / "scripts" / "provider_views.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("views")
    assert _views_module().main(["provider_views.py", str(out)]) == 0
    return {name: out / f"openapi.{name}.yaml" for name in VIEWS}


@pytest.fixture(scope="module")
def prism(views: dict[str, Path]) -> Iterator[dict[str, str]]:
    binary = _prism_binary()
    procs: list[subprocess.Popen[bytes]] = []
    urls: dict[str, str] = {}
    try:
        for name, path in views.items():
            port = free_port()
            procs.append(
                subprocess.Popen(
                    [binary, "mock", str(path), "-h", "127.0.0.1", "-p", str(port)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
            urls[name] = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        for url in urls.values():
            port = int(url.rsplit(":", 1)[1])
            while not _can_connect(port):
                assert time.monotonic() < deadline, "Prism did not start"
                time.sleep(0.1)
        yield urls
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)


def test_views_are_valid_and_hold_only_what_each_provider_takes(views: dict[str, Path]) -> None:
    fields = {}
    for name, path in views.items():
        document = yaml.safe_load(path.read_text())
        validate(document)
        schemas = document["components"]["schemas"]
        fields[name] = set(schemas["CreateChatCompletionRequest"]["properties"])
        assert schemas["CreateChatCompletionRequest"]["additionalProperties"] is False
    assert {"random_seed", "safe_prompt", "prompt_mode", "parallel_tool_calls"} <= fields["mistral"]
    assert not {"seed", "max_completion_tokens", "top_k"} & fields["mistral"]
    assert {"stream_options", "logit_bias", "seed"} <= fields["gradient"]
    assert "response_format" not in fields["gradient"]
    assert {"top_k", "repetition_penalty", "max_completion_tokens"} <= fields["llama"]
    assert not {"stop", "n", "max_tokens"} & fields["llama"]
    assert fields["llama"] == fields["llama-compat"]


TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather.",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]
HISTORY = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}
        ],
    },
    {"role": "tool", "tool_call_id": "c1", "content": "18 C"},
]
MATRIX: dict[str, dict[str, Any]] = {
    "mistral": {
        "temperature": 0.3,
        "top_p": 0.9,
        "max_tokens": 50,
        "seed": 7,
        "stop": ["\n"],
        "n": 1,
        "presence_penalty": 0.1,
        "frequency_penalty": 0.1,
        "metadata": {"k": "v"},
        "reasoning_effort": "low",
        "tools": TOOLS,
        "tool_choice": "any",
        "parallel_tool_calls": True,
        "safe_prompt": False,
        "prompt_mode": "reasoning",
        "response_format": {"type": "json_object"},
        "prediction": {"type": "content", "content": "x"},
    },
    "gradient": {
        "temperature": 0.3,
        "top_p": 0.9,
        "max_tokens": 50,
        "max_completion_tokens": 300,
        "seed": 7,
        "stop": "\n",
        "n": 1,
        "logit_bias": {"50256": -100},
        "logprobs": True,
        "top_logprobs": 2,
        "metadata": {"k": "v"},
        "reasoning_effort": "low",
        "user": "u",
        "tools": TOOLS,
        "tool_choice": "required",
    },
    "llama": {
        "temperature": 0.3,
        "top_p": 0.9,
        "top_k": 5,
        "repetition_penalty": 1.1,
        "max_tokens": 50,
        "user": "u",
        "tools": TOOLS,
        "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "a", "schema": {"type": "object"}},
        },
    },
}
MATRIX["llama-compat"] = MATRIX["llama"]


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
@pytest.mark.parametrize("provider", VIEWS)
async def test_nothing_trilogue_sends_is_rejected(
    prism: dict[str, str], provider: str, stream: bool
) -> None:
    params = MATRIX[provider]
    messages = HISTORY
    async with trilogue.AsyncTrilogue(
        provider,
        api_key=KEY,
        base_url=prism[provider],
        max_retries=0,  # type: ignore[arg-type]
    ) as client:
        if stream:
            s = await client.chat.completions.stream(model="m", messages=messages, **params)
            async for _ in s:
                pass
        else:
            await client.chat.completions.create(model="m", messages=messages, **params)
    with trilogue.Trilogue(provider, api_key=KEY, base_url=prism[provider], max_retries=0) as sync:  # type: ignore[arg-type]
        sync.chat.completions.create(model="m", messages=messages, **params)


# --------------------------------------------------------------------------- agreement

WIRE_FIELDS = sorted(
    set(
        yaml.safe_load((ROOT / "openapi.yaml").read_text())["components"]["schemas"][
            "CreateChatCompletionRequest"
        ]["properties"]
    )
    - {"model", "messages", "stream"}
)
ODD_VALUES = st.sampled_from(
    [
        0,
        1,
        -1,
        1.6,  # over Mistral's temperature limit only (x-provider-limits)
        2.5,
        3,
        101,
        200,  # over Gradient's n limit only
        -101,
        300,
        True,
        "x",
        "any",
        "auto",
        "required",
        "low",
        "xhigh",
        "reasoning",
        None,
        [],
        ["a"],
        ["a", "b", "c", "d", "e"],
        {},
        {"type": "text"},
        {"type": "json_object"},
        {"type": "json_schema", "json_schema": {"name": "n"}},
        {"include_usage": True},
        {"50256": 5},
        {"k": "v"},
        {"type": "content", "content": "c"},
    ]
)
ODD_MESSAGES = st.sampled_from(
    [
        {"role": "user", "content": "Hi"},
        {"role": "developer", "content": "Be brief."},
        {"role": "usr", "content": "Hi"},
        {"role": "user", "contnet": "Hi"},
        {"role": "user", "content": 5},
        {"role": "tool", "content": "18 C"},
        {"role": "tool", "content": "18 C", "tool_call_id": "c", "name": "w"},
        {"role": "assistant", "content": "ok", "prefix": True},
        {"role": "user", "content": [{"type": "video_url", "video_url": {"url": "u"}}]},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "t", "cache_control": {"type": "ephemeral", "ttl": "1h"}}
            ],
        },
        {
            "role": "user",
            "content": [{"type": "image_url", "image_url": {"url": "u", "detail": "ultra"}}],
        },
    ]
)


_HTTP = httpx.Client(timeout=30)  # keep-alive to the four Prism servers


def _wire_name_for(provider: str, field: str) -> bool:
    """Fields trilogue renames for this provider: the view knows only the wire name."""
    return (provider, field) in {
        ("mistral", "seed"),
        ("llama", "max_tokens"),
        ("llama-compat", "max_tokens"),
    }


@pytest.mark.parametrize("provider", VIEWS)
@settings(
    max_examples=2000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(
    fields=st.dictionaries(st.sampled_from(WIRE_FIELDS), ODD_VALUES, max_size=3),
    message=ODD_MESSAGES,
)
def test_trilogue_refuses_exactly_what_the_view_rejects(
    prism: dict[str, str], provider: str, fields: dict[str, Any], message: dict[str, Any]
) -> None:
    fields = {k: v for k, v in fields.items() if v is not None and not _wire_name_for(provider, k)}
    body = {"model": "m", "messages": [message], **fields}
    try:
        trilogue.PROVIDERS[provider].wire.body(REQUEST_SCHEMA, body)
        refused = False
    except trilogue.InvalidParameterError:
        refused = True
    answer = _HTTP.post(
        prism[provider] + "/chat/completions",
        json=body,
        headers={"Authorization": f"Bearer {KEY}"},
    )
    rejected = answer.status_code == 422
    assert answer.status_code in (200, 422), answer.text
    assert refused == rejected, (
        f"{provider}: trilogue refused={refused}, Prism {answer.status_code}: {answer.text[:300]}"
    )


# --------------------------------------------------------------------------- returned messages

RETURNED = [
    {"role": "assistant", "content": None, "refusal": "I can't help with that."},
    {
        "role": "assistant",
        "content": [
            {
                "type": "thinking",
                "thinking": [{"type": "text", "text": "Search first."}],
                "signature": "c2ln",
            },
            {"type": "text", "text": "It is Paris."},
        ],
    },
    {"role": "assistant", "content": "It is Paris.", "reasoning_content": "The capital."},
]


@pytest.mark.parametrize("provider", VIEWS)
def test_returned_messages_go_back_in_a_shape_the_view_accepts(
    prism: dict[str, str], provider: str
) -> None:
    from trilogue_api.models import ChatCompletionMessage

    from trilogue._wire.openai import normalise

    history: list[Any] = [{"role": "user", "content": "Capital of France?"}]
    for raw in RETURNED:
        message = ChatCompletionMessage.from_dict(raw)
        normalise(message)  # as a completion read from the wire is
        history += [message, {"role": "user", "content": "And then?"}]
    with trilogue.Trilogue(provider, api_key=KEY, base_url=prism[provider], max_retries=0) as c:  # type: ignore[arg-type]
        completion = c.chat.completions.create(model="m", messages=history)
    assert completion.choices
