"""Adds streamed chunks up into the ChatCompletion they stand for."""

from __future__ import annotations

import json
import time
from typing import Any

from trilogue_api.models import (
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionMessageToolCall,
    ChoiceDelta,
    ChoiceLogprobs,
    CompletionUsage,
    FunctionCall,
    TokenLogprob,
    ToolCallDelta,
)

from ._models import ChatCompletion, ChatCompletionChunk

__all__ = ["ChatCompletionAccumulator"]


class _ToolCall:
    __slots__ = ("arguments", "id", "name", "object_arguments")

    def __init__(self) -> None:
        self.id: str | None = None
        self.name: str | None = None
        self.arguments: list[str] = []
        self.object_arguments: Any = None


class _Choice:
    """One message of one choice as it builds up (a choice of Mistral's multi-message output has
    several, told apart by the delta's `index`)."""

    __slots__ = (
        "by_id",
        "by_index",
        "calls",
        "content",
        "finish_reason",
        "logprobs",
        "metadata",
        "reasoning",
        "refusal",
        "refusal_logprobs",
        "role",
        "tool_call_id",
    )

    def __init__(self) -> None:
        self.role: str | None = None
        self.tool_call_id: str | None = None
        self.metadata: Any = None
        self.content: list[str] = []
        self.reasoning: list[str] = []
        self.refusal: list[str] = []
        self.calls: list[_ToolCall] = []
        self.by_index: dict[int, _ToolCall] = {}
        self.by_id: dict[str, _ToolCall] = {}
        self.finish_reason: str | None = None
        self.logprobs: list[TokenLogprob] | None = None
        self.refusal_logprobs: list[TokenLogprob] | None = None

    def add_logprobs(self, logprobs: ChoiceLogprobs) -> None:
        if logprobs.content:
            content = _of(logprobs.content, list, "logprobs.content")
            self.logprobs = (self.logprobs or []) + content
        if logprobs.refusal:
            refusal = _of(logprobs.refusal, list, "logprobs.refusal")
            self.refusal_logprobs = (self.refusal_logprobs or []) + refusal

    def add_delta(self, delta: ChoiceDelta) -> None:
        content = delta.content
        if type(content) is str:
            self.content.append(content)
        elif isinstance(content, list):  # parts the reader did not turn into text
            self.content.extend(
                text for part in content if isinstance(text := getattr(part, "text", None), str)
            )
        elif content is not None:
            self.content.append(_text(content, "content"))
        if delta.role is not None:
            self.role = _of(delta.role, str, "role")
        if delta.tool_call_id is not None:
            self.tool_call_id = _of(delta.tool_call_id, str, "tool_call_id")
        if delta.metadata is not None:
            self.metadata = delta.metadata
        reasoning = delta.reasoning or delta.reasoning_content
        if reasoning:
            self.reasoning.append(_text(reasoning, "reasoning"))
        if delta.refusal:
            self.refusal.append(_text(delta.refusal, "refusal"))
        if delta.tool_calls:
            for piece in _of(delta.tool_calls, list, "tool_calls"):
                if not isinstance(piece, ToolCallDelta):
                    raise TypeError("a tool call is not an object")
                _of_optional(piece.index, int, "tool_calls[].index")
                _of_optional(piece.id, str, "tool_calls[].id")
                if piece.function is not None:
                    _of_optional(piece.function.name, str, "tool_calls[].function.name")
                self.add_tool_call(piece)

    def add_tool_call(self, piece: ToolCallDelta) -> None:
        call = None
        if piece.index is not None:
            call = self.by_index.get(piece.index)
        elif piece.id is not None:
            call = self.by_id.get(piece.id)
        elif self.calls:
            call = self.calls[-1]  # no index, no id: the piece continues the latest call
        if call is None:
            call = _ToolCall()
            self.calls.append(call)
            if piece.index is not None:
                self.by_index[piece.index] = call
        if piece.id is not None and call.id is None:
            call.id = piece.id
            self.by_id[piece.id] = call
        function = piece.function
        if function is not None:
            name = function.name
            # Pieces of a name are joined ("get_" + "weather"); a server that repeats the
            # whole name in every piece does not get it doubled.
            if name:
                current = call.name
                if current is None or name.startswith(current):
                    call.name = name
                elif not current.endswith(name):
                    call.name = current + name
            arguments = function.arguments
            if isinstance(arguments, str):
                call.arguments.append(arguments)
            elif arguments is not None:
                call.object_arguments = arguments  # Mistral may send the arguments as an object


