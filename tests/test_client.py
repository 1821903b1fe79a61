"""The clients end to end: against Prism (the spec's mock, which validates every request) for each
provider profile, and against the fault server where the test must see the exact request that
went out - or prove that none did.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from fault_server import FaultServer, Reply, Sleep
from trilogue_api.models import ChatCompletion as GeneratedChatCompletion
from trilogue_api.models import (
    FunctionDefinition,
    FunctionParameters,
    JsonSchemaFormat,
    NamedToolChoice,
    ResponseFormatJsonSchema,
    SystemMessage,
    TextContentPart,
    Tool,
    UserMessage,
)

import trilogue
from trilogue import (
    DEFAULT_TIMEOUT,
    APITimeoutError,
    AsyncTrilogue,
    AuthenticationError,
    ChatCompletion,
    InvalidParameterError,
    Trilogue,
    TrilogueError,
    UnprocessableEntityError,
    UnsupportedParameterError,
)

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
KEY = "test-key-123"
MODEL = "test-model"
MESSAGES: list[dict[str, Any]] = [
    {"role": "system", "content": "You are a concise assistant."},
    {"role": "user", "content": "What is the capital of France?"},
]
COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-fault-1",
    "object": "chat.completion",
    "created": 1731974400,
    "model": MODEL,
    "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hi."}}
    ],
    "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6},
}
OK = Reply(200, COMPLETION)
PROVIDERS = ["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]
KEY_ENV = {
    "mistral": ("MISTRAL_API_KEY", "MISTRAL_BASE_URL"),
    "gradient": ("GRADIENT_MODEL_ACCESS_KEY", "GRADIENT_INFERENCE_ENDPOINT"),
    "llama": ("LLAMA_API_KEY", "LLAMA_API_BASE_URL"),
    "llama-compat": ("LLAMA_API_KEY", "LLAMA_COMPAT_BASE_URL"),
    "openai-compatible": ("TRILOGUE_API_KEY", "TRILOGUE_BASE_URL"),
    "(fallbacks)": ("OPENAI_API_KEY", "OPENAI_BASE_URL"),
}


@pytest.fixture(scope="module")
def examples() -> dict[str, Any]:
    """The 200 `application/json` examples of openapi.yaml, by name (what Prism answers)."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    content = spec["paths"]["/chat/completions"]["post"]["responses"]["200"]["content"]
    return {name: ex["value"] for name, ex in content["application/json"]["examples"].items()}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys and addresses from the developer's shell must not leak into these tests."""
    for names in KEY_ENV.values():
        for name in names:
            monkeypatch.delenv(name, raising=False)


async def create(
    mode: str,
    base_url: str | None,
    provider: str,
    client_options: dict[str, Any] | None = None,
    **params: Any,
) -> ChatCompletion:
    """One create() with a fresh sync or async client; `model` and `messages` default."""
    options = {"api_key": KEY, **(client_options or {})}
    params.setdefault("model", MODEL)
    params.setdefault("messages", MESSAGES)
    if mode == "sync":
        with Trilogue(provider, base_url=base_url, **options) as client:
            return client.chat.completions.create(**params)
    async with AsyncTrilogue(provider, base_url=base_url, **options) as aclient:
        return await aclient.chat.completions.create(**params)


async def sent_body(mode: str, server: FaultServer, provider: str, **params: Any) -> Any:
    """The JSON body the server received for one create() call."""
    server.script(OK)
    await create(mode, server.url, provider, **params)
    assert len(server.requests) == 1
    return server.requests[0].json()


# ------------------------------------------------------------------- each provider via Prism

PRISM_CASES = [
    pytest.param("mistral", "openai", {"temperature": 0.2, "max_tokens": 64, "seed": 7}),
    pytest.param("gradient", "openai", {"temperature": 0.2, "max_tokens": 64, "seed": 7}),
    pytest.param("llama", "llama", {"temperature": 0.2, "max_tokens": 64, "top_k": 5}),
    pytest.param("llama", "openai", {"max_completion_tokens": 64}, id="llama-openai-shape"),
    pytest.param("llama-compat", "openai", {"temperature": 0.2, "max_tokens": 64}),
    pytest.param("openai-compatible", "openai", {"temperature": 0.2, "max_tokens": 64}),
]


