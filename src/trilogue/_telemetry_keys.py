"""What the telemetry hooks (`_telemetry.py`) and the telemetry itself (`_telemetry_otel.py`)
share, kept apart so that neither imports the other."""

from __future__ import annotations

import contextvars

__all__ = ["ATTEMPT_KEY", "TOOL_FAILURES"]

ATTEMPT_KEY = "trilogue.telemetry.attempt"
"""Where an httpx.Request sent under telemetry holds its try's span (`request.extensions`)."""

TOOL_FAILURES: contextvars.ContextVar[list[BaseException] | None] = contextvars.ContextVar(
    "trilogue_tool_failures", default=None
)
"""The failures of the run_tools tool call running here, for its `execute_tool` span."""
