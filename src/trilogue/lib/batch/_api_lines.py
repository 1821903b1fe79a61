"""The lines of a provider batch job, without I/O: the input checked line by line with the
client's request checks and written in the provider's line format, and the output read back
in OpenAI's batch output format (the format the local runner writes)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from trilogue_api.api.chat import create_chat_completion
from trilogue_api.spec import SCHEMAS

from ... import _json
from ..._exceptions import APIResponseValidationError, InvalidParameterError
from ..._models import ChatCompletion
from ..._providers import Provider
from ._files import BatchInputError, InputLine, _parse_line, line_of, status_code_name
from ._jobs import BatchResult

__all__ = [
    "BatchInput",
    "output_line",
    "prepare_input",
    "read_output",
    "read_result",
    "status_code_name",
]

_CHAT = create_chat_completion.REQUEST_SCHEMA or "CreateChatCompletionRequest"
_CHAT_URL = "/v1/chat/completions"
# The spec schema whose `x-batch-file-limits` bound each provider's input file.
_LIMITS = {"mistral": "MistralUploadFileRequest", "gradient": "GradientBatchFileCreateRequest"}


@dataclass(frozen=True)
class BatchInput:
    """A checked input: the lines in the provider's format, and the file's bytes."""

    lines: list[dict[str, Any]]
    content: bytes
    source: str


def prepare_input(
    provider: Provider,
    source: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    model: str | None,
    *,
    model_on_job: bool,
) -> BatchInput:
    """Every line of `source` (a JSONL path, or the lines as dicts) checked as a chat request
    for `provider` and put in its line format; the first bad line raises `BatchInputError`
    naming the line, the JSON path and the provider, before anything is sent. `model` fills a
    body that names none; with `model_on_job` (Mistral) it goes on the job, not in the lines."""
    name = os.fspath(source) if isinstance(source, str | os.PathLike) else "requests"
    seen: set[str] = set()
    lines = []
    for where, line in _records(source, name):
        if line.custom_id in seen:
            raise BatchInputError(f"{where}: custom_id {line.custom_id!r} appears more than once")
        seen.add(line.custom_id)
        body = _checked_body(provider, line, model, model_on_job, where)
        lines.append(_line(provider, line.custom_id, body))
    if not lines:
        raise BatchInputError(f"{name}: no requests")
    content = b"".join(_json.dumps(line) + b"\n" for line in lines)
    _within_limits(provider, len(lines), len(content), name)
    return BatchInput(lines, content, name)


def _records(
    source: str | os.PathLike[str] | Iterable[Mapping[str, Any]], name: str
) -> Iterator[tuple[str, InputLine]]:
    """Each line of the source and where it is (`file:number`)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as f:
            for number, raw in enumerate(f, 1):
                if raw.strip():
                    yield f"{name}:{number}", _parse_line(raw, source, number)
        return
    for number, record in enumerate(source, 1):
        where = f"{name}:{number}"
        yield where, line_of(dict(record) if isinstance(record, Mapping) else record, where, 0)


def _checked_body(
    provider: Provider, line: InputLine, model: str | None, model_on_job: bool, where: str
) -> dict[str, Any]:
    """The line's body as the provider takes it (checked and shaped by its wire format)."""
    if line.problem is not None:
        raise BatchInputError(f"{where}: {line.problem} (provider {provider.name!r})")
    body = dict(line.body)
    filled = "model" not in body and model is not None
    if filled:
        body["model"] = model
    try:
        shaped = provider.wire.body(_CHAT, body)
    except InvalidParameterError as exc:
        raise BatchInputError(f"{where}: body.{exc.param}: {exc}") from None
    if filled and model_on_job:
        del shaped["model"]  # the job names it
    return shaped


def _line(provider: Provider, custom_id: str, body: dict[str, Any]) -> dict[str, Any]:
    if provider.name == "gradient":  # OpenAI's batch line (`provider: openai` on the job)
        return {"custom_id": custom_id, "method": "POST", "url": _CHAT_URL, "body": body}
    return {"custom_id": custom_id, "body": body}


def _within_limits(provider: Provider, count: int, size: int, name: str) -> None:
    limits = SCHEMAS[_LIMITS[provider.name]]["x-batch-file-limits"]
    if count > limits["max_requests"]:
        raise BatchInputError(
            f"{name}: {count} requests; provider {provider.name!r} takes at most "
            f"{limits['max_requests']} per file"
        )
    if size > limits["max_bytes"]:
        raise BatchInputError(
            f"{name}: {size} bytes as sent; provider {provider.name!r} takes at most "
            f"{limits['max_bytes']} per file"
        )


def read_output(provider: Provider, content: bytes, source: str) -> list[dict[str, Any]]:
    """The lines of an output or error file in OpenAI's batch output format (`output_line`)."""
    return [
        output_line(provider, raw, source, number)
        for number, raw in enumerate(content.splitlines(), 1)
        if raw.strip()
    ]


def output_line(provider: Provider, raw: bytes, source: str, number: int) -> dict[str, Any]:
    """One line of an output or error file in OpenAI's batch output format: every key the
    provider sent kept, `response.request_id` and `error` present, and an error status without
    an `error` given one (so that an error line is one whose `error` is set)."""
    try:
        record = _json.loads(raw)
    except (ValueError, RecursionError):
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("custom_id"), str):
        raise APIResponseValidationError(
            f"The {provider.name} server's batch {source}, line {number}, is not a batch "
            f"output line: {raw[:200]!r}",
            provider=provider.name,
        )
    return _normalised(provider, record)


def _normalised(provider: Provider, record: dict[str, Any]) -> dict[str, Any]:
    response = record.get("response")
    if isinstance(response, dict):
        response = dict(response)
        response.setdefault("request_id", None)  # Mistral's lines have none
    error = record.get("error")
    status = response.get("status_code") if isinstance(response, dict) else None
    if error is None and isinstance(status, int) and status >= 300:
        message, _ = provider.wire.error(response.get("body") if response else None)
        error = {"code": status_code_name(status), "message": message or f"status {status}"}
    if error is None and not isinstance(response, dict):
        error = {"code": "no_response", "message": "the line has neither response nor error"}
    return {"id": record.get("id"), **record, "response": response, "error": error}


def read_result(provider: Provider, line: Mapping[str, Any]) -> BatchResult:
    """An output line as a typed result, its body read like a `create()` answer."""
    custom_id, error = line["custom_id"], line["error"]
    if error is not None:
        return BatchResult(custom_id, None, error, dict(line))
    body = line["response"]["body"]
    try:
        model = create_chat_completion.response_model(body)
        completion = provider.wire.result(model, body, ChatCompletion, None)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        problem = {"code": "invalid_response", "message": f"{type(exc).__name__}: {exc}"}
        return BatchResult(custom_id, None, problem, dict(line))
    request_id = line["response"].get("request_id")
    if isinstance(request_id, str):  # what `completion.request_id` reads
        completion.headers = httpx.Headers({"x-request-id": request_id})
    return BatchResult(custom_id, completion, None, dict(line))
