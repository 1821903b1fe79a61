"""Regeneration reaches the editor and the wire: a copy of openapi.yaml gains a request field,
an enum value and a provider for a field; after regenerating, user code using them type-checks
under `mypy --strict`, misuse is flagged on the marked lines, and the client sends and refuses
them as the changed spec says, with no change to the facade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from test_typing import marked_lines

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = Path(sys.executable).with_name("openapi-python-client")

USES = """\
import trilogue

client = trilogue.Trilogue("mistral")
client.chat.completions.create(model="m", messages=[], verbosity="low", reasoning_effort="maximal")
trilogue.Trilogue("llama").chat.completions.create(model="m", messages=[], parallel_tool_calls=True)
"""
MISUSES = """\
import trilogue

client = trilogue.Trilogue("mistral")
client.chat.completions.create(model="m", messages=[], verbosity="loud")  # error
client.chat.completions.create(model="m", messages=[], reasoning_effort="maximum")  # error
"""
RUNS = r"""
import json, httpx, trilogue
sent = []
def answer(request):
    sent.append(json.loads(request.content))
    return httpx.Response(200, json={"choices": [{"index": 0, "finish_reason": "stop",
        "logprobs": None, "message": {"role": "assistant", "content": "ok"}}]})
def client(provider):
    http = httpx.Client(transport=httpx.MockTransport(answer))
    return trilogue.Trilogue(provider, api_key="k", base_url="http://h/v1", http_client=http)
hi = [{"role": "user", "content": "Hi"}]
client("mistral").chat.completions.create(model="m", messages=hi, verbosity="low",
                                          reasoning_effort="maximal")
client("llama").chat.completions.create(model="m", messages=hi, parallel_tool_calls=True)
refused = []
for provider, field, value in [("gradient", "verbosity", "low"), ("mistral", "verbosity", "loud")]:
    try:
        client(provider).chat.completions.create(model="m", messages=hi, **{field: value})
    except trilogue.InvalidParameterError as exc:
        refused.append([type(exc).__name__, exc.param, exc.provider])
print(json.dumps({"sent": sent, "refused": refused}))
"""


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("changed-spec")
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    schemas = spec["components"]["schemas"]
    request = schemas["CreateChatCompletionRequest"]["properties"]
    request["verbosity"] = {
        "type": "string",
        "enum": ["low", "medium", "high"],
        "description": "How long the answer should be.",
        "x-providers": ["mistral"],
    }
    schemas["ReasoningEffort"]["enum"].append("maximal")
    request["parallel_tool_calls"]["x-providers"].append("llama")
    (tmp / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    # As in pyproject.toml: the generated package is not held to --strict, user code is.
    (tmp / "mypy.ini").write_text(
        "[mypy]\n[mypy-trilogue_api.*]\nignore_errors = True\n[mypy-trilogue_api]\n"
        "ignore_errors = True\n"
    )
    env = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ['PATH']}"}
    for command in (
        [
            str(GENERATOR),
            "generate",
            "--path",
            "openapi.yaml",
            "--meta",
            "none",
            "--config",
            str(ROOT / "generator-config.yaml"),
            "--custom-template-path",
            str(ROOT / "templates"),
            "--output-path",
            "trilogue_api",
        ],
        [
            sys.executable,
            str(ROOT / "scripts" / "spec_module.py"),
            "openapi.yaml",
            "trilogue_api/spec.py",
        ],
    ):
        subprocess.run(command, cwd=tmp, env=env, check=True, capture_output=True)
    return tmp


def _mypy(tmp: Path, name: str, code: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp / name
    path.write_text(code)
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(tmp), str(ROOT / "src")])}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", name],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return path, result


def test_user_code_using_the_changes_type_checks(regenerated: Path) -> None:
    _, result = _mypy(regenerated, "uses.py", USES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_of_the_changes_is_flagged(regenerated: Path) -> None:
    path, result = _mypy(regenerated, "misuses.py", MISUSES)
    assert result.returncode == 1
    flagged = {
        int(line.split(":", 2)[1])
        for line in result.stdout.splitlines()
        if line.startswith("misuses.py:") and ": error:" in line
    }
    assert flagged == marked_lines(path), result.stdout


def test_the_client_sends_and_refuses_as_the_changed_spec_says(regenerated: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(regenerated), str(ROOT / "src")])}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(RUNS)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    first, second = result["sent"]
    assert (first["verbosity"], first["reasoning_effort"]) == ("low", "maximal")
    assert second["parallel_tool_calls"] is True
    assert result["refused"] == [
        ["UnsupportedParameterError", "verbosity", "gradient"],
        ["InvalidParameterError", "verbosity", "mistral"],
    ]
