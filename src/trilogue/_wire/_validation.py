"""Request checks compiled from the spec's schemas, one set per provider.

Every rule the request schemas state is enforced before anything is sent: types, `const` and
`enum` (closed on the request side), `required`, numeric bounds, lengths, `pattern`, item and
property counts, `additionalProperties` (closed, for a named provider, where the spec does not
open an object), `$ref`, every `anyOf`/`oneOf` branch, and these extensions at any depth:

- `x-providers` on a property or a schema: the providers that accept it;
- `x-enum-providers` on an enum: `{value: [providers]}` for values only some accept;
- `x-required-by` on an object: `{property: [providers]}` required by only some;
- `dependentRequired` on an object: the properties another one needs beside it;
- `x-wire-name` on a property: `{provider: name}` where a provider spells it differently;
- `x-provider-limits` on a schema: `{provider: {keyword: value}}`, keywords (bounds) that hold for
  that provider only.

A rule that fails raises `InvalidParameterError` naming the JSON path, the provider and the
rule; a field or value the provider does not take raises `UnsupportedParameterError`.

The same walk turns generated models found where the spec has an object into the dicts they
stand for; a checked value is returned as it is unless something inside it was such a model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .._exceptions import (
    InvalidParameterError,
    UnsupportedOperationError,
    UnsupportedParameterError,
)
from ._compound import CompoundChecks
from ._json_types import (
    _BOUNDS,
    _PYTHON_TYPES,
    _SCALAR_KEYWORDS,
    REF,
    Check,
    Path,
    _all,
    _as_dict,
    _json_type,
    _quote,
    got,
    show,
)

__all__ = ["RequestChecker", "show"]


class RequestChecker(CompoundChecks):
    """The checks of one provider (`spec_name` is its `x-providers` name; None accepts every
    provider's fields, as an OpenAI-compatible server may)."""

    def __init__(
        self,
        schemas: Mapping[str, Any],
        spec_name: str | None,
        provider: str,
        query: Mapping[str, Mapping[str, Any]] | None = None,
        operations: Mapping[str, list[str]] | None = None,
    ) -> None:
        self._schemas = schemas
        self._query = query or {}
        self._operations = operations or {}
        self._spec_name = spec_name
        self._provider = provider
        self._named: dict[str, Check] = {}
        self._fields: dict[str, frozenset[str]] = {}
        self._twins = self._find_twins()
        self._strings_pass = {}

    # ------------------------------------------------------------------ entry points

    def body(self, schema_name: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The wire body for request schema `schema_name`: `fields` checked, with the
        provider's spellings (`x-wire-name`) applied."""
        schema = self._schemas[schema_name]
        properties: Mapping[str, Any] = schema.get("properties", {})
        body: dict[str, Any] = {}
        renamed: dict[str, str] = {}
        for name, value in fields.items():
            prop = properties.get(name)
            if prop is None:
                raise InvalidParameterError(
                    f"{name!r} is not a request field.", param=name, provider=self._provider
                )
            target = self._wire_name(prop, name)
            if target != name and target in fields:
                raise InvalidParameterError(
                    f"{name!r} and {target!r} mean the same on provider {self._provider!r}; "
                    "give only one.",
                    param=name,
                    provider=self._provider,
                )
            if target != name:
                renamed[target] = name
            body[target] = value
        try:
            body = self._named_check(schema_name)(body, ())
        except InvalidParameterError as exc:
            if isinstance(exc, UnsupportedParameterError):
                self._with_hint(exc, schema_name)
            elif exc.param in body and body[exc.param] is None:
                raise type(exc)(
                    f"{exc} None is sent as null; leave the argument out to not send it.",
                    param=exc.param,
                    provider=self._provider,
                ) from None
            head = exc.param.split(".", 1)[0].split("[", 1)[0]
            if head not in renamed:
                raise
            # Name the field as the caller spelled it.
            name = renamed[head]
            message = str(exc).replace(repr(head), f"{name!r} (sent as {head!r})", 1)
            raise type(exc)(
                message, param=name + exc.param[len(head) :], provider=self._provider
            ) from None
        return body

    def fields(self, schema_name: str) -> frozenset[str]:
        """Every property of request schema `schema_name`."""
        found = self._fields.get(schema_name)
        if found is None:
            found = self._fields[schema_name] = frozenset(self._schemas[schema_name]["properties"])
        return found

    def serves(self, operation: str) -> None:
        """Raises `UnsupportedOperationError` if the spec gives `operation` ("post /batches")
        to other providers only (its `x-providers`); an OpenAI-compatible server is not
        assumed to serve a provider's own operation."""
        providers = self._operations.get(operation)
        if providers is not None and self._spec_name not in providers:
            served = ", ".join(repr(p) for p in providers)
            raise UnsupportedOperationError(
                f"Provider {self._provider!r} does not serve {operation!r} (served by {served}).",
                operation=operation,
                provider=self._provider,
            )

    def query_names(self, operation: str) -> Mapping[str, Any]:
        """The query parameters of `operation` ("get /models") the spec declares."""
        return self._query.get(operation) or {}

    def query(self, operation: str, parameters: Mapping[str, Any]) -> None:
        """Checks those of `parameters` that are query parameters of `operation` ("get /models")
        against the spec, as body fields are checked (the rest are path parameters)."""
        known = self._query.get(operation)
        if not known:
            return
        check = self._named.get(operation)
        if check is None:
            schema = {"type": "object", "properties": dict(known)}
            check = self._named[operation] = self._compile(schema)
        check({k: v for k, v in parameters.items() if k in known}, ())

    def admits(self, schema_name: str, field: str, value: Any) -> bool:
        """Whether the provider takes `value` for property `field` of schema `schema_name`."""
        key = f"{schema_name}.{field}"
        check = self._named.get(key)
        if check is None:
            prop = self._schemas[schema_name].get("properties", {}).get(field)
            if prop is None or not self._available(prop):
                return False
            check = self._named[key] = self._compile(prop)
        try:
            check(value, ())
        except InvalidParameterError:
            return False
        return True

    def accepts(self, schema_name: str, field: str) -> bool:
        """Whether the provider takes property `field` of schema `schema_name`."""
        prop = self._schemas[schema_name].get("properties", {}).get(field)
        return prop is not None and (self._available(prop) or self._wire_name(prop, field) != field)

    # ------------------------------------------------------------------ compiling

    def _named_check(self, name: str) -> Check:
        check = self._named.get(name)
        if check is None:
            # A placeholder first, so that a schema that refers to itself compiles.
            slot: list[Check] = []
            self._named[name] = lambda value, path: slot[0](value, path)
            compiled = self._compile(self._schemas[name])
            slot.append(compiled)
            self._named[name] = check = compiled
        return check

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            schema = self._schemas[schema["$ref"][len(REF) :]]
        return schema

    def _available(self, schema: Mapping[str, Any]) -> bool:
        providers = schema.get("x-providers")
        return self._spec_name is None or providers is None or self._spec_name in providers

    def _wire_name(self, prop: Mapping[str, Any], name: str) -> str:
        names = prop.get("x-wire-name")
        if names and self._spec_name in names:
            return str(names[self._spec_name])
        return name

    def _find_twins(self) -> dict[str, str]:
        """Wire name -> the name trilogue takes, for the hint when a wire name is refused."""
        twins: dict[str, str] = {}
        for schema in self._schemas.values():
            for name, prop in schema.get("properties", {}).items():
                for wire in (prop.get("x-wire-name") or {}).values():
                    twins[wire] = name
        return twins

    def _types(self, schema: Mapping[str, Any]) -> frozenset[str] | None:
        """The JSON types a value of `schema` may have (None: any)."""
        schema = self._resolve(schema)
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            found: set[str] = set()
            for branch in branches:
                types = self._types(branch)
                if types is None:
                    return None
                found |= types
            return frozenset(found)
        kind = schema.get("type")
        if kind is None:
            if "const" in schema:
                return frozenset({_json_type(schema["const"])})
            if "enum" in schema:
                return frozenset(_json_type(v) for v in schema["enum"])
            return frozenset({"object"}) if "properties" in schema else None
        return frozenset(kind if isinstance(kind, list) else [kind])

    def _compile(self, schema: Mapping[str, Any]) -> Check:
        if "$ref" in schema:
            return self._named_check(schema["$ref"][len(REF) :])
        limits = schema.get("x-provider-limits")
        if limits and self._spec_name in limits:
            schema = {**schema, **limits[self._spec_name]}
        checks: list[Check] = []
        if not self._available(schema):
            checks.append(self._refuse_schema(schema))
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            checks.append(self._union(branches))
        if "not" in schema:
            checks.append(self._not(schema["not"]))
        kind = schema.get("type")
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            checks.append(self._object(schema))
        elif kind == "array" or "items" in schema:
            checks.append(self._array(schema))
        elif kind is not None:
            checks.append(
                self._scalar(schema, frozenset(kind if isinstance(kind, list) else [kind]))
            )
        elif _SCALAR_KEYWORDS.intersection(schema):
            checks.append(self._scalar(schema, None))
        if not checks:
            return _as_dict
        return checks[0] if len(checks) == 1 else _all(checks)

    def _error(self, path: Path, rule: str) -> InvalidParameterError:
        where = show(path) or "the request"
        return InvalidParameterError(
            f"{where!r} {rule} (provider {self._provider!r}).",
            param=show(path),
            provider=self._provider,
        )

    def _unsupported(self, path: Path, what: str) -> UnsupportedParameterError:
        return UnsupportedParameterError(
            f"{what} is not supported by provider {self._provider!r}.",
            param=show(path),
            provider=self._provider,
        )

    def _with_hint(self, exc: UnsupportedParameterError, schema_name: str) -> None:
        """Raises `exc` saying which field to use instead, where a top-level field refused is
        another one's wire name (`max_completion_tokens` for `max_tokens`)."""
        twin = self._twins.get(exc.param or "")
        if twin and self.accepts(schema_name, twin):
            raise type(exc)(
                f"{exc} Use {twin!r} instead.", param=exc.param, provider=self._provider
            ) from None

    def _refuse_schema(self, schema: Mapping[str, Any]) -> Check:
        def check(value: Any, path: Path) -> Any:
            raise self._unsupported(path, repr(show(path)))

        return check

    def _scalar(self, schema: Mapping[str, Any], types: frozenset[str] | None) -> Check:
        """Type, const, enum, bounds, lengths and pattern of a value that is not an object or
        an array, as one check."""
        plain = tuple(
            t for name in types or () if name in _PYTHON_TYPES for t in _PYTHON_TYPES[name]
        )
        numeric = types is not None and ("number" in types or "integer" in types)
        any_number = types is not None and "number" in types
        shown_types = " or ".join(sorted(types or ()))
        has_const, const = "const" in schema, schema.get("const")
        values: list[Any] | None = schema.get("enum")
        allowed = self._allowed_values(values, schema.get("x-enum-providers") or {})
        bounds = [(schema[key], fails, words) for key, fails, words in _BOUNDS if key in schema]
        low, high = schema.get("minLength"), schema.get("maxLength")
        pattern = schema.get("pattern")
        compiled = re.compile(pattern) if pattern is not None else None
        only_str = types == frozenset({"string"})
        constrained = values is not None or low or high is not None or compiled is not None
        if only_str and not (has_const or constrained):
            return self._plain_string()

        def check(value: Any, path: Path) -> Any:
            if types is not None:
                if isinstance(value, plain) and (bool in plain or not isinstance(value, bool)):
                    pass
                elif numeric and isinstance(value, int | float) and not isinstance(value, bool):
                    if not math.isfinite(value):
                        raise self._error(path, f"must be a finite number, got {value}")
                    if not any_number and _json_type(value) != "integer":
                        raise self._error(path, f"must be integer, got {value}")
                else:
                    raise self._error(path, f"must be {shown_types}, got {got(value)}")
            if has_const and (value != const or type(value) is not type(const)):
                raise self._error(path, f"must be {const!r}, got {value!r}")
            if values is not None and not (value in allowed and not isinstance(value, list | dict)):
                if value in values and not isinstance(value, list | dict):
                    raise self._unsupported(path, f"{show(path)!r} value {value!r}")
                raise self._error(path, f"must be one of {_quote(allowed)}, got {value!r}")
            if bounds and isinstance(value, int | float) and not isinstance(value, bool):
                for bound, fails, words in bounds:
                    if fails(value, bound):
                        shown = str(int(bound)) if float(bound).is_integer() else str(bound)
                        raise self._error(path, f"must be {words} {shown}, got {value}")
            if isinstance(value, str):
                if low is not None and len(value) < low:
                    rule = "must not be empty" if low == 1 else f"needs {low}+ characters"
                    raise self._error(path, rule)
                if high is not None and len(value) > high:
                    raise self._error(path, f"must be at most {high} characters, got {len(value)}")
                if compiled is not None and not compiled.search(value):
                    raise self._error(path, f"must match {pattern}, got {value!r}")
            return value

        if only_str and type(const) is str and not constrained:
            self._strings_pass[check] = const  # a tag (`role: user`): only that string
        return check

    def _not(self, schema: Mapping[str, Any]) -> Check:
        """`not`: the spec uses it to keep values out (`not: {enum: [...]}`)."""
        excluded = schema.get("enum", [])

        def check(value: Any, path: Path) -> Any:
            if value in excluded and isinstance(value, str | int | float | bool | None):
                raise self._error(path, f"must not be one of {_quote(excluded)}, got {value!r}")
            return value

        return check

    def _plain_string(self) -> Check:
        def check(value: Any, path: Path) -> Any:
            if type(value) is str:
                return value
            raise self._error(path, f"must be string, got {got(value)}")

        self._strings_pass[check] = None
        return check

    def _allowed_values(
        self, values: list[Any] | None, providers: Mapping[str, list[str]]
    ) -> list[Any]:
        spec_name = self._spec_name
        return [
            v
            for v in values or ()
            if spec_name is None or spec_name in providers.get(v, [spec_name])
        ]
