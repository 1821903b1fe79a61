"""Partial JSON: a 23 KB structured-output object arriving in 8-character pieces.

Figures:
- one `json.loads` of the whole document, and trilogue's parser given it whole;
- trilogue's parser fed every piece with its value read after each one (the most a user can ask:
  a fresh partial object per piece);
- a streamed `parse()` (`ParsedStream`) over prebuilt chunks, with `stream.partial` read after
  every chunk, after every 16th, and only at the end (text is queued and parsed on reading);
- for scale, the same document streamed through `stream(response_format=...)` from an in-process
  fake Mistral (SSE decoding, chunk models): with `stream.partial` never read, and read after
  every chunk;
- the re-parse-everything baseline: the whole buffer so far parsed on every piece with Pydantic's
  partial mode (`pydantic_core.from_json(allow_partial=True)`, how SDKs built on jiter do it).
Issue target: incremental total <= 3x one full parse. Run: `.venv/bin/python bench/partial_json.py`
(also part of `make bench`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pydantic_core
from typing_extensions import TypedDict

from trilogue._models import ChatCompletionChunk
from trilogue._providers import get_provider
from trilogue.lib._parsed_stream import _Partials
from trilogue.lib._partial_json import PartialJSON
from trilogue.lib._structured import output_spec
from trilogue.testing import FakeProvider

CHUNK = 8


class Stock(TypedDict):
    title: str
    count: int
    items: list[dict[str, Any]]


def document() -> str:
    """About 23 KB: a list of records with strings, numbers, booleans, nulls and nested lists."""
    items = [
        {
            "id": i,
            "name": f"Item number {i} with a longer name",
            "price": round(i * 1.37, 2),
            "in_stock": i % 3 != 0,
            "tags": ["red", "large", f"batch-{i % 7}"],
            "notes": None if i % 4 else 'Handle with care: fragile "glass" inside',
        }
        for i in range(150)
    ]
    return json.dumps({"title": "Inventory", "count": len(items), "items": items})


def fed_each_piece(pieces: list[str]) -> object:
    parser = PartialJSON()
    value = None
    for piece in pieces:
        parser.feed(piece)
        value = parser.value
    assert parser.done
    return value


def streamed(chunks: list[ChatCompletionChunk], every: int) -> object:
    partials: _Partials[Any] = _Partials(SPEC)
    value = None
    for count, chunk in enumerate(chunks, 1):
        partials.add(chunk)
        if count % every == 0:
            value = partials.partial
    return partials.partial if value is None or every > 1 else value


def through_stream(pieces: list[str], read: bool) -> object:
    fake = FakeProvider("mistral")
    fake.add_response(chunks=pieces)
    value = None
    with (
        fake.client() as client,
        client.chat.completions.stream(
            model="m", messages=[{"role": "user", "content": "."}], response_format=Stock
        ) as stream,
    ):
        for _ in stream:
            if read:
                value = stream.partial
        value = stream.partial
    return value


def reparse_pydantic(pieces: list[str]) -> object:
    value = None
    buffer = ""
    for piece in pieces:
        buffer += piece
        value = pydantic_core.from_json(buffer, allow_partial=True)
    return value


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def chunk_of(text: str) -> ChatCompletionChunk:
    return ChatCompletionChunk.from_dict(
        {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
        }
    )


SPEC = output_spec({"type": "object", "properties": {}}, get_provider("openai-compatible"))


def main() -> None:
    text = document()
    pieces = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    chunks = [chunk_of(piece) for piece in pieces]
    expected = json.loads(text)
    for run in (
        lambda: fed_each_piece(pieces),
        lambda: streamed(chunks, 1),
        lambda: streamed(chunks, 16),
        lambda: streamed(chunks, len(chunks) + 1),
    ):
        assert run() == expected
    loads = best(lambda: json.loads(text), 200)
    whole = best(lambda: fed_each_piece([text]), 200)
    each = best(lambda: fed_each_piece(pieces), 20)
    rows = [
        ("json.loads, whole document once", loads),
        ("PartialJSON, whole document once", whole),
        ("PartialJSON fed each piece, read after each", each),
    ]
    for every, label in ((1, "every chunk"), (16, "every 16th chunk"), (0, "only at the end")):
        n = every or len(chunks) + 1
        rows.append(
            (f"parse() stream, partial read {label}", best(lambda n=n: streamed(chunks, n), 20))
        )
    assert through_stream(pieces, True) == expected
    quiet = best(lambda: through_stream(pieces, False), 5)
    loud = best(lambda: through_stream(pieces, True), 5)
    rows.append(("the stream itself, partial never read", quiet))
    rows.append(("the stream itself, partial read every chunk", loud))
    rows.append(
        ("re-parse buffer each piece: pydantic_core", best(lambda: reparse_pydantic(pieces), 2))
    )
    print(f"partial JSON: {len(text)} bytes in {len(pieces)} pieces of {CHUNK} characters")
    for label, seconds in rows:
        print(f"  {label:<46} {seconds * 1e3:9.3f} ms  {seconds / loads:8.1f}x json.loads")
    print(
        "target: incremental total <= 3x one full parse; re-parsing with pydantic_core / "
        f"fed each piece: {rows[8][1] / each:.0f}x; reading partial every chunk adds "
        f"{(loud - quiet) / quiet:.0%} to the stream's own cost"
    )


if __name__ == "__main__":
    main()
