"""Plans: an operation written once as a generator that yields the calls it makes (and its
waits) and is sent each call's result, run by `drive` with the sync client's `request` and by
`adrive` with the async one's. A failed call is thrown into the plan, which may handle it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .._exceptions import TrilogueError

__all__ = ["Plan", "Sleep", "Step", "adrive", "drive"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Step:
    """One call of the core: `client.request(endpoint, params, **how)`."""

    endpoint: Any
    params: Mapping[str, Any]
    how: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sleep:
    """A wait between polls."""

    seconds: float


Plan = Generator[Step | Sleep, Any, _T]


def drive(plan: Plan[_T], request: Any) -> _T:
    """Runs `plan` with the sync client's `request`."""
    value: Any = None
    error: TrilogueError | None = None
    while True:
        try:
            step = plan.throw(error) if error is not None else plan.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        value = error = None
        if isinstance(step, Sleep):
            time.sleep(step.seconds)
            continue
        try:
            value = request(step.endpoint, step.params, **step.how)
        except TrilogueError as exc:  # the plan may read it (Gradient's 412: not ready)
            error = exc


async def adrive(plan: Plan[_T], request: Any) -> _T:
    """Runs `plan` with the async client's `request`."""
    value: Any = None
    error: TrilogueError | None = None
    while True:
        try:
            step = plan.throw(error) if error is not None else plan.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        value = error = None
        if isinstance(step, Sleep):
            await asyncio.sleep(step.seconds)
            continue
        try:
            value = await request(step.endpoint, step.params, **step.how)
        except TrilogueError as exc:
            error = exc