class ChatCompletionAccumulator:
    """Feed it every chunk of a stream with `add`; `completion` is what they add up to.

    Content, reasoning and refusal text are joined; tool calls are rebuilt from their argument
    pieces by index (else by id, else in order of arrival); several choices are kept apart;
    logprobs are concatenated; usage comes from whichever chunk carries it.
    """

    def __init__(self) -> None:
        # By (choice index, message index): one choice's messages are never spliced together.
        self._choices: dict[tuple[int, int], _Choice] = {}
        self._first: ChatCompletionChunk | None = None
        self._usage: CompletionUsage | None = None
        self._metrics: Any = None

    def add(self, chunk: ChatCompletionChunk) -> None:
        if self._first is None:
            self._first = chunk
        if chunk.usage is not None:
            self._usage = chunk.usage
        metrics = chunk.metrics
        if metrics:
            self._metrics = metrics
        # The generated models check a chunk's shape, not every value's type: what is kept here
        # is checked, so that a wrong type fails on this chunk, not when the answer is built.
        # (Checked inline on the common path: this runs for every chunk of every stream.)
        choices = self._choices
        for choice in chunk.choices:
            index, delta = choice.index, choice.delta
            message = delta.index if delta is not None and delta.index is not None else 0
            if type(index) is not int or type(message) is not int:
                _of(index, int, "index")
                _of(message, int, "delta.index")
            state = choices.get((index, message))
            if state is None:
                state = choices[index, message] = _Choice()
            if choice.finish_reason is not None:
                state.finish_reason = _of(choice.finish_reason, str, "finish_reason")
            if choice.logprobs is not None:
                state.add_logprobs(choice.logprobs)
            if delta is not None:
                state.add_delta(delta)

    @property
    def completion(self) -> ChatCompletion:
        """The ChatCompletion the chunks added so far amount to."""
        first = self._first
        by_choice: dict[int, dict[int, _Choice]] = {}
        for (index, message), state in sorted(self._choices.items()):
            by_choice.setdefault(index, {})[message] = state
        return ChatCompletion(
            id=first.id if first and first.id else "",
            object_="chat.completion",
            created=first.created if first and first.created is not None else int(time.time()),
            model=first.model if first and first.model else "",
            system_fingerprint=first.system_fingerprint if first else None,
            choices=[self._choice(index, states) for index, states in by_choice.items()],
            usage=self._usage,
            metrics=self._metrics,
        )

    def _choice(self, index: int, by_message: dict[int, _Choice]) -> ChatCompletionChoice:
        """A choice from its messages' states: `message` is the first, `messages` all of them
        when there were several (Mistral's multi-message output)."""
        states = list(by_message.values())
        messages = [_message(state) for state in states]
        if len(messages) > 1:
            for position, message in zip(by_message, messages, strict=True):
                message.index = position
        finish_reason = next((s.finish_reason for s in reversed(states) if s.finish_reason), None)
        content = [t for s in states if s.logprobs is not None for t in s.logprobs]
        refusal = [t for s in states if s.refusal_logprobs is not None for t in s.refusal_logprobs]
        logprobs = None
        if any(s.logprobs is not None or s.refusal_logprobs is not None for s in states):
            logprobs = ChoiceLogprobs(
                content=content if any(s.logprobs is not None for s in states) else None,
                refusal=refusal if any(s.refusal_logprobs is not None for s in states) else None,
            )
        return ChatCompletionChoice(
            index=index,
            finish_reason=finish_reason,
            logprobs=logprobs,
            message=messages[0],
            messages=messages if len(messages) > 1 else None,
        )


def _message(state: _Choice) -> ChatCompletionMessage:
    tool_calls = None
    if state.calls:
        tool_calls = [
            ChatCompletionMessageToolCall(
                # A server that never sent an id or a name leaves them empty.
                id=call.id or "",
                type_="function",
                function=FunctionCall(
                    name=call.name or "",
                    arguments=json.dumps(call.object_arguments)
                    if call.object_arguments is not None and not call.arguments
                    else "".join(call.arguments),
                ),
            )
            for call in state.calls
        ]
    reasoning = "".join(state.reasoning) if state.reasoning else None
    return ChatCompletionMessage(
        role=state.role or "assistant",
        # As in a whole answer: no text (only tool calls, or a refusal) is None, not "".
        content=_joined(state.content, none_if_empty=bool(tool_calls or state.refusal)),
        reasoning_content=reasoning,
        reasoning=reasoning,
        refusal="".join(state.refusal) if state.refusal else None,
        tool_calls=tool_calls,
        tool_call_id=state.tool_call_id,
        metadata=state.metadata,
    )


def _joined(pieces: list[str], *, none_if_empty: bool) -> str | None:
    text = "".join(pieces)
    return None if not text and none_if_empty else text


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field} is a {type(value).__name__}, not a string")
    return value


def _of(value: Any, kind: type[Any], field: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"{field} is a {type(value).__name__}, not a {kind.__name__}")
    return value


def _of_optional(value: Any, kind: type[Any], field: str) -> None:
    if value is not None:
        _of(value, kind, field)
