"""Request checks compiled from the spec's schemas, one set per provider.

Every rule the request schemas state is enforced before anything is sent: types, `const` and
`enum` (closed on the request side), `required`, numeric bounds, lengths, `pattern`, item and
property counts, `additionalProperties` (closed, for a named provider, where the spec does not
open an object), `$ref`, every `anyOf`/`oneOf` branch, and these extensions at any depth:

- `x-providers` on a property or a schema: the providers that accept it;
- `x-enum-providers` on an enum: `{value: [providers]}` for values only some accept;
- `x-required-by` on an object: `{property: [providers]}` required by only some;
- `x-requires` on a property: a sibling property that must be set (and true) with it;
- `x-wire-name` on a property: `{provider: name}` where a provider spells it differently.

A rule that fails raises `InvalidParameterError` naming the JSON path, the provider and the
rule; a field or value the provider does not take raises `UnsupportedParameterError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from ._exceptions import InvalidParameterError, UnsupportedParameterError

__all__ = ["RequestChecker"]

Path = tuple[str | int, ...]
Check = Callable[[Any, Path], None]

_REF = "#/components/schemas/"
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
    "null": (type(None),),
}


def show(path: Path) -> str:
    """`messages[2].content[0].type` for ("messages", 2, "content", 0, "type")."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _admits(types: frozenset[str] | None, json_type: str) -> bool:
    if types is None:
        return True
    return json_type in types or (json_type == "integer" and "number" in types)


