"""JSON encoding and decoding: orjson when it is installed (`trilogue[fast]`), else the stdlib."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

loads: Callable[[bytes | str], Any]
dumps: Callable[[Any], bytes]

try:
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    _encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    loads = json.loads

    def dumps(value: Any) -> bytes:
        return _encoder.encode(value).encode()

else:
    loads = orjson.loads

    def dumps(value: Any) -> bytes:
        encoded: bytes = orjson.dumps(value)
        return encoded


JSONDecodeError = ValueError  # both parsers raise a ValueError subclass
