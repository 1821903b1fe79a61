"""The providers' batch APIs as plans (`_plans.py`), so that `Batches` and `AsyncBatches` share
every step. Mistral and Gradient each have one `BatchAPI`; a provider without a batch API is
refused before anything is sent."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

from trilogue_api.api.batches import (
    cancel_gradient_batch,
    cancel_mistral_batch_job,
    create_gradient_batch,
    create_gradient_batch_file,
    create_mistral_batch_job,
    download_file,
    list_gradient_batches,
    list_mistral_batch_jobs,
    retrieve_gradient_batch,
    retrieve_gradient_batch_results,
    retrieve_mistral_batch_job,
    upload_file,
)
from trilogue_api.models import (
    GradientBatch,
    GradientBatchFile,
    GradientBatchList,
    GradientBatchResults,
    MistralBatchJob,
    MistralBatchJobList,
    MistralFile,
)

from .._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    InvalidParameterError,
    UnsupportedOperationError,
)
from .._providers import Provider
from ..lib.batch._api_lines import prepare_input, read_output, read_result
from ..lib.batch._jobs import BatchHandle, BatchJob, BatchNotReadyError, BatchResults
from ._plans import Plan, Sleep, Step

__all__ = ["BatchAPI", "JobArgs", "JobRef", "Source", "batch_api"]

_CHAT_ENDPOINT = "/v1/chat/completions"

JobRef = BatchJob | BatchHandle | str
"""A job: as retrieved, its handle, its handle written `provider:id`, or its bare id."""
Source = str | os.PathLike[str] | Iterable[Mapping[str, Any]]


class JobArgs(TypedDict, total=False):
    """What a new job is made from: `input` (uploaded first), inline `requests` (Mistral; at
    most 10,000) or an uploaded `file_id`. `model` fills bodies that name none; `timeout_hours`
    is Mistral's, `request_id` Gradient's idempotency key (a fresh one by default)."""

    input: Source | None
    requests: Iterable[Mapping[str, Any]] | None
    file_id: str | None
    model: str | None
    metadata: Mapping[str, str] | None
    timeout_hours: int | None
    request_id: str | None


class Presigned:
    """A presigned URL (another origin's) as an endpoint: the core sends it without the key."""

    REQUEST_SCHEMA = None

    def __init__(self, method: str, url: object, provider: str, content: bytes | None = None):
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise APIResponseValidationError(
                f"The {provider} server gave no http(s) address to {method} the file at.",
                provider=provider,
            )
        self.OPERATION = f"{method.lower()} (presigned URL)"
        # Its name in telemetry, as generated endpoint modules are named by their operation.
        self.__name__ = "upload_batch_file" if method == "PUT" else "download_batch_file"
        self._kwargs: dict[str, Any] = {"method": method, "url": url}
        if content is not None:  # the URL is signed for this Content-Type (DigitalOcean's spec)
            self._kwargs.update(
                content=content, headers={"Content-Type": "application/octet-stream"}
            )

    def request_kwargs(self) -> dict[str, Any]:
        return self._kwargs


def batch_api(provider: Provider, options: Mapping[str, Any]) -> BatchAPI:
    """The batch API of `provider`, or `UnsupportedOperationError` naming it."""
    api = _APIS.get(provider.name)
    if api is None:
        raise UnsupportedOperationError(
            f"Provider {provider.name!r} has no batch API (Mistral and Gradient have one); "
            "trilogue.lib.batch.run_batch sends a batch file's requests from here instead.",
            operation="batches",
            provider=provider.name,
        )
    return api(provider, options)


class BatchAPI:
    """One provider's batch API: the plans every provider shares, over the calls each makes."""

    def __init__(self, provider: Provider, options: Mapping[str, Any]) -> None:
        self.provider = provider
        self._options = dict(options)  # the caller's request options, on every call

    def _step(self, endpoint: Any, fields: Mapping[str, Any], **how: Any) -> Step:
        options = self._options
        if isinstance(endpoint, Presigned):  # extra headers and query are the provider's only
            options = {k: v for k, v in options.items() if k not in _FOR_THE_PROVIDER}
        return Step(endpoint, {**fields, **options}, how)

    def job_id(self, job: JobRef) -> str:
        """The id of `job`, refused if it is another provider's."""
        if isinstance(job, str):
            job = BatchHandle.parse(job) if ":" in job else BatchHandle(self.provider.name, job)
        if job.provider != self.provider.name:
            raise InvalidParameterError(
                f"Batch job {job.id!r} is provider {job.provider!r}'s; this client is "
                f"provider {self.provider.name!r}'s.",
                param="job",
                provider=self.provider.name,
            )
        return job.id

    def upload(self, source: Source, model: str | None) -> Plan[str]:
        raise NotImplementedError

    # The job arguments this provider's API does not take, and why.
    _REFUSED: tuple[tuple[str, str], ...] = ()

    def create(self, job: JobArgs) -> Plan[BatchJob]:
        """The plan that makes a job, its arguments checked first."""
        _one_source(job.get("input"), job.get("requests"), job.get("file_id"))
        for name, why in self._REFUSED:
            if job.get(name) is not None:
                raise _not_taken(self.provider, name, why)
        return self._create(job)

    def _create(self, job: JobArgs) -> Plan[BatchJob]:
        raise NotImplementedError

    def retrieve(self, job: JobRef) -> Plan[BatchJob]:
        raise NotImplementedError

    def page(self, filters: Mapping[str, Any]) -> Plan[list[BatchJob]]:
        raise NotImplementedError

    def cancel(self, job: JobRef) -> Plan[BatchJob]:
        raise NotImplementedError

    def _downloads(self, job: BatchJob) -> Plan[list[Step]]:
        raise NotImplementedError

    def wait(self, job: JobRef, poll_interval: float, max_wait: float | None) -> Plan[BatchJob]:
        """Polls until the job is done; `BatchNotReadyError` past `max_wait` seconds."""
        if poll_interval <= 0:
            raise ValueError("poll_interval must be above 0.")
        start = time.monotonic()
        while True:
            current = yield from self.retrieve(job)
            if current.done:
                return current
            if max_wait is not None and time.monotonic() - start + poll_interval > max_wait:
                raise BatchNotReadyError(
                    f"Batch job {current.handle} is still {current.status!r} after {max_wait:g} s."
                )
            yield Sleep(poll_interval)

    def result_files(self, job: JobRef) -> Plan[list[Step]]:
        """The calls that download a done job's output and error files (the job fetched
        first unless given done); `BatchNotReadyError` if it has none."""
        current = job if isinstance(job, BatchJob) and job.done else None
        if current is None:
            current = yield from self.retrieve(job)
        if not current.done:
            raise BatchNotReadyError(
                f"Batch job {current.handle} is {current.status!r}: no results yet."
            )
        if current.output_file is None and current.error_file is None:
            why = "; ".join(current.errors) or "no result files"
            raise BatchNotReadyError(
                f"Batch job {current.handle} ended {current.status!r} without results ({why})."
            )
        return (yield from self._downloads(current))

    def results(self, job: JobRef) -> Plan[BatchResults]:
        """The job's output and error lines, each file read whole."""
        lines = []
        for number, step in enumerate((yield from self.result_files(job)), 1):
            content = yield step
            lines.extend(read_output(self.provider, content, f"results file {number}"))
        return BatchResults(lines, lambda line: read_result(self.provider, line))


class MistralBatchAPI(BatchAPI):
    """Mistral: `POST /files` then `POST /batch/jobs`, or inline `requests` (at most 10,000)."""

    def upload(self, source: Source, model: str | None) -> Plan[str]:
        checked = prepare_input(self.provider, source, model, model_on_job=True)
        parts = {
            "file": (_file_name(checked.source), checked.content, "application/jsonl"),
            "purpose": (None, "batch"),
        }
        file = yield self._step(upload_file, {}, cast_to=MistralFile, parameters={"body": parts})
        return str(file.id)

    _REFUSED = (("request_id", "Gradient's idempotency key"),)

    def _create(self, job: JobArgs) -> Plan[BatchJob]:
        input, requests, file_id = job.get("input"), job.get("requests"), job.get("file_id")
        model, metadata = job.get("model"), job.get("metadata")
        fields: dict[str, Any] = {"endpoint": _CHAT_ENDPOINT}
        if requests is not None:
            checked = prepare_input(self.provider, requests, model, model_on_job=True)
            fields["requests"] = checked.lines
        else:
            if file_id is None:
                assert input is not None
                file_id = yield from self.upload(input, model)
            fields["input_files"] = [file_id]
        optional = {"model": model, "metadata": metadata, "timeout_hours": job.get("timeout_hours")}
        fields.update((name, value) for name, value in optional.items() if value is not None)
        raw = yield self._step(create_mistral_batch_job, fields, cast_to=MistralBatchJob)
        return _mistral_job(raw)

    def retrieve(self, job: JobRef) -> Plan[BatchJob]:
        where = {"job_id": self.job_id(job)}
        raw = yield self._step(
            retrieve_mistral_batch_job, {}, cast_to=MistralBatchJob, parameters=where
        )
        return _mistral_job(raw)

    def page(self, filters: Mapping[str, Any]) -> Plan[list[BatchJob]]:
        page = yield self._step(list_mistral_batch_jobs, filters, cast_to=MistralBatchJobList)
        return [_mistral_job(raw) for raw in page.data or ()]

    def cancel(self, job: JobRef) -> Plan[BatchJob]:
        where = {"job_id": self.job_id(job)}
        raw = yield self._step(
            cancel_mistral_batch_job, {}, cast_to=MistralBatchJob, parameters=where
        )
        return _mistral_job(raw)

    def _downloads(self, job: BatchJob) -> Plan[list[Step]]:
        yield from ()  # a plan, though it makes no call of its own
        return [
            self._step(download_file, {}, cast_to=bytes, parameters={"file_id": file_id})
            for file_id in (job.output_file, job.error_file)
            if file_id
        ]


class GradientBatchAPI(BatchAPI):
    """Gradient: `POST /batches/files`, a `PUT` to the presigned URL, then `POST /batches`
    (OpenAI lines and models; `request_id` makes the create idempotent)."""

    def upload(self, source: Source, model: str | None) -> Plan[str]:
        checked = prepare_input(self.provider, source, model, model_on_job=False)
        fields = {"file_name": _file_name(checked.source)}
        file = yield self._step(create_gradient_batch_file, fields, cast_to=GradientBatchFile)
        put = Presigned("PUT", file.upload_url, self.provider.name, checked.content)
        yield self._step(put, {}, cast_to=bytes)
        return str(file.file_id)

    _REFUSED = (("timeout_hours", "Mistral's; Gradient's window is 24h"),)

    def _create(self, job: JobArgs) -> Plan[BatchJob]:
        input, requests, file_id = job.get("input"), job.get("requests"), job.get("file_id")
        model, metadata = job.get("model"), job.get("metadata")
        if file_id is None:
            file_id = yield from self.upload(input if input is not None else requests or (), model)
        elif model is not None:
            raise _not_taken(self.provider, "model", "named in each line of an uploaded file")
        request_id = job.get("request_id")
        fields: dict[str, Any] = {
            "file_id": file_id,
            "provider": "openai",  # OpenAI's line format, which prepare_input writes
            "endpoint": _CHAT_ENDPOINT,
            "completion_window": "24h",  # the only window the spec allows
            # One key for the call and the core's retries of it: a retried create finds the job.
            "request_id": str(uuid.uuid4()) if request_id is None else request_id,
        }
        if metadata is not None:
            fields["metadata"] = metadata
        raw = yield self._step(create_gradient_batch, fields, cast_to=GradientBatch)
        return _gradient_job(raw)

    def retrieve(self, job: JobRef) -> Plan[BatchJob]:
        where = {"batch_id": self.job_id(job)}
        raw = yield self._step(retrieve_gradient_batch, {}, cast_to=GradientBatch, parameters=where)
        return _gradient_job(raw)

    def page(self, filters: Mapping[str, Any]) -> Plan[list[BatchJob]]:
        page = yield self._step(list_gradient_batches, filters, cast_to=GradientBatchList)
        return [_gradient_job(raw) for raw in page.data]

    def cancel(self, job: JobRef) -> Plan[BatchJob]:
        where = {"batch_id": self.job_id(job)}
        raw = yield self._step(cancel_gradient_batch, {}, cast_to=GradientBatch, parameters=where)
        return _gradient_job(raw)

    def _downloads(self, job: BatchJob) -> Plan[list[Step]]:
        where = {"batch_id": job.id}
        try:
            links = yield self._step(
                retrieve_gradient_batch_results, {}, cast_to=GradientBatchResults, parameters=where
            )
        except APIStatusError as exc:
            if exc.status_code != 412:
                raise
            links = None
        if links is None or not links.result_available:
            raise BatchNotReadyError(f"Batch job {job.handle}: Gradient has no results yet.")
        return [
            self._step(Presigned("GET", url, self.provider.name), {}, cast_to=bytes)
            for url in (links.output_file_url, links.error_file_url)
            if url
        ]


# Request options that would change a presigned request's signature, or carry to another
# origin what was meant for the provider.
_FOR_THE_PROVIDER = frozenset({"extra_headers", "extra_query", "extra_body"})
_APIS: dict[str, type[BatchAPI]] = {"mistral": MistralBatchAPI, "gradient": GradientBatchAPI}


def _one_source(input: object, requests: object, file_id: object) -> None:
    given = [
        name
        for name, value in (("input", input), ("requests", requests), ("file_id", file_id))
        if value is not None
    ]
    if len(given) != 1:
        raise TypeError(f"Give one of input, requests or file_id (got {given or 'none'}).")


def _not_taken(provider: Provider, name: str, why: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"{name!r} is not taken by provider {provider.name!r}'s batch API ({why}).",
        param=name,
        provider=provider.name,
    )


def _file_name(source: str) -> str:
    name = os.path.basename(source) or "requests"
    return name if name.lower().endswith(".jsonl") else f"{name}.jsonl"


def _mistral_job(raw: MistralBatchJob) -> BatchJob:
    return BatchJob(
        provider="mistral",
        id=raw.id,
        status=str(raw.status),
        total=raw.total_requests,
        succeeded_count=raw.succeeded_requests,
        failed_count=raw.failed_requests,
        output_file=raw.output_file,
        error_file=raw.error_file,
        errors=tuple(error.message for error in raw.errors or ()),
        raw=raw,
    )


def _gradient_job(raw: GradientBatch) -> BatchJob:
    counts = raw.request_counts
    return BatchJob(
        provider="gradient",
        id=raw.batch_id,
        status=str(raw.status),
        total=counts.total if counts else None,
        succeeded_count=counts.completed if counts else None,
        failed_count=counts.failed if counts else None,
        output_file=raw.output_file_id,
        error_file=raw.error_file_id,
        errors=tuple(str(error.message) for error in raw.errors or ()),
        raw=raw,
    )
