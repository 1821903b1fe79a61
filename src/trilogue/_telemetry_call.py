"""One operation's telemetry: its GenAI span and attributes from the request and the result, a
span per HTTP try (HTTP conventions: a new span per resend, `http.request.resend_count`), and its
metrics. Made by `Telemetry` (`_telemetry_otel.py`) for each call of the core."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from opentelemetry.propagate import inject
from opentelemetry.trace import SpanKind, StatusCode, set_span_in_context

from ._logging import redact_url
from ._telemetry_content import input_messages, output_messages
from ._telemetry_keys import ATTEMPT_KEY

if TYPE_CHECKING:
    import httpx

    from ._request import Call
    from ._telemetry_otel import Telemetry

__all__ = ["PROVIDER_NAMES", "Operation", "error_type", "operation_name"]

PROVIDER_NAMES = {
    "mistral": "mistral_ai",  # registered in the conventions
    "gradient": "digitalocean.gradient",
    "llama": "meta.llama",
    "llama-compat": "meta.llama",
    "openai-compatible": "openai",  # the API flavour; server.address tells which server
}
_OPERATIONS = {"create_chat_completion": "chat"}
_NUMBERS = {
    "max_tokens": "gen_ai.request.max_tokens",
    "max_completion_tokens": "gen_ai.request.max_tokens",
    "temperature": "gen_ai.request.temperature",
    "top_p": "gen_ai.request.top_p",
    "top_k": "gen_ai.request.top_k",
    "seed": "gen_ai.request.seed",
    "random_seed": "gen_ai.request.seed",  # Mistral's name
    "frequency_penalty": "gen_ai.request.frequency_penalty",
    "presence_penalty": "gen_ai.request.presence_penalty",
}


def operation_name(endpoint: Any) -> str:
    """`chat` for chat completions; the endpoint's own name (`list_models`) otherwise."""
    name = getattr(endpoint, "__name__", "request").rsplit(".", 1)[-1]
    return _OPERATIONS.get(name, name)


def error_type(exc: BaseException) -> str:
    """The conventions' `error.type`: the HTTP status of a status error, else the exception's
    qualified class name."""
    status = getattr(exc, "status_code", None)
    if isinstance(status, int) and not isinstance(status, bool):
        return str(status)
    cls = type(exc)
    module = cls.__module__
    if module.startswith("trilogue"):
        return f"trilogue.{cls.__qualname__}"
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def _request_attributes(body: Mapping[str, Any], attributes: dict[str, Any]) -> None:
    for field, key in _NUMBERS.items():
        value = body.get(field)
        if isinstance(value, int | float) and not isinstance(value, bool):
            attributes[key] = value
    stop = body.get("stop")
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = [stop]
    elif isinstance(stop, list | tuple) and all(isinstance(s, str) for s in stop):
        attributes["gen_ai.request.stop_sequences"] = list(stop)
    n = body.get("n")
    if isinstance(n, int) and not isinstance(n, bool) and n != 1:
        attributes["gen_ai.request.choice.count"] = n
    response_format = body.get("response_format")
    if isinstance(response_format, Mapping):
        kind = response_format.get("type")
        if kind in ("json_object", "json_schema"):
            attributes["gen_ai.output.type"] = "json"
        elif kind == "text":
            attributes["gen_ai.output.type"] = "text"


class _Attempt:
    """One HTTP try's span; a try that is retried ends it at once."""

    __slots__ = ("ended", "span", "status")

    def __init__(self, span: Any) -> None:
        self.span = span
        self.status: int | None = None
        self.ended = False

    def failed(self, outcome: int | BaseException | None) -> None:
        if self.ended:  # a retried try, ended when the retry was decided
            return
        self.ended = True
        span = self.span
        if isinstance(outcome, BaseException):
            outcome = getattr(outcome, "status_code", None) or outcome
        if isinstance(outcome, int):
            span.set_attribute("http.response.status_code", outcome)
            if outcome >= 400:
                span.set_attribute("error.type", str(outcome))
                span.set_status(StatusCode.ERROR)
        elif isinstance(outcome, BaseException):
            span.set_attribute("error.type", error_type(outcome))
            span.set_status(StatusCode.ERROR)
        else:  # superseded without a known outcome (a stream's error event before content)
            span.set_attribute("error.type", "_OTHER")
            span.set_status(StatusCode.ERROR)
        span.end()

    def done(self) -> None:
        if self.ended:
            return
        self.ended = True
        if self.status is not None:
            self.span.set_attribute("http.response.status_code", self.status)
        self.span.end()


