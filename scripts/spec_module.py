"""Writes the spec's component schemas into the generated package as `trilogue_api/spec.py`.

openapi-python-client gives its templates the parsed models, not the document: the raw schemas,
with their extensions (`x-providers`, `x-wire-name`, ...) and every `$ref`, would be lost. The
facade's request checks are compiled from these schemas, so `make generate` writes them here
beside the generated code (and `make drift` checks them like the rest).

    python scripts/spec_module.py openapi.yaml generated/trilogue_api/spec.py
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

import yaml

HEADER = (
    "# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ "
    "instead.\n"
)


# Prose and samples, which no check reads.
_DROPPED = frozenset({"description", "example", "examples", "title"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties"})
_SCHEMA_LISTS = frozenset({"anyOf", "oneOf", "allOf", "prefixItems"})
_SCHEMA_VALUES = frozenset({"items", "additionalProperties", "propertyNames", "not", "contains"})


def _rules(schema: object) -> object:
    """`schema` without prose, walking only where schemas nest (a property may be named
    `description`)."""
    if not isinstance(schema, dict):
        return schema
    kept: dict[str, object] = {}
    for key, value in schema.items():
        if key in _DROPPED:
            continue
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            value = {name: _rules(sub) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [_rules(sub) for sub in value]
        elif key in _SCHEMA_VALUES:
            value = _rules(value)
        kept[key] = value
    return kept


def _query_parameters(spec: dict[str, object]) -> dict[str, dict[str, object]]:
    """Each operation's query parameters ("get /models" -> {name: schema}), the parameter's own
    `x-providers` put on its schema, so that they are checked like body fields."""
    found: dict[str, dict[str, object]] = {}
    paths = spec.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        for method, operation in item.items():
            query = {
                p["name"]: _rules({**p.get("schema", {}), **_providers(p)})
                for p in operation.get("parameters", ())
                if p.get("in") == "query"
            }
            if query:
                found[f"{method} {path}"] = query
    return found


def _providers(parameter: dict[str, object]) -> dict[str, object]:
    return {"x-providers": parameter["x-providers"]} if "x-providers" in parameter else {}


def _operation_providers(spec: dict[str, object]) -> dict[str, list[str]]:
    """The operations only some providers serve ("post /batch/jobs" -> ["mistral"]): the
    operation's own `x-providers`. An operation without it is every provider's."""
    found: dict[str, list[str]] = {}
    paths = spec.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        for method, operation in item.items():
            if isinstance(operation, dict) and "x-providers" in operation:
                found[f"{method} {path}"] = list(operation["x-providers"])
    return found


def _rate_limit_headers(spec: dict[str, object]) -> dict[str, dict[str, object]]:
    """Header name -> its `x-rate-limit` rule (the field it fills, how its value reads), from
    the spec's component headers, in the spec's order (the first header present wins)."""
    components = spec.get("components")
    headers = components.get("headers", {}) if isinstance(components, dict) else {}
    found: dict[str, dict[str, object]] = {}
    for header in headers.values():
        rule = header.get("x-rate-limit")
        if isinstance(rule, dict):
            found[str(rule["name"])] = {"field": rule["field"], "format": rule["format"]}
    return found


def render(spec: dict[str, object]) -> str:
    components = spec.get("components")
    schemas = components.get("schemas", {}) if isinstance(components, dict) else {}
    rules = {name: _rules(schema) for name, schema in schemas.items()}
    body = pprint.pformat(rules, width=100, sort_dicts=False, underscore_numbers=False)
    query = pprint.pformat(_query_parameters(spec), width=100, sort_dicts=False)
    return (
        HEADER
        + '"""The component schemas of openapi.yaml, extensions and `$ref`s kept, for the request\n'
        + "checks a client compiles from them, each operation's query parameters, and the\n"
        + 'providers that serve an operation only some of them serve."""\n\n'
        + "from typing import Any\n\n"
        + f"SCHEMAS: dict[str, Any] = {body}\n\n"
        + f"QUERY_PARAMETERS: dict[str, dict[str, Any]] = {query}\n\n"
        + "OPERATION_PROVIDERS: dict[str, list[str]] = "
        + pprint.pformat(_operation_providers(spec), width=100, sort_dicts=False)
        + "\n\n"
        + "RATE_LIMIT_HEADERS: dict[str, dict[str, Any]] = "
        + pprint.pformat(_rate_limit_headers(spec), width=100, sort_dicts=False)
        + "\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    spec = yaml.safe_load(Path(argv[1]).read_text(encoding="utf-8"))
    Path(argv[2]).write_text(render(spec), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
