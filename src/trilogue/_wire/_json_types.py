"""What the request checks share: paths, JSON type names, bounds and tiny checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# A path is built as (parent, key) pairs, cheap to extend; show() spells it out on an error.
Path = tuple[Any, ...]
Check = Callable[[Any, Path], Any]
"""Checks a value found at a path; returns it, with any generated model in it as a dict."""

REF = "#/components/schemas/"
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
    "null": (type(None),),
}
_TYPE_NAMES: dict[type, str] = {
    str: "string",
    bool: "boolean",
    int: "integer",
    list: "array",
    tuple: "array",
    dict: "object",
    type(None): "null",
}
_ALL_TYPES = ("string", "boolean", "integer", "number", "array", "object", "null")


def show(path: Path) -> str:
    """`messages[2].content[0].type` for the path of that value."""
    parts: list[Any] = []
    while path:
        path, key = path
        parts.append(key)
    out = ""
    for part in reversed(parts):
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _json_type(value: Any) -> str:
    name = _TYPE_NAMES.get(type(value))
    if name is not None:
        return name
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _admits(types: frozenset[str] | None, json_type: str) -> bool:
    if types is None:
        return True
    return json_type in types or (json_type == "integer" and "number" in types)


_BOUNDS: tuple[tuple[str, Callable[[Any, Any], bool], str], ...] = (
    ("minimum", lambda v, b: v < b, "at least"),
    ("maximum", lambda v, b: v > b, "at most"),
    ("exclusiveMinimum", lambda v, b: v <= b, "greater than"),
    ("exclusiveMaximum", lambda v, b: v >= b, "less than"),
)


_SCALAR_KEYWORDS = frozenset(
    {"const", "enum", "minLength", "maxLength", "pattern", *(key for key, _, _ in _BOUNDS)}
)


def _quote(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _as_dict(value: Any, path: Path) -> Any:
    """A generated model where the spec has an object: the dict it stands for."""
    if type(value) is dict:
        return value
    to_dict = getattr(value, "to_dict", None)
    return value if to_dict is None else to_dict()


def _all(checks: list[Check]) -> Check:
    def check(value: Any, path: Path) -> Any:
        for one in checks:
            value = one(value, path)
        return value

    return check


def got(value: Any) -> str:
    """What a refused value is, for an error message: `null` for None (given, so sent as null,
    where the field may not be null), else its Python type."""
    return (
        "null (None is sent as null; leave the argument out to not send it)"
        if value is None
        else type(value).__name__
    )
