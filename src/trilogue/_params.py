"""Turns `create()`'s arguments into the JSON body for one provider, refusing before any request
what the provider does not accept and what lies outside the spec's limits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from trilogue_api.models import (
    ChatCompletionMessage,
    assistant_message,
    assistant_tool_call,
    cache_control,
    create_chat_completion_request,
    developer_message,
    function_call,
    function_definition,
    opaque_content_part,
    response_format_json_object,
    stream_options,
    text_content_part,
    tool_message,
    video_url_content_part,
)

from ._exceptions import InvalidParameterError, UnsupportedParameterError
from ._providers import Provider

REQUEST_RULES: dict[str, dict[str, Any]] = create_chat_completion_request.FIELD_RULES

_MESSAGE_FIELD_RULES: dict[str, dict[str, dict[str, Any]]] = {
    "assistant": assistant_message.FIELD_RULES,
    "tool": tool_message.FIELD_RULES,
}
_ROLE_PROVIDERS: dict[str, tuple[str, ...]] = {"developer": developer_message.PROVIDERS}
_KNOWN_ROLES = frozenset({"system", "developer", "user", "assistant", "tool"})
_PART_PROVIDERS: dict[str, tuple[str, ...]] = {"video_url": video_url_content_part.PROVIDERS}
_COMMON_PARTS = frozenset({"text", "image_url", "video_url"})
_RESPONSE_FORMAT_PROVIDERS: dict[str, tuple[str, ...]] = {
    "json_object": response_format_json_object.PROVIDERS
}
# What to suggest when a field is refused but its twin is accepted under trilogue's name.
_TWINS = {"random_seed": "seed", "max_completion_tokens": "max_tokens"}
# A limit FIELD_RULES lacks because it sits in one branch of an `anyOf`: `stop` is a string or a
# list of at most 4 strings.
_patterns: dict[str, re.Pattern[str]] = {}


def build_body(provider: Provider, params: Mapping[str, Any]) -> dict[str, Any]:
    """The request body for `provider` from the given (non-None) request fields."""
    body: dict[str, Any] = {}
    accepted = provider.spec_name
    for name, value in params.items():
        target = provider.renames.get(name, name)
        if target != name and target in params:
            raise InvalidParameterError(
                f"{name!r} and {target!r} mean the same on provider {provider.name!r}; "
                "give only one.",
                param=name,
                provider=provider.name,
            )
        rule = REQUEST_RULES[target]
        if accepted is not None and accepted not in rule.get("providers", (accepted,)):
            _refuse(name, provider)
        value = _messages(value, provider) if target == "messages" else _plain(value)
        _check_limits(name, value, rule, provider)
        body[target] = value
    if accepted is not None or provider.name == "openai-compatible":
        _check_nested(body, provider)
    if body.get("top_logprobs") is not None and not body.get("logprobs"):
        raise InvalidParameterError(
            "'top_logprobs' needs logprobs=True.", param="top_logprobs", provider=provider.name
        )
    return body


def _refuse(field: str, provider: Provider, what: str | None = None) -> None:
    twin = _TWINS.get(field)
    hint = ""
    if twin and provider.renames.get(twin) == field:
        hint = f" Pass {twin!r}: trilogue sends it as {field!r}."
    elif twin:
        hint = f" Use {twin!r} instead."
    raise UnsupportedParameterError(
        f"{what or repr(field)} is not supported by provider {provider.name!r}.{hint}",
        param=field,
        provider=provider.name,
    )


def _messages(messages: Any, provider: Provider) -> Any:
    if not isinstance(messages, list):
        return _plain(messages)
    return [
        returned_message(m, provider) if isinstance(m, ChatCompletionMessage) else _plain(m)
        for m in messages
    ]


def returned_message(message: ChatCompletionMessage, provider: Provider) -> dict[str, Any]:
    """A message the model returned, in the shape `provider` takes it back: only what the
    spec's request `AssistantMessage` (and its tool calls) has and the provider accepts, nulls
    left out; the provider's wire format may reshape it further."""
    raw = message.to_dict()
    accepted = provider.spec_name
    shaped: dict[str, Any] = {"role": "assistant"}
    for key in assistant_message.PROPERTIES:
        value = raw.get(key)
        rule = assistant_message.FIELD_RULES.get(key, {})
        if value is None or key == "role":
            continue
        if accepted is not None and accepted not in rule.get("providers", (accepted,)):
            continue
        if key == "tool_calls":
            value = [_tool_call(call) for call in value]
        shaped[key] = value
    return provider.adapter.returned_message(shaped)


def _tool_call(call: dict[str, Any]) -> dict[str, Any]:
    shaped = {k: v for k, v in call.items() if k in assistant_tool_call.PROPERTIES}
    function = shaped.get("function")
    if isinstance(function, dict):
        shaped["function"] = {k: v for k, v in function.items() if k in function_call.PROPERTIES}
    return shaped


