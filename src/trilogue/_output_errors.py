"""The errors of `parse()` and `run_tools()`: an answer that ended before its structured output
was whole, or that does not match the type asked for, a tool call that could not be answered,
and a tool loop that did not finish."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._exceptions import TrilogueError

if TYPE_CHECKING:
    from ._models import ChatCompletion

__all__ = [
    "ContentFilterFinishReasonError",
    "LengthFinishReasonError",
    "MaxTurnsExceededError",
    "OutputParseError",
    "ToolCallError",
    "ToolResultError",
    "ToolTimeoutError",
    "UnknownToolError",
]


class _FinishReasonError(TrilogueError):
    completion: ChatCompletion
    content: str | None

    def __init__(self, message: str, *, completion: ChatCompletion, content: str | None) -> None:
        super().__init__(message)
        self.completion = completion
        self.content = content


class LengthFinishReasonError(_FinishReasonError):
    """The answer hit the token limit (`finish_reason: length`) before the output was complete.

    `content` is the raw text that came, `completion` the whole answer.
    """

    def __init__(self, *, completion: ChatCompletion, content: str | None) -> None:
        usage = completion.usage
        spent = f" ({usage.completion_tokens} completion tokens)" if usage is not None else ""
        super().__init__(
            f"The answer was cut at the token limit{spent} before its output was complete; "
            "raise max_tokens/max_completion_tokens or ask for less.",
            completion=completion,
            content=content,
        )


class ContentFilterFinishReasonError(_FinishReasonError):
    """The provider's content filter stopped the answer (`finish_reason: content_filter`)."""

    def __init__(self, *, completion: ChatCompletion, content: str | None) -> None:
        super().__init__(
            "The provider's content filter stopped the answer.",
            completion=completion,
            content=content,
        )


class OutputParseError(TrilogueError, ValueError):
    """The model's output is not JSON, or does not match the type asked for.

    `raw` is the text the model sent, `errors` the list of problems (Pydantic's error dicts, or
    one `json_invalid` entry), `completion` the whole answer.
    """

    raw: str | None
    errors: list[dict[str, Any]]
    completion: ChatCompletion | None

    def __init__(
        self,
        message: str,
        *,
        raw: str | None,
        errors: list[dict[str, Any]],
        completion: ChatCompletion | None = None,
    ) -> None:
        super().__init__(message)
        self.raw = raw
        self.errors = errors
        self.completion = completion


class MaxTurnsExceededError(TrilogueError):
    """`run_tools()` made `max_turns` requests and the model still asked for tools.

    `messages` is the conversation so far (tool results included), `completion` the last answer.
    """

    def __init__(self, *, max_turns: int, messages: list[Any], completion: ChatCompletion) -> None:
        super().__init__(
            f"The model still called tools after {max_turns} turns (max_turns={max_turns})."
        )
        self.max_turns = max_turns
        self.messages = messages
        self.completion = completion


class ToolCallError(TrilogueError):
    """`run_tools()` could not answer a tool call the model made (with `on_tool_error="raise"`;
    with `"return"` the model gets the error as the call's result instead).

    `tool_name` is the name the model called (None if it sent none), `call_id` the call's id.
    """

    tool_name: str | None
    call_id: str | None

    def __init__(self, message: str, *, tool_name: str | None, call_id: str | None) -> None:
        super().__init__(message)
        self.tool_name = tool_name
        self.call_id = call_id


class UnknownToolError(ToolCallError, LookupError):
    """The model called a tool that is not among `run_tools(tools=[...])`, or sent no name."""


class ToolResultError(ToolCallError):
    """A tool returned a value that cannot be sent back as text (not JSON-serialisable,
    circular, nested too deeply); the serialiser's exception is the `__cause__`."""


class ToolTimeoutError(ToolCallError, TimeoutError):
    """A tool ran longer than `run_tools(tool_timeout=...)`. `timeout` is that limit, in seconds.

    What the timeout stops depends on the tool: see `run_tools`."""

    timeout: float

    def __init__(
        self, message: str, *, tool_name: str | None, call_id: str | None, timeout: float
    ) -> None:
        super().__init__(message, tool_name=tool_name, call_id=call_id)
        self.timeout = timeout
