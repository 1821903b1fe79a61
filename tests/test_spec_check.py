"""`make spec-check`: openapi.yaml against the facts read from each provider's published spec
(spec-facts/), offline. It passes on the repository, and fails naming the field when a fact and
the spec disagree or an explanation matches no difference."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "spec_check.py"
FACTS = ROOT / "spec-facts"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A temp copy of openapi.yaml and spec-facts/ to break."""
    spec = tmp_path / "openapi.yaml"
    shutil.copy(ROOT / "openapi.yaml", spec)
    facts = tmp_path / "spec-facts"
    shutil.copytree(FACTS, facts)
    return spec, facts


def edit_facts(facts: Path, provider: str, path: str, **changes: Any) -> None:
    file = facts / f"{provider}.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    (fact,) = [f for f in data["facts"] if f["path"] == path]
    fact.update(changes)
    file.write_text(json.dumps(data), encoding="utf-8")


def test_passes_on_the_repository() -> None:
    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    for provider in ("mistral", "gradient", "llama"):
        assert f"{provider}: " in result.stdout
    assert "spec-check: ok" in result.stdout


def test_every_facts_file_names_its_source() -> None:
    for file in FACTS.glob("*.json"):
        source = json.loads(file.read_text(encoding="utf-8"))["source"]
        assert source["repository"] and source["path"], file.name
        assert source.get("commit") or source.get("date"), file.name


def test_a_fact_the_spec_contradicts_fails_naming_the_field(copy: tuple[Path, Path]) -> None:
    spec, facts = copy
    edit_facts(facts, "mistral", "CreateChatCompletionRequest.temperature", maximum=1.0)
    result = run("--spec", spec, "--facts", facts)
    assert result.returncode == 1
    assert "CreateChatCompletionRequest.temperature maximum" in result.stdout
    assert "openapi.yaml 1.5, mistral 1.0" in result.stdout
    assert "spec-check: FAILED" in result.stdout


def test_a_spec_change_the_facts_contradict_fails_naming_the_field(
    copy: tuple[Path, Path],
) -> None:
    spec, facts = copy
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    # Put back the old rule: Gradient's stop cap applied to every provider.
    stop = document["components"]["schemas"]["CreateChatCompletionRequest"]["properties"]["stop"]
    stop["anyOf"][1]["maxItems"] = 4
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = run("--spec", spec, "--facts", facts)
    assert result.returncode == 1
    assert (
        "CreateChatCompletionRequest.stop maxItems: openapi.yaml 4, mistral None" in result.stdout
    )
    assert "gradient" in result.stdout  # Gradient's own cap of 4 still agrees


def test_a_field_a_provider_does_not_take_is_named(copy: tuple[Path, Path]) -> None:
    spec, facts = copy
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    properties = document["components"]["schemas"]["CreateChatCompletionRequest"]["properties"]
    properties["guardrails"]["x-providers"] = ["mistral", "gradient"]
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = run("--spec", spec, "--facts", facts)
    assert result.returncode == 1
    assert (
        "CreateChatCompletionRequest.guardrails present: openapi.yaml True, gradient False"
        in result.stdout
    )


def test_a_stale_explanation_fails(copy: tuple[Path, Path]) -> None:
    spec, facts = copy
    explained = yaml.safe_load((facts / "explained.yaml").read_text(encoding="utf-8"))
    explained["mistral"].append(
        {"path": "CreateChatCompletionRequest.model", "key": "types", "reason": "no longer true"}
    )
    (facts / "explained.yaml").write_text(yaml.safe_dump(explained), encoding="utf-8")
    result = run("--spec", spec, "--facts", facts)
    assert result.returncode == 1
    assert "STALE" in result.stdout and "CreateChatCompletionRequest.model types" in result.stdout


def test_an_explained_difference_passes(copy: tuple[Path, Path]) -> None:
    spec, facts = copy
    edit_facts(facts, "llama", "CreateChatCompletionRequest.top_k", types=["number"])
    assert run("--spec", spec, "--facts", facts).returncode == 1
    explained = yaml.safe_load((facts / "explained.yaml").read_text(encoding="utf-8"))
    explained["llama"].append(
        {"path": "CreateChatCompletionRequest.top_k", "key": "types", "reason": "a test"}
    )
    (facts / "explained.yaml").write_text(yaml.safe_dump(explained), encoding="utf-8")
    result = run("--spec", spec, "--facts", facts, "-v")
    assert result.returncode == 0, result.stdout
    assert "reason: a test" in result.stdout


def test_refresh_reads_a_published_document(tmp_path: Path) -> None:
    """spec_facts.py re-reads each stated key from a provider document (a small stand-in for
    Mistral's, in the same shape) and records the new source."""
    document = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "ChatCompletionRequest": {
                    "type": "object",
                    "required": ["model"],
                    "properties": {
                        "model": {"type": "string"},
                        "temperature": {
                            "anyOf": [
                                {"type": "number", "minimum": 0, "maximum": 1.2},
                                {"type": "null"},
                            ]
                        },
                        "tools": {
                            "type": "array",
                            "items": {"oneOf": [{"$ref": "#/components/schemas/Tool"}]},
                        },
                    },
                },
                "Tool": {
                    "type": "object",
                    "required": ["function"],
                    "properties": {
                        "type": {"$ref": "#/components/schemas/ToolTypes"},
                        "function": {"type": "object"},
                    },
                },
                "ToolTypes": {"type": "string", "enum": ["function"]},
            }
        },
    }
    published = tmp_path / "openapi-public-doc.yaml"
    published.write_text(yaml.safe_dump(document), encoding="utf-8")
    facts = tmp_path / "facts"
    facts.mkdir()
    request = "CreateChatCompletionRequest"
    (facts / "mistral.json").write_text(
        json.dumps(
            {
                "provider": "mistral",
                "source": {},
                "roots": {request: "#/components/schemas/ChatCompletionRequest"},
                "facts": [
                    {"path": f"{request}.model", "required": True},
                    {"path": f"{request}.temperature", "maximum": 1.5, "nullable": False},
                    {"path": f"{request}.tools[type=function].function", "required": False},
                    {"path": f"{request}.prompt_mode", "enum": ["reasoning"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "spec_facts.py"),
            "mistral",
            str(published),
            *("--commit", "abc123", "--facts", str(facts)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((facts / "mistral.json").read_text(encoding="utf-8"))
    assert data["source"]["commit"] == "abc123"
    assert data["source"]["repository"] == "mistralai/platform-docs-public"
    by_path = {fact["path"]: fact for fact in data["facts"]}
    assert by_path[f"{request}.model"]["required"] is True
    assert by_path[f"{request}.temperature"] == {
        "path": f"{request}.temperature",
        "maximum": 1.2,
        "nullable": True,
    }
    assert by_path[f"{request}.tools[type=function].function"]["required"] is True
    assert by_path[f"{request}.prompt_mode"] == {"path": f"{request}.prompt_mode", "present": False}
    assert "no longer in the provider's spec" in result.stdout
