"""Chat completions as a Ray Data stage, for batches larger than one machine:

    import ray
    from trilogue.ray import ChatStage

    ds = ray.data.read_json("requests.jsonl")  # rows: custom_id, body
    ds = ds.map_batches(
        ChatStage,
        fn_constructor_kwargs={"provider": "mistral", "concurrency": 16},
        compute=ray.data.ActorPoolStrategy(size=4),
        batch_size=64,
        batch_format="pyarrow",
    )
    ds.write_json("results/")

Needs `pip install 'trilogue[ray]'`; this module itself imports without Ray.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator, Mapping
from typing import Any, Unpack

from trilogue import _json
from trilogue._exceptions import TrilogueError
from trilogue._providers import ProviderName
from trilogue.lib.batch._files import InputLine, input_line
from trilogue.lib.batch._sender import DEFAULT_CONCURRENCY, ConnectionOptions, LineSender

__all__ = ["ChatStage"]

# aclose() tasks started from __del__ on the loop's own thread, kept until they finish.
_closing: set[asyncio.Task[None]] = set()


class ChatStage:
    """A callable class for `Dataset.map_batches`: answers each row's chat request.

    A row carries `custom_id` and `body` (a batch input line: the chat request as a dict or a
    JSON string; OpenAI's `method`/`url` are checked if present). The stage keeps the row's
    columns and adds `response` (`{"status_code", "request_id", "body"}`, the body being the
    completion's `to_dict()`) and `error` (None, or `{"code", "message"}`), as the local batch
    runner's result lines. A row that fails, or that the provider's spec refuses
    before sending, is an error row: one bad row never fails the task.

    Each actor has one async client and one limiter (`rpm`/`tpm`, else learned from the
    provider's headers and 429s) with at most `concurrency` requests in flight, whatever the
    number of batches Ray runs in it at once. `json_columns=True` gives `response` and `error`
    as JSON strings, for results whose shapes Arrow cannot merge into one column type.
    """

    def __init__(
        self,
        provider: ProviderName = "openai-compatible",
        *,
        json_columns: bool = False,
        **options: Unpack[ConnectionOptions],
    ) -> None:
        self._closed = True  # until made: __del__ of a stage whose options were refused
        _require_ray_data()
        self._sender = LineSender(provider=provider, **options)
        concurrency = options.get("concurrency", DEFAULT_CONCURRENCY)
        self._name = f"ChatStage(provider={provider!r}, concurrency={concurrency})"
        self._slots = asyncio.Semaphore(concurrency)
        self._json = json_columns
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def __repr__(self) -> str:
        return self._name

    @property
    def sent(self) -> int:
        """Requests this actor sent (each line once, whatever the client's retries)."""
        return self._sender.sent

    async def __call__(self, batch: Any) -> AsyncIterator[dict[str, list[Any]]]:
        """Answers one batch (a `pyarrow.Table`, a pandas DataFrame or a dict of columns)."""
        if self._closed:
            raise TrilogueError(f"{self!r} is closed")
        self._loop = asyncio.get_running_loop()
        columns = _columns(batch)
        count = len(next(iter(columns.values()), []))
        rows = [{name: values[i] for name, values in columns.items()} for i in range(count)]
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(self._answer(row)) for row in rows]
        records = [task.result() for task in tasks]
        columns["response"] = [self._cell(record["response"]) for record in records]
        columns["error"] = [self._cell(record["error"]) for record in records]
        yield columns

    async def _answer(self, row: Mapping[str, Any]) -> dict[str, Any]:
        async with self._slots:
            record, _ = await self._sender.send(_line(row))
        return record

    def _cell(self, value: dict[str, Any] | None) -> Any:
        if value is None or not self._json:
            return value
        return _json.dumps(value).decode()

    async def aclose(self) -> None:
        """Closes the client and its connections."""
        self._closed = True
        await self._sender.aclose()

    def close(self) -> None:
        """Closes the client from any thread: on the loop the stage ran on, if it still runs."""
        if self._closed:
            return
        self._closed = True
        loop, self._loop = self._loop, None
        if loop is None or loop.is_closed() or not loop.is_running():
            return  # never ran (no connection opened), or its loop is gone with its sockets
        if _running_loop() is loop:
            task = loop.create_task(self._sender.aclose())
            _closing.add(task)
            task.add_done_callback(_closing.discard)
            return
        future = asyncio.run_coroutine_threadsafe(self._sender.aclose(), loop)
        try:
            future.result(timeout=10)
        except TimeoutError:
            future.cancel()

    def __del__(self) -> None:
        # Ray Data drops its reference to the stage when the actor ends (__ray_shutdown__).
        self.close()


def _require_ray_data() -> None:
    try:
        importlib.import_module("ray.data")
    except ImportError:
        raise ImportError(
            "trilogue.ray.ChatStage needs Ray Data: pip install 'trilogue[ray]'"
        ) from None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _columns(batch: Any) -> dict[str, list[Any]]:
    """The batch's columns as lists, whatever `batch_format` Ray was given."""
    if hasattr(batch, "to_pydict"):  # pyarrow.Table
        table: dict[str, list[Any]] = batch.to_pydict()
        return table
    if hasattr(batch, "to_dict") and hasattr(batch, "columns"):  # pandas.DataFrame
        frame: dict[str, list[Any]] = batch.to_dict("list")
        return frame
    if isinstance(batch, Mapping):  # numpy: a dict of arrays
        return {str(name): list(values) for name, values in batch.items()}
    raise TypeError(f"ChatStage cannot read a batch of type {type(batch).__name__}")


def _line(row: Mapping[str, Any]) -> InputLine:
    """A row as a batch line; a row that cannot be sent gets its problem, never an exception."""
    custom_id = row.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        return InputLine(str(custom_id), {}, 0, "custom_id: must be a non-empty string")
    body = row.get("body")
    size = 0  # the body's JSON size, for the limiter's token estimate
    if isinstance(body, str | bytes):
        size = len(body)
        try:
            body = _json.loads(body)
        except ValueError as exc:
            return InputLine(custom_id, {}, 0, f"body: not JSON ({exc})")
    elif isinstance(body, Mapping):
        body = _without_nulls(body)
        size = len(_json.dumps(body))
    record = {"method": _plain(row.get("method")), "url": _plain(row.get("url")), "body": body}
    return input_line(custom_id, record, size if isinstance(body, dict) else 0)


def _without_nulls(value: Any) -> Any:
    """A dict column's value as JSON: Arrow gives every row each field any row has (missing
    ones as null) and numpy batches hold arrays, so null fields go and arrays become lists."""
    value = _plain(value)
    if isinstance(value, Mapping):
        return {str(k): _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """numpy arrays and scalars as Python lists and numbers."""
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) and not isinstance(value, str | bytes) else value
