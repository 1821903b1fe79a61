"""`make bench`: what OpenTelemetry costs per call (issue 21).

Three modes, each in a fresh interpreter so that "off" really has no opentelemetry loaded:

- off:  no provider configured (opentelemetry not even imported);
- noop: the application set the API's NoOpTracerProvider and NoOpMeterProvider;
- sdk:  the SDK's TracerProvider (SimpleSpanProcessor into an InMemorySpanExporter, cleared as
        it goes) and MeterProvider (InMemoryMetricReader): every span, try span and histogram.

Each mode times create() (a small JSON answer) and a 20-chunk stream read to the end, against
httpx.MockTransport in-process: the figure is the client's own per-call work, with no network,
in CPU time (`time.process_time()`), so other load on the machine skews it less. Best of
`--rounds` rounds of `--calls` calls, over `--repeats` fresh processes per mode run in turn;
µs per call, the difference from "off", and the cost of the per-call check alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from typing import Any

MODES = ("off", "noop", "sdk")
ASK = [{"role": "user", "content": "Say hello in French."}]
COMPLETION = json.dumps(
    {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "mistral-small-2506",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Bonjour !"},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12},
    }
).encode()


def _stream_body(chunks: int = 20) -> bytes:
    def event(delta: dict[str, Any], finish: str | None = None, usage: Any = None) -> bytes:
        body: dict[str, Any] = {
            "id": "cmpl-1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "mistral-small-2506",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        if usage is not None:
            body["usage"] = usage
        return b"data: " + json.dumps(body).encode() + b"\n\n"

    events = [event({"role": "assistant", "content": ""})]
    events += [event({"content": f"word{i} "}) for i in range(chunks)]
    usage = {"prompt_tokens": 9, "completion_tokens": chunks, "total_tokens": 9 + chunks}
    events.append(event({"content": ""}, "stop", usage))
    return b"".join(events) + b"data: [DONE]\n\n"


def _configure(mode: str) -> Any:
    if mode == "off":
        return None
    from opentelemetry import metrics, trace

    if mode == "noop":
        trace.set_tracer_provider(trace.NoOpTracerProvider())
        metrics.set_meter_provider(metrics.NoOpMeterProvider())
        return None
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))
    return exporter


def _measure(mode: str, calls: int, rounds: int) -> dict[str, float]:
    exporter = _configure(mode)
    import httpx

    import trilogue

    stream_body = _stream_body()

    def answer(request: httpx.Request) -> httpx.Response:
        if b'"stream":true' in request.content or b'"stream": true' in request.content:
            headers = {"content-type": "text/event-stream"}
            return httpx.Response(200, content=stream_body, headers=headers)
        return httpx.Response(200, content=COMPLETION, headers={"content-type": "application/json"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = trilogue.Trilogue("mistral", api_key="sk-bench", http_client=http)
    completions = client.chat.completions

    def create() -> None:
        completions.create(model="mistral-small-latest", messages=ASK, max_tokens=20)

    def stream() -> None:
        with completions.stream(model="mistral-small-latest", messages=ASK) as s:
            for _ in s:
                pass

    results: dict[str, float] = {}
    for name, work in (("create", create), ("stream", stream)):
        for _ in range(50):  # warm up: first-use imports, caches
            work()
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            for _ in range(calls):
                work()
            best = min(best, (time.process_time() - started) / calls)
            if exporter is not None:
                exporter.clear()
        results[name] = best * 1e6
    from trilogue._telemetry import tracing

    started = time.process_time()
    for _ in range(100_000):
        tracing()
    results["check"] = (time.process_time() - started) * 10  # µs per call of the check
    loaded = any(m.startswith("opentelemetry") for m in sys.modules)
    results["otel_loaded"] = float(loaded)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(_measure(args.mode, args.calls, args.rounds)))
        return
    figures: dict[str, dict[str, float]] = {}
    for _ in range(args.repeats):  # the modes interleaved, so a busy moment hits them alike
        for mode in MODES:
            command = [sys.executable, __file__, "--mode", mode]
            command += ["--calls", str(args.calls), "--rounds", str(args.rounds)]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            got = json.loads(out)
            seen = figures.setdefault(mode, got)
            for key in ("create", "stream", "check"):
                seen[key] = min(seen[key], got[key])
    runs = f"best of {args.repeats} runs x {args.rounds} rounds x {args.calls} calls"
    print(f"telemetry cost per call ({runs}, httpx.MockTransport)")
    print(
        f"{'mode':<6} {'create µs':>10} {'Δ':>8} {'stream µs':>10} {'Δ':>8} "
        f"{'check µs':>9}  opentelemetry loaded"
    )
    off = figures["off"]
    for mode in MODES:
        f = figures[mode]
        print(
            f"{mode:<6} {f['create']:>10.1f} {f['create'] - off['create']:>+8.1f} "
            f"{f['stream']:>10.1f} {f['stream'] - off['stream']:>+8.1f} "
            f"{f['check']:>9.2f}  {bool(f['otel_loaded'])}"
        )


if __name__ == "__main__":
    main()
