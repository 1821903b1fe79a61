"""The batch runner's benchmark: throughput and CPU, rate-limit behaviour, memory.

1. Throughput: `trilogue.lib.batch.arun_batch` against the canned server (bench/server.py) at
   concurrency 64, 256 and 1,024: requests per second and client CPU seconds per request.
   Beside it, when `openai` can be imported (from .venv-bench/ or .venv/), openai-python's
   `AsyncOpenAI` + `asyncio.Semaphore` (the cookbook pattern) over the same lines.
2. Rate limits: a server allowing R requests per second (a token bucket; past it, 429 with
   Retry-After), with and without OpenAI-style `x-ratelimit-*` headers: the runner's 429 share
   and its total time against the ideal N/R.
3. Memory: peak RSS of the runner over `--rss-lines` input lines (default 100,000) next to a
   tenth of that, to show it does not grow with the input.

Every measurement runs in a fresh worker process (this script with `--worker`) timing only its
own CPU (`time.process_time()`); the servers run in their own processes. Prints a table.
`--smoke` runs everything small (about ten seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


# --- the rate-limited server ----------------------------------------------------------------


class Bucket:
    """R requests per second, with a burst of one second's worth."""

    def __init__(self, rate: float) -> None:
        self.rate, self.tokens, self.at = rate, rate, time.monotonic()

    def take(self) -> tuple[bool, float]:
        now = time.monotonic()
        self.tokens = min(self.rate, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True, self.tokens
        return False, (1.0 - self.tokens) / self.rate


async def serve_limited(rate: float, headers: bool) -> None:
    """Serves completions at up to `rate` per second on 127.0.0.1; prints the port."""
    sys.path.insert(0, str(BENCH))
    from server import COMPLETION_BYTES, _parse_head

    bucket = Bucket(rate)

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                _, _, fields = _parse_head(head[:-4])
                await reader.readexactly(int(fields.get("content-length", 0)))
                ok, left = bucket.take()
                extra = ""
                if headers:
                    extra = (
                        f"x-ratelimit-limit-requests: {int(rate * 60)}\r\n"
                        f"x-ratelimit-remaining-requests: {int(left * 60) if ok else 0}\r\n"
                        f"x-ratelimit-reset-requests: {0 if ok else left:.3f}s\r\n"
                    )
                if ok:
                    body, status = COMPLETION_BYTES, "200 OK"
                else:
                    body, status = b'{"error":{"message":"rate limited"}}', "429 Too Many"
                    extra += f"retry-after: {math.ceil(left)}\r\n"
                writer.write(
                    f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n{extra}\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(connection, "127.0.0.1", 0, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@contextmanager
def started(*command: str) -> Iterator[str]:
    """Runs a server process that prints its port; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, *command], stdout=subprocess.PIPE, text=True, cwd=BENCH
    )
    try:
        assert process.stdout is not None
        yield f"http://127.0.0.1:{process.stdout.readline().strip()}/v1"
    finally:
        process.terminate()
        process.wait()


# --- workers ----------------------------------------------------------------------------------


def write_lines(path: Path, count: int) -> None:
    with open(path, "w") as f:
        for i in range(count):
            body = {"model": "m", "messages": [{"role": "user", "content": f"question {i}"}]}
            f.write(
                json.dumps(
                    {
                        "custom_id": f"q{i}",
                        "method": "POST",
                        "url": "/v1/chat/completions",
                        "body": body,
                    }
                )
                + "\n"
            )


async def trilogue_worker(spec: dict[str, Any]) -> dict[str, Any]:
    from trilogue.lib.batch import arun_batch

    started_at, cpu = time.perf_counter(), time.process_time()
    summary = await arun_batch(
        spec["input"],
        spec["output"],
        base_url=spec["url"],
        api_key="bench",
        concurrency=spec["concurrency"],
        max_retries=spec.get("max_retries", 2),
        show_progress=False,
    )
    return {
        "seconds": time.perf_counter() - started_at,
        "cpu": time.process_time() - cpu,
        "ok": summary.succeeded,
        "failed": summary.failed,
        "throttled": summary.throttled,
    }


async def openai_worker(spec: dict[str, Any]) -> dict[str, Any]:
    """The cookbook pattern: a task per line, a semaphore around `create()`."""
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=spec["url"], api_key="bench", max_retries=2)
    semaphore = asyncio.Semaphore(spec["concurrency"])
    out = open(spec["output"], "w")  # noqa: SIM115 (closed below)
    failed = 0

    async def one(record: dict[str, Any]) -> None:
        nonlocal failed
        async with semaphore:
            try:
                completion = await client.chat.completions.create(**record["body"])
            except Exception:
                failed += 1
                return
        out.write(
            json.dumps({"custom_id": record["custom_id"], "body": completion.model_dump()}) + "\n"
        )
        out.flush()

    started_at, cpu = time.perf_counter(), time.process_time()
    with open(spec["input"]) as f:
        await asyncio.gather(*(one(json.loads(line)) for line in f))
    result = {"seconds": time.perf_counter() - started_at, "cpu": time.process_time() - cpu}
    out.close()
    await client.close()
    return {**result, "ok": spec["count"] - failed, "failed": failed, "throttled": 0}


def worker(spec: dict[str, Any]) -> None:
    if spec.get("no_sniffio_lookup"):
        # httpcore tries `import sniffio` on every async request; with anyio 4.16 sniffio is no
        # longer installed, so each try searches sys.path. A None entry fails the import at once.
        sys.modules["sniffio"] = None  # type: ignore[assignment]
    run = trilogue_worker if spec["client"].startswith("trilogue") else openai_worker
    result = asyncio.run(run(spec))
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(python: str, spec: dict[str, Any]) -> dict[str, Any]:
    if os.path.exists(spec["output"]):
        os.remove(spec["output"])
    done = subprocess.run(
        [python, str(Path(__file__)), "--worker", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def openai_python() -> str | None:
    """A Python that can import openai: .venv-bench/'s, else this one's, else None."""
    for python in (str(ROOT / ".venv-bench" / "bin" / "python"), sys.executable):
        if os.path.exists(python):
            found = subprocess.run([python, "-c", "import openai"], capture_output=True)
            if found.returncode == 0:
                return python
    return None


# --- the three parts --------------------------------------------------------------------------


def throughput(tmp: Path, count: int, levels: list[int]) -> None:
    source = tmp / "throughput.jsonl"
    write_lines(source, count)
    other = openai_python()
    print(f"\n1. Throughput, {count} requests against the canned server")
    print(
        f"{'client':10} {'conc':>5} {'req/s':>8} {'CPU ms/req':>11} {'req/CPU-s':>10} {'failed':>7}"
    )
    with started(str(BENCH / "server.py")) as url:
        for level in levels:
            for name, python in (
                ("trilogue", sys.executable),
                ("trilogue*", sys.executable),
                ("openai", other),
            ):
                if python is None:
                    continue
                spec = {
                    "client": name,
                    "input": str(source),
                    "output": str(tmp / f"{name}.out"),
                    "url": url,
                    "concurrency": level,
                    "count": count,
                    "no_sniffio_lookup": name.endswith("*"),
                }
                r = measure(python, spec)
                print(
                    f"{name:10} {level:>5} {count / r['seconds']:>8.0f} "
                    f"{1000 * r['cpu'] / count:>11.3f} {count / r['cpu']:>10.0f} {r['failed']:>7}"
                )
    print("(trilogue*: the same, with httpcore's failing `import sniffio` short-cut)")
    if other is None:
        print("(openai is not importable from .venv-bench/ or .venv/: no openai column)")


def rate_limited(tmp: Path, count: int, rate: float) -> None:
    source = tmp / "limited.jsonl"
    write_lines(source, count)
    ideal = count / rate
    print(f"\n2. A server allowing {rate:g} requests/s, {count} requests (ideal {ideal:.1f} s)")
    print(f"{'server':24} {'429 share':>10} {'time s':>8} {'x ideal':>8} {'failed':>7}")
    for label, flags in (("429 + Retry-After only", []), ("with x-ratelimit-*", ["--headers"])):
        with started(str(Path(__file__)), "--serve-limited", str(rate), *flags) as url:
            spec = {
                "client": "trilogue",
                "input": str(source),
                "output": str(tmp / "limited.out"),
                "url": url,
                "concurrency": 64,
                "count": count,
                "max_retries": 20,
            }
            r = measure(sys.executable, spec)
        share = r["throttled"] / (count + r["throttled"])
        print(
            f"{label:24} {100 * share:>9.1f}% {r['seconds']:>8.1f} "
            f"{r['seconds'] / ideal:>8.2f} {r['failed']:>7}"
        )


def memory(tmp: Path, lines: int) -> None:
    print("\n3. Peak RSS of the runner (concurrency 256) by input size")
    with started(str(BENCH / "server.py")) as url:
        for count in (lines // 10, lines):
            source = tmp / f"rss{count}.jsonl"
            write_lines(source, count)
            spec = {
                "client": "trilogue",
                "input": str(source),
                "output": str(tmp / "rss.out"),
                "url": url,
                "concurrency": 256,
                "count": count,
            }
            r = measure(sys.executable, spec)
            print(
                f"{count:>8} lines: peak RSS {r['rss_mib']:.1f} MiB "
                f"({r['seconds']:.1f} s, failed {r['failed']})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", default="64,256,1024")
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--limited-requests", type=int, default=2_000)
    parser.add_argument("--rss-lines", type=int, default=100_000)
    parser.add_argument("--smoke", action="store_true", help="everything small, about 10 s")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--serve-limited", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--headers", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(json.loads(args.worker))
    if args.serve_limited:
        return asyncio.run(serve_limited(args.serve_limited, args.headers))
    if args.smoke:
        args.requests, args.limited_requests, args.rate, args.rss_lines = 1_000, 100, 50.0, 5_000
    levels = [int(x) for x in args.concurrency.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        throughput(Path(tmp), args.requests, levels)
        rate_limited(Path(tmp), args.limited_requests, args.rate)
        memory(Path(tmp), args.rss_lines)


if __name__ == "__main__":
    main()
