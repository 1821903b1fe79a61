"""The batch's progress: the figures, a Python callback, and a line on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Progress", "ProgressTracker"]


@dataclass(frozen=True)
class Progress:
    """Where a batch stands.

    `done` counts lines with a result, `skipped` those an earlier run finished; `rate` is lines
    per second in this run and `eta` the seconds left at that rate (None before it is known).
    """

    total: int
    done: int
    succeeded: int
    failed: int
    skipped: int
    tokens: int
    elapsed: float
    rate: float
    eta: float | None


class ProgressTracker:
    """Counts results; tells a callback of each, and redraws a terminal line now and then."""

    def __init__(
        self,
        total: int,
        skipped: int,
        skipped_errors: int,
        on_progress: Callable[[Progress], object] | None = None,
        stream: TextIO | None = None,
        redraw_every: float = 0.2,
    ) -> None:
        self.total = total
        self.skipped = skipped
        self.succeeded = skipped - skipped_errors
        self.failed = skipped_errors
        self.tokens = 0
        self._on_progress = on_progress
        self._stream = stream
        self._redraw_every = redraw_every
        self._started = time.monotonic()
        self._drawn = 0.0

    def add(self, ok: bool, tokens: int) -> None:
        """Counts one finished line."""
        if ok:
            self.succeeded += 1
        else:
            self.failed += 1
        self.tokens += tokens
        if self._on_progress is not None:
            self._on_progress(self.snapshot())
        if self._stream is not None and time.monotonic() - self._drawn >= self._redraw_every:
            self._draw()

    def snapshot(self) -> Progress:
        """The figures now."""
        elapsed = time.monotonic() - self._started
        done = self.succeeded + self.failed
        this_run = done - self.skipped
        rate = this_run / elapsed if elapsed > 0 else 0.0
        left = self.total - done
        eta = left / rate if rate > 0 else (0.0 if left == 0 else None)
        return Progress(
            total=self.total,
            done=done,
            succeeded=self.succeeded,
            failed=self.failed,
            skipped=self.skipped,
            tokens=self.tokens,
            elapsed=elapsed,
            rate=rate,
            eta=eta,
        )

    def finish(self) -> Progress:
        """The final figures; ends the terminal line."""
        final = self.snapshot()
        if self._stream is not None:
            self._draw()
            self._stream.write("\n")
            self._stream.flush()
        return final

    def _draw(self) -> None:
        assert self._stream is not None
        self._drawn = time.monotonic()
        self._stream.write("\r\x1b[K" + format_progress(self.snapshot()))
        self._stream.flush()


def format_progress(p: Progress) -> str:
    """One line: done/total, rate, ETA, errors, tokens."""
    eta = "?" if p.eta is None else _clock(p.eta)
    percent = 100.0 * p.done / p.total if p.total else 100.0
    return (
        f"{p.done}/{p.total} ({percent:.1f}%)  {p.rate:.1f} lines/s  ETA {eta}  "
        f"errors {p.failed}  tokens {p.tokens}"
    )


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def progress_stream(show: bool | None) -> TextIO | None:
    """Where to draw progress: stderr when asked, or by default when it is a terminal."""
    if show is None:
        show = sys.stderr.isatty()
    return sys.stderr if show else None
