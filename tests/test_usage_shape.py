"""One usage shape (issue 21): the README's table, checked over the recorded provider bodies in
tests/ and over the few shapes no recording here has (DeepSeek-style, llama.cpp's timings, vLLM,
Mistral's cached_tokens), for answers and for a stream's final completion."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from sse_bodies import GRADIENT as GRADIENT_STREAM
from sse_bodies import LLAMA as LLAMA_STREAM
from sse_bodies import MISTRAL as MISTRAL_STREAM
from test_generated_models import (
    GRADIENT_REASONING,
    LLAMA_COMPAT,
    LLAMA_NATIVE_TEXT,
    MISTRAL_REASONING_CUT,
    MISTRAL_TOOL_CALL,
)

import trilogue

ASK = [{"role": "user", "content": "Hi"}]


def _with_usage(body: dict[str, Any], **usage: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    body["usage"] = {**body["usage"], **usage}
    return body


def _client(provider: str, reply: httpx.Response) -> trilogue.Trilogue:
    def answer(request: httpx.Request) -> httpx.Response:
        return reply

    http = httpx.Client(transport=httpx.MockTransport(answer))
    return trilogue.Trilogue(
        provider,  # type: ignore[arg-type]
        api_key="sk-usage",
        base_url="https://usage.test/v1",
        http_client=http,
    )


def _shape(usage: Any) -> tuple[Any, ...]:
    prompt = usage.prompt_tokens_details
    completion = usage.completion_tokens_details
    return (
        usage.prompt_tokens,
        usage.completion_tokens,
        prompt.cached_tokens if prompt else None,
        prompt.cache_write_tokens if prompt else None,
        completion.reasoning_tokens if completion else None,
    )


DEEPSEEK = _with_usage(
    LLAMA_COMPAT,
    prompt_cache_hit_tokens=64,
    prompt_cache_miss_tokens=123,
    completion_tokens_details={"reasoning_tokens": 9},
)
VLLM = _with_usage(LLAMA_COMPAT, prompt_tokens_details={"cached_tokens": 96})
LLAMA_CPP = {
    **copy.deepcopy(LLAMA_COMPAT),
    "timings": {"cache_n": 150, "prompt_n": 37, "predicted_n": 21, "prompt_ms": 12.5},
}
MISTRAL_CACHED = _with_usage(MISTRAL_TOOL_CALL, prompt_tokens_details={"cached_tokens": 400})
GRADIENT_SPLIT_ONLY = copy.deepcopy(GRADIENT_REASONING)
del GRADIENT_SPLIT_ONLY["usage"]["cache_created_input_tokens"]
GRADIENT_SPLIT_ONLY["usage"]["cache_creation"] = {
    "ephemeral_5m_input_tokens": 1000,
    "ephemeral_1h_input_tokens": 810,
}
GRADIENT_READ = _with_usage(GRADIENT_REASONING, cache_read_input_tokens=1700)

# (provider, body, (prompt, completion, cached, cache write, reasoning), raw fields kept)
ANSWERS = {
    "gradient-recorded": ("gradient", GRADIENT_REASONING, (1843, 31, 0, 1810, None)),
    "gradient-cache-read": ("gradient", GRADIENT_READ, (1843, 31, 1700, 1810, None)),
    "gradient-5m-1h-split": ("gradient", GRADIENT_SPLIT_ONLY, (1843, 31, 0, 1810, None)),
    "mistral-recorded": ("mistral", MISTRAL_TOOL_CALL, (412, 19, None, None, None)),
    "mistral-reasoning": ("mistral", MISTRAL_REASONING_CUT, (38, 40960, None, None, None)),
    "mistral-cached": ("mistral", MISTRAL_CACHED, (412, 19, 400, None, None)),
    "llama-native-metrics": ("llama", LLAMA_NATIVE_TEXT, (24, 14, None, None, None)),
    "llama-compat": ("llama-compat", LLAMA_COMPAT, (187, 21, None, None, None)),
    "vllm": ("openai-compatible", VLLM, (187, 21, 96, None, None)),
    "deepseek-style": ("openai-compatible", DEEPSEEK, (187, 21, 64, None, 9)),
    "llama.cpp-timings": ("openai-compatible", LLAMA_CPP, (187, 21, 150, None, None)),
}


@pytest.mark.parametrize("case", list(ANSWERS))
def test_answer_usage_shape(case: str) -> None:
    provider, body, expected = ANSWERS[case]
    client = _client(provider, httpx.Response(200, json=body))
    model = body.get("model", "Llama-4-Maverick-17B-128E-Instruct-FP8")
    completion = client.chat.completions.create(model=model, messages=ASK)
    assert completion.usage is not None
    assert _shape(completion.usage) == expected


def test_raw_fields_stay_readable() -> None:
    completion = _client("gradient", httpx.Response(200, json=GRADIENT_READ)).chat.completions
    usage = completion.create(model="m", messages=ASK).usage
    assert usage is not None
    assert usage.cache_read_input_tokens == 1700 and usage.cache_created_input_tokens == 1810
    assert usage.cache_creation is not None
    assert usage.cache_creation.ephemeral_5m_input_tokens == 1810
    deepseek = _client("openai-compatible", httpx.Response(200, json=DEEPSEEK)).chat.completions
    usage = deepseek.create(model="m", messages=ASK).usage
    assert usage is not None and usage["prompt_cache_hit_tokens"] == 64
    cpp = _client("openai-compatible", httpx.Response(200, json=LLAMA_CPP)).chat.completions
    assert cpp.create(model="m", messages=ASK)["timings"]["cache_n"] == 150


def _sse(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})


def _llama_cpp_stream() -> bytes:
    chunk = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "local",
        "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 40, "completion_tokens": 1, "total_tokens": 41},
        "timings": {"cache_n": 32, "prompt_n": 8},
    }
    return f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()


STREAMS = {
    "gradient": ("gradient", GRADIENT_STREAM, {"include_usage": True}, (18, 31, 0, None, None)),
    "mistral": ("mistral", MISTRAL_STREAM, None, (7, 9, None, None, None)),
    "llama-native": ("llama", LLAMA_STREAM, None, (212, 41, None, None, None)),
    "llama.cpp": ("openai-compatible", _llama_cpp_stream(), None, (40, 1, 32, None, None)),
}


@pytest.mark.parametrize("case", list(STREAMS))
def test_stream_final_completion_usage_shape(case: str) -> None:
    provider, body, options, expected = STREAMS[case]
    client = _client(provider, _sse(body))
    extra = {"stream_options": options} if options else {}
    with client.chat.completions.stream(model="m", messages=ASK, **extra) as stream:
        final = stream.get_final_completion()
    assert final.usage is not None
    assert _shape(final.usage) == expected


def test_batch_summary_totals_in_the_usage_shape(tmp_path: Any) -> None:
    from trilogue.lib.batch import run_batch

    bodies = [GRADIENT_READ, GRADIENT_SPLIT_ONLY, GRADIENT_REASONING]
    served = iter(bodies)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=next(served))

    source = tmp_path / "in.jsonl"
    lines = [
        {
            "custom_id": f"q{i}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "m", "messages": ASK},
        }
        for i in range(len(bodies))
    ]
    source.write_text("".join(json.dumps(x) + "\n" for x in lines))
    summary = run_batch(
        source,
        tmp_path / "out.jsonl",
        provider="gradient",
        api_key="sk-usage",
        base_url="https://usage.test/v1",
        concurrency=1,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)),
    )
    usage = summary.usage
    assert usage.lines_with_usage == 3
    assert (usage.prompt_tokens, usage.completion_tokens) == (3 * 1843, 3 * 31)
    assert usage.cached_tokens == 1700 and usage.cache_write_tokens == 3 * 1810
    assert usage.reasoning_tokens == 0
