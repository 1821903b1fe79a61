"""`FakeBatchProvider`: Mistral's or Gradient's batch API inside your process, an httpx
transport modelled on their published specs (mistralai/platform-docs-public
`openapi-public-doc.yaml`; digitalocean/openapi `specification/resources/inference/`)."""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx

import trilogue
from trilogue.types import ProviderName

from ._batch_wire import (
    STATES,
    TERMINAL,
    Job,
    gradient_job,
    jsonl_lines,
    mistral_job,
    multipart,
)
from ._fake import FAKE_API_KEY, FAKE_BASE_URL, FakeProvider, RecordedRequest
from ._wire import error_body

__all__ = ["FAKE_STORAGE_URL", "FakeBatchProvider"]

FAKE_STORAGE_URL = "http://fake-storage.test"
"""Where the fake Gradient's presigned upload and download URLs point."""


class FakeBatchProvider(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A provider's batch API, scripted by the test:

        fake = FakeBatchProvider("mistral")
        fake.chat.add_response("Bonjour !")       # the answer to the first line, and so on
        client = fake.client()
        job = client.batches.create(input="in.jsonl", model="m")
        fake.complete(job.id)                      # every line answered by `fake.chat`
        client.batches.results(job)

    Jobs stay queued until the test moves them: `start`, `complete` (each line goes through
    `chat`, a `FakeProvider`, so results are real completion bodies), `fail`, `expire`; a
    cancelled job is `cancelling` until `complete` ends it. `add_error` scripts the API's
    next answer (a 429, a 503). Every request is recorded in `requests`. Gradient's presigned
    URLs point at `storage_url`, which, like object storage, refuses a request that carries
    an Authorization header beside the URL's signature. For a provider without a batch API
    (Llama, OpenAI-compatible servers) every route is a 404, and its client refuses
    `client.batches` before sending anyway.
    """

    def __init__(
        self,
        provider: ProviderName,
        *,
        chat: FakeProvider | None = None,
        storage_url: str = FAKE_STORAGE_URL,
    ) -> None:
        if provider not in trilogue.PROVIDERS:
            known = ", ".join(trilogue.PROVIDERS)
            raise ValueError(f"Unknown provider {provider!r}; expected one of: {known}.")
        self.provider = provider
        self.chat = chat or FakeProvider(provider)
        self.storage_url = storage_url.rstrip("/")  # where presigned URLs point
        self.requests: list[RecordedRequest] = []
        self.files: dict[str, bytes] = {}
        self.jobs: dict[str, Job] = {}
        self._uploads: dict[str, str] = {}  # presigned upload path -> file id
        self._by_request_id: dict[str, str] = {}
        self._errors: deque[httpx.Response] = deque()
        self._lock = threading.RLock()
        self._serial = itertools.count(1)

    def __repr__(self) -> str:
        return f"FakeBatchProvider({self.provider!r}, jobs={len(self.jobs)})"

    def client(self, **options: Any) -> trilogue.Trilogue:
        """A `trilogue.Trilogue` whose requests all come here."""
        options.setdefault("api_key", FAKE_API_KEY)
        options.setdefault("base_url", FAKE_BASE_URL)
        return trilogue.Trilogue(self.provider, http_client=httpx.Client(transport=self), **options)

    def async_client(self, **options: Any) -> trilogue.AsyncTrilogue:
        """A `trilogue.AsyncTrilogue` whose requests all come here."""
        options.setdefault("api_key", FAKE_API_KEY)
        options.setdefault("base_url", FAKE_BASE_URL)
        http_client = httpx.AsyncClient(transport=self)
        return trilogue.AsyncTrilogue(self.provider, http_client=http_client, **options)

    def add_error(
        self, status: int, message: str | None = None, *, retry_after: float | None = None
    ) -> FakeBatchProvider:
        """The API's next answer is this error, in the provider's error shape."""
        headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
        body = error_body(self.provider, status, message or f"Fake error {status}")
        self._errors.append(httpx.Response(status, json=body, headers=headers))
        return self

    # ------------------------------------------------------------------ the test's hands

    def state(self, job_id: str) -> str:
        """The job's state, in the provider's word."""
        return STATES[self.provider][self.jobs[job_id].state]

    def start(self, job_id: str) -> None:
        """The job starts running."""
        self._move(job_id, "running")

    def complete(self, job_id: str) -> None:
        """Every line of the job answered by `chat` (a cancelling job is cancelled, no line
        answered); its output and error files written."""
        with self._lock:
            job = self.jobs[job_id]
            if job.state == "cancelling":
                job.state = "cancelled"
                return
            self._move(job_id, "done")
            out: list[bytes] = []
            err: list[bytes] = []
            for number, line in enumerate(job.lines, 1):
                record, ok = self._answer(job, number, line)
                (out if ok else err).append(json.dumps(record).encode() + b"\n")
                job.succeeded, job.failed = job.succeeded + ok, job.failed + (not ok)
            job.output = b"".join(out)
            job.errors_file = b"".join(err) or None

    def fail(self, job_id: str, message: str = "The job failed.") -> None:
        """The job fails as a whole."""
        self._move(job_id, "failed")
        self.jobs[job_id].errors.append(message)

    def expire(self, job_id: str) -> None:
        """The job runs out of time."""
        self._move(job_id, "expired")

    def _move(self, job_id: str, state: str) -> None:
        with self._lock:
            job = self.jobs[job_id]
            if job.state in TERMINAL:
                raise AssertionError(f"Job {job_id} is already {self.state(job_id)}.")
            job.state = state

    def _answer(self, job: Job, number: int, line: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """A line's output record, as the chat fake answers its body."""
        body = dict(line["body"])
        body.setdefault("model", job.fields.get("model"))
        request = httpx.Request("POST", f"{FAKE_BASE_URL}/chat/completions", json=body)
        response = self.chat.handle_request(request)
        response.read()
        answer = {"status_code": response.status_code, "body": response.json()}
        if self.provider == "gradient":
            answer["request_id"] = f"req_{job.id[:8]}_{number}"
        record = {"id": f"batch-{job.id[:8]}-{number}", "custom_id": line.get("custom_id")}
        return {**record, "response": answer, "error": None}, response.status_code < 300

    # ------------------------------------------------------------------ the transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._handle(request, request.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._handle(request, await request.aread())

    def _handle(self, request: httpx.Request, content: bytes) -> httpx.Response:
        headers = httpx.Headers(request.headers)
        recorded = RecordedRequest(request.method, str(request.url), headers, content)
        with self._lock:
            self.requests.append(recorded)
            if str(request.url).startswith(self.storage_url):
                response = self._storage(request, content)
            elif self._errors:
                response = self._errors.popleft()
            else:
                response = self._route(request, content)
        response.request = request
        return response

    def _storage(self, request: httpx.Request, content: bytes) -> httpx.Response:
        # Object storage refuses a second credential beside a presigned URL's signature.
        if "authorization" in request.headers:
            return httpx.Response(400, text="<Error><Code>InvalidArgument</Code></Error>")
        path = request.url.path[len(httpx.URL(self.storage_url).path.rstrip("/")) :]
        if request.method == "PUT" and path in self._uploads:
            self.files[self._uploads.pop(path)] = content
            return httpx.Response(200)
        job_id, _, kind = path.rpartition("/")[2].partition(".")
        job = self.jobs.get(job_id)
        data = None if job is None else job.output if kind == "jsonl" else job.errors_file
        if request.method != "GET" or data is None:
            return httpx.Response(403, text="<Error><Code>AccessDenied</Code></Error>")
        return httpx.Response(200, content=data)

    def _route(self, request: httpx.Request, content: bytes) -> httpx.Response:
        prefix = httpx.URL(FAKE_BASE_URL).path.rstrip("/")
        parts = request.url.path[len(prefix) :].strip("/").split("/")
        route = (request.method, *(p if p in _WORDS else "*" for p in parts))
        handler = _ROUTES.get(self.provider, {}).get(route)
        if handler is None:
            return self._error(404, f"No route {request.method} {request.url.path}")
        return handler(self, request, content, parts)

    def _error(self, status: int, message: str) -> httpx.Response:
        return httpx.Response(status, json=error_body(self.provider, status, message))

    def _job_or_404(self, job_id: str) -> Job | httpx.Response:
        job = self.jobs.get(job_id)
        return job if job is not None else self._error(404, f"No batch job {job_id}")

    def _new_job(self, lines: list[dict[str, Any]], fields: dict[str, Any]) -> Job:
        job = Job(str(uuid.uuid4()), lines, fields)
        self.jobs[job.id] = job
        return job

    # Mistral ---------------------------------------------------------------------------

    def _m_upload(self, request: httpx.Request, content: bytes, _: list[str]) -> httpx.Response:
        form = multipart(request.headers.get("content-type", ""), content)
        if "file" not in form or form.get("purpose", (None, b""))[1] != b"batch":
            return self._error(422, "file and purpose=batch are required")
        name, data = form["file"]
        file_id = str(uuid.uuid4())
        self.files[file_id] = data
        return httpx.Response(
            200,
            json={
                "id": file_id,
                "object": "file",
                "bytes": len(data),
                "created_at": int(time.time()),
                "filename": name,
                "purpose": "batch",
                "sample_type": "batch_request",
                "source": "upload",
                "num_lines": data.count(b"\n"),
            },
        )

    def _m_download(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        file_id = parts[1]
        data = self.files.get(file_id)
        if data is None:
            return self._error(404, f"No file {file_id}")
        return httpx.Response(
            200, content=data, headers={"Content-Type": "application/octet-stream"}
        )

    def _m_create(self, _r: httpx.Request, content: bytes, _p: list[str]) -> httpx.Response:
        fields = json.loads(content)
        if "requests" in fields:
            lines = fields.pop("requests")
        else:
            missing = [f for f in fields.get("input_files", ()) if f not in self.files]
            if missing or not fields.get("input_files"):
                return self._error(404, f"No input file {missing}")
            lines = [
                json.loads(raw) for f in fields["input_files"] for raw in jsonl_lines(self.files[f])
            ]
        return httpx.Response(200, json=mistral_job(self._new_job(lines, fields), self.files))

    def _m_get(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        job = self._job_or_404(parts[2])
        return (
            job
            if isinstance(job, httpx.Response)
            else httpx.Response(200, json=mistral_job(job, self.files))
        )

    def _m_list(self, request: httpx.Request, _c: bytes, _p: list[str]) -> httpx.Response:
        wanted = request.url.params.get_list("status")
        jobs = [mistral_job(j, self.files) for j in self.jobs.values()]
        jobs = [j for j in jobs if not wanted or j["status"] in wanted]
        return httpx.Response(200, json={"object": "list", "data": jobs, "total": len(jobs)})

    def _m_cancel(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        job = self._job_or_404(parts[2])
        if isinstance(job, httpx.Response):
            return job
        if job.state not in TERMINAL:
            job.state = "cancelling"
        return httpx.Response(200, json=mistral_job(job, self.files))

    # Gradient --------------------------------------------------------------------------

    def _g_file(self, _r: httpx.Request, content: bytes, _p: list[str]) -> httpx.Response:
        name = json.loads(content).get("file_name", "")
        if not str(name).lower().endswith(".jsonl"):
            return self._error(400, "file_name must end with .jsonl")
        file_id = str(uuid.uuid4())
        self._uploads[f"/uploads/{file_id}.jsonl"] = file_id
        url = f"{self.storage_url}/uploads/{file_id}.jsonl?X-Amz-Signature=fake"
        return httpx.Response(201, json={"file_id": file_id, "upload_url": url})

    def _g_create(self, _r: httpx.Request, content: bytes, _p: list[str]) -> httpx.Response:
        fields = json.loads(content)
        known = self._by_request_id.get(fields.get("request_id", ""))
        if known is not None:  # the idempotency key: the job it made before
            return httpx.Response(201, json=gradient_job(self.jobs[known]))
        data = self.files.get(fields.get("file_id", ""))
        if data is None:  # DigitalOcean checks the upload before accepting the job
            return self._error(400, "The input file has not been uploaded.")
        job = self._new_job([json.loads(raw) for raw in jsonl_lines(data)], fields)
        self._by_request_id[fields["request_id"]] = job.id
        return httpx.Response(201, json=gradient_job(job))

    def _g_get(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        job = self._job_or_404(parts[1])
        return (
            job if isinstance(job, httpx.Response) else httpx.Response(200, json=gradient_job(job))
        )

    def _g_list(self, request: httpx.Request, _c: bytes, _p: list[str]) -> httpx.Response:
        wanted = request.url.params.get("status")
        jobs = [gradient_job(j) for j in reversed(self.jobs.values())]  # newest first
        jobs = [j for j in jobs if wanted is None or j["status"] == wanted]
        last = jobs[-1]["batch_id"] if jobs else None
        return httpx.Response(
            200, json={"object": "list", "data": jobs, "last_id": last, "has_more": False}
        )

    def _g_results(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        job = self._job_or_404(parts[1])
        if isinstance(job, httpx.Response):
            return job
        if job.output is None:
            return self._error(412, "Batch results are not yet available.")
        base = f"{self.storage_url}/outputs/{job.id}"
        error_url = f"{base}.errors.jsonl?X-Amz-Signature=fake" if job.errors_file else None
        return httpx.Response(
            200,
            json={
                "batch_id": job.id,
                "result_available": True,
                "output_file_url": f"{base}.jsonl?X-Amz-Signature=fake",
                "error_file_url": error_url,
            },
        )

    def _g_cancel(self, _r: httpx.Request, _c: bytes, parts: list[str]) -> httpx.Response:
        job = self._job_or_404(parts[1])
        if isinstance(job, httpx.Response):
            return job
        # DigitalOcean: 409 for a terminal job, and for one not yet handed upstream.
        if job.state in (*TERMINAL, "queued"):
            return self._error(409, f"Batch {job.id} cannot be cancelled now.")
        job.state = "cancelling"
        return httpx.Response(200, json=gradient_job(job))


_WORDS = frozenset({"files", "content", "batch", "jobs", "cancel", "batches", "results"})
_Handler = Callable[[FakeBatchProvider, httpx.Request, bytes, list[str]], httpx.Response]
_ROUTES: dict[str, dict[tuple[str, ...], _Handler]] = {
    "mistral": {
        ("POST", "files"): FakeBatchProvider._m_upload,
        ("GET", "files", "*", "content"): FakeBatchProvider._m_download,
        ("POST", "batch", "jobs"): FakeBatchProvider._m_create,
        ("GET", "batch", "jobs"): FakeBatchProvider._m_list,
        ("GET", "batch", "jobs", "*"): FakeBatchProvider._m_get,
        ("POST", "batch", "jobs", "*", "cancel"): FakeBatchProvider._m_cancel,
    },
    "gradient": {
        ("POST", "batches", "files"): FakeBatchProvider._g_file,
        ("POST", "batches"): FakeBatchProvider._g_create,
        ("GET", "batches"): FakeBatchProvider._g_list,
        ("GET", "batches", "*"): FakeBatchProvider._g_get,
        ("GET", "batches", "*", "results"): FakeBatchProvider._g_results,
        ("POST", "batches", "*", "cancel"): FakeBatchProvider._g_cancel,
    },
}
