"""JSON encoding and decoding: orjson when it is installed (`trilogue[fast]`), else the stdlib.

The choice is made on first use, so `import trilogue` does not pay for importing orjson.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _stdlib_dumps(value: Any) -> bytes:
    return _encoder.encode(value).encode()


def _choose() -> None:
    global loads, dumps
    try:
        import orjson
    except ImportError:
        loads, dumps = json.loads, _stdlib_dumps
    else:
        loads, dumps = orjson.loads, orjson.dumps


def _first_loads(data: bytes | str) -> Any:
    _choose()
    return loads(data)


def _first_dumps(value: Any) -> bytes:
    _choose()
    return dumps(value)


loads: Callable[[bytes | str], Any] = _first_loads
dumps: Callable[[Any], bytes] = _first_dumps
