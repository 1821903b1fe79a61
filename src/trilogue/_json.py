"""JSON decoding with orjson when it is installed (`trilogue[fast]`), else the stdlib; encoding
always with the stdlib, strictly.

The choice is made on first use, so `import trilogue` does not pay for importing orjson.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# Requests are always encoded by the stdlib, strictly: NaN and infinities, values JSON has no
# form for (datetime, bytes, set, objects) and circular references are refused, the same with
# or without orjson (which would write NaN as null and datetimes as strings).
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _stdlib_dumps(value: Any) -> bytes:
    try:
        return _encoder.encode(value).encode()
    except RecursionError:
        raise ValueError("the value is nested too deeply to send as JSON") from None


def _finite(text: str) -> float:
    value = float(text)
    if value in (_INF, -_INF):
        raise ValueError(f"number out of range: {text}")
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


_INF = float("inf")


_decoder = json.JSONDecoder(parse_float=_finite, parse_constant=_no_constant)
"""Made once: `json.loads(text, parse_float=...)` would build a decoder on every call."""
# The decoder's C scanner, called directly: `decode` adds two whitespace searches and
# `raw_decode` a Python frame, costs paid per stream chunk.
_scan: Callable[[str, int], tuple[Any, int]] = vars(_decoder)["scan_once"]
_WHITESPACE = " \t\n\r"


def _stdlib_loads(data: bytes | str) -> Any:
    """The stdlib's parser, refusing what orjson refuses (NaN, Infinity, numbers too large for
    a float, nesting too deep) with a ValueError, so both behave the same."""
    if not isinstance(data, str):
        data = data.decode(json.detect_encoding(data), "surrogatepass")
    try:
        value, end = _scan(data, 0)
    except (StopIteration, ValueError):  # leading whitespace, or not JSON: the long way
        return _decode(data)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to read") from None
    if end == len(data) or not data[end:].strip(_WHITESPACE):
        return value
    return _decode(data)


def _decode(data: str) -> Any:
    try:
        return _decoder.decode(data)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to read") from None


def _choose() -> None:
    global loads, dumps
    dumps = _stdlib_dumps
    try:
        import orjson
    except ImportError:
        loads = _stdlib_loads
    else:
        loads = orjson.loads  # refuses deep nesting itself, with a ValueError


# Until the first use. A module that bound these by name keeps calling them: they choose only
# once (a failed `import orjson` is not cached by Python, and costs a search of sys.path).
def _first_loads(data: bytes | str) -> Any:
    if loads is _first_loads:
        _choose()
    return loads(data)


def _first_dumps(value: Any) -> bytes:
    if dumps is _first_dumps:
        _choose()
    return dumps(value)


loads: Callable[[bytes | str], Any] = _first_loads
dumps: Callable[[Any], bytes] = _first_dumps
