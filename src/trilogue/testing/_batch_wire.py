"""The fake batch APIs' wire shapes: job states and objects as Mistral's and Gradient's specs
describe them (mistralai/platform-docs-public `openapi-public-doc.yaml` `BatchJob`;
digitalocean/openapi `specification/resources/inference/models/batch.yml`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

__all__ = ["STATES", "TERMINAL", "Job", "gradient_job", "jsonl_lines", "mistral_job", "multipart"]

# The states of each provider's jobs, as its spec names them.
STATES = {
    "mistral": {
        "queued": "QUEUED",
        "running": "RUNNING",
        "done": "SUCCESS",
        "failed": "FAILED",
        "expired": "TIMEOUT_EXCEEDED",
        "cancelling": "CANCELLATION_REQUESTED",
        "cancelled": "CANCELLED",
    },
    "gradient": {
        "queued": "validating",
        "running": "in_progress",
        "done": "completed",
        "failed": "failed",
        "expired": "expired",
        "cancelling": "cancelling",
        "cancelled": "cancelled",
    },
}
TERMINAL = ("done", "failed", "expired", "cancelled")


@dataclass
class Job:
    """A fake job: its lines, the fields it was created with, its state (a key of `STATES`)
    and, once complete, its output and error files' bytes."""

    id: str
    lines: list[dict[str, Any]]
    fields: dict[str, Any]
    state: str = "queued"
    created: float = field(default_factory=time.time)
    output: bytes | None = None
    errors_file: bytes | None = None
    succeeded: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def mistral_job(job: Job, files: dict[str, bytes]) -> dict[str, Any]:
    """The job as Mistral's `BatchJob`; its result files are put in `files`, the fake's file
    store, where `GET /files/{id}/content` finds them."""
    output_id = error_id = None
    if job.output is not None:
        output_id = job.id + "-out"
        files[output_id] = job.output
    if job.errors_file is not None:
        error_id = job.id + "-err"
        files[error_id] = job.errors_file
    return {
        "id": job.id,
        "object": "batch",
        "input_files": job.fields.get("input_files", []),
        "metadata": job.fields.get("metadata"),
        "endpoint": job.fields["endpoint"],
        "model": job.fields.get("model"),
        "output_file": output_id,
        "error_file": error_id,
        "errors": [{"message": m, "count": 1} for m in job.errors],
        "status": STATES["mistral"][job.state],
        "created_at": int(job.created),
        "total_requests": len(job.lines),
        "completed_requests": job.succeeded + job.failed,
        "succeeded_requests": job.succeeded,
        "failed_requests": job.failed,
    }


def gradient_job(job: Job) -> dict[str, Any]:
    """The job as Gradient's `Batch`."""
    return {
        "batch_id": job.id,
        "status": STATES["gradient"][job.state],
        "provider": job.fields.get("provider"),
        "endpoint": job.fields.get("endpoint"),
        "completion_window": job.fields.get("completion_window"),
        "input_file_id": job.fields.get("file_id"),
        "output_file_id": job.id + "-out" if job.output is not None else None,
        "error_file_id": job.id + "-err" if job.errors_file is not None else None,
        "request_counts": {
            "total": len(job.lines),
            "completed": job.succeeded,
            "failed": job.failed,
        },
        "request_id": job.fields.get("request_id"),
        "metadata": job.fields.get("metadata"),
        "errors": [{"code": "fake_error", "message": m} for m in job.errors] or None,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(job.created)),
    }


def jsonl_lines(data: bytes) -> list[bytes]:
    """The non-blank lines of a JSONL file."""
    return [raw for raw in data.splitlines() if raw.strip()]


def multipart(content_type: str, content: bytes) -> dict[str, tuple[str | None, bytes]]:
    """A multipart form's parts: name -> (file name, bytes)."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + content
    )
    form = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        form[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return form
