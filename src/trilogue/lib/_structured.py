"""Structured output from Python types: the JSON schema of a type (Pydantic's `TypeAdapter`, the
`structured` extra), made strict; how to ask each provider for it; and the answer read back into
the type, with typed errors for the ways it can fail.

A provider that takes `response_format` (the spec's `x-providers`) gets a `json_schema` format;
one that does not (Gradient) gets a single tool whose parameters are the schema, forced with
`tool_choice`, and its arguments are read as the output.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
from trilogue_api.models import ChatCompletionChoice, ChatCompletionMessage

from .._exceptions import InvalidParameterError
from .._models import ChatCompletion
from .._output_errors import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    OutputParseError,
)

if TYPE_CHECKING:
    from .._providers import Provider

__all__ = [
    "OutputSpec",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "output_spec",
    "strict_schema",
    "type_adapter",
]

T = TypeVar("T")


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[T]):
    """A `ChatCompletionMessage` with `parsed`: the output read into the type asked for (None
    when the model refused: see `refusal`)."""

    parsed: T | None = None


class ParsedChoice(ChatCompletionChoice, Generic[T]):
    """A choice whose message is a `ParsedChatCompletionMessage`."""

    message: ParsedChatCompletionMessage[T]


class ParsedChatCompletion(ChatCompletion, Generic[T]):
    """What `parse()` returns: a `ChatCompletion` whose `choices[i].message.parsed` is a `T`."""

    choices: list[ParsedChoice[T]]  # type: ignore[assignment]


# Schemas.

_NAME = re.compile(r"[^a-zA-Z0-9_-]+")
_REF = re.compile(r"#/(\$defs|definitions)/(.+)")

_adapters: dict[Any, Any] = {}


def type_adapter(tp: Any) -> Any:
    """Pydantic's `TypeAdapter` for `tp`, made once."""
    found = _adapters.get(tp)
    if found is None:
        try:
            from pydantic import TypeAdapter
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Structured output from Python types needs Pydantic: "
                "pip install 'trilogue[structured]'"
            ) from None
        from pydantic import PydanticUserError

        try:
            found = TypeAdapter(tp)
            found.json_schema()
        except PydanticUserError as exc:
            # E.g. `typing.TypedDict` on Python < 3.12, which Pydantic cannot read.
            name = getattr(tp, "__name__", tp)
            message = str(exc).split("\n", 1)[0]
            raise InvalidParameterError(
                f"'response_format' {name!r} gives no JSON schema: {message}",
                param="response_format",
            ) from None
        _adapters[tp] = found
    return found


