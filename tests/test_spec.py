"""Structural tests for openapi.yaml: the conventions the generator's templates and the
client's checks rely on (a valid OpenAPI 3.1 document, named component schemas, resolvable
references, unions told apart by const discriminators, no request defaults, an example for every
response object). What the spec's rules mean for requests is tested from the spec itself, one
case per rule, in test_spec_behaviour.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
REF_PREFIX = "#/components/schemas/"
# Keywords whose value is a single subschema / a list of subschemas / a map of subschemas.
_SUB_ONE = (
    "items",
    "additionalProperties",
    "propertyNames",
    "not",
    "contains",
    "if",
    "then",
    "else",
)
_SUB_LIST = ("anyOf", "oneOf", "allOf", "prefixItems")
_SUB_MAP = ("properties", "patternProperties", "$defs")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]


@pytest.fixture(scope="module")
def operation(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/chat/completions"]["post"]


# ----------------------------------------------------------------------------- helpers


def ref_name(schema: dict[str, Any]) -> str:
    ref = schema["$ref"]
    assert ref.startswith(REF_PREFIX), ref
    return ref[len(REF_PREFIX) :]


def subschemas(schema: Any) -> Iterator[tuple[str, Any]]:
    """Direct subschemas of a schema, as (keyword path, subschema)."""
    if not isinstance(schema, dict):
        return
    for key in _SUB_ONE:
        if isinstance(schema.get(key), dict):
            yield key, schema[key]
    for key in _SUB_LIST:
        for i, sub in enumerate(schema.get(key) or []):
            yield f"{key}[{i}]", sub
    for key in _SUB_MAP:
        for name, sub in (schema.get(key) or {}).items():
            yield f"{key}.{name}", sub


def walk(schema: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (sub)schema inside `schema` without following $refs (examples are skipped)."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for key, sub in subschemas(schema):
        yield from walk(sub, f"{path}/{key}")


def reachable(schemas: dict[str, Any], roots: list[str]) -> list[str]:
    """Names of component schemas reachable from `roots` through $refs."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        for _, sub in walk(schemas[name]):
            if "$ref" in sub:
                todo.append(ref_name(sub))
    return seen


def all_response_schema_refs(operation: dict[str, Any]) -> list[str]:
    names = []
    for resp in operation["responses"].values():
        for media in resp.get("content", {}).values():
            for _, sub in walk(media["schema"]):
                if "$ref" in sub:
                    names.append(ref_name(sub))
    return names


# ----------------------------------------------------------------------------- document


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_schema_names_are_pascal_case(schemas: dict[str, Any]) -> None:
    bad = [n for n in schemas if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", n)]
    assert not bad


def test_no_inline_object_schemas(spec: dict[str, Any], schemas: dict[str, Any]) -> None:
    """Objects are only ever defined as top-level components (nice generated class names)."""
    offenders = []
    for name, schema in schemas.items():
        for path, sub in walk(schema, name):
            if sub is schema:
                continue
            if sub.get("type") == "object" or "properties" in sub:
                offenders.append(path)
    for code, resp in spec["paths"]["/chat/completions"]["post"]["responses"].items():
        for media_type, media in resp.get("content", {}).items():
            for path, sub in walk(media["schema"], f"{code}/{media_type}"):
                if sub.get("type") == "object" or "properties" in sub:
                    offenders.append(path)
    assert not offenders


def test_no_discriminator_objects_and_no_closed_objects(schemas: dict[str, Any]) -> None:
    for name, schema in schemas.items():
        for path, sub in walk(schema, name):
            assert "discriminator" not in sub, path
            assert sub.get("additionalProperties") is not False, path


def test_all_refs_resolve(spec: dict[str, Any], schemas: dict[str, Any]) -> None:
    def refs(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "$ref":
                    yield v
                else:
                    yield from refs(v)
        elif isinstance(node, list):
            for v in node:
                yield from refs(v)

    components = spec["components"]
    for target in [*refs(spec["paths"]), *refs(schemas)]:
        kind, _, name = target.removeprefix("#/components/").partition("/")
        assert name in components.get(kind, {}), target


def test_object_unions_are_dispatchable(schemas: dict[str, Any], operation: dict[str, Any]) -> None:
    """Each object variant of a union has a required const property, or a required property that
    no sibling variant has; only the catch-all OpaqueContentPart may lack both and must be last."""
    unions: list[tuple[str, list[str]]] = []
    for name, schema in schemas.items():
        for path, sub in walk(schema, name):
            for key in ("oneOf", "anyOf"):
                if key in sub:
                    unions.append((f"{path}/{key}", [ref_name(s) for s in sub[key] if "$ref" in s]))
    for code, resp in operation["responses"].items():
        for media_type, media in resp.get("content", {}).items():
            for path, sub in walk(media["schema"], f"{code}/{media_type}"):
                for key in ("oneOf", "anyOf"):
                    if key in sub:
                        unions.append(
                            (f"{path}/{key}", [ref_name(s) for s in sub[key] if "$ref" in s])
                        )

    checked = 0
    for path, names in unions:
        objects = [n for n in names if schemas[n].get("type") == "object"]
        if len(objects) < 2:
            continue
        checked += 1
        if "OpaqueContentPart" in objects:
            assert objects[-1] == "OpaqueContentPart", path
        for name in objects:
            if name == "OpaqueContentPart":
                continue
            schema = schemas[name]
            required = schema.get("required", [])
            has_const = any("const" in schema["properties"][p] for p in required)
            others = set().union(
                *(set(schemas[o].get("required", [])) for o in objects if o != name)
            )
            assert has_const or set(required) - others, f"{path}: {name} is not dispatchable"
            consts = {
                (p, schema["properties"][p]["const"])
                for p in required
                if "const" in schema["properties"][p]
            }
            for other in objects:
                if other == name or other == "OpaqueContentPart":
                    continue
                oschema = schemas[other]
                oconsts = {
                    (p, oschema["properties"][p]["const"])
                    for p in oschema.get("required", [])
                    if "const" in oschema["properties"][p]
                }
                if consts and oconsts:
                    assert consts != oconsts, f"{path}: {name} and {other} share discriminators"
    assert checked >= 8


# ----------------------------------------------------------------------------- request


def test_no_defaults_in_request_schemas(schemas: dict[str, Any]) -> None:
    names = reachable(schemas, ["CreateChatCompletionRequest"])
    assert "UserMessage" in names and "FunctionDefinition" in names
    offenders = [path for n in names for path, sub in walk(schemas[n], n) if "default" in sub]
    assert not offenders


# ----------------------------------------------------------------------------- responses


def test_every_response_schema_has_example(
    schemas: dict[str, Any], operation: dict[str, Any]
) -> None:
    names = reachable(
        schemas, [*all_response_schema_refs(operation), "CreateChatCompletionRequest"]
    )
    missing = [
        n for n in names if schemas[n].get("type") == "object" and "example" not in schemas[n]
    ]
    assert not missing
