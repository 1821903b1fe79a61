"""Tools from Python functions: `function_tool` makes a tool definition that calls the function.

A function's tool is built from its signature, type hints and docstring: Pydantic (the
`structured` extra) writes the parameters' JSON schema, made strict like `parse()`'s, and checks
the arguments the model sends before the function is called.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from .._output_errors import (
    OutputParseError,
)

if TYPE_CHECKING:
    pass

__all__ = ["FunctionTool", "ToolSpec", "function_tool"]

P = ParamSpec("P")
R = TypeVar("R")


class FunctionTool(Generic[P, R]):
    """A Python function as a tool the model can call. Calling it calls the function.

    `name`, `description` and `parameters` (a strict JSON schema) are what the model sees;
    `to_param()` is the tool as `create(tools=[...])` takes it.
    """

    def __init__(
        self,
        function: Callable[P, R],
        *,
        name: str | None = None,
        description: str | None = None,
        strict: bool = True,
    ) -> None:
        from ._structured import _drop_added_nulls, strict_schema, type_adapter

        self.function = function
        self.name = name or function.__name__
        summary, documented = _docstring(inspect.getdoc(function) or "")
        self.description = description if description is not None else summary
        self.strict = strict
        self.is_async = inspect.iscoroutinefunction(function)
        self._adapter = type_adapter(_arguments_type(function, self.name, documented))
        self._schema: dict[str, Any] = self._adapter.json_schema()
        self._schema.pop("title", None)
        self.parameters: dict[str, Any] = strict_schema(self._schema) if strict else self._schema
        self._drop_nulls = _drop_added_nulls

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.function(*args, **kwargs)

    def __repr__(self) -> str:
        return f"FunctionTool({self.name!r})"

    def to_param(self) -> dict[str, Any]:
        """The tool in the request's `tools` shape."""
        function: dict[str, Any] = {"name": self.name, "parameters": self.parameters}
        if self.description:
            function["description"] = self.description
        if self.strict:
            function["strict"] = True
        return {"type": "function", "function": function}

    def arguments(self, raw: str) -> dict[str, Any]:
        """The keyword arguments in `raw` (the model's JSON), checked against the signature."""
        from pydantic import ValidationError

        if not isinstance(raw, str):
            raise OutputParseError(
                f"The arguments for {self.name} are not a JSON string but {type(raw).__name__}",
                raw=None,
                errors=[{"type": "json_type", "msg": "arguments are not a string"}],
            )
        too_deep = OutputParseError(
            f"The arguments for {self.name} are nested too deeply to read as JSON.",
            raw=raw,
            errors=[{"type": "json_invalid", "msg": "nested too deeply"}],
        )
        try:
            data = json.loads(raw) if raw.strip() else {}
        except ValueError as exc:
            raise OutputParseError(
                f"The arguments for {self.name} are not valid JSON: {exc}",
                raw=raw,
                errors=[{"type": "json_invalid", "msg": str(exc)}],
            ) from None
        except RecursionError:
            raise too_deep from None
        try:
            data = self._drop_nulls(data, self._schema, self._schema.get("$defs") or {})
            checked: dict[str, Any] = self._adapter.validate_python(data)
        except ValidationError as exc:
            raise OutputParseError(
                f"The arguments for {self.name} do not match its parameters: {exc}",
                raw=raw,
                errors=[dict(e) for e in exc.errors(include_url=False)],
            ) from None
        except RecursionError:
            raise too_deep from None
        return checked


ToolSpec = Callable[..., Any] | FunctionTool[Any, Any]
"""What `run_tools(tools=[...])` takes: functions, or the `FunctionTool`s made from them."""


@overload
def function_tool(function: Callable[P, R], /) -> FunctionTool[P, R]: ...


@overload
def function_tool(
    *, name: str | None = None, description: str | None = None, strict: bool = True
) -> Callable[[Callable[P, R]], FunctionTool[P, R]]: ...