@pytest.mark.parametrize(("provider", "example", "params"), PRISM_CASES)
async def test_create_against_prism(
    mode: str,
    prism_url: str,
    examples: dict[str, Any],
    provider: str,
    example: str,
    params: dict[str, Any],
) -> None:
    expected = examples[example]
    extra = {"extra_headers": {"Prefer": f"example={example}"}}

    completion = await create(mode, prism_url, provider, **params, **extra)

    assert type(completion) is ChatCompletion
    assert isinstance(completion, GeneratedChatCompletion)
    message = completion.assistant_message
    assert message is not None and message.role == "assistant"
    assert completion.usage is not None
    if example == "llama":
        native = expected["completion_message"]
        assert message.content == native["content"]["text"]
        assert completion.id == expected["id"]
        assert completion.model == MODEL  # Llama sends none: the one asked for
        assert completion.choices[0].finish_reason == native["stop_reason"]
        metrics = {m["metric"]: m["value"] for m in expected["metrics"]}
        assert completion.usage.prompt_tokens == metrics["num_prompt_tokens"]
        assert completion.usage.completion_tokens == metrics["num_completion_tokens"]
        assert completion.usage.total_tokens == metrics["num_total_tokens"]
        assert completion.metrics is not None
        assert [m.metric for m in completion.metrics] == [m["metric"] for m in expected["metrics"]]
    else:
        assert message.content == expected["choices"][0]["message"]["content"]
        assert completion.id == expected["id"]
        assert completion.model == expected["model"]
        assert completion.choices[0].finish_reason == expected["choices"][0]["finish_reason"]
        assert completion.usage.total_tokens == expected["usage"]["total_tokens"]
        assert completion.usage.prompt_tokens == expected["usage"]["prompt_tokens"]
        assert completion.metrics is None
    assert completion.latency is not None and completion.latency > 0
    assert completion.headers is not None
    assert completion.headers["content-type"].startswith("application/json")


async def test_generated_models_accepted_by_prism(mode: str, prism_url: str) -> None:
    completion = await create(
        mode,
        prism_url,
        "llama-compat",
        messages=[
            SystemMessage(role="system", content="Be brief."),
            UserMessage(role="user", content=[TextContentPart(type_="text", text="Weather?")]),
        ],
        tools=[_weather_tool()],
        tool_choice=NamedToolChoice.from_dict({"type": "function", "function": {"name": "w"}}),
        response_format=ResponseFormatJsonSchema(
            type_="json_schema",
            json_schema=JsonSchemaFormat.from_dict({"name": "answer", "schema": {}}),
        ),
    )
    assert completion.choices[0].message.content == "The capital of France is Paris."


async def test_prism_refuses_what_extra_body_smuggles_past_the_checks(
    mode: str, prism_url: str
) -> None:
    # extra_body is sent as-is, unchecked; Prism validates it against the spec and says 422.
    with pytest.raises(UnprocessableEntityError) as info:
        await create(mode, prism_url, "gradient", extra_body={"temperature": 5})
    assert info.value.status_code == 422
    assert info.value.provider == "gradient"


async def test_prism_401_without_a_key(mode: str, prism_url: str) -> None:
    # openai-compatible needs no key, so none is sent; the spec's bearerAuth makes Prism refuse.
    with pytest.raises(AuthenticationError) as info:
        await create(mode, prism_url, "openai-compatible", {"api_key": None})
    assert info.value.status_code == 401


# ------------------------------------------------- refused before any request is sent

