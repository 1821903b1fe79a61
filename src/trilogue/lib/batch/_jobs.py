"""The provider batch APIs' results as trilogue types: a job, its serialisable handle, and the
lines of its results (OpenAI's batch output format, as the local runner writes it)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from trilogue_api.spec import SCHEMAS

from ... import _json
from ..._exceptions import TrilogueError
from ..._models import ChatCompletion

__all__ = [
    "BatchHandle",
    "BatchJob",
    "BatchNotReadyError",
    "BatchResult",
    "BatchResultMissingError",
    "BatchResults",
]

# The spec schema of each provider's job states (`x-terminal`, `x-succeeded`).
_STATUS_SCHEMAS = {"mistral": "MistralBatchJobStatus", "gradient": "GradientBatchStatus"}


class BatchNotReadyError(TrilogueError):
    """A job has no results to collect: it is not done (or not within `wait`'s `max_wait`),
    or it ended without result files (failed, expired)."""


class BatchResultMissingError(TrilogueError):
    """Requests that have no line in a job's results (`missing`: their custom_ids)."""

    def __init__(self, message: str, *, missing: list[str]) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class BatchHandle:
    """What a later process needs to find a job again: its provider and id. `str(handle)` is
    `provider:id`, which `BatchHandle.parse` reads back (and the CLI takes)."""

    provider: str
    id: str

    def __str__(self) -> str:
        return f"{self.provider}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> BatchHandle:
        """The handle written as `provider:id`."""
        provider, sep, job_id = text.strip().partition(":")
        if not sep or not provider or not job_id:
            raise ValueError(f"A batch job handle reads 'provider:id', got {text!r}.")
        return cls(provider, job_id)


@dataclass(frozen=True)
class BatchJob:
    """A job as its provider last described it. `status` is the provider's own word; `done`
    and `succeeded` read it through the spec's states. `raw` is the provider's job object."""

    provider: str
    id: str
    status: str
    total: int | None
    succeeded_count: int | None
    failed_count: int | None
    output_file: str | None
    error_file: str | None
    errors: tuple[str, ...]
    raw: Any = field(repr=False, compare=False)

    @property
    def handle(self) -> BatchHandle:
        return BatchHandle(self.provider, self.id)

    @property
    def done(self) -> bool:
        """Whether the job is in a state it does not leave."""
        return self.status in SCHEMAS[_STATUS_SCHEMAS[self.provider]]["x-terminal"]

    @property
    def succeeded(self) -> bool:
        """Whether the job ran to its end (single requests may still have failed)."""
        return bool(self.status == SCHEMAS[_STATUS_SCHEMAS[self.provider]]["x-succeeded"])


@dataclass(frozen=True)
class BatchResult:
    """One request's outcome: its completion, or its error (`{"code", "message"}`)."""

    custom_id: str
    completion: ChatCompletion | None
    error: dict[str, Any] | None
    line: dict[str, Any] = field(repr=False)
    """The output line, in OpenAI's batch output format."""


class BatchResults:
    """A job's result lines (output file and error file), in OpenAI's batch output format:
    `{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}`."""

    def __init__(self, lines: list[dict[str, Any]], read: Any) -> None:
        self._lines = lines
        self._read = read  # output line -> BatchResult, through the provider's wire format

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def failed(self) -> int:
        """The error lines."""
        return sum(1 for line in self._lines if line["error"] is not None)

    def completions(self) -> Iterator[BatchResult]:
        """Each line read as a typed result (a `ChatCompletion`, or its error)."""
        return (self._read(line) for line in self._lines)

    def ordered(self, custom_ids: Iterable[str]) -> list[BatchResult]:
        """The results in the order of `custom_ids` (the input's, say); a missing id raises
        `BatchResultMissingError` naming it, instead of shifting every answer after it."""
        by_id = {line["custom_id"]: line for line in self._lines}
        missing = [custom_id for custom_id in custom_ids if custom_id not in by_id]
        if missing:
            shown = ", ".join(repr(m) for m in missing[:5])
            raise BatchResultMissingError(
                f"{len(missing)} request(s) have no result line: {shown}"
                + (", ..." if len(missing) > 5 else ""),
                missing=missing,
            )
        return [self._read(by_id[custom_id]) for custom_id in custom_ids]

    def write(self, path: str | os.PathLike[str]) -> int:
        """Writes the lines to `path` as JSONL; returns how many are error lines."""
        with open(path, "wb") as f:
            for line in self._lines:
                f.write(_json.dumps(line) + b"\n")
        return self.failed