def function_tool(
    function: Callable[P, R] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool = True,
) -> FunctionTool[P, R] | Callable[[Callable[P, R]], FunctionTool[P, R]]:
    """The tool for `function`, from its signature, type hints and docstring (the summary
    describes the tool, an `Args:` or `:param x:` entry each parameter). Also a decorator,
    bare or with `name=`, `description=`, `strict=`."""
    if function is not None:
        return FunctionTool(function, name=name, description=description, strict=strict)

    def decorate(fn: Callable[P, R]) -> FunctionTool[P, R]:
        return FunctionTool(fn, name=name, description=description, strict=strict)

    return decorate


def _arguments_type(function: Callable[..., Any], name: str, documented: Mapping[str, str]) -> Any:
    """A TypedDict of `function`'s parameters, for Pydantic to write the schema and check."""
    from typing import Annotated, NotRequired, Required, get_type_hints

    from pydantic import Field
    from typing_extensions import TypedDict

    hints = get_type_hints(function, include_extras=True)
    fields: dict[str, Any] = {}
    for param in inspect.signature(function).parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise TypeError(f"{name}: a tool's function cannot take *args or **kwargs")
        if param.kind is param.POSITIONAL_ONLY:
            raise TypeError(f"{name}: a tool's function cannot take positional-only parameters")
        hint = hints.get(param.name, Any)
        about = documented.get(param.name)
        if about:
            hint = Annotated[hint, Field(description=about)]
        wrap = Required if param.default is param.empty else NotRequired
        fields[param.name] = wrap[hint]
    return TypedDict(_camel(name), fields)  # type: ignore[operator]


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^a-zA-Z0-9]+", name)) or "T"


_SECTION = re.compile(
    r"^(Args|Arguments|Parameters|Params|Returns?|Raises|Yields|Examples?)\s*:?\s*$"
)
_GOOGLE = re.compile(r"^(\*{0,2}\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")
_SPHINX = re.compile(r"^:param\s+(?:[^:]*\s)?(\w+)\s*:\s*(.*)$")
_NUMPY = re.compile(r"^(\w+)\s*(?::\s*.*)?$")


def _docstring(doc: str) -> tuple[str, dict[str, str]]:
    """The summary (the text before any section) and each parameter's description, from a
    Google-style (`Args:`), Sphinx (`:param x:`) or NumPy-style (`Parameters` / `---`)
    docstring."""
    lines = doc.splitlines()
    summary: list[str] = []
    params: dict[str, str] = {}
    section: str | None = None
    current: str | None = None
    indent = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        header = _SECTION.match(stripped)
        if header and (stripped.endswith(":") or set(nxt) == {"-"}):
            section = header.group(1).lower()
            current = None
            i += 2 if set(nxt) == {"-"} else 1
            continue
        sphinx = _SPHINX.match(stripped)
        if sphinx:
            current = sphinx.group(1)
            params[current] = sphinx.group(2).strip()
            section = "sphinx"
        elif stripped.startswith(":"):
            section, current = "other", None
        elif section is None:
            summary.append(line)
        elif section in ("args", "arguments", "parameters", "params") and stripped:
            level = len(line) - len(line.lstrip())
            entry = _GOOGLE.match(stripped)
            numpy = _NUMPY.match(stripped) if entry is None else None
            if current is None or level <= indent:
                if entry is not None:
                    current, indent = entry.group(1).lstrip("*"), level
                    params[current] = entry.group(2).strip()
                elif numpy is not None:
                    current, indent = numpy.group(1), level
                    params[current] = ""
            elif current is not None:
                params[current] = f"{params[current]} {stripped}".strip()
        elif section == "sphinx" and current is not None and stripped:
            params[current] = f"{params[current]} {stripped}".strip()
        i += 1
    text = "\n".join(summary).strip()
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text), {k: v for k, v in params.items() if v}


# The loop.
