"""OpenTelemetry GenAI telemetry (issue 21), read back from the SDK's in-memory exporters: the
attributes of each call kind per provider, retries, streams cut short, content capture, the key
never recorded, traceparent sent, and nothing done or imported when telemetry is not configured."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from opentelemetry import metrics, trace
from opentelemetry.metrics import _internal as metrics_internal
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import NoOpTracerProvider, SpanKind, StatusCode
from pydantic import BaseModel

import trilogue
from trilogue import _telemetry, function_tool
from trilogue.testing import (
    FAKE_API_KEY,
    FAKE_BASE_URL,
    Cut,
    FakeBatchProvider,
    FakeProvider,
    ToolCall,
)

PROVIDERS = ["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]
PROVIDER_NAME = {
    "mistral": "mistral_ai",
    "gradient": "digitalocean.gradient",
    "llama": "meta.llama",
    "llama-compat": "meta.llama",
    "openai-compatible": "openai",
}
ASK = [{"role": "user", "content": "Say hello in French."}]
SECRET_WORD = "Bonjour-secret-content"


class Recorded:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.reader = InMemoryMetricReader()

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def genai(self) -> list[ReadableSpan]:
        return [s for s in self.finished() if "gen_ai.operation.name" in (s.attributes or {})]

    def tries(self) -> list[ReadableSpan]:
        return [s for s in self.finished() if "http.request.method" in (s.attributes or {})]

    def one(self) -> ReadableSpan:
        (span,) = [s for s in self.genai() if s.kind is SpanKind.CLIENT]
        return span

    def metric_points(self, name: str) -> list[Any]:
        data = self.reader.get_metrics_data()
        points: list[Any] = []
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == name:
                        points.extend(metric.data.data_points)
        return points


@pytest.fixture
def otel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorded]:
    """A real SDK tracer and meter provider as the globals, for this test only."""
    recorded = Recorded()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(recorded.spans))
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
    monkeypatch.setattr(
        metrics_internal, "_METER_PROVIDER", MeterProvider(metric_readers=[recorded.reader])
    )
    for name in (
        "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT",
        "OTEL_SEMCONV_STABILITY_OPT_IN",
    ):
        monkeypatch.delenv(name, raising=False)
    yield recorded
    provider.shutdown()


def _all_recorded_text(recorded: Recorded) -> str:
    parts = []
    for span in recorded.finished():
        parts.append(json.dumps(dict(span.attributes or {}), default=str))
        parts.append(str(span.status.description))
        parts.extend(json.dumps(dict(e.attributes or {}), default=str) for e in span.events)
    data = recorded.reader.get_metrics_data()
    parts.append(data.to_json() if data else "")
    return "\n".join(parts)


def _stream_kwargs(provider: str) -> dict[str, Any]:
    if provider in ("gradient", "openai-compatible"):
        return {"stream_options": {"include_usage": True}}
    return {}


# --------------------------------------------------------------------------- create


@pytest.mark.parametrize("provider", PROVIDERS)
def test_create_span_per_provider(otel: Recorded, provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response("Bonjour !", usage=(7, 3))
    fake.client().chat.completions.create(
        model="asked-model",
        messages=ASK,
        temperature=0.2,
        top_p=0.9,
        max_tokens=50,
        **({} if provider.startswith("llama") else {"stop": ["\n\n"], "seed": 7}),
    )
    span = otel.one()
    attributes = dict(span.attributes or {})
    assert span.name == "chat asked-model"
    assert span.kind is SpanKind.CLIENT
    assert attributes["gen_ai.operation.name"] == "chat"
    assert attributes["gen_ai.provider.name"] == PROVIDER_NAME[provider]
    assert attributes["gen_ai.request.model"] == "asked-model"
    assert attributes["gen_ai.request.temperature"] == 0.2
    assert attributes["gen_ai.request.top_p"] == 0.9
    assert attributes["gen_ai.request.max_tokens"] == 50
    if not provider.startswith("llama"):  # Llama takes neither
        assert attributes["gen_ai.request.stop_sequences"] == ("\n\n",)
        assert attributes["gen_ai.request.seed"] == 7
    assert "gen_ai.request.stream" not in attributes
    assert attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert attributes["gen_ai.usage.input_tokens"] == 7
    assert attributes["gen_ai.usage.output_tokens"] == 3
    assert attributes["server.address"] == httpx.URL(FAKE_BASE_URL).host
    assert isinstance(attributes["server.port"], int)
    assert attributes["gen_ai.response.model"] == "asked-model"  # the fake echoes it
    assert "gen_ai.input.messages" not in attributes  # content is off by default
    assert "gen_ai.output.messages" not in attributes
    assert span.status.status_code is not StatusCode.ERROR
    (attempt,) = otel.tries()
    assert attempt.parent is not None and attempt.parent.span_id == span.context.span_id
    assert attempt.attributes is not None
    assert attempt.attributes["http.response.status_code"] == 200
    # traceparent: this try's span, sent with the request
    sent = fake.requests[0].headers["traceparent"]
    assert sent.split("-")[1] == format(span.context.trace_id, "032x")
    assert sent.split("-")[2] == format(attempt.context.span_id, "016x")
    assert FAKE_API_KEY not in _all_recorded_text(otel)
    duration = otel.metric_points("gen_ai.client.operation.duration")
    assert len(duration) == 1 and duration[0].attributes["gen_ai.operation.name"] == "chat"
    tokens = {
        p.attributes["gen_ai.token.type"]: p.sum
        for p in otel.metric_points("gen_ai.client.token.usage")
    }
    assert tokens == {"input": 7, "output": 3}


def test_legacy_system_attribute_and_the_opt_in(
    otel: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeProvider("mistral")
    fake.add_response("a").add_response("b")
    client = fake.client()
    client.chat.completions.create(model="m", messages=ASK)
    monkeypatch.setenv("OTEL_SEMCONV_STABILITY_OPT_IN", "http,gen_ai_latest_experimental")
    client.chat.completions.create(model="m", messages=ASK)
    first, second = otel.genai()
    assert first.attributes is not None and first.attributes["gen_ai.system"] == "mistral_ai"
    assert second.attributes is not None and "gen_ai.system" not in second.attributes
    assert second.attributes["gen_ai.provider.name"] == "mistral_ai"


def test_content_only_when_opted_in(otel: Recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProvider("gradient")
    fake.add_response(f"{SECRET_WORD} back").add_response(f"{SECRET_WORD} back")
    client = fake.client()
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": SECRET_WORD},
    ]
    client.chat.completions.create(model="m", messages=messages)
    assert SECRET_WORD not in _all_recorded_text(otel)
    monkeypatch.setenv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
    client.chat.completions.create(model="m", messages=messages)
    span = otel.genai()[-1]
    assert span.attributes is not None
    sent = json.loads(str(span.attributes["gen_ai.input.messages"]))
    assert sent == [
        {"role": "system", "parts": [{"type": "text", "content": "Be brief."}]},
        {"role": "user", "parts": [{"type": "text", "content": SECRET_WORD}]},
    ]
    answered = json.loads(str(span.attributes["gen_ai.output.messages"]))
    assert answered == [
        {
            "role": "assistant",
            "parts": [{"type": "text", "content": f"{SECRET_WORD} back"}],
            "finish_reason": "stop",
        }
    ]
    assert FAKE_API_KEY not in _all_recorded_text(otel)


# --------------------------------------------------------------------------- retries, errors


def test_a_retried_call_has_a_span_per_try(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_error(503, retry_after=0).add_error(429, retry_after=0).add_response("ok")
    fake.client().chat.completions.create(model="m", messages=ASK)
    span = otel.one()
    assert span.status.status_code is not StatusCode.ERROR
    tries = sorted(otel.tries(), key=lambda s: s.start_time or 0)
    assert [t.attributes.get("http.response.status_code") for t in tries if t.attributes] == [
        503,
        429,
        200,
    ]
    assert [t.attributes.get("http.request.resend_count") for t in tries if t.attributes] == [
        None,
        1,
        2,
    ]
    assert [t.attributes.get("error.type") for t in tries if t.attributes] == ["503", "429", None]
    assert all(t.parent is not None and t.parent.span_id == span.context.span_id for t in tries)
    # each try sent its own span as the parent
    parents = [r.headers["traceparent"].split("-")[2] for r in fake.requests]
    assert parents == [format(t.context.span_id, "016x") for t in tries]


def test_a_failed_call_has_error_type(otel: Recorded) -> None:
    fake = FakeProvider("gradient")
    fake.add_error(429, retry_after=0).add_error(429, retry_after=0)
    client = fake.client(max_retries=1)
    with pytest.raises(trilogue.RateLimitError):
        client.chat.completions.create(model="m", messages=ASK)
    span = otel.one()
    assert span.attributes is not None and span.attributes["error.type"] == "429"
    assert span.status.status_code is StatusCode.ERROR
    (point,) = otel.metric_points("gen_ai.client.operation.duration")
    assert point.attributes["error.type"] == "429"
    assert FAKE_API_KEY not in _all_recorded_text(otel)


# --------------------------------------------------------------------------- streams


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stream_span_per_provider(otel: Recorded, provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response(chunks=["Bon", "jour", " !"], usage=(5, 4))
    with fake.client().chat.completions.stream(
        model="m", messages=ASK, **_stream_kwargs(provider)
    ) as stream:
        for _ in stream:
            pass
    span = otel.one()
    attributes = dict(span.attributes or {})
    assert span.name == "chat m"
    assert attributes["gen_ai.request.stream"] is True
    assert attributes["gen_ai.response.time_to_first_chunk"] > 0
    assert attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert attributes["gen_ai.usage.input_tokens"] == 5
    assert attributes["gen_ai.usage.output_tokens"] == 4
    assert "error.type" not in attributes
    assert len(otel.metric_points("gen_ai.client.operation.time_to_first_chunk")) == 1
    assert "traceparent" in fake.requests[0].headers


def test_a_stream_cut_midway(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_response(chunks=["one ", "two ", "three"], fault=Cut(), fault_after=2)
    got = []
    with pytest.raises(trilogue.APIStreamError):
        for chunk in fake.client().chat.completions.stream(model="m", messages=ASK):
            got.append(chunk.delta_message.content or "")
    span = otel.one()
    attributes = dict(span.attributes or {})
    assert "".join(got).startswith("one two")
    assert attributes["error.type"] == "trilogue.APIStreamError"
    assert span.status.status_code is StatusCode.ERROR
    assert "gen_ai.response.time_to_first_chunk" in attributes
    assert "gen_ai.response.finish_reasons" not in attributes  # it never finished


def test_a_stream_closed_early_ends_its_span(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_response(chunks=["one ", "two ", "three"])
    with fake.client().chat.completions.stream(model="m", messages=ASK) as stream:
        next(iter(stream))
    span = otel.one()
    assert span.end_time is not None and span.status.status_code is not StatusCode.ERROR


# --------------------------------------------------------------------------- helpers


class City(BaseModel):
    name: str


def test_parse_span(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_response('{"name": "Paris"}', usage=(3, 2))
    parsed = fake.client().chat.completions.parse(model="m", messages=ASK, response_format=City)
    assert parsed.choices[0].message.parsed == City(name="Paris")
    attributes = dict(otel.one().attributes or {})
    assert attributes["gen_ai.output.type"] == "json"
    assert attributes["gen_ai.usage.output_tokens"] == 2


@function_tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"18c in {city}"


@function_tool
def broken(city: str) -> str:
    """Always fails."""
    raise RuntimeError("no weather today")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_run_tools_spans(otel: Recorded, provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response(tool_calls=[ToolCall("get_weather", {"city": "Oslo"}, id="call_1")])
    fake.add_response("18 degrees.")
    fake.client().chat.completions.run_tools(model="m", messages=ASK, tools=[get_weather])
    spans = otel.genai()
    kinds = [s.attributes.get("gen_ai.operation.name") for s in spans if s.attributes]
    assert kinds == ["chat", "execute_tool", "chat"]
    tool = spans[1]
    assert tool.name == "execute_tool get_weather" and tool.kind is SpanKind.INTERNAL
    assert dict(tool.attributes or {}) == {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "get_weather",
        "gen_ai.tool.type": "function",
        "gen_ai.tool.call.id": "call_1",
        "gen_ai.tool.description": "The weather in a city.",
    }


def test_run_tools_failed_tool_and_content(otel: Recorded, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
    fake = FakeProvider("openai-compatible")
    fake.add_response(
        tool_calls=[
            ToolCall("get_weather", {"city": "Oslo"}, id="c1"),
            ToolCall("broken", {"city": "Rome"}, id="c2"),
        ]
    )
    fake.add_response("Done.")
    fake.client().chat.completions.run_tools(model="m", messages=ASK, tools=[get_weather, broken])
    tools = [s for s in otel.genai() if s.kind is SpanKind.INTERNAL]
    good, bad = tools
    assert (
        good.attributes is not None and good.attributes["gen_ai.tool.call.result"] == "18c in Oslo"
    )
    assert json.loads(str(good.attributes["gen_ai.tool.call.arguments"])) == {"city": "Oslo"}
    assert bad.attributes is not None and bad.attributes["error.type"] == "RuntimeError"
    assert bad.status.status_code is StatusCode.ERROR


async def test_async_run_tools_spans(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_response(tool_calls=[ToolCall("broken", {"city": "Rome"}, id="c9")])
    fake.add_response("Sorry.")
    await fake.async_client().chat.completions.run_tools(model="m", messages=ASK, tools=[broken])
    tool = next(s for s in otel.genai() if s.kind is SpanKind.INTERNAL)
    assert tool.attributes is not None and tool.attributes["error.type"] == "RuntimeError"
    assert tool.attributes["gen_ai.tool.call.id"] == "c9"


# --------------------------------------------------------------------------- async, models


async def test_async_create_and_stream(otel: Recorded) -> None:
    fake = FakeProvider("llama")
    fake.add_response("Hola", usage=(2, 1)).add_response(chunks=["Ho", "la"], usage=(2, 2))
    client = fake.async_client()
    await client.chat.completions.create(model="m", messages=ASK)
    stream = await client.chat.completions.stream(model="m", messages=ASK)
    async with stream:
        async for _ in stream:
            pass
    first, second = otel.genai()
    assert first.attributes is not None and first.attributes["gen_ai.usage.output_tokens"] == 1
    assert second.attributes is not None and second.attributes["gen_ai.request.stream"] is True
    assert second.attributes["gen_ai.usage.output_tokens"] == 2
    assert "gen_ai.response.time_to_first_chunk" in second.attributes


def test_models_spans(otel: Recorded) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"object": "list", "data": []})
        return httpx.Response(
            200, json={"id": "mistral-small-latest", "object": "model", "owned_by": "mistralai"}
        )

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = trilogue.Trilogue("mistral", api_key=FAKE_API_KEY, http_client=http)
    client.models.list()
    client.models.retrieve("mistral-small-latest")
    listed, retrieved = otel.genai()
    assert listed.name == "list_models"
    assert retrieved.name == "retrieve_model mistral-small-latest"
    assert retrieved.attributes is not None
    assert retrieved.attributes["gen_ai.request.model"] == "mistral-small-latest"
    assert FAKE_API_KEY not in _all_recorded_text(otel)


def test_batch_api_spans(otel: Recorded) -> None:
    fake = FakeBatchProvider("gradient")
    fake.chat.add_response("ok")
    client = fake.client()
    line = {"custom_id": "a", "body": {"messages": [{"role": "user", "content": "x"}]}}
    job = client.batches.create(requests=[line], model="m")
    fake.complete(job.id)
    (result,) = client.batches.stream_results(job)
    assert result.completion is not None
    names = [span.name for span in otel.genai()]
    assert names[:3] == ["create_gradient_batch_file", "upload_batch_file", "create_gradient_batch"]
    assert names[-2:] == ["retrieve_gradient_batch_results", "download_batch_file"]
    presigned = [t for t in otel.tries() if "fake-storage" in str((t.attributes or {})["url.full"])]
    assert len(presigned) == 2  # the upload and the download, their signatures redacted
    assert all(
        "X-Amz-Signature=REDACTED" in str((t.attributes or {})["url.full"]) for t in presigned
    )
    assert "X-Amz-Signature=fake" not in _all_recorded_text(otel)
    assert FAKE_API_KEY not in _all_recorded_text(otel)


# --------------------------------------------------------------------------- off


def test_no_telemetry_with_a_no_op_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", NoOpTracerProvider())
    monkeypatch.setattr(metrics_internal, "_METER_PROVIDER", metrics.NoOpMeterProvider())
    assert _telemetry.tracing() is None
    fake = FakeProvider("mistral")
    fake.add_response("ok")
    fake.client().chat.completions.create(model="m", messages=ASK)
    assert "traceparent" not in fake.requests[0].headers


def test_nothing_is_imported_without_a_provider() -> None:
    code = (
        "import sys, trilogue\n"
        "from trilogue.testing import FakeProvider\n"
        "fake = FakeProvider('mistral'); fake.add_response('ok')\n"
        "ask = [{'role': 'user', 'content': 'x'}]\n"
        "fake.client().chat.completions.create(model='m', messages=ask)\n"
        "assert 'traceparent' not in fake.requests[0].headers\n"
        "loaded = [m for m in sys.modules if 'opentelemetry' in m or 'telemetry_otel' in m]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- usage on the span


def test_usage_details_on_the_span(otel: Recorded) -> None:
    from test_usage_shape import DEEPSEEK, GRADIENT_READ

    for provider, body in (("openai-compatible", DEEPSEEK), ("gradient", GRADIENT_READ)):
        http = httpx.Client(
            transport=httpx.MockTransport(lambda _, b=body: httpx.Response(200, json=b))
        )
        client = trilogue.Trilogue(
            provider, api_key=FAKE_API_KEY, base_url=FAKE_BASE_URL, http_client=http
        )  # type: ignore[arg-type]
        client.chat.completions.create(model="m", messages=ASK)
    deepseek, gradient = (dict(s.attributes or {}) for s in otel.genai())
    assert deepseek["gen_ai.usage.cache_read.input_tokens"] == 64
    assert deepseek["gen_ai.usage.reasoning.output_tokens"] == 9
    assert "gen_ai.usage.cache_creation.input_tokens" not in deepseek
    assert gradient["gen_ai.usage.cache_read.input_tokens"] == 1700
    assert gradient["gen_ai.usage.cache_creation.input_tokens"] == 1810
    assert gradient["gen_ai.usage.input_tokens"] == 1843


def test_a_stream_sent_again_after_an_error_event(otel: Recorded) -> None:
    from trilogue.testing import StreamError

    fake = FakeProvider("mistral")
    fake.add_response(chunks=["lost"], fault=StreamError(), fault_after=0)
    fake.add_response(chunks=["Hello", " again"], usage=(4, 2))
    with fake.client().chat.completions.stream(model="m", messages=ASK) as stream:
        text = "".join(c.delta_message.content or "" for c in stream)
    assert text == "Hello again"
    span = otel.one()
    assert span.status.status_code is not StatusCode.ERROR
    assert span.attributes is not None and span.attributes["gen_ai.usage.output_tokens"] == 2
    first, second = sorted(otel.tries(), key=lambda s: s.start_time or 0)
    assert first.attributes is not None and first.attributes["error.type"] == "_OTHER"
    assert second.attributes is not None and second.attributes["http.request.resend_count"] == 1
    assert [len(r.headers["traceparent"]) for r in fake.requests] == [55, 55]


def test_a_parsed_stream(otel: Recorded) -> None:
    fake = FakeProvider("mistral")
    fake.add_response(chunks=['{"name": ', '"Oslo"}'], usage=(3, 5))
    with fake.client().chat.completions.stream(
        model="m", messages=ASK, response_format=City
    ) as stream:
        for _ in stream:
            pass
        assert stream.get_final_completion().choices[0].message.parsed == City(name="Oslo")
    attributes = dict(otel.one().attributes or {})
    assert attributes["gen_ai.output.type"] == "json"
    assert attributes["gen_ai.request.stream"] is True
    assert attributes["gen_ai.usage.output_tokens"] == 5


def test_no_span_is_ended_twice(otel: Recorded, caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeProvider("llama")
    fake.add_error(503, retry_after=0).add_response("Hola")
    with caplog.at_level("WARNING"):
        fake.client().chat.completions.create(model="m", messages=ASK)
    assert "ended span" not in caplog.text
    assert len(otel.tries()) == 2
