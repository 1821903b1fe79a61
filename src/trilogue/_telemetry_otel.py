"""The OpenTelemetry GenAI telemetry of a call (loaded only once the application has set a real
tracer or meter provider; see `_telemetry.py`): one CLIENT span per operation, one span per HTTP
try under it (whose context is the `traceparent` sent), the conventions' duration, token and
time-to-first-chunk histograms, and `execute_tool` spans for `run_tools`."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import trace
from opentelemetry.metrics import MeterProvider, NoOpMeterProvider
from opentelemetry.trace import NoOpTracerProvider, ProxyTracerProvider, SpanKind, StatusCode

from ._telemetry_call import Operation, error_type
from ._telemetry_content import capture_enabled
from ._telemetry_keys import TOOL_FAILURES
from ._version import __version__

if TYPE_CHECKING:
    from ._request import Call

__all__ = ["Telemetry", "telemetry_for"]

SCOPE = "trilogue"
SCHEMA_URL = "https://opentelemetry.io/schemas/1.41.0"
"""The GenAI conventions followed: semantic-conventions v1.41.0, the last release that holds them
before they moved to their own repository (open-telemetry/semantic-conventions-genai)."""

_DURATION_BUCKETS = (
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
)  # fmt: skip
_TOKEN_BUCKETS = (
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
)  # fmt: skip


def _is_real_meter_provider(provider: object) -> bool:
    if provider is None or isinstance(provider, NoOpMeterProvider):
        return False
    return type(provider).__name__ != "_ProxyMeterProvider"


def telemetry_for(tracer_provider: object, meter_provider: object) -> Telemetry | None:
    """Telemetry for these providers, or None when neither is one the application set."""
    real_tracer = tracer_provider is not None and not isinstance(
        tracer_provider, ProxyTracerProvider | NoOpTracerProvider
    )
    real_meter = _is_real_meter_provider(meter_provider)
    if not (real_tracer or real_meter):
        return None
    tracer = (
        trace.get_tracer(SCOPE, __version__, tracer_provider, schema_url=SCHEMA_URL)  # type: ignore[arg-type]
        if real_tracer
        else None
    )
    meter = (
        meter_provider.get_meter(SCOPE, __version__, schema_url=SCHEMA_URL)
        if real_meter and isinstance(meter_provider, MeterProvider)
        else None
    )
    return Telemetry(tracer, meter)


def latest_only() -> bool:
    """`OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental`: the latest names only, not
    also the v1.36.0 `gen_ai.system` that older backends read."""
    values = os.environ.get("OTEL_SEMCONV_STABILITY_OPT_IN", "")
    return "gen_ai_latest_experimental" in (v.strip() for v in values.split(","))


class Telemetry:
    """The tracer and instruments of one tracer/meter provider pair."""

    def __init__(self, tracer: trace.Tracer | None, meter: Any) -> None:
        self.tracer = tracer
        self.duration = self.tokens = self.first_chunk = None
        if meter is not None:
            self.duration = meter.create_histogram(
                "gen_ai.client.operation.duration",
                unit="s",
                description="GenAI operation duration.",
                explicit_bucket_boundaries_advisory=_DURATION_BUCKETS,
            )
            self.tokens = meter.create_histogram(
                "gen_ai.client.token.usage",
                unit="{token}",
                description="Number of input and output tokens used.",
                explicit_bucket_boundaries_advisory=_TOKEN_BUCKETS,
            )
            self.first_chunk = meter.create_histogram(
                "gen_ai.client.operation.time_to_first_chunk",
                unit="s",
                description="Time to receive the first chunk of a streamed answer.",
                explicit_bucket_boundaries_advisory=_DURATION_BUCKETS,
            )

    # ------------------------------------------------------------------ a call of the core
    def _start(self, client: Any, call: Call) -> Operation:
        op = Operation(self, client, call, capture_enabled(), latest_only())
        call.prepared.trace = op
        then = call.then
        call.then = op.observe if then is None else (lambda result: then(op.observe(result)))
        return op

    def run(self, client: Any, call: Call, perform: Callable[[Call], Any]) -> Any:
        """`perform(call)` (the core's request) recorded as one operation."""
        with self._operation(client, call):
            return perform(call)

    async def arun(self, client: Any, call: Call, perform: Callable[[Call], Any]) -> Any:
        """`run`, awaited."""
        with self._operation(client, call):
            return await perform(call)

    @contextmanager
    def _operation(self, client: Any, call: Call) -> Iterator[Any]:
        """One operation, ended by an error or when the call returns (a stream's, when the
        stream ends)."""
        op = self._start(client, call)
        try:
            yield op
        except BaseException as exc:
            op.end(exc)
            raise
        if not op.streaming:
            op.end(None)

    # ------------------------------------------------------------------ run_tools
    def _tool_span(self, call: Any, tool: Any) -> Any:
        name = getattr(call.function, "name", None) or "unknown"
        attributes: dict[str, Any] = {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": name,
            "gen_ai.tool.type": "function",
        }
        if getattr(call, "id", None):
            attributes["gen_ai.tool.call.id"] = call.id
        description = getattr(tool, "description", None)
        if description:
            attributes["gen_ai.tool.description"] = description
        if capture_enabled():
            attributes["gen_ai.tool.call.arguments"] = str(call.function.arguments)
        assert self.tracer is not None
        return self.tracer.start_span(
            f"execute_tool {name}", kind=SpanKind.INTERNAL, attributes=attributes
        )

    def execute_tool(self, loop: Any, call: Any, answer: Callable[[Any], str]) -> str:
        """`answer(call)` (a run_tools tool call) inside an `execute_tool` span."""
        if self.tracer is None:
            return answer(call)
        with self._tool_scope(loop, call) as result:
            result.append(answer(call))
        return result[0]

    async def aexecute_tool(
        self, loop: Any, call: Any, answer: Callable[[Any], Awaitable[str]]
    ) -> str:
        """`execute_tool`, awaited (each call runs in a task of its own)."""
        if self.tracer is None:
            return await answer(call)
        with self._tool_scope(loop, call) as result:
            result.append(await answer(call))
        return result[0]

    @contextmanager
    def _tool_scope(self, loop: Any, call: Any) -> Iterator[list[str]]:
        """The span of one tool call, current while it runs; the caller puts the tool's text
        in the list it gets."""
        span = self._tool_span(call, loop.toolset.get(call.function.name))
        failures: list[BaseException] = []
        token = TOOL_FAILURES.set(failures)
        result: list[str] = []
        try:
            with trace.use_span(span, record_exception=False, set_status_on_exception=False):
                yield result
        except BaseException as exc:
            _tool_failed(span, exc)
            raise
        finally:
            TOOL_FAILURES.reset(token)
        _tool_done(span, failures, result[0])


def _tool_failed(span: Any, exc: BaseException) -> None:
    span.set_attribute("error.type", error_type(exc))
    span.set_status(StatusCode.ERROR, type(exc).__name__)
    span.end()


def _tool_done(span: Any, failures: list[BaseException], text: str) -> None:
    if failures:  # answered with the error's text (on_tool_error="return")
        span.set_attribute("error.type", error_type(failures[-1]))
        span.set_status(StatusCode.ERROR, type(failures[-1]).__name__)
    elif capture_enabled():
        span.set_attribute("gen_ai.tool.call.result", text)
    span.end()
