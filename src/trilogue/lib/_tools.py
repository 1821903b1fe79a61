"""`run_tools`: the loop that sends the conversation, calls the tools the model asks for
(functions made into tools by `function_tool`) and sends their results back, until it answers."""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import json
import math
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from trilogue_api.api.chat.create_chat_completion import REQUEST_SCHEMA

from .._exceptions import InvalidParameterError
from .._output_errors import (
    MaxTurnsExceededError,
    OutputParseError,
    ToolResultError,
    ToolTimeoutError,
    UnknownToolError,
)
from .._telemetry import tool_failed, tracing
from ._function_tool import FunctionTool, ToolSpec

if TYPE_CHECKING:
    from .._models import ChatCompletion
    from .._providers import Provider
    from ..resources.chat.completions import AsyncCompletions, Completions

__all__ = ["ToolRunResult", "async_run_tools", "run_tools"]

OnToolError = Literal["return", "raise"]


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
    return {"role": "tool", "tool_call_id": call.id, "content": content}


def _error_text(exc: BaseException) -> str:
    return f"Error: {type(exc).__name__}: {exc}"


def _answerable(message: Any, turn: int) -> Any:
    """`message` (the model's, with tool calls) as it can be sent back: a call without an id
    gets one made up (its result must name it), one without a name gets `""` (and is answered
    as an unknown tool), null arguments read as `{}`. Otherwise the next request would fail the
    checks of what the caller sends."""
    from ._structured import rebuild

    calls = []
    changed = False
    for index, call in enumerate(message.tool_calls):
        function = call.function
        call_id = call.id if isinstance(call.id, str) and call.id else f"call_{turn}_{index}"
        name = function.name if isinstance(function.name, str) else ""
        arguments = "{}" if function.arguments is None else function.arguments
        if (call_id, name, arguments) != (call.id, function.name, function.arguments):
            function = rebuild(type(function), function, name=name, arguments=arguments)
            call = rebuild(type(call), call, id=call_id, function=function)
            changed = True
        calls.append(call)
    return rebuild(type(message), message, tool_calls=calls) if changed else message


def _tool_timeout(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"tool_timeout must be a number of seconds or None, not {type(value).__name__}"
        )
    try:
        seconds = float(value)
    except OverflowError:
        seconds = math.inf
    if not 0 < seconds <= threading.TIMEOUT_MAX:
        raise ValueError(
            "tool_timeout must be a positive number of seconds, at most "
            f"{threading.TIMEOUT_MAX:.0f}"
        )
    return seconds


class _TimedOut(Exception):
    """The wait for a tool in a thread ran past `tool_timeout` (never leaves this module)."""