def strict_schema(
    schema: Mapping[str, Any], *, drop: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """`schema` in the form strict structured output takes.

    Every object closed (`additionalProperties: false`) and every property required, the ones
    that were optional allowing null instead; no `default`s; `oneOf` as `anyOf`, without
    `discriminator`; a `$ref` with other keywords beside it inlined; a one-item `allOf` merged.
    `drop` names further keywords to remove. `$defs` and plain `$ref`s stay (recursive types).
    """
    root = copy.deepcopy(dict(schema))
    defs: dict[str, Any] = root.get("$defs") or root.get("definitions") or {}
    result: dict[str, Any] = _Strict(defs, drop).node(root, top=True)
    return result


class _Strict:
    def __init__(self, defs: dict[str, Any], drop: frozenset[str]) -> None:
        self.defs = defs
        self.drop = drop

    def node(self, node: Any, top: bool = False) -> Any:
        if not isinstance(node, dict):
            return node
        node.pop("default", None)
        node.pop("discriminator", None)
        for key in self.drop:
            node.pop(key, None)
        ref = node.get("$ref")
        keep = {"$defs", "definitions"} if top else set()
        if (isinstance(ref, str) and len(set(node) - keep) > 1) or (top and ref is not None):
            target = copy.deepcopy(self.resolve(ref))
            node.pop("$ref")
            return self.node({**target, **node}, top)
        if "oneOf" in node:
            node["anyOf"] = node.pop("oneOf")
        all_of = node.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            del node["allOf"]
            return self.node({**all_of[0], **node}, top)
        properties = node.get("properties")
        if node.get("type") == "object" or isinstance(properties, dict):
            properties = node.setdefault("properties", {})
            required = set(node.get("required") or ())
            for name, prop in list(properties.items()):
                prop = self.node(prop)
                if name not in required and not self.allows_null(prop):
                    prop = _nullable(prop)
                properties[name] = prop
            node["required"] = list(properties)
            if not isinstance(node.get("additionalProperties"), dict):
                node["additionalProperties"] = False
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                node[key] = self.node(node[key])
        for key in ("anyOf", "allOf", "prefixItems"):
            if isinstance(node.get(key), list):
                node[key] = [self.node(item) for item in node[key]]
        for key in ("$defs", "definitions"):
            if top and isinstance(node.get(key), dict):
                for name, item in node[key].items():
                    node[key][name] = self.node(item)
        return node

    def resolve(self, ref: Any) -> dict[str, Any]:
        match = _REF.fullmatch(ref) if isinstance(ref, str) else None
        if match is None or match.group(2) not in self.defs:
            raise ValueError(f"Cannot resolve $ref {ref!r} in the schema")
        target: dict[str, Any] = self.defs[match.group(2)]
        return target

    def allows_null(self, node: Any) -> bool:
        return _allows_null(node, self.defs, 0)


def _allows_null(node: Any, defs: Mapping[str, Any], depth: int) -> bool:
    if not isinstance(node, dict) or depth > 20:
        return False
    kind = node.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    if "const" in node and node["const"] is None:
        return True
    if None in (node.get("enum") or ()):
        return True
    ref = node.get("$ref")
    if isinstance(ref, str):
        match = _REF.fullmatch(ref)
        if match is not None and _allows_null(defs.get(match.group(2)), defs, depth + 1):
            return True
    return any(
        _allows_null(branch, defs, depth + 1)
        for key in ("anyOf", "oneOf")
        for branch in node.get(key) or ()
    )


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    """`prop` allowing null too; its title and description stay on the outside."""
    outer: dict[str, Any] = {k: prop.pop(k) for k in ("title", "description") if k in prop}
    if list(prop) == ["anyOf"]:
        return {**outer, "anyOf": [*prop["anyOf"], {"type": "null"}]}
    return {**outer, "anyOf": [prop, {"type": "null"}]}


def _drop_added_nulls(data: Any, schema: Any, defs: Mapping[str, Any], depth: int = 0) -> Any:
    """Removes the nulls strictness let the model send for properties that were optional and
    did not allow null, so the type's own defaults apply. Follows `schema`, the original."""
    if depth > 100 or not isinstance(schema, dict):
        return data
    ref = schema.get("$ref")
    if isinstance(ref, str):
        match = _REF.fullmatch(ref)
        if match is not None:
            schema = {**defs.get(match.group(2), {}), **schema}
            schema.pop("$ref", None)
    if isinstance(data, dict):
        properties = schema.get("properties")
        if isinstance(properties, dict):
            required = set(schema.get("required") or ())
            for key in list(data):
                prop = properties.get(key)
                if prop is None:
                    continue
                if data[key] is None and key not in required and not _allows_null(prop, defs, 0):
                    del data[key]
                else:
                    _drop_added_nulls(data[key], prop, defs, depth + 1)
            return data
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(key) or ():
                props = _properties(branch, defs)
                if props is not None and set(data) <= set(props):
                    return _drop_added_nulls(data, branch, defs, depth + 1)
    elif isinstance(data, list):
        items = schema.get("items")
        if isinstance(items, dict):
            for item in data:
                _drop_added_nulls(item, items, defs, depth + 1)
        else:
            for key in ("anyOf", "oneOf"):
                for branch in schema.get(key) or ():
                    if isinstance(branch, dict) and "items" in branch:
                        return _drop_added_nulls(data, branch, defs, depth + 1)
    return data


def _properties(schema: Any, defs: Mapping[str, Any]) -> dict[str, Any] | None:
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        match = _REF.fullmatch(ref)
        schema = defs.get(match.group(2), {}) if match is not None else {}
    props = schema.get("properties")
    return props if isinstance(props, dict) else None


def _name(value: Any) -> str:
    raw = getattr(value, "__name__", None) or "output"
    return _NAME.sub("_", str(raw))[:64] or "output"


# Asking for the output and reading it back.


class OutputSpec(Generic[T]):
    """How to ask `provider` for output of type `T`, and how to read the answer."""

    def __init__(self, response_format: Any, provider: Provider) -> None:
        self.provider = provider
        self.adapter: Any = None
        self.format: dict[str, Any] | None = None  # a whole response_format the user wrote
        if isinstance(response_format, Mapping):
            given = dict(response_format)
            if given.get("type") == "json_schema" and "json_schema" in given:
                self.format = given
                inner = given["json_schema"]
                self.name = _NAME.sub("_", str(inner.get("name") or "output"))[:64]
                self.original: dict[str, Any] = dict(inner.get("schema") or {})
                self.schema = self.original
            else:
                self.name = _NAME.sub("_", str(given.get("title") or "output"))[:64]
                self.original = given
                self.schema = strict_schema(given)
        else:
            self.adapter = type_adapter(response_format)
            self.name = _name(response_format)
            self.original = self.adapter.json_schema()
            self.schema = strict_schema(self.original)
        self.defs: dict[str, Any] = (
            self.original.get("$defs") or self.original.get("definitions") or {}
        )
        self.as_tool = not provider.accepts("response_format")

    def request(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """`params` with what asks for the output added."""
        merged = dict(params)
        if not self.as_tool:
            merged["response_format"] = self.format or {
                "type": "json_schema",
                "json_schema": {"name": self.name, "schema": self.schema, "strict": True},
            }
            return merged
        for field in ("tools", "tool_choice"):
            if params.get(field):
                raise InvalidParameterError(
                    f"{field!r} cannot be combined with a response_format type on provider "
                    f"{self.provider.name!r}: it takes no response_format, so the output is "
                    "asked for with a tool of its own.",
                    param=field,
                    provider=self.provider.name,
                )
        function: dict[str, Any] = {
            "name": self.name,
            "description": "Give the answer: call this with the output as its arguments.",
            "parameters": self.schema,
        }
        if self.format is None:
            function["strict"] = True
        merged["tools"] = [{"type": "function", "function": function}]
        # With one tool offered, "required" forces that tool. Naming it would do the same, but
        # llama.cpp's server answers 500 to a named tool_choice, and "required" is in the spec
        # for every provider.
        merged["tool_choice"] = "required"
        return merged

    def raw(self, message: ChatCompletionMessage) -> str | None:
        """The output text of `message`: its content, or the forced tool's arguments."""
        if self.as_tool:
            for call in message.tool_calls or ():
                if call.function.name == self.name:
                    return call.function.arguments
        return text_of(message.content)

    def parse(self, completion: ChatCompletion) -> ParsedChatCompletion[T]:
        """`completion` with each message's output read into `T`."""
        choices: list[ParsedChoice[T]] = []
        for choice in completion.choices:
            message = choice.message
            raw = self.raw(message)
            if choice.finish_reason == "length":
                raise LengthFinishReasonError(completion=completion, content=raw)
            if choice.finish_reason == "content_filter":
                raise ContentFilterFinishReasonError(completion=completion, content=raw)
            parsed = None if message.refusal else self.validate(raw, completion)
            changes: dict[str, Any] = {}
            if self.as_tool:
                # The forced tool is how we asked, not something the user called: the message
                # reads as on the other providers (the output as content, no call left
                # unanswered if it is sent back).
                others = [c for c in message.tool_calls or () if c.function.name != self.name]
                changes = {"content": raw, "tool_calls": others or None}
                if choice.finish_reason == "tool_calls" and not others:
                    choice = rebuild(type(choice), choice, finish_reason="stop")
            new_message: ParsedChatCompletionMessage[T] = rebuild(
                ParsedChatCompletionMessage, message, **changes
            )
            new_message.parsed = parsed
            choices.append(rebuild(ParsedChoice, choice, message=new_message))
        result: ParsedChatCompletion[T] = rebuild(ParsedChatCompletion, completion, choices=choices)
        return result

    def validate(self, raw: str | None, completion: ChatCompletion | None = None) -> T:
        """`raw` read as JSON into `T`; `OutputParseError` if it is not."""
        if raw is None or not raw.strip():
            raise OutputParseError(
                "The model sent no output to parse.",
                raw=raw,
                errors=[{"type": "missing", "msg": "no output"}],
                completion=completion,
            )
        try:
            data = json.loads(raw)
        except ValueError as exc:
            # Also an integer longer than the interpreter converts (4,300 digits by default).
            raise OutputParseError(
                f"The model's output is not valid JSON: {exc}",
                raw=raw,
                errors=[{"type": "json_invalid", "msg": str(exc)}],
                completion=completion,
            ) from None
        except RecursionError:
            raise _too_deep(raw, completion) from None
        if self.format is None:
            try:
                data = _drop_added_nulls(data, self.original, self.defs)
            except RecursionError:
                raise _too_deep(raw, completion) from None
        if self.adapter is None:
            result: T = data
            return result
        from pydantic import ValidationError

        try:
            value: T = self.adapter.validate_python(data)
        except ValidationError as exc:
            errors = [dict(e) for e in exc.errors(include_url=False)]
            raise OutputParseError(
                f"The model's output does not match {self.name}: {exc}",
                raw=raw,
                errors=errors,
                completion=completion,
            ) from None
        except RecursionError:
            raise _too_deep(raw, completion) from None
        return value


def _too_deep(raw: str | None, completion: ChatCompletion | None = None) -> OutputParseError:
    """The error for JSON nested deeper than Python's recursion limit lets it be read."""
    return OutputParseError(
        "The model's output is nested too deeply to read as JSON.",
        raw=raw,
        errors=[{"type": "json_invalid", "msg": "nested too deeply"}],
        completion=completion,
    )


def output_spec(response_format: Any, provider: Provider) -> OutputSpec[Any]:
    return OutputSpec(response_format, provider)


def text_of(content: Any) -> str | None:
    """A message's content as text (Mistral may send a list of parts)."""
    if content is None or isinstance(content, str):
        return content
    return "".join(getattr(part, "text", None) or "" for part in content)


def rebuild(cls: Any, source: Any, **changes: Any) -> Any:
    """An instance of `cls` (a subclass of `source`'s class) with `source`'s fields."""
    kwargs: dict[str, Any] = {}
    later: dict[str, Any] = {}
    for field in attrs.fields(type(source)):
        value = changes[field.name] if field.name in changes else getattr(source, field.name)
        if field.init:
            kwargs[field.alias] = value
        else:
            later[field.name] = value
    obj = cls(**kwargs)
    for name, value in later.items():
        setattr(obj, name, value)
    return obj
