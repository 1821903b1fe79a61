"""The cost of the generated `from_dict` next to `json.loads` of the same bytes.

Issue target: parsing a typical chat.completion with `ChatCompletion.from_dict` costs at most
2x `json.loads`. Run: `.venv/bin/python bench/parse.py` (also part of `make bench`).
"""

from __future__ import annotations

import json
import timeit

from payloads import CHAT_COMPLETION, CHAT_COMPLETION_BYTES
from trilogue_api.models import ChatCompletion

ROUNDS = 20_000


def best(func: object) -> float:
    return min(timeit.repeat(func, number=ROUNDS, repeat=7)) / ROUNDS  # type: ignore[arg-type]


def main() -> None:
    data = json.loads(CHAT_COMPLETION_BYTES)
    assert ChatCompletion.from_dict(data).to_dict() == CHAT_COMPLETION
    loads = best(lambda: json.loads(CHAT_COMPLETION_BYTES))
    from_dict = best(lambda: ChatCompletion.from_dict(data))
    print(f"chat.completion body: {len(CHAT_COMPLETION_BYTES)} bytes")
    print(f"json.loads:            {loads * 1e6:7.2f} us")
    print(f"ChatCompletion.from_dict: {from_dict * 1e6:5.2f} us")
    print(f"from_dict / json.loads: {from_dict / loads:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
