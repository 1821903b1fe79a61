"""Strict views of openapi.yaml, one per provider: only what that provider accepts, and
`additionalProperties: false` on request objects that do not open themselves (as Mistral
answers 422 to an unknown field). Derived by program from the spec's extensions:
`x-providers` on properties and on schemas (a union branch the provider lacks is dropped),
`x-enum-providers` on enum values, `x-required-by` on objects and `x-provider-limits`.

    python scripts/provider_views.py OUTDIR     # writes OUTDIR/openapi.<provider>.yaml
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROVIDERS = {
    "mistral": "mistral",
    "gradient": "gradient",
    "llama": "llama",
    "llama-compat": "llama",
}
REF = "#/components/schemas/"


def _request_schemas(schemas: dict[str, Any]) -> set[str]:
    """The schemas reachable from the request body."""
    seen: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF):
                name = ref[len(REF) :]
                if name not in seen:
                    seen.add(name)
                    walk(schemas[name])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    seen.add("CreateChatCompletionRequest")
    walk(schemas["CreateChatCompletionRequest"])
    return seen


def _accepts(node: Any, provider: str, schemas: dict[str, Any]) -> bool:
    if not isinstance(node, dict):
        return True
    if "$ref" in node:
        target = schemas.get(node["$ref"][len(REF) :], {})
        if provider not in target.get("x-providers", [provider]):
            return False
    return provider in node.get("x-providers", [provider])


def _strict(node: Any, provider: str, schemas: dict[str, Any]) -> Any:
    """`node` (a request-side schema) as `provider` takes it."""
    if not isinstance(node, dict):
        return node
    node = dict(node)
    node.update(node.pop("x-provider-limits", {}).get(provider, {}))
    for key in ("anyOf", "oneOf"):
        if key in node:
            node[key] = [
                _strict(b, provider, schemas) for b in node[key] if _accepts(b, provider, schemas)
            ]
    if "enum" in node:
        only = node.get("x-enum-providers", {})
        node["enum"] = [v for v in node["enum"] if provider in only.get(v, [provider])]
    if "properties" in node:
        node["properties"] = {
            name: _strict(prop, provider, schemas)
            for name, prop in node["properties"].items()
            if _accepts(prop, provider, schemas)
        }
        required = [r for r in node.get("required", []) if r in node["properties"]]
        for name, who in node.get("x-required-by", {}).items():
            if provider in who and name in node["properties"] and name not in required:
                required.append(name)
        if required:
            node["required"] = required
    dependent = node.pop("dependentRequired", None)
    rules = [
        {"anyOf": [{"not": {"required": [name]}}, {"required": needs}]}
        for name, needs in (dependent or {}).items()
        if name in node.get("properties", {})
    ]
    if rules:  # the same rule in the older keywords Prism's validator enforces
        node["allOf"] = rules
    if node.get("type") == "object" and "additionalProperties" not in node:
        node["additionalProperties"] = False
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            node[key] = _strict(node[key], provider, schemas)
    return node


def view(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """The strict view of `spec` for provider `name`."""
    provider = PROVIDERS[name]
    out = copy.deepcopy(spec)
    schemas = out["components"]["schemas"]
    for schema_name in _request_schemas(spec["components"]["schemas"]):
        if provider not in schemas[schema_name].get("x-providers", [provider]):
            continue  # a schema the provider never takes (Mistral's built-in tools) stays as it is
        schemas[schema_name] = _strict(
            schemas[schema_name], provider, spec["components"]["schemas"]
        )
    servers = [
        s for s in out.get("servers", []) if ("/compat/" in s["url"]) == (name == "llama-compat")
    ]
    out["servers"] = servers or out.get("servers", [])
    out["info"]["title"] = f"{out['info']['title']} ({name} view)"
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    outdir = Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    for name in PROVIDERS:
        path = outdir / f"openapi.{name}.yaml"
        path.write_text(yaml.safe_dump(view(spec, name), sort_keys=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
