"""Refresh a provider's facts file (spec-facts/<provider>.json) from a downloaded copy of the
provider's published spec, for `make spec-check` (scripts/spec_check.py) to compare with.

The paths and the keys each fact states are ours and stay; their values are read again from the
provider's document, and `source` is set to what was read. Nothing is downloaded here and the
downloaded copy is never committed: fetch it yourself, then point this script at it.

    # Mistral: the public OpenAPI document (mistralai/platform-docs-public, openapi-public-doc.yaml)
    python scripts/spec_facts.py mistral path/to/openapi-public-doc.yaml --commit SHA --date DATE

    # Gradient: a checkout (or an extract) of digitalocean/openapi; the inference models folder
    # specification/resources/inference/models is found inside it
    python scripts/spec_facts.py gradient path/to/openapi --commit SHA --date DATE

`--dry-run` prints what would change without writing. Llama has no readable published document
(see spec-facts/llama.json), so its facts are kept by hand.

Each facts file maps the root names of its paths to the provider's schemas (`roots`): a JSON
pointer in the document (`#/components/schemas/ChatCompletionRequest`) or a file relative to the
folder (`chat_completion_request.yml`). References between files (`$ref: function_object.yml`)
are followed; OpenAPI 3.0's `nullable: true` counts as a null type and `allOf` is folded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from spec_check import KEYS, SpecView

ROOT = Path(__file__).resolve().parents[1]
KNOWN = {
    "mistral": {"repository": "mistralai/platform-docs-public", "path": "openapi-public-doc.yaml"},
    "gradient": {
        "repository": "digitalocean/openapi",
        "path": "specification/resources/inference/models",
    },
}
GRADIENT_MODELS = Path("specification/resources/inference/models")


class ProviderDocument(SpecView):
    """A provider's published spec, read through the same path walk as openapi.yaml."""

    def __init__(self, location: Path, roots: Mapping[str, str]) -> None:
        self.provider = ""
        self.schemas = {}
        self._files: dict[Path, Any] = {}
        if location.is_dir():
            nested = location / GRADIENT_MODELS
            self._folder = nested if nested.is_dir() else location
            self._main: Path | None = None
        else:
            self._folder = location.parent
            self._main = location
        self._roots = roots

    def _load(self, file: Path) -> Any:
        file = file.resolve()
        if file not in self._files:
            self._files[file] = yaml.safe_load(file.read_text(encoding="utf-8"))
            _absolute_refs(self._files[file], file)
        return self._files[file]

    def root(self, name: str) -> Mapping[str, Any]:
        target = self._roots.get(name)
        if target is None:
            return {"not": {}}  # a root the provider has no counterpart for: nothing there
        # _canonical() reads a file-relative ref from the folder of `base`.
        base = self._main if target.startswith("#") else self._folder / "root"
        if base is None:
            raise SystemExit(f"root {name!r} is a pointer ({target}) but a folder was given")
        return {"$ref": _canonical(target, base)}

    def _target(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        seen = 0
        while "$ref" in schema:
            file, _, pointer = schema["$ref"].partition("#")
            node = self._load(Path(file))
            for part in (p for p in pointer.split("/") if p):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema = node
            seen += 1
            if seen > 50:
                raise SystemExit(f"reference loop at {schema}")
        return schema

    def _takes(self, schema: Mapping[str, Any]) -> bool:
        return "not" not in schema or schema["not"] != {}


def _canonical(ref: str, base: Path) -> str:
    """`other.yml#/a` or `#/a`, relative to file `base`, as `<absolute file>#/a`."""
    file, _, pointer = ref.partition("#")
    target = (base.parent / file).resolve() if file else base.resolve()
    return f"{target}#{pointer}"


def _absolute_refs(node: Any, file: Path) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            node["$ref"] = _canonical(ref, file)
        for value in node.values():
            _absolute_refs(value, file)
    elif isinstance(node, list):
        for value in node:
            _absolute_refs(value, file)


def refresh(data: dict[str, Any], document: ProviderDocument) -> list[str]:
    """Re-read every stated key of every fact; the changes, one line each."""
    changes: list[str] = []
    for fact in data["facts"]:
        found = document.find(fact["path"]).facts()
        stated = [key for key in KEYS if key in fact]
        if not found["present"]:
            if fact.get("present", True):
                changes.append(f"{fact['path']}: no longer in the provider's spec")
                for key in stated:
                    del fact[key]
                fact["present"] = False
            continue
        if fact.get("present") is False:
            changes.append(f"{fact['path']}: now in the provider's spec (state its keys)")
            del fact["present"]
            continue
        for key in stated:
            if key == "present":
                continue
            new = found.get(key)
            if new != fact[key]:
                changes.append(f"{fact['path']} {key}: {fact[key]!r} -> {new!r}")
                fact[key] = new
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("provider", choices=sorted(KNOWN))
    parser.add_argument("spec", type=Path, help="the downloaded document (or folder)")
    parser.add_argument("--commit", help="the commit the copy was taken at")
    parser.add_argument("--date", help="the date of that commit (YYYY-MM-DD)")
    parser.add_argument("--facts", type=Path, default=ROOT / "spec-facts")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if not (args.commit or args.date):
        parser.error("give --commit and/or --date: every facts file names what it was read from")

    facts_file = args.facts / f"{args.provider}.json"
    data = json.loads(facts_file.read_text(encoding="utf-8"))
    document = ProviderDocument(args.spec, data.get("roots", {}))
    changes = refresh(data, document)
    source = {**KNOWN[args.provider]}
    if args.commit:
        source["commit"] = args.commit
    if args.date:
        source["date"] = args.date
    data["source"] = source
    for line in changes:
        print(line)
    print(f"{args.provider}: {len(data['facts'])} facts read, {len(changes)} changed")
    if not args.dry_run:
        facts_file.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