UNSUPPORTED = [
    pytest.param("mistral", {"logit_bias": {"50256": -100}}, "logit_bias", id="logit_bias-mistral"),
    pytest.param("gradient", {"safe_prompt": True}, "safe_prompt", id="safe_prompt-gradient"),
    pytest.param("llama", {"n": 2}, "n", id="n-llama"),
    pytest.param("llama-compat", {"stop": ["\n"]}, "stop", id="stop-llama-compat"),
    pytest.param("mistral", {"top_k": 5}, "top_k", id="top_k-mistral"),
    pytest.param("gradient", {"response_format": {"type": "text"}}, "response_format"),
    pytest.param(
        "llama", {"stream_options": {"include_usage": True}}, "stream_options", id="stream_options"
    ),
    pytest.param(
        "gradient",
        {"prediction": {"type": "content", "content": "x"}},
        "prediction",
        id="prediction-gradient",
    ),
    pytest.param(
        "mistral", {"max_completion_tokens": 9}, "max_completion_tokens", id="mct-mistral"
    ),
    pytest.param("gradient", {"random_seed": 1}, "random_seed", id="random_seed-gradient"),
    pytest.param(
        "mistral",
        {"messages": [{"role": "developer", "content": "Be terse."}]},
        "developer",
        id="developer-role-mistral",
    ),
    pytest.param(
        "llama",
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "What happens?"},
                        {"type": "video_url", "video_url": {"url": "https://example.com/a.mp4"}},
                    ],
                }
            ]
        },
        "video_url",
        id="video_url-part-llama",
    ),
    pytest.param(
        "gradient",
        {"response_format": {"type": "json_object"}},
        "response_format",
        id="json_object-gradient",
    ),
    pytest.param(
        "llama",
        {"response_format": {"type": "json_object"}},
        "json_object",
        id="json_object-llama",
    ),
    pytest.param(
        "llama",
        {"messages": [{"role": "assistant", "content": "Sure", "prefix": True}]},
        "prefix",
        id="assistant-prefix-llama",
    ),
    pytest.param(
        "gradient",
        {"messages": [{"role": "tool", "content": "18C", "tool_call_id": "c1", "name": "w"}]},
        "name",
        id="tool-message-name-gradient",
    ),
]


# The `param` of the error, where it is not the field itself.
NESTED_PARAMS = {
    "developer": "messages[0].role",
    "video_url": "messages[0].content[1].type",
    "json_object": "response_format.type",
    "prefix": "messages[0].prefix",
    "name": "messages[0].name",
}


@pytest.mark.parametrize(("provider", "params", "field"), UNSUPPORTED)
async def test_unsupported_fields_are_refused_before_sending(
    mode: str, server: FaultServer, provider: str, params: dict[str, Any], field: str
) -> None:
    server.script(OK)

    with pytest.raises(UnsupportedParameterError) as info:
        await create(mode, server.url, provider, **params)

    err = info.value
    assert isinstance(err, InvalidParameterError) and isinstance(err, ValueError)
    assert field in str(err)
    assert repr(provider) in str(err)
    assert err.provider == provider
    assert err.param == NESTED_PARAMS.get(field, field)
    assert server.requests == []


def test_refusal_suggests_the_twin_field() -> None:
    client = Trilogue("mistral", api_key=KEY, base_url="http://127.0.0.1:9")
    with pytest.raises(UnsupportedParameterError, match="Use 'max_tokens' instead"):
        client.chat.completions.create(model=MODEL, messages=MESSAGES, max_completion_tokens=5)
    gradient = Trilogue("gradient", api_key=KEY, base_url="http://127.0.0.1:9")
    with pytest.raises(UnsupportedParameterError, match="Use 'seed' instead"):
        gradient.chat.completions.create(model=MODEL, messages=MESSAGES, random_seed=5)
    client.close()
    gradient.close()


async def test_openai_compatible_sends_every_field(mode: str, server: FaultServer) -> None:
    params: dict[str, Any] = {
        "logit_bias": {"50256": -100},
        "safe_prompt": True,
        "top_k": 5,
        "seed": 7,
        "max_tokens": 64,
        "response_format": {"type": "json_object"},
        "messages": [{"role": "developer", "content": "Be terse."}],
    }
    body = await sent_body(mode, server, "openai-compatible", **params)
    assert body == {"model": MODEL, **params}


# ------------------------------------------------------------------------- on the wire


async def test_body_has_exactly_the_fields_given(mode: str, server: FaultServer) -> None:
    body = await sent_body(mode, server, "mistral", temperature=0.3)
    assert body == {"model": MODEL, "messages": MESSAGES, "temperature": 0.3}


