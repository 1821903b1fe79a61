"""OpenTelemetry, when the application uses it: the cheap check the core makes on every call, and
the hooks it calls. Nothing here imports opentelemetry: an application that configured a tracer
or meter provider has imported `opentelemetry.trace` or `opentelemetry.metrics` already, so a
process where neither is in `sys.modules` has nothing to record, and one whose providers are
the API's defaults (proxy or no-op) neither. The work is in `_telemetry_otel.py`, loaded the
first time a real provider is seen."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ._telemetry_keys import ATTEMPT_KEY, TOOL_FAILURES

if TYPE_CHECKING:
    import httpx

    from ._telemetry_otel import Telemetry

__all__ = ["ATTEMPT_KEY", "TOOL_FAILURES", "attempt_failed", "tool_failed", "tracing"]


_modules = sys.modules
_seen: tuple[object, object] = (None, None)
_active: Telemetry | None = None


def tracing() -> Telemetry | None:
    """The telemetry to record a call with, or None (no opentelemetry, or no provider set):
    two dictionary look-ups, and a call to each API's `get_*_provider` once it is loaded."""
    global _seen, _active
    traces = _modules.get("opentelemetry.trace")
    metrics = _modules.get("opentelemetry.metrics")
    if traces is None and metrics is None:
        return None
    tracer_provider = traces.get_tracer_provider() if traces is not None else None
    meter_provider = metrics.get_meter_provider() if metrics is not None else None
    seen = _seen
    if tracer_provider is seen[0] and meter_provider is seen[1]:
        return _active
    from ._telemetry_otel import telemetry_for

    _active = telemetry_for(tracer_provider, meter_provider)
    _seen = (tracer_provider, meter_provider)
    return _active


def attempt_failed(request: httpx.Request, outcome: int | BaseException) -> None:
    """A try that is to be retried failed with status `outcome` or an error (the retry path only:
    a request sent without telemetry holds no span)."""
    attempt: Any = request.extensions.get(ATTEMPT_KEY)
    if attempt is not None:
        attempt.failed(outcome)


def tool_failed(exc: BaseException) -> None:
    """A run_tools tool call failed (whether its error is raised or sent back as text)."""
    failures = TOOL_FAILURES.get()
    if failures is not None:
        failures.append(exc)
