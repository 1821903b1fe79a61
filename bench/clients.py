"""The three clients under test, behind one small interface, and the measured workloads.

Each client module is imported inside its adapter's constructor, so a worker process loads only
the library it measures (which matters for the peak-RSS measurement).
"""

from __future__ import annotations

import asyncio
import resource
import time
from typing import Any

MODEL = "llama3.3-70b-instruct"
MESSAGES = [
    {"role": "system", "content": "You are a helpful assistant with access to weather tools."},
    {"role": "user", "content": "Compare the weather in Paris and Berlin for the next 3 days."},
]
HOLD_SECONDS = "30"
"""How long the server holds a memory-test stream after its first chunk (at most)."""
POOL = {"max_connections": 1000, "max_keepalive_connections": 100}
"""Connection-pool limits given to raw httpx and trilogue in the memory test (openai's defaults:
httpx's own default of 100 connections could not hold 200 streams open at once)."""


def _stream_headers(chunks: int, hold: bool = False, whole: bool = False) -> dict[str, str]:
    headers = {"x-bench-chunks": str(chunks)}
    if hold:
        headers["x-bench-hold"] = HOLD_SECONDS
    if whole:
        headers["x-bench-framing"] = "length"
    return headers


class Raw:
    """httpx and json.loads, no SDK: the floor every SDK's overhead is measured against."""

    def __init__(self, base_url: str) -> None:
        import json

        import httpx

        self._httpx = httpx
        self._loads = json.loads
        self._url = base_url + "/chat/completions"
        self._headers = {"Authorization": "Bearer x"}
        self._sync: Any = None
        self._async: Any = None

    def _body(self, stream: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {"model": MODEL, "messages": MESSAGES}
        if stream:
            body["stream"] = True
        return body

    def create(self) -> int:
        self._sync = self._sync or self._httpx.Client()
        response = self._sync.post(self._url, json=self._body(), headers=self._headers)
        response.raise_for_status()
        data = self._loads(response.content)
        return len(data["choices"][0]["message"]["tool_calls"])

    async def acreate(self) -> int:
        response = await self._client().post(self._url, json=self._body(), headers=self._headers)
        response.raise_for_status()
        data = self._loads(response.content)
        return len(data["choices"][0]["message"]["tool_calls"])

    def stream(self, chunks: int, whole: bool = False) -> int:
        self._sync = self._sync or self._httpx.Client()
        headers = {**self._headers, **_stream_headers(chunks, whole=whole)}
        count = 0
        body = self._body(stream=True)
        with self._sync.stream("POST", self._url, json=body, headers=headers) as response:
            for line in response.iter_lines():
                if not line.startswith("data: "):
                    continue
                if line == "data: [DONE]":
                    break
                data = self._loads(line[6:])
                count += bool(data["choices"][0]["delta"]["content"])
        return count

    async def open_stream(self) -> Any:
        headers = {**self._headers, **_stream_headers(2, hold=True)}
        client = self._client(self._httpx.Limits(**POOL))
        request = client.build_request(
            "POST", self._url, json=self._body(stream=True), headers=headers
        )
        response = await client.send(request, stream=True)
        lines = response.aiter_lines()
        async for line in lines:
            if line.startswith("data: "):
                self._loads(line[6:])
                break
        return response, lines

    async def close_stream(self, handle: Any) -> None:
        response, lines = handle
        await lines.aclose()
        await response.aclose()

    def _client(self, limits: Any = None) -> Any:
        if self._async is None:
            self._async = (
                self._httpx.AsyncClient(limits=limits) if limits else self._httpx.AsyncClient()
            )
        return self._async


class _SDK:
    """What the openai and trilogue adapters share: the same calls through `chat.completions`."""

    def __init__(self) -> None:
        self._sync: Any = None
        self._async: Any = None

    def _make_sync(self) -> Any:
        raise NotImplementedError

    def _make_async(self, limits: dict[str, int] | None) -> Any:
        raise NotImplementedError

    def _async_client(self, limits: dict[str, int] | None = None) -> Any:
        if self._async is None:
            self._async = self._make_async(limits)
        return self._async

    def create(self) -> int:
        self._sync = self._sync or self._make_sync()
        completion = self._sync.chat.completions.create(model=MODEL, messages=MESSAGES)
        return len(completion.choices[0].message.tool_calls)

    async def acreate(self) -> int:
        client = self._async_client()
        completion = await client.chat.completions.create(model=MODEL, messages=MESSAGES)
        return len(completion.choices[0].message.tool_calls)

    def stream(self, chunks: int, whole: bool = False) -> int:
        self._sync = self._sync or self._make_sync()
        headers = _stream_headers(chunks, whole=whole)
        stream = self._sync.chat.completions.create(
            model=MODEL, messages=MESSAGES, stream=True, extra_headers=headers
        )
        count = 0
        for item in stream:
            count += bool(item.choices[0].delta.content)
        return count

    async def open_stream(self) -> Any:
        client = self._async_client(POOL)
        stream = await client.chat.completions.create(
            model=MODEL, messages=MESSAGES, stream=True, extra_headers=_stream_headers(2, True)
        )
        await stream.__anext__()
        return stream

    async def close_stream(self, handle: Any) -> None:
        await handle.close()


class OpenAI(_SDK):
    """The official openai SDK."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        import openai

        self._openai = openai
        self._base_url = base_url

    def _make_sync(self) -> Any:
        return self._openai.OpenAI(api_key="x", base_url=self._base_url)

    def _make_async(self, limits: dict[str, int] | None) -> Any:
        # openai's default pool already allows 1000 connections; `limits` matches it.
        return self._openai.AsyncOpenAI(api_key="x", base_url=self._base_url)


class Trilogue(_SDK):
    """trilogue, through the openai-compatible provider."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        import httpx

        import trilogue

        self._httpx = httpx
        self._trilogue = trilogue
        self._base_url = base_url

    def _make_sync(self) -> Any:
        return self._trilogue.Trilogue("openai-compatible", base_url=self._base_url, api_key="x")

    def _make_async(self, limits: dict[str, int] | None) -> Any:
        http = None
        if limits:
            http = self._httpx.AsyncClient(
                limits=self._httpx.Limits(**limits), timeout=self._trilogue.DEFAULT_TIMEOUT
            )
        return self._trilogue.AsyncTrilogue(
            "openai-compatible", base_url=self._base_url, api_key="x", http_client=http
        )


ADAPTERS = {"raw": Raw, "openai": OpenAI, "trilogue": Trilogue}

IMPORT_SNIPPETS = {
    "raw": "import httpx; httpx.Client()",
    "openai": "import openai; openai.OpenAI(api_key='x', base_url={url!r})",
    "trilogue": "import trilogue; trilogue.Trilogue('openai-compatible', base_url={url!r})",
}


# The workloads. Each returns one number, measured in this (fresh) process.


def create_sync(client: Any, calls: int) -> float:
    """Sequential sync calls per CPU-second."""
    for _ in range(max(calls // 10, 20)):
        assert client.create() == 3
    started = time.process_time()
    for _ in range(calls):
        client.create()
    return calls / (time.process_time() - started)


def create_async(client: Any, concurrency: int, rounds: int) -> float:
    """Calls per CPU-second with `concurrency` calls in flight at once (asyncio.gather)."""

    async def run() -> float:
        results = await asyncio.gather(*(client.acreate() for _ in range(concurrency)))
        assert results == [3] * concurrency
        started = time.process_time()
        for _ in range(rounds):
            await asyncio.gather(*(client.acreate() for _ in range(concurrency)))
        return concurrency * rounds / (time.process_time() - started)

    return asyncio.run(run())


def stream(client: Any, chunks: int, whole: bool = False) -> float:
    """Chunks per CPU-second over one `chunks`-chunk stream, each chunk parsed into an object;
    `whole`: the stream sent at once with a Content-Length, not one HTTP chunk per event."""
    assert client.stream(500, whole) == 500
    started = time.process_time()
    count = client.stream(chunks, whole)
    elapsed = time.process_time() - started
    assert count == chunks, (count, chunks)
    return chunks / elapsed


def memory(client: Any, streams: int) -> float:
    """Peak RSS in MiB with `streams` async streams open, each past its first chunk."""

    async def run() -> float:
        handles = await asyncio.gather(*(client.open_stream() for _ in range(streams)))
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        await asyncio.gather(*(client.close_stream(handle) for handle in handles))
        return peak_kib / 1024

    return asyncio.run(run())
