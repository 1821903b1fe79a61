"""What the spec's request rules imply for the client, one case per rule, generated from
openapi.yaml itself: a spec change moves the cases with it, and a client that stops enforcing a
rule fails its case. Requests go to `trilogue.testing.FakeProvider`, which records what was sent.

- `x-providers` on a request field: refused before sending for the other providers, naming the
  field and the provider; sent as given for the listed ones (where a value can be made from the
  field's schema).
- Numeric bounds (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, and
  `x-provider-limits`): the bound itself passes (or is refused, for an exclusive bound), a value
  just past it is refused naming the field.
- `enum` with `x-enum-providers`: each value is sent by the providers it lists and refused as
  unsupported by the others.
- `x-wire-name`: the field goes on the wire under the provider's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import trilogue
from trilogue.testing import FakeProvider

ROOT = Path(__file__).resolve().parents[1]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
REQUEST = SCHEMAS["CreateChatCompletionRequest"]
EXPLICIT = set(REQUEST.get("x-explicit-arguments", ()))
NAMED = {"mistral": "mistral", "gradient": "gradient", "llama-compat": "llama"}
"""Providers (on the OpenAI wire format) and their `x-providers` names."""
MESSAGES: list[Any] = [{"role": "user", "content": "Hi"}]
BOUNDS = {
    "minimum": (0, False),
    "maximum": (1, False),
    "exclusiveMinimum": (0, True),
    "exclusiveMaximum": (1, True),
}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _scalar(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The schema of a plain value (string, number, boolean, enum), else None."""
    schema = _resolve(schema)
    branches = [_resolve(b) for b in schema.get("anyOf", [])]
    if branches:
        plain = [s for b in branches if b.get("type") != "null" and (s := _scalar(b)) is not None]
        return plain[0] if len(plain) == 1 else None
    kind = schema.get("type")
    if "enum" in schema or kind in ("string", "integer", "number", "boolean"):
        return schema
    return None


def _sample(schema: dict[str, Any], spec_name: str | None = None) -> Any:
    """A value `schema` admits for the provider named `spec_name`, for a plain value."""
    schema = {**schema, **schema.get("x-provider-limits", {}).get(spec_name, {})}
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "boolean":
        return True
    if kind == "string":
        return "x" * max(schema.get("minLength", 1), 1)
    low = max(schema.get("minimum", 0), schema.get("exclusiveMinimum", 0))
    high = min(schema.get("maximum", low + 1), schema.get("exclusiveMaximum", low + 1))
    return int(low) + 1 if kind == "integer" else (low + high) / 2


def _takes(prop: dict[str, Any], spec_name: str) -> bool:
    """Whether the provider takes the field: listed in `x-providers`, or spelt its own way."""
    listed = prop.get("x-providers")
    return listed is None or spec_name in listed or spec_name in (prop.get("x-wire-name") or {})


def _with_needed(field: str, value: Any, spec_name: str) -> dict[str, Any]:
    """`field` with the fields it needs beside it (`dependentRequired`)."""
    fields = {field: value}
    for other in REQUEST.get("dependentRequired", {}).get(field, ()):
        needed = _scalar(REQUEST["properties"][other])
        fields[other] = _sample(needed, spec_name) if needed is not None else {}
    return fields


def _field_cases() -> Iterator[Any]:
    for field, prop in REQUEST["properties"].items():
        if field in EXPLICIT or "x-providers" not in prop:
            continue
        for provider, spec_name in NAMED.items():
            takes = _takes(prop, spec_name)
            yield pytest.param(field, provider, takes, id=f"{field}-{provider}")


def _bound_cases() -> Iterator[Any]:
    for field, prop in REQUEST["properties"].items():
        scalar = _scalar(prop)
        if scalar is None or scalar.get("type") not in ("integer", "number"):
            continue
        for provider, spec_name in NAMED.items():
            if not _takes(prop, spec_name):
                continue
            wire = (prop.get("x-wire-name") or {}).get(spec_name)
            own = _scalar(REQUEST["properties"][wire]) if wire else scalar  # the wire field's rules
            if own is None:
                continue
            rules = {**own, **own.get("x-provider-limits", {}).get(spec_name, {})}
            for keyword in BOUNDS:
                stricter = "exclusiveMinimum" if keyword == "minimum" else "exclusiveMaximum"
                if keyword in rules and rules.get(stricter) != rules[keyword]:
                    bound = rules[keyword]
                    yield pytest.param(
                        field,
                        provider,
                        keyword,
                        bound,
                        scalar["type"],
                        id=f"{field}-{provider}-{keyword}",
                    )


