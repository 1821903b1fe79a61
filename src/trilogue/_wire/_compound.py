"""The checks of compound schemas (arrays, objects, anyOf/oneOf), a part of `RequestChecker`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._exceptions import InvalidParameterError, UnsupportedParameterError
from ._json_types import _ALL_TYPES, Check, Path, _admits, _json_type, _quote, got, show


class CompoundChecks:
    """Compiles array, object and union schemas; the rest of compiling is `RequestChecker`'s."""

    _spec_name: str | None
    # Checks that let a string through unchanged without calling them: None for any string,
    # else the one string they take (a const). Lets an object skip its plain string fields.
    _strings_pass: dict[Check, str | None]

    def _compile(self, schema: Mapping[str, Any]) -> Check:
        raise NotImplementedError

    def _available(self, schema: Mapping[str, Any]) -> bool:
        raise NotImplementedError

    def _refuse_schema(self, schema: Mapping[str, Any]) -> Check:
        raise NotImplementedError

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        raise NotImplementedError

    def _types(self, schema: Mapping[str, Any]) -> frozenset[str] | None:
        raise NotImplementedError

    def _error(self, path: Path, rule: str) -> InvalidParameterError:
        raise NotImplementedError

    def _unsupported(self, path: Path, what: str) -> UnsupportedParameterError:
        raise NotImplementedError

    def _array(self, schema: Mapping[str, Any]) -> Check:
        items = self._compile(schema["items"]) if "items" in schema else None
        low, high = schema.get("minItems"), schema.get("maxItems")

        def check(value: Any, path: Path) -> Any:
            if not isinstance(value, list | tuple):
                raise self._error(path, f"must be array, got {got(value)}")
            if low is not None and len(value) < low:
                raise self._error(path, f"must have at least {low} item(s)")
            if high is not None and len(value) > high:
                raise self._error(path, f"must have at most {high} items, got {len(value)}")
            if items is None:
                return value
            copy: list[Any] | None = None
            for i, item in enumerate(value):
                checked = items(item, (path, i))
                if checked is not item:
                    if copy is None:
                        copy = list(value)
                    copy[i] = checked
            return value if copy is None else copy

        return check

    def _object(self, schema: Mapping[str, Any]) -> Check:
        spec_name = self._spec_name
        properties: dict[str, Check] = {}
        requires: dict[str, list[str]] = {}
        for name, prop in (schema.get("properties") or {}).items():
            properties[name] = (
                self._compile(prop) if self._available(prop) else self._refuse_schema(prop)
            )
            needed = (schema.get("dependentRequired") or {}).get(name)
            if needed:
                requires[name] = needed
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
        passing = self._strings_pass
        fast = {
            name: passing[prop_check]
            for name, prop_check in properties.items()
            if prop_check in passing and name not in requires and name_check is None
        }

        def check(value: Any, path: Path) -> Any:
            if type(value) is not dict:
                to_dict = getattr(value, "to_dict", None)
                if to_dict is not None:
                    value = to_dict()
                elif not isinstance(value, dict):
                    raise self._error(path, f"must be object, got {got(value)}")
            copy: dict[str, Any] | None = None
            if high is not None and len(value) > high:
                raise self._error(path, f"must have at most {high} entries, got {len(value)}")
            if low is not None and len(value) < low:
                raise self._error(path, f"must have at least {low} entries")
            for name, item in value.items():
                if type(item) is str and name in fast:
                    wanted = fast[name]
                    if wanted is None or wanted == item:
                        continue
                where = (path, name)
                if name_check is not None:
                    name_check(name, where)
                prop_check = properties.get(name)
                if prop_check is None:
                    if extra_check is not None:
                        checked = extra_check(item, where)
                    elif extra is False:
                        raise self._error(where, "is not a field the spec knows here")
                    else:
                        continue
                else:
                    checked = prop_check(item, where)
                    if requires and name in requires:
                        for other in requires[name]:
                            if other not in value:
                                raise self._error(where, f"needs {other!r} to be set")
                if checked is not item:
                    if copy is None:
                        copy = dict(value)
                    copy[name] = checked
            for name in required:
                if name not in value:
                    raise self._error((path, name), "is required")
            return value if copy is None else copy

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
        tag_names = sorted({tag[0] for *_, tag in compiled if tag is not None})
        by_tag = {(tag[0], tag[1]): (c, ok) for c, ok, _, tag in compiled if tag is not None}
        by_type = {
            kind: [
                (c, ok) for c, ok, types, tag in compiled if tag is None and _admits(types, kind)
            ]
            for kind in _ALL_TYPES
        }

        string_branches = by_type["string"]
        only_string = string_branches[0][0] if len(string_branches) == 1 else None

        def check(value: Any, path: Path) -> Any:
            kind = type(value)
            if kind is str and only_string is not None and string_branches[0][1]:
                return only_string(value, path)
            if kind is not dict and hasattr(value, "to_dict"):
                value = value.to_dict()
            if type(value) is dict:
                for name in tag_names:
                    tag_value = value.get(name)
                    if tag_value is None:
                        continue
                    found = by_tag.get((name, tag_value)) if isinstance(tag_value, str) else None
                    if found is not None:
                        branch_check, available = found
                        if not available:
                            where = (path, name)
                            what = f"{show(where)!r} value {tag_value!r}"
                            raise self._unsupported(where, what)
                        return branch_check(value, path)
            candidates = by_type.get(_json_type(value), ())
            first_error: InvalidParameterError | None = None
            for branch_check, available in candidates:
                if not available:
                    continue
                try:
                    return branch_check(value, path)
                except InvalidParameterError as exc:
                    first_error = first_error or exc
            if first_error is not None:
                raise first_error
            if candidates:  # only branches this provider does not take
                raise self._unsupported(path, repr(show(path)))
            if type(value) is dict and tag_names:
                name = tag_names[0]
                known = [
                    tag[1]
                    for _, ok, _, tag in compiled
                    if ok and tag is not None and tag[0] == name
                ]
                tag_value = value.get(name)
                raise self._error(
                    (path, name), f"must be one of {_quote(known)}, got {tag_value!r}"
                )
            types = set().union(*(c[2] or {"any"} for c in compiled))
            shown = " or ".join(sorted(types))
            raise self._error(path, f"must be {shown}, got {got(value)}")

        plain = only_string is not None and self._strings_pass.get(only_string, "") is None
        if plain and string_branches[0][1]:
            self._strings_pass[check] = None  # every string goes to a plain string branch
        return check
