"""`client.batches`: the providers' own batch APIs (Mistral, Gradient), at their discount and
their pace. Upload a JSONL file of chat requests (every line checked first), create a job,
follow it, collect its results as output lines or typed completions; a job's `handle` lets a
later process collect. Providers without a batch API raise `UnsupportedOperationError`; the
local runner (`trilogue.lib.batch.run_batch`) takes the same files anywhere."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._file_lines import aiter_lines, iter_lines
from .._request import OPTION_NAMES, RequestOptions
from ..lib.batch._api_lines import output_line, read_result
from ..lib.batch._jobs import BatchJob, BatchResult, BatchResults
from ._batch_plans import BatchAPI, JobArgs, JobRef, Source, batch_api
from ._plans import Plan, Step, adrive, drive

if TYPE_CHECKING:
    from .._client import AsyncTrilogue, Trilogue

__all__ = ["AsyncBatches", "Batches"]

DEFAULT_POLL_INTERVAL = 30.0
"""Seconds between polls in `wait()`: jobs take minutes to hours."""


class _BatchesBase:
    _client: Trilogue | AsyncTrilogue

    def _api(self, options: Mapping[str, Any]) -> BatchAPI:
        return batch_api(self._client.provider, options)

    def _create(self, params: BatchCreateParams) -> Plan[BatchJob]:
        # The plan reads the job's keys; the request options go with every call it makes.
        options = {k: v for k, v in params.items() if k in OPTION_NAMES}
        return self._api(options).create(params)

    def _wait(self, job: JobRef, options: WaitOptions) -> Plan[BatchJob]:
        api = self._api({k: v for k, v in options.items() if k in OPTION_NAMES})
        poll_interval = options.get("poll_interval", DEFAULT_POLL_INTERVAL)
        return api.wait(job, poll_interval, options.get("max_wait"))

    def _result(self, raw: bytes, number: int, line: int) -> BatchResult:
        provider = self._client.provider
        return read_result(provider, output_line(provider, raw, f"results file {number}", line))


class BatchCreateParams(JobArgs, RequestOptions, total=False):
    """`client.batches.create`'s keyword arguments: the job's, and how the calls are sent."""


class WaitOptions(RequestOptions, total=False):
    """`client.batches.wait`'s keyword arguments: how often to poll, for how long at most (no
    limit by default), and how the calls are sent."""

    poll_interval: float
    max_wait: float | None


def _streamed(step: Step) -> dict[str, Any]:
    return {**step.how, "stream": True}


class Batches(_BatchesBase):
    """`client.batches`."""

    _client: Trilogue

    def __init__(self, client: Trilogue) -> None:
        self._client = client

    def upload(
        self, input: Source, *, model: str | None = None, **options: Unpack[RequestOptions]
    ) -> str:
        """Checks every line of `input` (a JSONL path or the lines as dicts) as a chat request
        for this provider, then uploads it as a batch input file; returns the file's id."""
        return drive(self._api(options).upload(input, model), self._client.request)

    def create(self, **params: Unpack[BatchCreateParams]) -> BatchJob:
        """Creates a job from `input` (uploaded first), inline `requests` (Mistral; at most
        10,000) or an uploaded `file_id`. `model` fills bodies that name none; `timeout_hours`
        is Mistral's, `request_id` Gradient's idempotency key (a fresh one by default)."""
        return drive(self._create(params), self._client.request)

    def retrieve(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchJob:
        """The job as the provider describes it now."""
        return drive(self._api(options).retrieve(job), self._client.request)

    def list(self, **filters: Any) -> list[BatchJob]:
        """A page of jobs, filtered as the provider's spec allows (Mistral: `page`,
        `page_size`, `model`, `status`, ...; Gradient: `after`, `limit`, `status`)."""
        return drive(self._api({}).page(filters), self._client.request)

    def cancel(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchJob:
        """Asks the provider to cancel the job."""
        return drive(self._api(options).cancel(job), self._client.request)

    def wait(self, job: JobRef, **options: Unpack[WaitOptions]) -> BatchJob:
        """Polls every `poll_interval` seconds (default 30) until the job is done
        (`BatchNotReadyError` past `max_wait` seconds)."""
        return drive(self._wait(job, options), self._client.request)

    def results(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchResults:
        """A done job's output and error lines (OpenAI's batch output format); iterate them,
        `.completions()` for typed results, or `.write(path)`."""
        return drive(self._api(options).results(job), self._client.request)

    def stream_results(
        self, job: JobRef, **options: Unpack[RequestOptions]
    ) -> Iterator[BatchResult]:
        """A done job's results read as they download (for files too big to hold): each a
        `BatchResult`, its output line in `.line`."""
        downloads = drive(self._api(options).result_files(job), self._client.request)
        for number, step in enumerate(downloads, 1):
            response = self._client.request(step.endpoint, step.params, **_streamed(step))
            for line, raw in enumerate(iter_lines(self._client, response), 1):
                if raw.strip():
                    yield self._result(raw, number, line)


class AsyncBatches(_BatchesBase):
    """`client.batches` of the async client."""

    _client: AsyncTrilogue

    def __init__(self, client: AsyncTrilogue) -> None:
        self._client = client

    async def upload(
        self, input: Source, *, model: str | None = None, **options: Unpack[RequestOptions]
    ) -> str:
        """`Batches.upload`, awaited."""
        return await adrive(self._api(options).upload(input, model), self._client.request)

    async def create(self, **params: Unpack[BatchCreateParams]) -> BatchJob:
        """`Batches.create`, awaited."""
        return await adrive(self._create(params), self._client.request)

    async def retrieve(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchJob:
        """`Batches.retrieve`, awaited."""
        return await adrive(self._api(options).retrieve(job), self._client.request)

    async def list(self, **filters: Any) -> list[BatchJob]:
        """`Batches.list`, awaited."""
        return await adrive(self._api({}).page(filters), self._client.request)

    async def cancel(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchJob:
        """`Batches.cancel`, awaited."""
        return await adrive(self._api(options).cancel(job), self._client.request)

    async def wait(self, job: JobRef, **options: Unpack[WaitOptions]) -> BatchJob:
        """`Batches.wait`, awaited."""
        return await adrive(self._wait(job, options), self._client.request)

    async def results(self, job: JobRef, **options: Unpack[RequestOptions]) -> BatchResults:
        """`Batches.results`, awaited."""
        return await adrive(self._api(options).results(job), self._client.request)

    async def stream_results(
        self, job: JobRef, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[BatchResult]:
        """`Batches.stream_results`, as an async iterator."""
        downloads = await adrive(self._api(options).result_files(job), self._client.request)
        for number, step in enumerate(downloads, 1):
            response = await self._client.request(step.endpoint, step.params, **_streamed(step))
            line = 0
            async for raw in aiter_lines(self._client, response):
                line += 1
                if raw.strip():
                    yield self._result(raw, number, line)