class Operation:
    """The telemetry of one call, from the moment it is made to its result (a stream's end)."""

    __slots__ = (
        "_attempt",
        "_client",
        "_metric_attributes",
        "_started",
        "_telemetry",
        "_tries",
        "capture",
        "completion",
        "ended",
        "span",
        "stream",
        "streaming",
    )

    def __init__(
        self, telemetry: Telemetry, client: Any, call: Call, capture: bool, latest: bool
    ) -> None:
        self._started = time.perf_counter()
        self._telemetry = telemetry
        self._client = client
        self.capture = capture
        self._attempt: _Attempt | None = None
        self._tries = 0
        self.completion: Any = None
        self.stream: Any = None
        self.streaming = self.ended = False
        operation = operation_name(call.endpoint)
        body = call.body or {}
        model = body.get("model")
        if model is None and operation == "retrieve_model":
            model = unquote(call.prepared.url.rstrip("/").rsplit("/", 1)[-1])
        provider = PROVIDER_NAMES.get(client.provider.name, client.provider.name)
        url = client.base_url
        common: dict[str, Any] = {
            "gen_ai.operation.name": operation,
            "gen_ai.provider.name": provider,
            "server.address": url.host,
            "server.port": url.port or (443 if url.scheme == "https" else 80),
        }
        if isinstance(model, str):
            common["gen_ai.request.model"] = model
        self._metric_attributes = common
        tracer = telemetry.tracer
        if tracer is None:
            self.span = None
            return
        attributes = dict(common)
        if not latest:
            attributes["gen_ai.system"] = provider  # v1.36.0's name, for older backends
        if body:
            _request_attributes(body, attributes)
        if call.prepared.stream:
            attributes["gen_ai.request.stream"] = True
        if capture and "messages" in body:
            attributes["gen_ai.input.messages"] = input_messages(body["messages"])
        name = f"{operation} {model}" if isinstance(model, str) else operation
        self.span = tracer.start_span(name, kind=SpanKind.CLIENT, attributes=attributes)

    # ------------------------------------------------------------------ hooks of the core
    def sent(self, request: httpx.Request, retries: int) -> None:
        """A try is about to be sent: its span, and its context as the request's traceparent."""
        tracer = self._telemetry.tracer
        if tracer is None or self.span is None:
            return
        if self._attempt is not None:
            self._attempt.failed(None)
        url = request.url
        attributes: dict[str, Any] = {
            "http.request.method": request.method,
            "server.address": url.host,
            "server.port": url.port or (443 if url.scheme == "https" else 80),
            "url.full": self._client._redact(str(redact_url(url))),
        }
        # Counted here, not from `retries`: a stream sent again after an error event is a resend
        # too, though the core counts its tries afresh.
        if self._tries:
            attributes["http.request.resend_count"] = self._tries
        self._tries += 1
        span = tracer.start_span(
            request.method,
            context=set_span_in_context(self.span),
            kind=SpanKind.CLIENT,
            attributes=attributes,
        )
        inject(request.headers, context=set_span_in_context(span))
        self._attempt = attempt = _Attempt(span)
        request.extensions[ATTEMPT_KEY] = attempt

    def answered(self, response: httpx.Response) -> None:
        """The try's response was a success (its status is recorded when the try ends)."""
        if self._attempt is not None:
            self._attempt.status = response.status_code

    def observe(self, result: Any) -> Any:
        """The core's result (before `then`): a completion is kept; a stream is watched."""
        from ._streaming import AsyncStream, Stream
        from ._telemetry_stream import awatch, watch

        if isinstance(result, Stream | AsyncStream):
            self.streaming = True
            self.stream = result
            self.answered(result.response)
            if isinstance(result, Stream):
                result._iterator = watch(self, result._iterator)  # type: ignore[assignment]
            else:
                result._iterator = awatch(self, result._iterator)  # type: ignore[assignment]
        else:
            self.completion = result
        return result

    def first_chunk(self) -> None:
        elapsed = time.perf_counter() - self._started
        if self.span is not None:
            self.span.set_attribute("gen_ai.response.time_to_first_chunk", elapsed)
        histogram = self._telemetry.first_chunk
        if histogram is not None:
            histogram.record(elapsed, self._metric_attributes)

    # ------------------------------------------------------------------ the end
    def end(self, error: BaseException | None) -> None:
        if self.ended:
            return
        self.ended = True
        duration = time.perf_counter() - self._started
        completion = self.completion
        if self.stream is not None:
            try:  # what the chunks add up to, however far the stream went
                completion = self.stream._parser.accumulator.completion
            except Exception:
                completion = None
        metric_attributes = dict(self._metric_attributes)
        usage = _usage_of(completion)
        response_model = getattr(completion, "model", None) if usage is not _NO_USAGE else None
        if isinstance(response_model, str):
            metric_attributes["gen_ai.response.model"] = response_model
        if error is not None:
            metric_attributes["error.type"] = error_type(error)
        span = self.span
        if span is not None:
            self._end_span(span, completion, usage, error)
        telemetry = self._telemetry
        if telemetry.duration is not None:
            telemetry.duration.record(duration, metric_attributes)
        if telemetry.tokens is not None and usage:
            for kind, count in (("input", usage[0]), ("output", usage[1])):
                if count is not None:
                    telemetry.tokens.record(count, {**metric_attributes, "gen_ai.token.type": kind})

    def _end_span(
        self, span: Any, completion: Any, usage: Any, error: BaseException | None
    ) -> None:
        attempt = self._attempt
        if attempt is not None:
            if error is not None and attempt.status is None:
                attempt.failed(error)
            else:
                attempt.done()
            self._attempt = None
        if usage is not _NO_USAGE:
            _response_attributes(span, completion, usage, self.capture)
        if error is not None:
            span.set_attribute("error.type", error_type(error))
            span.set_status(StatusCode.ERROR, self._client._redact(str(error))[:500])
        span.end()


