"""Request bodies from the spec: the compiled checks of each provider, and a returned message
in the shape a provider takes it back (see _validation.py for the rules)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trilogue_api.spec import OPERATION_PROVIDERS, QUERY_PARAMETERS, SCHEMAS

from ._validation import RequestChecker

__all__ = ["checker", "only", "returned_message_fields"]

_checkers: dict[str, RequestChecker] = {}


def checker(spec_name: str | None, provider: str) -> RequestChecker:
    """The compiled request checks of `provider` (built on first use, then kept)."""
    found = _checkers.get(provider)
    if found is None:
        found = _checkers[provider] = RequestChecker(
            SCHEMAS, spec_name, provider, QUERY_PARAMETERS, OPERATION_PROVIDERS
        )
    return found


def returned_message_fields(raw: Mapping[str, Any], check: RequestChecker) -> dict[str, Any]:
    """A returned message's fields that the spec's request `AssistantMessage` (and its tool
    calls) has and the provider accepts: content as the parts it came in where the provider
    takes them back (Mistral's thinking parts, signature included), `content: null` beside a
    refusal where the provider's schema allows null; other nulls left out. A refusal goes back
    as the content where the provider has no `refusal` field, so the turn is not lost."""
    parts = raw.get("parts")
    if parts and check.admits("AssistantMessage", "content", parts):
        raw = {**raw, "content": parts}
    refusal = raw.get("refusal")
    if refusal is not None and raw.get("content") is None and not _takes_refusal(check):
        raw = {**raw, "content": refusal}
    shaped: dict[str, Any] = {"role": "assistant"}
    for key in SCHEMAS["AssistantMessage"]["properties"]:
        if key == "role" or not check.accepts("AssistantMessage", key):
            continue
        value = raw.get(key)
        if value is None:
            if key == "content" and refusal is not None and _takes_refusal(check):
                shaped["content"] = None  # beside the refusal, as the provider's schema has it
            continue
        if key == "tool_calls":
            value = [only(call, "AssistantToolCall") for call in value]
        shaped[key] = value
    return shaped


def _takes_refusal(check: RequestChecker) -> bool:
    return check.accepts("AssistantMessage", "refusal") and check.admits(
        "AssistantMessage", "content", None
    )


def only(value: dict[str, Any], schema: str) -> dict[str, Any]:
    """`value` with only the properties of spec schema `schema` (nested ones likewise)."""
    properties: Mapping[str, Any] = SCHEMAS[schema]["properties"]
    kept: dict[str, Any] = {}
    for key, item in value.items():
        prop = properties.get(key)
        if prop is None:
            continue
        ref = prop.get("$ref", "")
        if isinstance(item, dict) and ref:
            item = only(item, ref.rsplit("/", 1)[-1])
        kept[key] = item
    return kept
