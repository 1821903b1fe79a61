"""Ctrl-C (SIGINT) at any moment of a call, in a real process: the KeyboardInterrupt reaches
the caller and the connection pool keeps nothing of the interrupted call (issue 20)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from sse_server import Reply, SSEServer

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    import trilogue

    url, stream, after = sys.argv[1], sys.argv[2] == "stream", float(sys.argv[3])
    client = trilogue.Trilogue("mistral", api_key="k", base_url=url, max_retries=0)
    threading.Timer(after, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    messages = [{"role": "user", "content": "Hi"}]
    try:
        if stream:
            with client.chat.completions.create(model="m", messages=messages, stream=True) as s:
                for _ in s:
                    pass
        else:
            client.chat.completions.create(model="m", messages=messages)
        outcome = "finished"
    except KeyboardInterrupt:
        outcome = "interrupted"
    pool = client._http._transport._pool
    busy = [c for c in pool.connections if "ACTIVE" in c.info()]
    print(outcome, len(pool._requests), len(busy))
    """
)

ANSWER = {
    "id": "c",
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}}],
}
CHUNK = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",' + (
    b'"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}]}\n\n'
)


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
@pytest.mark.parametrize("after", [0.05, 0.25, 0.45])
def test_sigint_at_any_moment_leaves_nothing_in_the_pool(stream: bool, after: float) -> None:
    # The answer comes in pieces 0.2 s apart: the signal lands while the headers are awaited,
    # while the body is read, or between chunks.
    body = json.dumps(ANSWER).encode()
    pieces: list[bytes | float] = (
        [0.1, CHUNK, 0.2, CHUNK, 0.2, CHUNK, 0.2, b"data: [DONE]\n\n"]
        if stream
        else [0.1, body[:10], 0.2, body[10:20], 0.2, body[20:]]
    )
    kind = "text/event-stream" if stream else "application/json"
    server = SSEServer().start()
    try:
        server.script(Reply(pieces, headers={"Content-Type": kind}))
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                SCRIPT,
                server.url,
                "stream" if stream else "create",
                str(after),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.stop()
    outcome, requests, busy = run.stdout.split()
    assert outcome == "interrupted", run.stderr
    assert (requests, busy) == ("0", "0")
