"""`run_batch` / `arun_batch`: send a JSONL file of chat requests with bounded concurrency,
paced by rate limits, writing one result line per request as each finishes, resumable."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Unpack

import httpx

from ..._providers import ProviderName
from ._files import InputLine, OutputWriter, check_input, read_input, recover_output
from ._progress import Progress, ProgressTracker, progress_stream
from ._sender import DEFAULT_CONCURRENCY, ConnectionOptions, LineSender
from ._usage import UsageTotals

__all__ = ["BatchSummary", "arun_batch", "run_batch"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class BatchSummary:
    """How a run ended: `failed` counts error lines in the whole output (earlier runs too)."""

    total: int
    succeeded: int
    failed: int
    skipped: int
    sent: int
    tokens: int
    elapsed: float
    throttled: int
    usage: UsageTotals = field(default_factory=UsageTotals)
    """This run's token totals in the one usage shape (cached, cache-write, reasoning)."""

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: 0 when every line succeeded, 3 when some are error lines."""
        return 3 if self.failed else 0


class BatchOptions(ConnectionOptions, total=False):
    """`run_batch`'s keyword arguments: those of `arun_batch`."""

    provider: ProviderName
    on_progress: Callable[[Progress], object] | None
    show_progress: bool | None
    http_client: httpx.AsyncClient | None


def run_batch(input: PathLike, output: PathLike, **options: Unpack[BatchOptions]) -> BatchSummary:
    """The sync form of `arun_batch` (it runs its own event loop)."""
    return asyncio.run(arun_batch(input, output, **options))


async def arun_batch(
    input: PathLike,
    output: PathLike,
    *,
    provider: ProviderName = "openai-compatible",
    on_progress: Callable[[Progress], object] | None = None,
    show_progress: bool | None = None,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ConnectionOptions],
) -> BatchSummary:
    """Sends every line of `input` (OpenAI batch lines, or Mistral's `{custom_id, body}`) and
    appends a result line per line to `output`; lines already there are skipped (a resume).

    `model` fills bodies that name none; `rpm`/`tpm` cap the pace (else it is learned from the
    provider's headers and 429s). Raises `BatchInputError` before sending anything if a line
    is malformed or a custom_id repeats. `show_progress` defaults to stderr being a terminal.
    """
    concurrency = options.get("concurrency", DEFAULT_CONCURRENCY)
    if concurrency < 1:
        raise ValueError("concurrency must be 1 or more")
    ids = check_input(input)
    total = len(ids)
    state = recover_output(output)
    done = state.done & ids  # results of lines no longer in the input do not count
    del ids
    stream = progress_stream(show_progress)
    tracker = ProgressTracker(total, len(done), len(state.failed & done), on_progress, stream)
    sender = LineSender(provider=provider, http_client=http_client, **options)
    runner = _Runner(sender, tracker)
    try:
        with OutputWriter(output) as writer:
            await runner.run(read_input(input), done, writer, concurrency)
    finally:
        await sender.aclose()
    final = tracker.finish()
    return BatchSummary(
        total=total,
        succeeded=final.succeeded,
        failed=final.failed,
        skipped=final.skipped,
        sent=sender.sent,
        tokens=final.tokens,
        elapsed=final.elapsed,
        throttled=sender.limiter.throttled,
        usage=sender.usage,
    )


class _Runner:
    """The workers: take lines from a bounded queue, send them, write their results."""

    def __init__(self, sender: LineSender, tracker: ProgressTracker) -> None:
        self._sender = sender
        self._tracker = tracker

    async def run(self, lines: Any, done: set[str], writer: OutputWriter, concurrency: int) -> None:
        queue: asyncio.Queue[InputLine | None] = asyncio.Queue(maxsize=2 * concurrency)
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(self._work(queue, writer))
            for line in lines:
                if line.custom_id not in done:
                    await queue.put(line)
            for _ in range(concurrency):
                await queue.put(None)

    async def _work(self, queue: asyncio.Queue[InputLine | None], writer: OutputWriter) -> None:
        while (line := await queue.get()) is not None:
            record, tokens = await self._sender.send(line)
            writer.write(record)
            self._tracker.add(record["error"] is None, tokens)