def _quote(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


class RequestChecker:
    """The checks of one provider (`spec_name` is its `x-providers` name; None accepts every
    provider's fields, as an OpenAI-compatible server may)."""

    def __init__(self, schemas: Mapping[str, Any], spec_name: str | None, provider: str) -> None:
        self._schemas = schemas
        self._spec_name = spec_name
        self._provider = provider
        self._named: dict[str, Check] = {}
        self._twins = self._find_twins()

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
            self._named_check(schema_name)(body, ())
        except InvalidParameterError as exc:
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
            schema = self._schemas[schema["$ref"][len(_REF) :]]
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
            return self._named_check(schema["$ref"][len(_REF) :])
        checks: list[Check] = []
        if not self._available(schema):
            checks.append(self._refuse_schema(schema))
        branches = schema.get("anyOf") or schema.get("oneOf")
        if branches:
            checks.append(self._union(branches))
        kind = schema.get("type")
        if kind is not None:
            checks.append(self._type(frozenset(kind if isinstance(kind, list) else [kind])))
        if "const" in schema:
            checks.append(self._const(schema["const"]))
        if "enum" in schema:
            checks.append(self._enum(schema["enum"], schema.get("x-enum-providers") or {}))
        checks.extend(self._numbers(schema))
        checks.extend(self._strings(schema))
        if "items" in schema or "minItems" in schema or "maxItems" in schema:
            checks.append(self._array(schema))
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            checks.append(self._object(schema))
        if not checks:
            return _accept
        if len(checks) == 1:
            return checks[0]
        return _all(checks)

    def _error(self, path: Path, rule: str) -> InvalidParameterError:
        where = show(path) or "the request"
        return InvalidParameterError(
            f"{where!r} {rule} (provider {self._provider!r}).",
            param=show(path),
            provider=self._provider,
        )

    def _unsupported(self, path: Path, what: str) -> UnsupportedParameterError:
        field = show(path)
        twin = self._twins.get(field) if len(path) == 1 else None
        hint = ""
        if twin and self.accepts("CreateChatCompletionRequest", twin):
            hint = f" Use {twin!r} instead."
        return UnsupportedParameterError(
            f"{what} is not supported by provider {self._provider!r}.{hint}",
            param=field,
            provider=self._provider,
        )

    def _refuse_schema(self, schema: Mapping[str, Any]) -> Check:
        def check(value: Any, path: Path) -> None:
            raise self._unsupported(path, repr(show(path)))

        return check

    def _type(self, types: frozenset[str]) -> Check:
        def check(value: Any, path: Path) -> None:
            json_type = _json_type(value)
            if not _admits(types, json_type):
                shown = " or ".join(sorted(types))
                raise self._error(path, f"must be {shown}, got {type(value).__name__}")
            if json_type == "number" and not math.isfinite(value):
                raise self._error(path, f"must be a finite number, got {value}")

        return check

    def _const(self, expected: Any) -> Check:
        def check(value: Any, path: Path) -> None:
            if value != expected or type(value) is not type(expected):
                raise self._error(path, f"must be {expected!r}, got {value!r}")

        return check

    def _enum(self, values: list[Any], providers: Mapping[str, list[str]]) -> Check:
        spec_name = self._spec_name
        allowed = [
            v for v in values if spec_name is None or spec_name in providers.get(v, [spec_name])
        ]

        def check(value: Any, path: Path) -> None:
            if value in allowed and isinstance(value, str | int | float | bool | None):
                return
            if value in values:
                raise self._unsupported(path, f"{show(path)!r} value {value!r}")
            raise self._error(path, f"must be one of {_quote(allowed)}, got {value!r}")

        return check

    def _numbers(self, schema: Mapping[str, Any]) -> list[Check]:
        checks: list[Check] = []
        for key, fails, words in (
            ("minimum", lambda v, b: v < b, "at least"),
            ("maximum", lambda v, b: v > b, "at most"),
            ("exclusiveMinimum", lambda v, b: v <= b, "greater than"),
            ("exclusiveMaximum", lambda v, b: v >= b, "less than"),
        ):
            if key in schema:
                checks.append(self._bound(schema[key], fails, words))
        return checks

    def _bound(self, bound: float, fails: Callable[[Any, float], bool], words: str) -> Check:
        shown = str(int(bound)) if float(bound).is_integer() else str(bound)

        def check(value: Any, path: Path) -> None:
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if number and fails(value, bound):
                raise self._error(path, f"must be {words} {shown}, got {value}")

        return check

    def _strings(self, schema: Mapping[str, Any]) -> list[Check]:
        checks: list[Check] = []
        low, high = schema.get("minLength"), schema.get("maxLength")
        if low is not None or high is not None:

            def length(value: Any, path: Path) -> None:
                if isinstance(value, str):
                    if low is not None and len(value) < low:
                        rule = "must not be empty" if low == 1 else f"needs {low}+ characters"
                        raise self._error(path, rule)
                    if high is not None and len(value) > high:
                        raise self._error(
                            path, f"must be at most {high} characters, got {len(value)}"
                        )

            checks.append(length)
        pattern = schema.get("pattern")
        if pattern is not None:
            compiled = re.compile(pattern)

            def matches(value: Any, path: Path) -> None:
                if isinstance(value, str) and not compiled.search(value):
                    raise self._error(path, f"must match {pattern}, got {value!r}")

            checks.append(matches)
        return checks

    def _array(self, schema: Mapping[str, Any]) -> Check:
        items = self._compile(schema["items"]) if "items" in schema else None
        low, high = schema.get("minItems"), schema.get("maxItems")

        def check(value: Any, path: Path) -> None:
            if not isinstance(value, list | tuple):
                return  # the type check says so
            if low is not None and len(value) < low:
                raise self._error(path, f"must have at least {low} item(s)")
            if high is not None and len(value) > high:
                raise self._error(path, f"must have at most {high} items, got {len(value)}")
            if items is not None:
                for i, item in enumerate(value):
                    items(item, (*path, i))

        return check

    def _object(self, schema: Mapping[str, Any]) -> Check:
        spec_name = self._spec_name
        properties: dict[str, tuple[Check, bool, Any]] = {}
        for name, prop in (schema.get("properties") or {}).items():
            properties[name] = (self._compile(prop), self._available(prop), prop.get("x-requires"))
        required = list(schema.get("required") or ())
        for name, providers in (schema.get("x-required-by") or {}).items():
            if spec_name is not None and spec_name in providers:
                required.append(name)
        extra = schema.get("additionalProperties")
        if extra is None:
            # Closed for a named provider (Mistral answers 422 to an unknown field); open for an
            # OpenAI-compatible server, whose extras trilogue cannot know.
            extra = spec_name is None
        extra_check = self._compile(extra) if isinstance(extra, dict) else None
        name_check = self._compile(schema["propertyNames"]) if "propertyNames" in schema else None
        low, high = schema.get("minProperties"), schema.get("maxProperties")

        def check(value: Any, path: Path) -> None:
            if not isinstance(value, dict):
                return  # the type check says so
            if high is not None and len(value) > high:
                raise self._error(path, f"must have at most {high} entries, got {len(value)}")
            if low is not None and len(value) < low:
                raise self._error(path, f"must have at least {low} entries")
            for name, item in value.items():
                where = (*path, name)
                if name_check is not None:
                    name_check(name, where)
                known = properties.get(name)
                if known is None:
                    if extra_check is not None:
                        extra_check(item, where)
                    elif extra is False:
                        raise self._error(where, "is not a field the spec knows here")
                    continue
                prop_check, available, requires = known
                if not available:
                    raise self._unsupported(where, repr(show(where)))
                if requires is not None and not value.get(requires):
                    raise self._error(where, f"needs {requires!r} to be set")
                prop_check(item, where)
            for name in required:
                if name not in value:
                    raise self._error((*path, name), "is required")

        return check

    def _union(self, branches: list[Mapping[str, Any]]) -> Check:
        """anyOf/oneOf: a branch tagged by a const property (`role`, `type`) is chosen by it;
        otherwise the branches that admit the value's JSON type are tried in order."""
        compiled: list[tuple[Check, bool, frozenset[str] | None, tuple[str, Any] | None]] = []
        for branch in branches:
            target = self._resolve(branch)
            tag = None
            for name, prop in (target.get("properties") or {}).items():
                if "const" in prop and name in (target.get("required") or ()):
                    tag = (name, prop["const"])
                    break
            compiled.append(
                (self._compile(branch), self._available(target), self._types(branch), tag)
            )
        tag_names = {tag[0] for *_, tag in compiled if tag is not None}

        def check(value: Any, path: Path) -> None:
            if isinstance(value, dict):
                for name in tag_names:
                    if name not in value:
                        continue
                    for branch_check, available, _, tag in compiled:
                        if tag == (name, value[name]):
                            if not available:
                                where = (*path, name)
                                what = f"{show(where)!r} value {value[name]!r}"
                                raise self._unsupported(where, what)
                            branch_check(value, path)
                            return
            json_type = _json_type(value)
            candidates = [c for c in compiled if c[3] is None and _admits(c[2], json_type)]
            errors: list[InvalidParameterError] = []
            for branch_check, available, _, _ in candidates:
                if not available:
                    continue
                try:
                    branch_check(value, path)
                    return
                except InvalidParameterError as exc:
                    errors.append(exc)
            if errors:
                raise errors[0]
            if candidates:  # only branches this provider does not take
                raise self._unsupported(path, repr(show(path)))
            if isinstance(value, dict) and tag_names:
                name = sorted(tag_names)[0]
                known = [
                    tag[1]
                    for _, ok, _, tag in compiled
                    if ok and tag is not None and tag[0] == name
                ]
                got = value.get(name)
                raise self._error((*path, name), f"must be one of {_quote(known)}, got {got!r}")
            types = set().union(*(c[2] or {"any"} for c in compiled))
            shown = " or ".join(sorted(types))
            raise self._error(path, f"must be {shown}, got {type(value).__name__}")

        return check


def _accept(value: Any, path: Path) -> None:
    return None


def _all(checks: list[Check]) -> Check:
    def check(value: Any, path: Path) -> None:
        for one in checks:
            one(value, path)

    return check