async def test_none_is_sent_as_null_where_the_schema_allows_null(
    mode: str, server: FaultServer
) -> None:
    # Mistral's prompt_mode: null means "no system prompt of Mistral's own" (left out, its
    # default applies), so None must reach the wire (openai-python's convention).
    body = await sent_body(mode, server, "mistral", prompt_mode=None, top_p=0.5)
    assert body == {"model": MODEL, "messages": MESSAGES, "prompt_mode": None, "top_p": 0.5}


async def test_none_where_null_is_not_allowed_is_refused_before_sending(
    mode: str, server: FaultServer
) -> None:
    with pytest.raises(InvalidParameterError, match="leave the argument out") as caught:
        await sent_body(mode, server, "gradient", temperature=None, top_p=0.5)
    assert caught.value.param == "temperature" and caught.value.provider == "gradient"
    assert "got null" in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    ("provider", "given", "wire"),
    [
        ("mistral", {"seed": 42}, {"random_seed": 42}),
        ("mistral", {"random_seed": 42}, {"random_seed": 42}),
        ("gradient", {"seed": 42}, {"seed": 42}),
        ("llama", {"max_tokens": 64}, {"max_completion_tokens": 64}),
        ("llama-compat", {"max_tokens": 64}, {"max_completion_tokens": 64}),
        ("llama", {"max_completion_tokens": 64}, {"max_completion_tokens": 64}),
        ("gradient", {"max_tokens": 64}, {"max_tokens": 64}),
        ("mistral", {"max_tokens": 64}, {"max_tokens": 64}),
    ],
)
async def test_renames_on_the_wire(
    mode: str, server: FaultServer, provider: str, given: dict[str, Any], wire: dict[str, Any]
) -> None:
    body = await sent_body(mode, server, provider, **given)
    assert body == {"model": MODEL, "messages": MESSAGES, **wire}


@pytest.mark.parametrize(
    ("provider", "params"),
    [
        ("mistral", {"seed": 1, "random_seed": 2}),
        ("llama", {"max_tokens": 10, "max_completion_tokens": 20}),
        ("llama-compat", {"max_tokens": 10, "max_completion_tokens": 20}),
    ],
)
async def test_renamed_pairs_refused_together(
    mode: str, server: FaultServer, provider: str, params: dict[str, Any]
) -> None:
    with pytest.raises(InvalidParameterError) as info:
        await create(mode, server.url, provider, **params)
    assert "give only one" in str(info.value)
    assert server.requests == []


async def test_extra_headers_query_and_body_reach_the_wire(mode: str, server: FaultServer) -> None:
    server.script(OK)
    await create(
        mode,
        server.url + "/v1",
        "mistral",
        {"default_headers": {"X-Team": "infra", "user-agent": "custom-agent/1.0"}},
        temperature=0.5,
        extra_headers={"X-Trace-Id": "trace-1", "accept": "application/x-custom"},
        extra_query={"api-version": "2024-06-01", "tag": "a b"},
        extra_body={"vendor_flag": {"deep": [1, 2]}, "temperature": 0.9},
    )

    (request,) = server.requests
    assert request.method == "POST"
    assert request.path == "/v1/chat/completions"
    assert request.query == {"api-version": "2024-06-01", "tag": "a b"}
    assert request.headers["x-trace-id"] == "trace-1"
    assert request.headers["x-team"] == "infra"
    # An extra or default header replaces the built-in one whatever its case: one value on the wire.
    assert request.headers["accept"] == "application/x-custom"
    assert request.headers["user-agent"] == "custom-agent/1.0"
    assert [k.lower() for k, _ in request.raw_headers].count("accept") == 1
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["content-type"] == "application/json"
    # extra_body is merged as given, unchecked (Mistral would not know vendor_flag).
    assert request.json() == {
        "model": MODEL,
        "messages": MESSAGES,
        "temperature": 0.9,
        "vendor_flag": {"deep": [1, 2]},
    }


async def test_default_headers_identify_the_sdk(mode: str, server: FaultServer) -> None:
    server.script(OK)
    await create(mode, server.url, "gradient")
    headers = server.requests[0].headers
    assert headers["user-agent"].startswith(f"trilogue/{trilogue.__version__}")
    assert headers["accept"] == "application/json"