def _call_in_thread(function: Callable[..., Any], arguments: dict[str, Any], timeout: float) -> Any:
    """`function(**arguments)` in a thread of its own, waited for at most `timeout` seconds.

    Past it, `_TimedOut` is raised and the thread is left to finish on its own: Python cannot
    stop a thread. It is a daemon thread, so it does not hold up the interpreter's exit."""
    outcome: list[tuple[bool, Any]] = []
    finished = threading.Event()
    context = contextvars.copy_context()

    def work() -> None:
        try:
            outcome.append((True, context.run(function, **arguments)))
        except BaseException as exc:  # handed to the caller, whatever it is
            outcome.append((False, exc))
        finally:
            finished.set()

    name = getattr(function, "__name__", "tool")
    threading.Thread(target=work, name=f"trilogue-tool-{name}", daemon=True).start()
    if not finished.wait(timeout):
        raise _TimedOut
    done, value = outcome[0]
    if not done:
        raise value
    return value


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
        params = dict(params)
        # Not a request field: the resource methods pass it on in `params`.
        self.tool_timeout = _tool_timeout(params.pop("tool_timeout", None))
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
        name = call.function.name
        tool = self.toolset.get(name) if isinstance(name, str) else None
        if tool is None:
            known = ", ".join(self.toolset)
            what = f"called {name!r}, which is not a tool here" if name else "sent no tool name"
            unknown = UnknownToolError(
                f"The model {what}; the tools are: {known}",
                tool_name=name or None,
                call_id=call.id,
            )
            return None, self.failed(unknown)
        try:
            return tool, tool.arguments(call.function.arguments)
        except OutputParseError as exc:
            return None, self.failed(exc)

    def failed(self, exc: Exception) -> str:
        tool_failed(exc)  # the call's execute_tool span, if telemetry records it
        if self.on_tool_error == "raise":
            raise exc
        return _error_text(exc)

    def result(self, tool: FunctionTool[Any, Any], call: Any, value: Any) -> str:
        """The tool's return value as the text sent back (or the error, if it cannot be)."""
        try:
            return _result_text(value)
        except Exception as exc:  # the serialiser's, or the value's own str()
            error = ToolResultError(
                f"The result of {tool.name} cannot be sent back as text: "
                f"{type(exc).__name__}: {exc}",
                tool_name=tool.name,
                call_id=call.id,
            )
            error.__cause__ = exc
            return self.failed(error)

    def timed_out(self, tool: FunctionTool[Any, Any], call: Any) -> str:
        timeout = self.tool_timeout or 0.0
        return self.failed(
            ToolTimeoutError(
                f"{tool.name} did not finish within tool_timeout={timeout:g} s",
                tool_name=tool.name,
                call_id=call.id,
                timeout=timeout,
            )
        )

    def finish(self, completion: ChatCompletion, turn: int) -> ToolRunResult | list[Any]:
        """The result if the model answered; else the tool calls to answer (its message,
        made fit to be sent back, is added to the transcript)."""
        message = completion.assistant_message
        if message is None:
            return ToolRunResult(completion, self.messages, turn + 1)
        if not message.tool_calls:
            self.messages.append(message)
            return ToolRunResult(completion, self.messages, turn + 1)
        message = _answerable(message, turn)
        self.messages.append(message)
        return list(message.tool_calls)

    def answer(self, call: Any) -> str:
        """The result of `call`, in this thread (or, with `tool_timeout`, in one of its own)."""
        if (telemetry := tracing()) is not None:  # OpenTelemetry: an execute_tool span
            return telemetry.execute_tool(self, call, self._answer)
        return self._answer(call)

    def _answer(self, call: Any) -> str:
        tool, arguments = self.prepare(call)
        if tool is None:
            text: str = arguments
            return text
        try:
            if self.tool_timeout is None:
                value = tool.function(**arguments)
            else:
                value = _call_in_thread(tool.function, arguments, self.tool_timeout)
        except _TimedOut:
            return self.timed_out(tool, call)
        except Exception as exc:
            return self.failed(exc)
        return self.result(tool, call, value)

    async def answer_async(self, call: Any) -> str:
        """The result of `call`: an async tool awaited, a sync one run in a worker thread."""
        if (telemetry := tracing()) is not None:  # OpenTelemetry: an execute_tool span
            return await telemetry.aexecute_tool(self, call, self._answer_async)
        return await self._answer_async(call)

    async def _answer_async(self, call: Any) -> str:
        tool, arguments = self.prepare(call)
        if tool is None:
            text: str = arguments
            return text
        scope = asyncio.timeout(self.tool_timeout)
        try:
            async with scope:
                if tool.is_async:
                    value = tool.function(**arguments)
                else:
                    value = await asyncio.to_thread(tool.function, **arguments)
                if isinstance(value, Awaitable):
                    value = await value
        except TimeoutError as exc:
            if scope.expired():
                return self.timed_out(tool, call)
            return self.failed(exc)
        except Exception as exc:
            return self.failed(exc)
        return self.result(tool, call, value)

    async def answer_turn(self, calls: list[Any]) -> list[str]:
        """The results of one turn's calls, run concurrently, in the calls' order.

        If one raises (`on_tool_error="raise"`), the others are cancelled and awaited before
        the first failure, in the calls' order, is raised; likewise when run_tools itself is
        cancelled. (A sync tool's thread cannot be stopped: it runs on, its result dropped.)
        """
        tasks = [asyncio.create_task(self.answer_async(call)) for call in calls]
        if not tasks:
            return []
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        finally:
            pending = [task for task in tasks if not task.done()]
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
            # Reading every exception marks it retrieved, even when run_tools was cancelled:
            # no "Task exception was never retrieved" in the log.
            failures = [task.exception() for task in tasks if not task.cancelled()]
        for failure in failures:
            if failure is not None:
                raise failure
        return [task.result() for task in tasks]

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
    """The loop of `client.chat.completions.run_tools()`.

    `params` are the request fields, and may hold `tool_timeout`: seconds each tool call may
    take (default None, no limit). Past it, the call's result is a `ToolTimeoutError` message
    for the model (`on_tool_error="return"`) or that error is raised (`"raise"`). With a timeout
    each call runs in a thread of its own, because a function running in the caller's thread
    cannot be interrupted; the timeout bounds the wait, not the work: Python cannot stop a
    thread, so a tool past its time runs on in the background until it returns (its result and
    any exception are dropped, its side effects still happen). The thread is a daemon thread,
    which does not hold up the interpreter's exit. Without a timeout, tools run in the caller's
    thread, one after another.

    Whatever the model sends, what comes out is typed: a call naming no tool, or none of
    `tools`, is an `UnknownToolError`; arguments that are not JSON (or nested too deeply to
    read) or do not fit the signature an `OutputParseError`; a result that cannot be sent back
    as text a `ToolResultError` (with the serialiser's error as its cause). With
    `on_tool_error="return"` each becomes the call's result for the model to see; with `"raise"`
    it is raised, as is an exception the tool itself raises.
    """
    loop = _Loop(messages, tools, max_turns, on_tool_error, params, later_tool_choice)
    loop.check_later_choice(completions._client.provider, model)
    asynchronous = [t.name for t in loop.toolset.values() if t.is_async]
    if asynchronous:
        raise TypeError(f"async tools {asynchronous} need AsyncTrilogue's run_tools()")
    for turn in range(max_turns):
        completion = completions.create(
            model=model, messages=loop.messages, **loop.turn_params(turn)
        )
        calls = loop.finish(completion, turn)
        if isinstance(calls, ToolRunResult):
            return calls
        for call in calls:
            loop.messages.append(_tool_message(call, loop.answer(call)))
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
    """The loop of `AsyncTrilogue`'s `run_tools()`: as `run_tools`, with these differences.

    The calls of one turn run concurrently and their results go back in the calls' order. Async
    tools are awaited on the event loop; sync tools run in the loop's default executor
    (`asyncio.to_thread`), so a slow one does not block other tasks, and several sync tools of
    one turn may run at the same time in different threads. With `on_tool_error="raise"`, the
    first call to fail cancels its siblings, which are awaited before the error is raised; if
    run_tools is cancelled, its tool calls are cancelled and awaited the same way.
    `tool_timeout` cancels an async tool past it; a sync tool's thread cannot be cancelled and
    runs on in the executor, its result dropped (and `asyncio.run()` waits for it at exit).
    """
    loop = _Loop(messages, tools, max_turns, on_tool_error, params, later_tool_choice)
    loop.check_later_choice(completions._client.provider, model)
    for turn in range(max_turns):
        completion = await completions.create(
            model=model, messages=loop.messages, **loop.turn_params(turn)
        )
        calls = loop.finish(completion, turn)
        if isinstance(calls, ToolRunResult):
            return calls
        answers = await loop.answer_turn(calls)
        loop.messages.extend(_tool_message(c, a) for c, a in zip(calls, answers, strict=True))
    raise loop.exceeded(completion)