def _enum_cases() -> Iterator[Any]:
    for field, prop in REQUEST["properties"].items():
        scalar = _scalar(prop)
        if scalar is None or "x-enum-providers" not in scalar:
            continue
        for value in scalar["enum"]:
            listed = scalar["x-enum-providers"].get(value)
            for provider, spec_name in NAMED.items():
                if not _takes(prop, spec_name):
                    continue
                takes = listed is None or spec_name in listed
                yield pytest.param(field, value, provider, takes, id=f"{field}={value}-{provider}")


def _wire_name_cases() -> Iterator[Any]:
    for field, prop in REQUEST["properties"].items():
        for spec_name, wire in (prop.get("x-wire-name") or {}).items():
            for provider, name in NAMED.items():
                if name == spec_name:
                    yield pytest.param(field, provider, wire, id=f"{field}-{provider}")


def _send(provider: str, **fields: Any) -> Any:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    fake.add_response("ok")
    client = fake.client(max_retries=0)
    try:
        client.chat.completions.create(model="m", messages=MESSAGES, **fields)
    finally:
        client.close()
    return fake


@pytest.mark.parametrize(("field", "provider", "takes"), list(_field_cases()))
def test_a_field_reaches_only_the_providers_that_take_it(
    field: str, provider: str, takes: bool
) -> None:
    prop = REQUEST["properties"][field]
    scalar = _scalar(prop)
    if takes and scalar is None:
        pytest.skip("no plain sample for a compound field; its rules are checked elsewhere")
    value = _sample(scalar, NAMED[provider]) if scalar is not None else {}
    fields = _with_needed(field, value, NAMED[provider])
    if takes:
        (request,) = _send(provider, **fields).requests
        wire = (prop.get("x-wire-name") or {}).get(NAMED[provider], field)
        assert request.json[wire] == value
        return
    with pytest.raises(trilogue.UnsupportedParameterError) as caught:
        _send(provider, **fields)
    assert caught.value.param == field and caught.value.provider == provider


@pytest.mark.parametrize(("field", "provider", "keyword", "bound", "kind"), list(_bound_cases()))
def test_numeric_bounds_hold_per_provider(
    field: str, provider: str, keyword: str, bound: float, kind: str
) -> None:
    step = 1 if kind == "integer" else 0.01
    direction = -1 if keyword in ("minimum", "exclusiveMinimum") else 1
    exclusive = keyword.startswith("exclusive")
    past = bound + direction * step
    spec_name = NAMED[provider]
    with pytest.raises(trilogue.InvalidParameterError) as caught:
        _send(provider, **_with_needed(field, int(past) if kind == "integer" else past, spec_name))
    assert caught.value.param == field and caught.value.provider == provider
    if exclusive:
        with pytest.raises(trilogue.InvalidParameterError):
            _send(provider, **_with_needed(field, bound, spec_name))
    else:
        (request,) = _send(provider, **_with_needed(field, bound, spec_name)).requests
        assert bound in request.json.values()


@pytest.mark.parametrize(("field", "value", "provider", "takes"), list(_enum_cases()))
def test_enum_values_reach_only_the_providers_that_take_them(
    field: str, value: Any, provider: str, takes: bool
) -> None:
    if takes:
        (request,) = _send(provider, **{field: value}).requests
        assert request.json[field] == value
        return
    with pytest.raises(trilogue.UnsupportedParameterError) as caught:
        _send(provider, **{field: value})
    assert caught.value.param == field


@pytest.mark.parametrize(("field", "provider", "wire"), list(_wire_name_cases()))
def test_a_field_goes_on_the_wire_under_the_providers_name(
    field: str, provider: str, wire: str
) -> None:
    scalar = _scalar(REQUEST["properties"][field])
    assert scalar is not None
    value = _sample(scalar, NAMED[provider])
    (request,) = _send(provider, **_with_needed(field, value, NAMED[provider])).requests
    assert request.json[wire] == value and field not in request.json


def test_cases_were_generated() -> None:
    # A spec shaped so that no case comes out would make this file test nothing.
    assert len(list(_field_cases())) >= 20
    assert len(list(_bound_cases())) >= 10
    assert len(list(_enum_cases())) >= 6
    assert len(list(_wire_name_cases())) >= 2