def _weather_tool() -> Tool:
    return Tool(
        type_="function",
        function=FunctionDefinition(
            name="get_weather",
            description="Current weather in a city.",
            parameters=FunctionParameters.from_dict(
                {"type": "object", "properties": {"city": {"type": "string"}}}
            ),
        ),
    )


async def test_generated_models_as_messages_and_tools(mode: str, server: FaultServer) -> None:
    body = await sent_body(
        mode,
        server,
        "mistral",
        messages=[
            SystemMessage(role="system", content="Be brief."),
            UserMessage(role="user", content=[TextContentPart(type_="text", text="Weather?")]),
            {"role": "assistant", "content": "Which city?"},
            {"role": "user", "content": [TextContentPart(type_="text", text="Paris")]},
        ],
        tools=[_weather_tool()],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
    )
    assert body == {
        "model": MODEL,
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Weather?"}]},
            {"role": "assistant", "content": "Which city?"},
            {"role": "user", "content": [{"type": "text", "text": "Paris"}]},
        ],
        "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "get_weather",
                    "description": "Current weather in a city.",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
                },
            }
        ],
    }


async def test_generated_model_refused_like_a_dict(mode: str, server: FaultServer) -> None:
    with pytest.raises(UnsupportedParameterError, match="video_url"):
        await create(
            mode,
            server.url,
            "mistral",
            messages=[
                UserMessage.from_dict(
                    {
                        "role": "user",
                        "content": [{"type": "video_url", "video_url": {"url": "https://e/v"}}],
                    }
                )
            ],
        )
    assert server.requests == []


async def test_unknown_keyword_is_a_type_error(mode: str, server: FaultServer) -> None:
    with pytest.raises(TypeError, match="temprature"):
        await create(mode, server.url, "gradient", temprature=0.5)
    with pytest.raises(TypeError, match="'strem'"):
        await create(mode, server.url, "gradient", strem=True)
    assert server.requests == []


# ------------------------------------------------------------------------------- limits

LIMITS = [
    pytest.param("gradient", {"temperature": 3}, "temperature", id="temperature-3"),
    pytest.param("openai-compatible", {"temperature": -1}, "temperature", id="temperature-neg"),
    pytest.param("mistral", {"top_p": -0.1}, "top_p", id="top_p"),
    pytest.param("gradient", {"n": 0}, "n", id="n-0"),
    pytest.param("gradient", {"n": 129}, "n", id="n-129"),  # Gradient's limit; Mistral states none
    pytest.param("gradient", {"stop": ["a", "b", "c", "d", "e"]}, "stop", id="stop-5-items"),
    pytest.param("mistral", {"top_p": 0}, "top_p", id="top_p-0-mistral"),  # exclusiveMinimum
    pytest.param("gradient", {"top_logprobs": 3}, "top_logprobs", id="top_logprobs-alone"),
    pytest.param(
        "gradient", {"top_logprobs": 21, "logprobs": True}, "top_logprobs", id="top_logprobs-21"
    ),
    pytest.param("mistral", {"seed": -1}, "seed", id="random_seed-negative"),
    pytest.param("llama", {"max_tokens": 0}, "max_tokens", id="max_tokens-0-llama"),
    pytest.param("llama", {"repetition_penalty": 0}, "repetition_penalty", id="rep-penalty"),
    pytest.param("mistral", {"frequency_penalty": 2.5}, "frequency_penalty", id="freq-penalty"),
    pytest.param("gradient", {"temperature": "hot"}, "temperature", id="temperature-str"),
    pytest.param("mistral", {"model": ""}, "model", id="empty-model"),
    pytest.param("mistral", {"messages": []}, "messages", id="no-messages"),
    pytest.param(
        "mistral",
        {
            "tools": [
                {"type": "function", "function": {"name": "get weather", "parameters": {}}},
            ]
        },
        "name",
        id="tool-name-space",
    ),
    pytest.param(
        "gradient",
        {"tools": [{"type": "function", "function": {"name": "f" * 65}}]},
        "name",
        id="tool-name-65",
    ),
    pytest.param(
        "gradient", {"messages": [{"role": "robot", "content": "x"}]}, "role", id="unknown-role"
    ),
]


