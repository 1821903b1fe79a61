"""Compare openapi.yaml with the providers' own published specs, offline.

The providers' specs are summed up as facts in `spec-facts/<provider>.json` (written from, and
refreshed with `scripts/spec_facts.py` from, each provider's published document; every file
names the repository, path and commit or date it was read from). A fact names a field by a path
and states what the provider says about it; this script reads the same path in openapi.yaml *as
that provider sees it* (`x-providers`, `x-enum-providers`, `x-required-by`, `x-provider-limits`
applied, union branches the provider does not take left out) and compares.

A path is a root schema name followed by property names, each optionally followed by `[]` (the
array's items) or `[key=value]` (the items whose `key` is `value`, e.g. `messages[role=tool]`,
`tools[type=web_search]`):

    CreateChatCompletionRequest.tools[type=function].function.parameters

A fact compares only the keys it states:

    present            the provider takes (request) or sends (response) the field; default true
    types              JSON types of the value, `null` left out (see `nullable`)
    nullable           whether null is a value of its own
    enum               the values accepted (request side)
    required           required in its object for this provider
    values             JSON types of an object's additional values ("any" for any)
    minimum, maximum, exclusiveMinimum, exclusiveMaximum, minItems, maxItems, minLength,
    maxLength, maxProperties, pattern
                       bounds; null states that the provider sets no such bound

Every difference is either fixed in openapi.yaml or listed with its reason in
`spec-facts/explained.yaml` (`{provider: [{path, key, reason}]}`). An unexplained difference, or
an explanation that no longer matches a difference, makes the command exit 1.

    python scripts/spec_check.py [--spec openapi.yaml] [--facts spec-facts] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
REF = "#/components/schemas/"
BOUNDS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "maxProperties",
    "pattern",
)
KEYS = ("present", "types", "nullable", "enum", "required", "values", *BOUNDS)
_SEGMENT = re.compile(r"^(?P<name>[^.\[\]]+)(?:\[(?P<sel>[^\]]*)\])?$")


@dataclass
class Segment:
    name: str
    items: bool = False
    tag: tuple[str, str] | None = None


def parse_path(path: str) -> tuple[str, list[Segment]]:
    """`Root.a.b[]` -> ("Root", [Segment("a"), Segment("b", items=True)])."""
    root, *rest = path.split(".")
    segments: list[Segment] = []
    for part in rest:
        match = _SEGMENT.match(part)
        if match is None:
            raise ValueError(f"bad path segment {part!r} in {path!r}")
        sel = match.group("sel")
        if sel is None:
            segments.append(Segment(match.group("name")))
        elif sel == "":
            segments.append(Segment(match.group("name"), items=True))
        else:
            key, _, value = sel.partition("=")
            segments.append(Segment(match.group("name"), items=True, tag=(key, value)))
    return root, segments


@dataclass
class Found:
    """What a document says about one path, for one provider."""

    present: bool
    leaves: list[Mapping[str, Any]] = field(default_factory=list)
    required: bool = False

    def facts(self) -> dict[str, Any]:
        """Every key this script compares, read from the leaves."""
        out: dict[str, Any] = {"present": self.present, "required": self.required}
        if not self.present:
            return out
        types: set[str] = set()
        nullable = False
        enum: list[Any] | None = None
        values: set[str] = set()
        for leaf in self.leaves:
            kinds = leaf_types(leaf)
            if "null" in kinds:
                nullable = True
            types |= kinds - {"null"}
            if "enum" in leaf or "const" in leaf:
                listed = leaf["enum"] if "enum" in leaf else [leaf["const"]]
                enum = (enum or []) + [v for v in listed if v is not None and v not in (enum or [])]
            if "object" in kinds:
                extra = leaf.get("additionalProperties", True)
                if extra is True or extra == {}:
                    values.add("any")
                elif isinstance(extra, Mapping):
                    values |= leaf_types(extra) - {"null"} or {"any"}
        out["types"] = sorted(types)
        out["nullable"] = nullable
        out["enum"] = enum
        out["values"] = sorted(values) if values else None
        for key in BOUNDS:
            out[key] = next((leaf[key] for leaf in self.leaves if key in leaf), None)
        return out


def leaf_types(leaf: Mapping[str, Any]) -> set[str]:
    kind = leaf.get("type")
    if isinstance(kind, list):
        found = set(kind)
    elif isinstance(kind, str):
        found = {kind}
    elif "const" in leaf:
        found = {json_type(leaf["const"])}
    elif "enum" in leaf:
        found = {json_type(v) for v in leaf["enum"]}
    elif "properties" in leaf or "additionalProperties" in leaf:
        found = {"object"}
    elif "items" in leaf:
        found = {"array"}
    else:
        found = {"any"}
    if leaf.get("nullable") is True:  # OpenAPI 3.0
        found.add("null")
    return found


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


class SpecView:
    """openapi.yaml as one provider sees it."""

    def __init__(self, spec: Mapping[str, Any], provider: str) -> None:
        self.schemas: Mapping[str, Any] = spec["components"]["schemas"]
        self.provider = provider

    def root(self, name: str) -> Mapping[str, Any]:
        """The schema a path's first name stands for."""
        return {"$ref": REF + name}

    def _target(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"][len(REF) :]]
        return schema

    def _takes(self, schema: Mapping[str, Any]) -> bool:
        return self.provider in schema.get("x-providers", [self.provider])

    def leaves(self, schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        """The alternatives a value of `schema` may take for the provider, each without unions."""
        if not self._takes(schema):
            return []
        target = self._target(schema)
        if not self._takes(target):
            return []
        if "allOf" in target:
            target = self._merge_all_of(target)
        limits = target.get("x-provider-limits", {}).get(self.provider)
        if limits:
            target = {**target, **limits}
        if "enum" in target and "x-enum-providers" in target:
            only = target["x-enum-providers"]
            target = {
                **target,
                "enum": [
                    v for v in target["enum"] if self.provider in only.get(v, [self.provider])
                ],
            }
        branches = target.get("anyOf") or target.get("oneOf")
        if not branches:
            return [target]
        out: list[Mapping[str, Any]] = []
        for branch in branches:
            out.extend(self.leaves(branch))
        return out

    def _merge_all_of(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """`allOf` folded into one schema: properties and `required` joined, other keys kept."""
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            for leaf in self.leaves(part)[:1]:
                for key, value in leaf.items():
                    if key == "properties":
                        merged["properties"] = {**value, **merged.get("properties", {})}
                    elif key == "required":
                        merged["required"] = [*merged.get("required", []), *value]
                    else:
                        merged.setdefault(key, value)
        return merged

    def required(self, parent: Mapping[str, Any], name: str) -> bool:
        who = (parent.get("x-required-by") or {}).get(name, [])
        return name in (parent.get("required") or ()) or self.provider in who

    def has_tag(self, leaf: Mapping[str, Any], key: str, value: str) -> bool:
        """Whether `leaf`'s property `key` is `value` (a const, or an enum that holds it)."""
        prop = (leaf.get("properties") or {}).get(key)
        if not isinstance(prop, Mapping):
            return False
        prop = self._target(prop)
        return prop.get("const") == value or value in (prop.get("enum") or ())

    def find(self, path: str) -> Found:
        root, segments = parse_path(path)
        leaves = self.leaves(self.root(root))
        required = False
        for segment in segments:
            following: list[Mapping[str, Any]] = []
            required = False
            for leaf in leaves:
                prop = (leaf.get("properties") or {}).get(segment.name)
                if prop is None:
                    continue
                below = self.leaves(prop)
                if below:
                    required = required or self.required(leaf, segment.name)
                following.extend(below)
            if segment.items:
                items = [leaf["items"] for leaf in following if "items" in leaf]
                following = [one for item in items for one in self.leaves(item)]
                if segment.tag is not None:
                    following = [one for one in following if self.has_tag(one, *segment.tag)]
            if not following:
                return Found(False)
            leaves = following
        return Found(True, leaves, required)


@dataclass
class Difference:
    path: str
    key: str
    spec: Any
    provider: Any


def compare(fact: Mapping[str, Any], found: Found) -> Iterator[Difference]:
    path = fact["path"]
    mine = found.facts()
    want_present = fact.get("present", True)
    if mine["present"] != want_present:
        yield Difference(path, "present", mine["present"], want_present)
        return
    if not want_present:
        return
    for key in KEYS[1:]:
        if key not in fact:
            continue
        theirs, ours = fact[key], mine.get(key)
        if key in ("types", "values") and isinstance(theirs, list):
            theirs = sorted(theirs)
        if key == "enum" and isinstance(theirs, list) and isinstance(ours, list):
            same = sorted(map(str, theirs)) == sorted(map(str, ours))
        else:
            same = theirs == ours
        if not same:
            yield Difference(path, key, ours, theirs)


def load_facts(folder: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        out[data["provider"]] = data
    return out


def source_line(source: Mapping[str, Any]) -> str:
    where = " ".join(str(source[k]) for k in ("repository", "path") if source.get(k))
    when = ", ".join(str(source[k])[:12] for k in ("commit", "date") if source.get(k))
    return f"{where} @ {when}" if when else where


def check(spec_path: Path, facts_dir: Path, verbose: bool = False) -> tuple[int, list[str]]:
    """(exit status, report lines)."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    explained_path = facts_dir / "explained.yaml"
    explained_doc = (
        yaml.safe_load(explained_path.read_text(encoding="utf-8"))
        if explained_path.exists()
        else {}
    )
    lines: list[str] = []
    status = 0
    for provider, data in load_facts(facts_dir).items():
        view = SpecView(spec, data.get("spec_name", provider))
        reasons = {
            (item["path"], item["key"]): item["reason"]
            for item in (explained_doc or {}).get(provider) or []
        }
        used: set[tuple[str, str]] = set()
        same = fixed = 0
        explained: list[str] = []
        unexplained: list[str] = []
        for fact in data["facts"]:
            differences = list(compare(fact, view.find(fact["path"])))
            if not differences:
                same += 1
                fixed += 1 if fact.get("fixed") else 0
                continue
            for diff in differences:
                shown = (
                    f"{diff.path} {diff.key}: openapi.yaml {diff.spec!r}, "
                    f"{provider} {diff.provider!r}"
                )
                reason = reasons.get((diff.path, diff.key))
                if reason is None:
                    unexplained.append(shown)
                else:
                    used.add((diff.path, diff.key))
                    explained.append(f"{shown}\n        reason: {reason}")
        stale = [f"{path} {key}" for path, key in reasons if (path, key) not in used]
        total = len(data["facts"])
        lines.append(f"{provider}: {total} facts from {source_line(data['source'])}")
        lines.append(f"  same       {same} (fixed by this spec: {fixed})")
        lines.append(f"  explained  {len(explained)}")
        if verbose:
            lines.extend(f"    {line}" for line in explained)
        if unexplained:
            status = 1
            lines.append(f"  DIFFERENT  {len(unexplained)} (fix openapi.yaml or explain them)")
            lines.extend(f"    {line}" for line in unexplained)
        if stale:
            status = 1
            lines.append(f"  STALE      {len(stale)} explained.yaml entries match no difference")
            lines.extend(f"    {line}" for line in stale)
    for provider in explained_doc or {}:
        if provider not in load_facts(facts_dir):
            status = 1
            lines.append(f"explained.yaml names {provider!r}, which has no facts file")
    return status, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--facts", type=Path, default=ROOT / "spec-facts")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each explanation")
    args = parser.parse_args(argv)
    status, lines = check(args.spec, args.facts, args.verbose)
    print("\n".join(lines))
    print("spec-check: " + ("ok" if status == 0 else "FAILED"))
    return status


if __name__ == "__main__":
    sys.exit(main())
