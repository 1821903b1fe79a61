"""Plans: an operation written once as a generator that yields the calls it makes (and its
waits) and is sent each call's result, run by `drive` with the sync client's `request` and by
`adrive` with the async one's. A failed call is thrown into the plan, which may handle it."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio

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


class _Run:
    """Where a plan is: what the last call answered, or the error it raised."""

    def __init__(self, plan: Plan[Any]) -> None:
        self._plan = plan
        self.value: Any = None
        self.error: TrilogueError | None = None
        self.result: Any = None

    def next(self) -> Step | Sleep | None:
        """The plan's next step, or None when it has finished (its result in `result`)."""
        value, error, self.value, self.error = self.value, self.error, None, None
        try:
            return self._plan.throw(error) if error is not None else self._plan.send(value)
        except StopIteration as stop:
            self.result = stop.value
            return None

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Around a call: a trilogue error goes to the plan, which may read it (Gradient's 412:
        not ready)."""
        try:
            yield
        except TrilogueError as exc:
            self.error = exc


def drive(plan: Plan[_T], request: Any) -> _T:
    """Runs `plan` with the sync client's `request`."""
    run = _Run(plan)
    while (step := run.next()) is not None:
        if isinstance(step, Sleep):
            time.sleep(step.seconds)
            continue
        with run.answering():
            run.value = request(step.endpoint, step.params, **step.how)
    return run.result  # type: ignore[no-any-return]


async def adrive(plan: Plan[_T], request: Any) -> _T:
    """Runs `plan` with the async client's `request`."""
    run = _Run(plan)
    while (step := run.next()) is not None:
        if isinstance(step, Sleep):
            await anyio.sleep(step.seconds)
            continue
        with run.answering():
            run.value = await request(step.endpoint, step.params, **step.how)
    return run.result  # type: ignore[no-any-return]
