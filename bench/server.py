"""The benchmark's HTTP server: a minimal HTTP/1.1 keep-alive server on asyncio streams.

It answers any POST whose path ends in /chat/completions with a canned chat.completion (about
1.7 KB, with tool calls and usage) or, when the JSON body has "stream": true, an SSE stream of
chunks sent with chunked transfer encoding, one HTTP chunk per event, ending in `data: [DONE]`.

Request headers steer a stream:
- `x-bench-chunks: N`  the number of chunks (default 20000);
- `x-bench-framing: length`  the whole stream at once with a Content-Length (not one HTTP
                       chunk per event);
- `x-bench-hold: S`    send the first chunk, then wait until the client hangs up (or S seconds
                       pass) before sending the rest (used to hold many streams open at once).

Responses are built once and cached, so the server does little per request.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import sys
from typing import Any

from payloads import CHAT_COMPLETION, chunk

DEFAULT_CHUNKS = 20_000
_HEAD_END = b"\r\n\r\n"


def _extended_completion() -> dict[str, Any]:
    """CHAT_COMPLETION grown to about 1.7 KB with fields real OpenAI-compatible servers send."""
    body = copy.deepcopy(CHAT_COMPLETION)
    body["service_tier"] = "default"
    body["prompt_logprobs"] = None
    message = body["choices"][0]["message"]
    message.update(annotations=[], audio=None, function_call=None)
    message["tool_calls"].append(
        {
            "id": "call_5c9e0a7d3f",
            "type": "function",
            "function": {
                "name": "get_exchange_rate",
                "arguments": '{"from": "EUR", "to": "USD", "date": "latest"}',
            },
        }
    )
    usage = body["usage"]
    usage["prompt_tokens_details"]["audio_tokens"] = 0
    usage["completion_tokens_details"].update(
        audio_tokens=0, accepted_prediction_tokens=0, rejected_prediction_tokens=0
    )
    return body


COMPLETION_BYTES = json.dumps(_extended_completion()).encode()


def _head(content_type: str, length: int | None) -> bytes:
    framing = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    return (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: {content_type}\r\n"
        f"{framing}\r\n"
        "Date: Sat, 22 Nov 2025 04:00:00 GMT\r\n"
        "x-request-id: req_bench_0123456789abcdef\r\n"
        "\r\n"
    ).encode()


COMPLETION_RESPONSE = _head("application/json", len(COMPLETION_BYTES)) + COMPLETION_BYTES
_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


def _http_chunk(payload: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(payload), payload)


def _event(data: dict[str, Any] | str) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data)
    return _http_chunk(f"data: {text}\n\n".encode())


@functools.cache
def stream_parts(count: int) -> tuple[bytes, bytes]:
    """The response head plus the first chunk, and everything after it, for `count` chunks."""
    events = [_event(chunk(i, f" word{i}")) for i in range(max(count - 1, 0))]
    last = chunk(count - 1, ".")
    last["choices"][0]["finish_reason"] = "stop"
    events.append(_event(last))
    head = _head("text/event-stream", None) + events[0]
    rest = b"".join(events[1:]) + _event("[DONE]") + _http_chunk(b"")
    return head, rest


@functools.cache
def whole_stream(count: int) -> bytes:
    """The whole SSE answer of `count` chunks with a Content-Length: it sits in the client's
    socket buffer at once, so only the client's per-chunk work shows."""
    events = [f"data: {json.dumps(chunk(i, f' word{i}'))}\n\n" for i in range(count - 1)]
    last = chunk(count - 1, ".")
    last["choices"][0]["finish_reason"] = "stop"
    body = ("".join(events) + f"data: {json.dumps(last)}\n\ndata: [DONE]\n\n").encode()
    return _head("text/event-stream", len(body)) + body


def _parse_head(head: bytes) -> tuple[str, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, path, headers


async def _send_stream(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, headers: dict[str, str]
) -> bool:
    """Writes one SSE response; False when the client hung up before its end."""
    count = int(headers.get("x-bench-chunks", DEFAULT_CHUNKS))
    if headers.get("x-bench-framing") == "length":
        writer.write(whole_stream(count))
        await writer.drain()
        return True
    head, rest = stream_parts(count)
    writer.write(head)
    await writer.drain()
    hold = float(headers.get("x-bench-hold", 0))
    if hold:
        try:
            if not await asyncio.wait_for(reader.read(1), hold):
                return False  # the client closed the stream
        except TimeoutError:
            pass
    writer.write(rest)
    await writer.drain()
    return True


async def _serve_one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
    """Answers one request on a kept-alive connection; False when the connection is done."""
    try:
        head = await reader.readuntil(_HEAD_END)
    except (asyncio.IncompleteReadError, ConnectionError):
        return False
    method, path, headers = _parse_head(head[: -len(_HEAD_END)])
    body = await reader.readexactly(int(headers.get("content-length", 0)))
    if method != "POST" or not path.split("?")[0].endswith("/chat/completions"):
        writer.write(_NOT_FOUND)
    elif json.loads(body).get("stream"):
        return await _send_stream(reader, writer, headers)
    else:
        writer.write(COMPLETION_RESPONSE)
    await writer.drain()
    return True


async def _connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while await _serve_one(reader, writer):
            pass
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def serve(port: int = 0) -> None:
    """Serves on 127.0.0.1:`port` forever; prints the port once listening."""
    stream_parts(DEFAULT_CHUNKS)  # build the default stream before the first request
    server = await asyncio.start_server(_connection, "127.0.0.1", port, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
