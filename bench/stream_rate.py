"""How many stream chunks per CPU-second the client side spends: raw httpx vs trilogue.

A keep-alive HTTP/1.1 server, in its own process so its CPU is not counted, streams 20,000
OpenAI-shaped chunks ending with `data: [DONE]`. The client process's CPU time
(`time.process_time()`) is measured for
  (a) raw httpx: `iter_lines()` + `json.loads` per data line,
  (b) trilogue: `Trilogue(provider="openai-compatible").chat.completions.create(stream=True)`,
each in two server modes: "per-event" (one HTTP chunk per SSE event, as a live server sends
tokens) and "bulk" (64 KiB HTTP chunks, the parse cost alone). Best of several rounds.

    .venv/bin/python bench/stream_rate.py [--chunks 20000] [--rounds 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import multiprocessing
import pstats
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from typing import Any

import httpx

import trilogue

MODEL = "llama3.3-70b-instruct"
MESSAGES = [{"role": "user", "content": "Tell me a long story."}]


def make_body(count: int) -> list[bytes]:
    """The SSE events of a `count`-chunk answer, [DONE] last."""
    events = []
    for i in range(count):
        last = i == count - 1
        chunk = {
            "id": "chatcmpl-9f2c41d8a7b34e0b9c1e5d6f7a8b9c0d",
            "object": "chat.completion.chunk",
            "created": 1763779200,
            "model": MODEL,
            "system_fingerprint": "fp_4f2a1c9e",
            "choices": [
                {
                    "index": 0,
                    "delta": {"role": "assistant", "content": ""}
                    if i == 0
                    else ({} if last else {"content": f" word{i % 97}"}),
                    "logprobs": None,
                    "finish_reason": "stop" if last else None,
                }
            ],
        }
        events.append(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
    events.append(b"data: [DONE]\n\n")
    return events


def serve(count: int, conn: Connection) -> None:
    """The server process: streams the body to every POST, keeping connections alive."""
    events = make_body(count)
    bulk_body = b"".join(events)
    per_event = [b"%x\r\n%s\r\n" % (len(e), e) for e in events]
    bulk = [
        b"%x\r\n%s\r\n" % (len(p), p)
        for p in (bulk_body[i : i + 65536] for i in range(0, len(bulk_body), 65536))
    ]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pieces = per_event if self.path.startswith("/per-event/") else bulk
            try:
                for piece in pieces:
                    self.wfile.write(piece)
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                self.close_connection = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    conn.send(server.server_address[1])
    server.serve_forever()


def raw_httpx(http: httpx.Client, url: str) -> int:
    count = 0
    with http.stream("POST", url + "/chat/completions", json={"model": MODEL}) as response:
        for line in response.iter_lines():
            if line.startswith("data: "):
                data = line[6:]
                if data == "[DONE]":
                    break
                json.loads(data)
                count += 1
    return count


def with_trilogue(client: trilogue.Trilogue) -> int:
    count = 0
    stream = client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    for _ in stream:
        count += 1
    return count


def measure(run: Callable[[], int], rounds: int, expected: int) -> tuple[float, float]:
    """Best chunks per CPU-second and per wall-second over `rounds` runs (after a warm-up)."""
    assert run() == expected
    best_cpu = best_wall = float("inf")
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        got = run()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        assert got == expected, got
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
    return expected / best_cpu, expected / best_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile the trilogue run")
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(args.chunks, theirs), daemon=True)
    server.start()
    try:
        port = ours.recv()
        print(f"{args.chunks} chunks per stream, best of {args.rounds}; client CPU only\n")
        for mode in ("per-event", "bulk"):
            url = f"http://127.0.0.1:{port}/{mode}/v1"
            with httpx.Client(timeout=60) as http:
                raw, raw_wall = measure(
                    functools.partial(raw_httpx, http, url), args.rounds, args.chunks
                )
            with trilogue.Trilogue(provider="openai-compatible", base_url=url) as client:
                run = functools.partial(with_trilogue, client)
                ours_rate, ours_wall = measure(run, args.rounds, args.chunks)
                if args.profile and mode == "per-event":
                    profile(client, args.chunks)
            print(f"[{mode}]")
            print(f"  (a) raw httpx + iter_lines + json.loads: {raw:10,.0f} chunks/CPU-s")
            print(f"  (b) trilogue create(stream=True):        {ours_rate:10,.0f} chunks/CPU-s")
            print(f"  ratio trilogue/raw: {ours_rate / raw:.2f}")
            print(f"  (wall: raw {raw_wall:,.0f}/s, trilogue {ours_wall:,.0f}/s)\n")
    finally:
        server.terminate()
        server.join()


def profile(client: trilogue.Trilogue, chunks: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    with_trilogue(client)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime")
    print(f"cProfile of one trilogue stream ({chunks} chunks), by own time:")
    stats.print_stats(15)


if __name__ == "__main__":
    main()
