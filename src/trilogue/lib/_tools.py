"""Tools from Python functions (`function_tool`) and the loop that runs them (`run_tools`).

A function's tool is built from its signature, type hints and docstring: Pydantic (the
`structured` extra) writes the parameters' JSON schema, made strict like `parse()`'s, and checks
the arguments the model sends before the function is called.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import json
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, overload

from trilogue_api.api.chat.create_chat_completion import REQUEST_SCHEMA

from .._exceptions import InvalidParameterError
from .._output_errors import MaxTurnsExceededError, OutputParseError

if TYPE_CHECKING:
    from .._models import ChatCompletion
    from .._providers import Provider
    from ..resources.chat.completions import AsyncCompletions, Completions

__all__ = ["FunctionTool", "ToolRunResult", "ToolSpec", "function_tool"]

P = ParamSpec("P")
R = TypeVar("R")

OnToolError = Literal["return", "raise"]


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

        try:
            data = json.loads(raw) if raw.strip() else {}
        except ValueError as exc:
            raise OutputParseError(
                f"The arguments for {self.name} are not valid JSON: {exc}",
                raw=raw,
                errors=[{"type": "json_invalid", "msg": str(exc)}],
            ) from None
        data = self._drop_nulls(data, self._schema, self._schema.get("$defs") or {})
        try:
            checked: dict[str, Any] = self._adapter.validate_python(data)
        except ValidationError as exc:
            raise OutputParseError(
                f"The arguments for {self.name} do not match its parameters: {exc}",
                raw=raw,
                errors=[dict(e) for e in exc.errors(include_url=False)],
            ) from None
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


@dataclasses.dataclass
class ToolRunResult:
    """What `run_tools()` returns: the final `completion`, the whole conversation in
    `messages` (yours, then each assistant message and tool result, then the answer) and how
    many requests it took (`turns`)."""

    completion: ChatCompletion
    messages: list[Any]
    turns: int

    @property
    def content(self) -> str | None:
        """The final answer's text."""
        from ._structured import text_of

        message = self.completion.assistant_message
        return text_of(message.content) if message is not None else None


def _toolset(tools: Iterable[ToolSpec]) -> dict[str, FunctionTool[Any, Any]]:
    found: dict[str, FunctionTool[Any, Any]] = {}
    for tool in tools:
        made = tool if isinstance(tool, FunctionTool) else FunctionTool(tool)
        if made.name in found:
            raise ValueError(f"Two tools are named {made.name!r}")
        found[made.name] = made
    if not found:
        raise ValueError("run_tools() needs at least one tool")
    return found


def _result_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    dump = getattr(value, "model_dump_json", None)
    if callable(dump):
        return str(dump())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _tool_message(call: Any, content: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "tool", "content": content}
    if call.id is not None:
        message["tool_call_id"] = call.id
    return message


def _error_text(exc: BaseException) -> str:
    return f"Error: {type(exc).__name__}: {exc}"