@pytest.mark.parametrize(("provider", "params", "field"), LIMITS)
async def test_out_of_limit_values_are_refused(
    mode: str, server: FaultServer, provider: str, params: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidParameterError) as info:
        await create(mode, server.url, provider, **params)

    err = info.value
    assert isinstance(err, ValueError)
    assert not isinstance(err, UnsupportedParameterError)
    assert field in str(err) and field in err.param
    assert server.requests == []


async def test_values_on_the_limits_are_sent(mode: str, server: FaultServer) -> None:
    params: dict[str, Any] = {
        "temperature": 2,
        "top_p": 0,
        "n": 128,
        "stop": ["a", "b", "c", "d"],
        "logprobs": True,
        "top_logprobs": 20,
        "frequency_penalty": -2,
        "max_tokens": 0,
        "tools": [{"type": "function", "function": {"name": "get_weather-2"}}],
    }
    body = await sent_body(mode, server, "gradient", **params)
    assert body == {"model": MODEL, "messages": MESSAGES, **params}


# --------------------------------------------------------------- Llama-native normalisation

LLAMA_TOOL_ANSWER: dict[str, Any] = {
    "id": "llama-native-7",
    "completion_message": {
        "role": "assistant",
        "content": "Let me look that up.",
        "stop_reason": "tool_calls",
        "tool_calls": [
            {
                "id": "call-1",
                "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
            },
            {"id": "call-2", "function": {"name": "get_time", "arguments": "{}"}},
        ],
    },
    "metrics": [
        {"metric": "num_completion_tokens", "value": 17, "unit": "tokens"},
        {"metric": "num_prompt_tokens", "value": 120, "unit": "tokens"},
        {"metric": "num_total_tokens", "value": 137, "unit": "tokens"},
        {"metric": "time_to_first_token_ms", "value": 85.5, "unit": "ms"},
    ],
}


async def test_llama_native_tool_calls_normalised(mode: str, server: FaultServer) -> None:
    server.script(Reply(200, LLAMA_TOOL_ANSWER, {"x-request-id": "llama-req-1"}))

    completion = await create(mode, server.url, "llama", tools=[_weather_tool()])

    assert type(completion) is ChatCompletion
    assert completion.id == "llama-native-7"
    assert completion.object_ == "chat.completion"
    assert completion.model == MODEL
    assert completion.created is not None and completion.created > 1_700_000_000
    assert completion.request_id == "llama-req-1"
    (choice,) = completion.choices
    assert choice.index == 0
    assert choice.finish_reason == "tool_calls"
    assert choice.message.role == "assistant"
    assert choice.message.content == "Let me look that up."
    calls = choice.message.tool_calls
    assert calls is not None
    assert [c.id for c in calls] == ["call-1", "call-2"]
    assert [c.type_ for c in calls] == ["function", "function"]
    assert calls[0].function.name == "get_weather"
    assert calls[0].function.arguments == '{"city": "Paris"}'
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (120, 17)
    assert completion.usage.total_tokens == 137
    assert completion.metrics is not None
    assert {m.metric: m.value for m in completion.metrics}["time_to_first_token_ms"] == 85.5
    # The request went out in Llama's field names.
    assert "max_completion_tokens" not in server.requests[0].json()


@pytest.mark.parametrize(
    ("stop_reason", "finish_reason"),
    [("end_of_turn", "stop"), ("end_of_message", "stop"), ("out_of_tokens", "length")],
)
async def test_llama_native_text_content_and_stop_reasons(
    mode: str, server: FaultServer, stop_reason: str, finish_reason: str
) -> None:
    answer = {
        "id": "llama-native-8",
        "completion_message": {
            "role": "assistant",
            "content": {"type": "text", "text": "Paris is the capital."},
            "stop_reason": stop_reason,
        },
        "metrics": [{"metric": "num_total_tokens", "value": 30, "unit": "tokens"}],
    }
    server.script(Reply(200, answer))

    completion = await create(mode, server.url, "llama", max_tokens=50)

    message = completion.choices[0].message
    assert message.content == "Paris is the capital."
    assert message.tool_calls is None
    assert completion.choices[0].finish_reason == finish_reason
    assert completion.usage is not None and completion.usage.total_tokens == 30
    assert server.requests[0].json()["max_completion_tokens"] == 50