_NO_USAGE: tuple[int | None, ...] = ()


def _usage_of(completion: Any) -> tuple[int | None, ...]:
    """(input, output, cache read, cache write, reasoning) of a chat completion; () for any
    other result; all None for a completion without usage."""
    if completion is None or not hasattr(completion, "choices"):
        return _NO_USAGE
    usage = completion.usage
    if usage is None:
        return (None, None, None, None, None)
    prompt = usage.prompt_tokens_details
    output = usage.completion_tokens_details
    return (
        usage.prompt_tokens,
        usage.completion_tokens,
        prompt.cached_tokens if prompt is not None else None,
        prompt.cache_write_tokens if prompt is not None else None,
        output.reasoning_tokens if output is not None else None,
    )


_USAGE_KEYS = (
    "gen_ai.usage.input_tokens",
    "gen_ai.usage.output_tokens",
    "gen_ai.usage.cache_read.input_tokens",
    "gen_ai.usage.cache_creation.input_tokens",
    "gen_ai.usage.reasoning.output_tokens",
)


def _response_attributes(span: Any, completion: Any, usage: Any, capture: bool) -> None:
    if completion.id:
        span.set_attribute("gen_ai.response.id", completion.id)
    if completion.model:
        span.set_attribute("gen_ai.response.model", completion.model)
    reasons = [str(c.finish_reason) for c in completion.choices if c.finish_reason is not None]
    if reasons:
        span.set_attribute("gen_ai.response.finish_reasons", reasons)
    for key, count in zip(_USAGE_KEYS, usage, strict=True):
        if count is not None:
            span.set_attribute(key, count)
    if capture:
        span.set_attribute("gen_ai.output.messages", output_messages(completion.choices))
