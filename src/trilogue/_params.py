"""Turns `create()`'s arguments into the JSON body for one provider, refusing before any request
whatever the spec says the provider does not accept (see _validation.py for the rules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trilogue_api.models import ChatCompletionMessage
from trilogue_api.spec import SCHEMAS

from ._providers import Provider
from ._validation import RequestChecker

__all__ = ["REQUEST_FIELDS", "build_body", "checker", "returned_message"]

_REQUEST = "CreateChatCompletionRequest"
REQUEST_FIELDS: frozenset[str] = frozenset(SCHEMAS[_REQUEST]["properties"])
"""Every field of the request body the spec knows."""

_checkers: dict[str, RequestChecker] = {}


def checker(provider: Provider) -> RequestChecker:
    """The compiled request checks of `provider` (built on first use, then kept)."""
    found = _checkers.get(provider.name)
    if found is None:
        found = _checkers[provider.name] = RequestChecker(
            SCHEMAS, provider.spec_name, provider.name
        )
    return found


def build_body(provider: Provider, params: Mapping[str, Any]) -> dict[str, Any]:
    """The request body for `provider` from the given (non-None) request fields."""
    messages = params.get("messages")
    if isinstance(messages, list | tuple) and any(
        isinstance(m, ChatCompletionMessage) for m in messages
    ):
        params = {**params, "messages": _messages(messages, provider)}
    return checker(provider).body(_REQUEST, params)


def _messages(messages: list[Any] | tuple[Any, ...], provider: Provider) -> list[Any]:
    return [
        returned_message(m, provider) if isinstance(m, ChatCompletionMessage) else m
        for m in messages
    ]


def returned_message(message: ChatCompletionMessage, provider: Provider) -> dict[str, Any]:
    """A message the model returned, in the shape `provider` takes it back: only what the
    spec's request `AssistantMessage` (and its tool calls) has and the provider accepts, nulls
    left out; the provider's wire format may reshape it further."""
    raw = message.to_dict()
    check = checker(provider)
    shaped: dict[str, Any] = {"role": "assistant"}
    for key in SCHEMAS["AssistantMessage"]["properties"]:
        value = raw.get(key)
        if value is None or key == "role" or not check.accepts("AssistantMessage", key):
            continue
        if key == "tool_calls":
            value = [_only(call, "AssistantToolCall") for call in value]
        shaped[key] = value
    return provider.adapter.returned_message(shaped)


def _only(value: dict[str, Any], schema: str) -> dict[str, Any]:
    """`value` with only the properties of spec schema `schema` (nested ones likewise)."""
    properties: Mapping[str, Any] = SCHEMAS[schema]["properties"]
    kept: dict[str, Any] = {}
    for key, item in value.items():
        prop = properties.get(key)
        if prop is None:
            continue
        ref = prop.get("$ref", "")
        if isinstance(item, dict) and ref:
            item = _only(item, ref.rsplit("/", 1)[-1])
        kept[key] = item
    return kept
