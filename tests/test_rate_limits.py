"""`rate_limits` on completions, streams and status errors: each provider's rate-limit headers
read by the rules openapi.yaml declares (`components.headers`, `x-rate-limit`)."""

from __future__ import annotations

import time
from typing import Any

import pytest
import yaml
from fault_server import FaultServer, Reply

import trilogue
from trilogue.types import RateLimits

KEY = "sk-rate-limits"
MESSAGES: list[Any] = [{"role": "user", "content": "Hi"}]
OK = {
    "id": "c",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}}],
}
STREAM = (
    b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",'
    b'"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n'
)
# Mistral's headers (docs.mistral.ai, per minute and per month).
MISTRAL = {
    "x-ratelimit-limit-req-minute": "60",
    "x-ratelimit-remaining-req-minute": "59",
    "x-ratelimit-limit-tokens-minute": "500000",
    "x-ratelimit-remaining-tokens-minute": "499000",
    "x-ratelimit-limit-tokens-month": "1000000000",
    "x-ratelimit-remaining-tokens-month": "999999000",
}
# OpenAI-style (vLLM behind a gateway, Llama compat): resets as durations.
OPENAI_STYLE = {
    "x-ratelimit-limit-requests": "500",
    "x-ratelimit-remaining-requests": "499",
    "x-ratelimit-reset-requests": "1m30s",
    "x-ratelimit-limit-tokens": "30000",
    "x-ratelimit-remaining-tokens": "29000",
    "x-ratelimit-reset-tokens": "250ms",
}


def test_mistral_headers_on_a_completion() -> None:
    with (
        FaultServer() as server,
        trilogue.Trilogue("mistral", api_key=KEY, base_url=server.url) as c,
    ):
        server.script(Reply(200, body=OK, headers=MISTRAL))
        limits = c.chat.completions.create(model="m", messages=MESSAGES).rate_limits
    assert limits == RateLimits(
        limit_requests=60,
        remaining_requests=59,
        limit_tokens=500000,
        remaining_tokens=499000,
        limit_tokens_month=1000000000,
        remaining_tokens_month=999999000,
    )


def test_openai_style_headers_on_a_stream() -> None:
    with (
        FaultServer() as server,
        trilogue.Trilogue("gradient", api_key=KEY, base_url=server.url) as c,
    ):
        headers = {"Content-Type": "text/event-stream", **OPENAI_STYLE}
        server.script(Reply(200, body=STREAM, headers=headers))
        with c.chat.completions.stream(model="m", messages=MESSAGES) as stream:
            limits = stream.rate_limits
            list(stream)
    assert (limits.limit_requests, limits.remaining_requests, limits.reset_requests) == (
        500,
        499,
        90,
    )
    assert (limits.limit_tokens, limits.remaining_tokens, limits.reset_tokens) == (
        30000,
        29000,
        0.25,
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_digitalocean_epoch_reset_on_a_429(mode: str) -> None:
    reset = int(time.time()) + 30
    headers = {"ratelimit-limit": "100", "ratelimit-remaining": "0", "ratelimit-reset": str(reset)}
    with FaultServer() as server:
        server.script(Reply(429, body={"message": "slow down"}, headers=headers))
        with pytest.raises(trilogue.RateLimitError) as caught:
            if mode == "sync":
                with trilogue.Trilogue(
                    "gradient", api_key=KEY, base_url=server.url, max_retries=0
                ) as c:
                    c.chat.completions.create(model="m", messages=MESSAGES)
            else:
                async with trilogue.AsyncTrilogue(
                    "gradient", api_key=KEY, base_url=server.url, max_retries=0
                ) as ac:
                    await ac.chat.completions.create(model="m", messages=MESSAGES)
    limits = caught.value.rate_limits
    assert (limits.limit_requests, limits.remaining_requests) == (100, 0)
    assert limits.reset_requests is not None and 25 <= limits.reset_requests <= 31


def test_every_rule_comes_from_the_spec() -> None:
    from pathlib import Path

    from trilogue_api.spec import RATE_LIMIT_HEADERS

    spec = yaml.safe_load((Path(__file__).resolve().parents[1] / "openapi.yaml").read_text())
    declared = {
        h["x-rate-limit"]["name"]: h["x-rate-limit"]["field"]
        for h in spec["components"]["headers"].values()
    }
    assert {name: rule["field"] for name, rule in RATE_LIMIT_HEADERS.items()} == declared
    assert set(declared.values()) <= {f for f in RateLimits.__dataclass_fields__}
    # Each declared header is read into its field.
    for name, field in declared.items():
        value = "7" if field != "retry_after" or name == "retry-after" else "7000"
        limits = trilogue._rate_limits.read_rate_limits({name: value}, now=0)
        assert getattr(limits, field) == 7, name