class _Loop:
    """What the sync and async loops share: the request fields and the transcript."""

    def __init__(
        self,
        messages: Iterable[Any],
        tools: Iterable[ToolSpec],
        max_turns: int,
        on_tool_error: OnToolError,
        params: Mapping[str, Any],
        later_tool_choice: Any = None,
    ) -> None:
        if max_turns < 1:
            raise ValueError("max_turns must be at least 1")
        if on_tool_error not in ("return", "raise"):
            raise ValueError("on_tool_error must be 'return' or 'raise'")
        if "tools" in params or params.get("stream"):
            raise TypeError("run_tools() takes its tools as tools=[...] and does not stream")
        self.toolset = _toolset(tools)
        self.messages = list(messages)
        self.max_turns = max_turns
        self.on_tool_error = on_tool_error
        self.params = {**params, "tools": [t.to_param() for t in self.toolset.values()]}
        self.later_tool_choice = later_tool_choice

    def check_later_choice(self, provider: Provider, model: str) -> None:
        """Checks `later_tool_choice` against the spec now, not after the first turn is sent."""
        if self.later_tool_choice is None:
            return
        probe = {"model": model, "messages": [{"role": "user", "content": "."}]}
        try:
            provider.wire.body(str(REQUEST_SCHEMA), {**probe, **self.turn_params(1)})
        except InvalidParameterError as exc:
            if not exc.param.startswith("tool_choice"):
                raise
            param = "later_tool_choice" + exc.param[len("tool_choice") :]
            message = str(exc).replace(repr(exc.param), repr(param), 1)
            raise type(exc)(message, param=param, provider=exc.provider) from None

    def turn_params(self, turn: int) -> dict[str, Any]:
        # `tool_choice` (e.g. "required" to force a call) holds for the first turn only, or
        # every turn would have to call a tool and the loop could never end.
        if turn == 0:
            return self.params
        later = {k: v for k, v in self.params.items() if k != "tool_choice"}
        if self.later_tool_choice is not None:
            later["tool_choice"] = self.later_tool_choice
        return later

    def prepare(self, call: Any) -> tuple[FunctionTool[Any, Any] | None, Any]:
        """The tool and its checked arguments, or None and the error text to answer with."""
        tool = self.toolset.get(call.function.name)
        if tool is None:
            exc: Exception = LookupError(f"no tool named {call.function.name!r}")
            if self.on_tool_error == "raise":
                raise exc
            return None, _error_text(exc)
        try:
            return tool, tool.arguments(call.function.arguments)
        except OutputParseError as exc:
            if self.on_tool_error == "raise":
                raise
            return None, _error_text(exc)

    def failed(self, exc: Exception) -> str:
        if self.on_tool_error == "raise":
            raise exc
        return _error_text(exc)

    def finish(self, completion: ChatCompletion, turn: int) -> ToolRunResult | None:
        message = completion.assistant_message
        if message is None:
            return ToolRunResult(completion, self.messages, turn + 1)
        self.messages.append(message)
        if not message.tool_calls:
            return ToolRunResult(completion, self.messages, turn + 1)
        return None

    def exceeded(self, completion: ChatCompletion) -> MaxTurnsExceededError:
        return MaxTurnsExceededError(
            max_turns=self.max_turns, messages=self.messages, completion=completion
        )


def run_tools(
    completions: Completions,
    model: str,
    messages: Iterable[Any],
    tools: Iterable[ToolSpec],
    *,
    max_turns: int,
    on_tool_error: OnToolError,
    params: Mapping[str, Any],
    later_tool_choice: Any = None,
) -> ToolRunResult:
    loop = _Loop(messages, tools, max_turns, on_tool_error, params, later_tool_choice)
    loop.check_later_choice(completions._client.provider, model)
    asynchronous = [t.name for t in loop.toolset.values() if t.is_async]
    if asynchronous:
        raise TypeError(f"async tools {asynchronous} need AsyncTrilogue's run_tools()")
    for turn in range(max_turns):
        completion = completions.create(
            model=model, messages=loop.messages, **loop.turn_params(turn)
        )
        result = loop.finish(completion, turn)
        if result is not None:
            return result
        for call in completion.choices[0].message.tool_calls or ():
            tool, arguments = loop.prepare(call)
            if tool is not None:
                try:
                    arguments = _result_text(tool.function(**arguments))
                except Exception as exc:
                    arguments = loop.failed(exc)
            loop.messages.append(_tool_message(call, arguments))
    raise loop.exceeded(completion)


async def async_run_tools(
    completions: AsyncCompletions,
    model: str,
    messages: Iterable[Any],
    tools: Iterable[ToolSpec],
    *,
    max_turns: int,
    on_tool_error: OnToolError,
    params: Mapping[str, Any],
    later_tool_choice: Any = None,
) -> ToolRunResult:
    loop = _Loop(messages, tools, max_turns, on_tool_error, params, later_tool_choice)
    loop.check_later_choice(completions._client.provider, model)

    async def answer(call: Any) -> str:
        tool, arguments = loop.prepare(call)
        if tool is None:
            text: str = arguments
            return text
        try:
            value = tool.function(**arguments)
            if isinstance(value, Awaitable):
                value = await value
            return _result_text(value)
        except Exception as exc:
            return loop.failed(exc)

    for turn in range(max_turns):
        completion = await completions.create(
            model=model, messages=loop.messages, **loop.turn_params(turn)
        )
        result = loop.finish(completion, turn)
        if result is not None:
            return result
        calls = completion.choices[0].message.tool_calls or []
        # The calls of one turn run concurrently; their results go back in the calls' order.
        answers = await asyncio.gather(*(answer(call) for call in calls))
        loop.messages.extend(_tool_message(c, a) for c, a in zip(calls, answers, strict=True))
    raise loop.exceeded(completion)
