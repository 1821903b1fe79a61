"""Partial JSON: a 23 KB structured-output object arriving in 8-character pieces.

Three figures: trilogue's incremental parser reading every piece (and its partial value looked at
after each); one `json.loads` of the whole document; and the naive way, re-parsing the whole
buffer so far on every piece (with the same parser, so only the re-reading differs).
Issue target: incremental total <= 3x one full parse. Run: `.venv/bin/python bench/partial_json.py`
(also part of `make bench`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from trilogue._partial_json import PartialJSON

CHUNK = 8


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
        for i in range(120)
    ]
    return json.dumps({"title": "Inventory", "count": len(items), "items": items})


def incremental(pieces: list[str]) -> object:
    parser = PartialJSON()
    value = None
    for piece in pieces:
        parser.feed(piece)
        value = parser.value
    assert parser.done
    return value


def reparse_everything(pieces: list[str]) -> object:
    value = None
    buffer = ""
    for piece in pieces:
        buffer += piece
        parser = PartialJSON()
        parser.feed(buffer)
        value = parser.value
    return value


def best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    text = document()
    pieces = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    expected = json.loads(text)
    assert incremental(pieces) == expected
    loads = best(lambda: json.loads(text), 200)
    whole = best(lambda: incremental([text]), 50)
    inc = best(lambda: incremental(pieces), 20)
    again = best(lambda: reparse_everything(pieces), 2)
    print(f"partial JSON: {len(text)} bytes in {len(pieces)} pieces of {CHUNK} characters")
    print(f"json.loads, whole document once:      {loads * 1e3:8.3f} ms")
    print(f"PartialJSON, whole document once:     {whole * 1e3:8.3f} ms")
    print(f"PartialJSON, incremental, all pieces: {inc * 1e3:8.3f} ms")
    print(f"re-parse the whole buffer each piece: {again * 1e3:8.3f} ms")
    print(
        f"incremental / one full parse: {inc / whole:.2f}x (target <= 3x); "
        f"/ json.loads: {inc / loads:.1f}x; re-parse / incremental: {again / inc:.0f}x"
    )


if __name__ == "__main__":
    main()
