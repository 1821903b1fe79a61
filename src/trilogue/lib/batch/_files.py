"""The batch files: input lines read as a stream, the output file recovered for a resume, and
result lines appended whole."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ... import _json
from ..._exceptions import TrilogueError

__all__ = [
    "BatchInputError",
    "InputLine",
    "OutputState",
    "OutputWriter",
    "check_input",
    "input_line",
    "status_code_name",
]

CHAT_PATH = "/chat/completions"


class BatchInputError(TrilogueError, ValueError):
    """The batch cannot run: a malformed or repeated input line, or an output file that is not
    a batch output file. Raised before anything is sent."""


@dataclass(frozen=True)
class InputLine:
    """One request of the batch: its id, its body, and why it cannot be sent (if it cannot)."""

    custom_id: str
    body: dict[str, Any]
    size: int
    problem: str | None = None


def read_input(path: str | os.PathLike[str]) -> Iterator[InputLine]:
    """The input's lines one by one (never the whole file in memory)."""
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            if raw.strip():
                yield _parse_line(raw, path, number)


def _parse_line(raw: bytes, path: str | os.PathLike[str], number: int) -> InputLine:
    try:
        record = _json.loads(raw)
    except ValueError as exc:
        raise BatchInputError(f"{os.fspath(path)}:{number}: not JSON ({exc})") from None
    return line_of(record, f"{os.fspath(path)}:{number}", len(raw))


def line_of(record: object, where: str, size: int) -> InputLine:
    """The input line a decoded record is (`where` names it in the error if it has no id)."""
    custom_id = record.get("custom_id") if isinstance(record, dict) else None
    if not isinstance(custom_id, str) or not custom_id:
        raise BatchInputError(f"{where}: no custom_id (a non-empty string)")
    assert isinstance(record, dict)
    return input_line(custom_id, record, size)


def input_line(custom_id: str, record: dict[str, Any], size: int) -> InputLine:
    """The line for a parsed record (`body`, and OpenAI's `method`/`url` if present) of `size`
    bytes; a record that cannot be sent gets its `problem`."""
    body = record.get("body")
    return InputLine(custom_id, body if isinstance(body, dict) else {}, size, _problem(record))


def _problem(record: dict[str, Any]) -> str | None:
    """Why a line's envelope cannot be sent as a chat completion, or None."""
    method, url, body = record.get("method"), record.get("url"), record.get("body")
    if method is not None and method != "POST":
        return f"method: must be POST, got {method!r}"
    if url is not None and not (isinstance(url, str) and url.endswith(CHAT_PATH)):
        return f"url: only {CHAT_PATH} is supported, got {url!r}"
    if not isinstance(body, dict):
        return "body: must be a JSON object"
    if body.get("stream"):
        return "body.stream: a batch line cannot stream"
    return None


def check_input(path: str | os.PathLike[str]) -> set[str]:
    """A first pass over the input: every line parses and no custom_id repeats. Returns the
    ids (and keeps nothing else)."""
    seen: set[str] = set()
    for line in read_input(path):
        if line.custom_id in seen:
            raise BatchInputError(
                f"{os.fspath(path)}: custom_id {line.custom_id!r} appears more than once; "
                "nothing was sent"
            )
        seen.add(line.custom_id)
    return seen


@dataclass
class OutputState:
    """What an earlier run left in the output file: the ids that have a result, and those whose
    result is an error line."""

    done: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    truncated: int = 0  # bytes of a torn last line cut away


def recover_output(path: str | os.PathLike[str]) -> OutputState:
    """Reads an existing output file for a resume, cutting away a torn last line (a crash in
    the middle of a write); a bad line anywhere else is refused."""
    state = OutputState()
    if not os.path.exists(path):
        return state
    good = 0  # the end of the last whole result line
    bad_at: int | None = None
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            record = _result(raw)
            if record is None:
                if bad_at is not None:
                    raise BatchInputError(
                        f"{os.fspath(path)}:{bad_at}: not a batch result line; "
                        "refusing to resume into it"
                    )
                bad_at = number
                continue
            if bad_at is not None:
                raise BatchInputError(f"{os.fspath(path)}:{bad_at}: not a batch result line")
            good += len(raw)
            state.done.add(record["custom_id"])
            if record.get("error") is not None:
                state.failed.add(record["custom_id"])
        end = f.tell()
    if end > good:
        state.truncated = end - good
        os.truncate(path, good)
    return state


def _result(raw: bytes) -> dict[str, Any] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        record = _json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("custom_id"), str):
        return None
    return record


class OutputWriter:
    """Appends result lines: each line is one `os.write` to an O_APPEND descriptor (no buffer
    in the process, so a killed process loses nothing it wrote); fsync at most once a second
    and on close, so an OS crash loses at most about a second, and a resume cuts a torn tail."""

    def __init__(self, path: str | os.PathLike[str], fsync_every: float = 1.0) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._fsync_every = fsync_every
        self._synced = time.monotonic()

    def write(self, record: dict[str, Any]) -> None:
        """Writes one whole line."""
        data = memoryview(_json.dumps(record) + b"\n")
        while data:
            data = data[os.write(self._fd, data) :]
        if time.monotonic() - self._synced >= self._fsync_every:
            os.fsync(self._fd)
            self._synced = time.monotonic()

    def close(self) -> None:
        """Syncs and closes the file."""
        if self._fd >= 0:
            try:
                os.fsync(self._fd)
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


STATUS_CODES = {
    400: "bad_request",
    401: "authentication_error",
    403: "permission_denied",
    404: "not_found",
    408: "request_timeout",
    409: "conflict",
    413: "request_too_large",
    422: "unprocessable_entity",
    429: "rate_limit_exceeded",
}


def status_code_name(status: int) -> str:
    """The error code of an output line for an HTTP status."""
    return STATUS_CODES.get(status) or ("server_error" if status >= 500 else "http_error")