async def test_llama_compat_answer_is_passed_through(mode: str, server: FaultServer) -> None:
    server.script(OK)
    completion = await create(mode, server.url, "llama-compat")
    assert completion.choices[0].message.content == "Hi."
    assert completion.metrics is None


# ---------------------------------------------------------------- configuration and env


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_key_and_base_url_from_env(
    mode: str, server: FaultServer, monkeypatch: pytest.MonkeyPatch, provider: str
) -> None:
    key_env, url_env = KEY_ENV[provider]
    monkeypatch.setenv(key_env, f"env-key-{provider}")
    monkeypatch.setenv(url_env, server.url + "/env/v1")
    server.script(OK)

    if mode == "sync":
        with Trilogue(provider) as client:
            client.chat.completions.create(model=MODEL, messages=MESSAGES)
    else:
        async with AsyncTrilogue(provider) as aclient:
            await aclient.chat.completions.create(model=MODEL, messages=MESSAGES)

    (request,) = server.requests
    assert request.path == "/env/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer env-key-{provider}"


def test_arguments_win_over_env(server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISTRAL_API_KEY", "env-key")
    monkeypatch.setenv("MISTRAL_BASE_URL", "http://127.0.0.1:9/unused")
    server.script(OK)
    with Trilogue("mistral", api_key="arg-key", base_url=server.url) as client:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert server.requests[0].headers["authorization"] == "Bearer arg-key"


@pytest.mark.parametrize(
    ("provider", "url"),
    [
        ("mistral", "https://api.mistral.ai/v1/"),
        ("gradient", "https://inference.do-ai.run/v1/"),
        ("llama", "https://api.llama.com/v1/"),
        ("llama-compat", "https://api.llama.com/compat/v1/"),
    ],
)
def test_default_base_urls(provider: str, url: str) -> None:
    with Trilogue(provider, api_key=KEY) as client:
        assert str(client.base_url) == url
        assert client.provider.name == provider


@pytest.mark.parametrize("provider", ["mistral", "gradient", "llama", "llama-compat"])
@pytest.mark.parametrize("client_class", [Trilogue, AsyncTrilogue])
def test_missing_key_names_the_env_var(
    monkeypatch: pytest.MonkeyPatch, provider: str, client_class: type[Any]
) -> None:
    key_env = KEY_ENV[provider][0]
    monkeypatch.setenv(key_env, "")  # empty counts as unset
    with pytest.raises(TrilogueError) as info:
        client_class(provider)
    assert key_env in str(info.value)
    assert provider in str(info.value)


@pytest.mark.parametrize("client_class", [Trilogue, AsyncTrilogue])
def test_openai_compatible_needs_a_base_url(client_class: type[Any]) -> None:
    with pytest.raises(TrilogueError, match="TRILOGUE_BASE_URL"):
        client_class("openai-compatible", api_key=KEY)


async def test_openai_compatible_key_is_optional(mode: str, server: FaultServer) -> None:
    server.script(OK)
    await create(mode, server.url, "openai-compatible", {"api_key": None})
    assert "authorization" not in server.requests[0].headers


def test_unknown_provider_and_bad_retries() -> None:
    with pytest.raises(ValueError, match="'mistrall'"):
        Trilogue("mistrall", api_key=KEY)
    with pytest.raises(ValueError, match="max_retries"):
        Trilogue("mistral", api_key=KEY, max_retries=-1)
    with (
        Trilogue("mistral", api_key=KEY) as client,
        pytest.raises(ValueError, match="max_retries"),
    ):
        client.with_options(max_retries=-1)


# ------------------------------------------------------------ http clients and lifetimes


def test_injected_client_is_used_as_given(server: FaultServer) -> None:
    server.script(OK, Sleep(3.0), OK)
    http = httpx.Client(timeout=httpx.Timeout(0.3), headers={"X-From-Injected": "yes"})

    with Trilogue("gradient", api_key=KEY, base_url=server.url, http_client=http) as client:
        assert client._http is http
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
        assert server.requests[0].headers["x-from-injected"] == "yes"
        # Its 0.3 s timeout applies (trilogue's own default would wait 10 minutes).
        with pytest.raises(APITimeoutError):
            client.with_options(max_retries=0).chat.completions.create(
                model=MODEL, messages=MESSAGES
            )
        assert http.timeout == httpx.Timeout(0.3)

    assert not http.is_closed  # ours to close, not trilogue's
    assert http.post(server.url + "/direct", json={}).status_code == 200
    http.close()


async def test_injected_async_client_is_used_as_given(server: FaultServer) -> None:
    server.script(Sleep(3.0), OK)
    http = httpx.AsyncClient(timeout=httpx.Timeout(0.3))

    async with AsyncTrilogue(
        "gradient", api_key=KEY, base_url=server.url, http_client=http, max_retries=0
    ) as client:
        assert client._http is http
        with pytest.raises(APITimeoutError):
            await client.chat.completions.create(model=MODEL, messages=MESSAGES)
    await client.close()

    assert not http.is_closed
    assert http.timeout == httpx.Timeout(0.3)
    assert (await http.post(server.url + "/direct", json={})).status_code == 200
    await http.aclose()


def test_own_client_default_timeout() -> None:
    with Trilogue("mistral", api_key=KEY) as client:
        assert client._http.timeout == DEFAULT_TIMEOUT
    with Trilogue("mistral", api_key=KEY, timeout=12.5) as client:
        assert client._http.timeout.read == 12.5


def test_with_options_shares_the_pool(server: FaultServer) -> None:
    server.script(OK, OK)
    client = Trilogue("gradient", api_key=KEY, base_url=server.url, timeout=30.0)
    copy = client.with_options(timeout=1.5, max_retries=0, max_retry_delay=0.5)

    assert copy is not client and type(copy) is Trilogue
    assert copy._http is client._http
    assert (copy.max_retries, client.max_retries) == (0, 2)
    assert copy.timeout is not None and copy.timeout.read == 1.5
    assert client.timeout is not None and client.timeout.read == 30.0
    assert (copy.max_retry_delay, copy.api_key, copy.base_url) == (0.5, KEY, client.base_url)
    assert copy.chat.completions._client is copy

    copy.chat.completions.create(model=MODEL, messages=MESSAGES)
    copy.close()  # the copy does not own the pool
    assert not client._http.is_closed
    client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert len(server.requests) == 2
    client.close()
    assert client._http.is_closed and copy._http.is_closed


async def test_async_with_options_shares_the_pool() -> None:
    async with AsyncTrilogue("mistral", api_key=KEY) as client:
        copy = client.with_options(max_retries=5, timeout=httpx.Timeout(2.0))
        assert copy._http is client._http
        assert copy.max_retries == 5 and client.max_retries == 2
        assert copy.timeout == httpx.Timeout(2.0)
        await copy.close()
        assert not client._http.is_closed
    assert client._http.is_closed


def test_sync_context_manager_and_close() -> None:
    with Trilogue("mistral", api_key=KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed
    other = Trilogue("mistral", api_key=KEY)
    other.close()
    assert other._http.is_closed


async def test_async_context_manager_and_close() -> None:
    async with AsyncTrilogue("gradient", api_key=KEY) as client:
        assert isinstance(client._http, httpx.AsyncClient) and not client._http.is_closed
    assert client._http.is_closed
    other = AsyncTrilogue("gradient", api_key=KEY)
    await other.close()
    assert other._http.is_closed


def test_repr_names_provider_not_key() -> None:
    with Trilogue("mistral", api_key="sk-very-secret", base_url="http://127.0.0.1:9") as client:
        text = repr(client)
    assert "mistral" in text and "127.0.0.1:9" in text
    assert "sk-very-secret" not in text and "sk-very-secret" not in str(client)


def test_request_ids_reach_the_completion(server: FaultServer) -> None:
    server.script(Reply(200, COMPLETION, {"x-request-id": "abc-123", "X-Custom": "1"}))
    with Trilogue("gradient", api_key=KEY, base_url=server.url) as client:
        completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
    assert completion.request_id == "abc-123"
    assert completion.headers is not None and completion.headers["x-custom"] == "1"
    assert json.loads(server.requests[0].body)["model"] == MODEL