def _plain(value: Any) -> Any:
    """Generated models (anything with `to_dict`) become the dicts they stand for, also inside
    plain lists and dicts (a dict message whose content is a list of part models)."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _check_limits(field: str, value: Any, rule: Mapping[str, Any], provider: Provider) -> None:
    def bad(reason: str) -> InvalidParameterError:
        return InvalidParameterError(f"{field!r} {reason}.", param=field, provider=provider.name)

    # In a union (`stop`: a string or a list) a limit binds only values of its own type; the
    # spec's other branches say which other types are fine.
    union = rule.get("union", False)
    if "minimum" in rule or "maximum" in rule or "exclusiveMinimum" in rule:
        if isinstance(value, bool) or not isinstance(value, int | float):
            if union:
                return
            raise bad(f"must be a number, got {type(value).__name__}")
        if "minimum" in rule and value < rule["minimum"]:
            raise bad(f"must be at least {_num(rule['minimum'])}, got {value}")
        if "maximum" in rule and value > rule["maximum"]:
            raise bad(f"must be at most {_num(rule['maximum'])}, got {value}")
        if "exclusiveMinimum" in rule and value <= rule["exclusiveMinimum"]:
            raise bad(f"must be greater than {_num(rule['exclusiveMinimum'])}, got {value}")
    if ("minItems" in rule or "maxItems" in rule) and not (union and not isinstance(value, list)):
        if not isinstance(value, list):
            raise bad(f"must be a list, got {type(value).__name__}")
        if len(value) < rule.get("minItems", 0):
            raise bad(f"must have at least {rule['minItems']} item(s)")
        if len(value) > rule.get("maxItems", len(value)):
            raise bad(f"must have at most {rule['maxItems']} items, got {len(value)}")
    has_text_rule = "minLength" in rule or "maxLength" in rule or "pattern" in rule
    if has_text_rule and not (union and not isinstance(value, str)):
        if not isinstance(value, str):
            raise bad(f"must be a string, got {type(value).__name__}")
        if len(value) < rule.get("minLength", 0):
            raise bad("must not be empty")
        if len(value) > rule.get("maxLength", len(value)):
            raise bad(f"must be at most {rule['maxLength']} characters, got {len(value)}")
        pattern = rule.get("pattern")
        if pattern is not None:
            compiled = _patterns.get(pattern) or _patterns.setdefault(pattern, re.compile(pattern))
            if not compiled.search(value):
                raise bad(f"must match {pattern}, got {value!r}")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _check_nested(body: dict[str, Any], provider: Provider) -> None:
    accepted = provider.spec_name
    for i, message in enumerate(body.get("messages", ())):
        if not isinstance(message, dict):
            raise InvalidParameterError(
                f"'messages[{i}]' must be a dict or a message model, got {type(message).__name__}.",
                param=f"messages[{i}]",
                provider=provider.name,
            )
        role = message.get("role")
        if role not in _KNOWN_ROLES:
            raise InvalidParameterError(
                f"'messages[{i}].role' must be one of {sorted(_KNOWN_ROLES)}, got {role!r}.",
                param=f"messages[{i}].role",
                provider=provider.name,
            )
        if accepted is None:
            continue
        if accepted not in _ROLE_PROVIDERS.get(role, (accepted,)):
            _refuse(f"messages[{i}].role", provider, f"Role {role!r} (messages[{i}])")
        for key, rule in _MESSAGE_FIELD_RULES.get(role, {}).items():
            if key in message and accepted not in rule.get("providers", (accepted,)):
                _refuse(f"messages[{i}].{key}", provider)
        content = message.get("content")
        if isinstance(content, list):
            for j, part in enumerate(content):
                _check_part(part, f"messages[{i}].content[{j}]", provider)
    if accepted is None:
        return
    for i, tool in enumerate(body.get("tools") or ()):
        function = tool.get("function") if isinstance(tool, dict) else None
        if isinstance(function, dict):
            for key, rule in function_definition.FIELD_RULES.items():
                if key in function:
                    _check_limits(f"tools[{i}].function.{key}", function[key], rule, provider)
    response_format = body.get("response_format")
    if isinstance(response_format, dict):
        kind = str(response_format.get("type"))
        if accepted not in _RESPONSE_FORMAT_PROVIDERS.get(kind, (accepted,)):
            _refuse("response_format", provider, f"response_format type {kind!r}")
    if "stream_options" in body and accepted not in stream_options.PROVIDERS:
        _refuse("stream_options", provider)


def _check_part(part: Any, where: str, provider: Provider) -> None:
    accepted = provider.spec_name
    if not isinstance(part, dict) or accepted is None:
        return
    kind = part.get("type")
    providers = (
        _PART_PROVIDERS.get(kind) if kind in _COMMON_PARTS else opaque_content_part.PROVIDERS
    )
    if providers is not None and accepted not in providers:
        _refuse(where, provider, f"Content part type {kind!r} ({where})")
    if "cache_control" in part:
        rule = text_content_part.FIELD_RULES["cache_control"]
        if accepted not in rule.get("providers", cache_control.PROVIDERS):
            _refuse(f"{where}.cache_control", provider)
