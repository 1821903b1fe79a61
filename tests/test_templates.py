"""The templates are safe to regenerate with: a small spec with a path parameter, query
parameters, a `pattern` with a backslash and `date-time` fields is generated with our config and
templates, and the generated code (and the facade's core sending what it describes) behaves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = Path(sys.executable).with_name("openapi-python-client")
HEADER = "# Generated from openapi.yaml by make generate; do not edit"

SPEC = """
openapi: 3.1.0
info: {title: things, version: 1.0.0}
paths:
  /things/{thing_id}:
    get:
      operationId: getThing
      tags: [things]
      parameters:
        - {name: thing_id, in: path, required: true, schema: {type: string}}
        - {name: limit, in: query, required: false, schema: {type: integer}}
        - {name: tag, in: query, required: true, schema: {type: string}}
      responses:
        '200':
          description: The thing.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
  /things:
    post:
      operationId: createThing
      tags: [things]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/NewThing'}
      responses:
        '200':
          description: The thing.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    NewThing:
      type: object
      required: [name]
      properties:
        name: {type: string, pattern: '^\\w+$', maxLength: 64, x-providers: [mistral]}
        due: {type: string, format: date-time}
    Thing:
      type: object
      required: [id, created]
      properties:
        id: {type: string}
        created: {type: string, format: date-time}
        day: {type: string, format: date}
"""

CHECK = r"""
import datetime, json, re, sys
import httpx
from trilogue_api.api.things import create_thing, get_thing
from trilogue_api.models import NewThing, Thing
from trilogue_api.spec import SCHEMAS
import trilogue
from trilogue._wire._validation import RequestChecker

out = {}
kwargs = get_thing.request_kwargs("a b/c", tag="x y", limit=5)
out["get"] = {k: kwargs.get(k) for k in ("method", "url", "params")}
out["get_no_limit"] = get_thing.request_kwargs("t", tag="x")["params"]
pattern = SCHEMAS["NewThing"]["properties"]["name"]["pattern"]
out["pattern"] = pattern
out["pattern_matches"] = bool(re.search(pattern, "get_weather"))
out["pattern_refuses"] = bool(re.search(pattern, "get weather"))
check = RequestChecker(SCHEMAS, "mistral", "mistral")
out["checked"] = check.body("NewThing", {"name": "get_weather"})
try:
    check.body("NewThing", {"name": "get weather"})
except ValueError as exc:
    out["refused"] = str(exc)
thing = Thing.from_dict({"id": "t", "created": "2026-11-22T10:30:00Z", "day": "2026-11-22"})
out["created_type"] = type(thing.created).__name__
out["created_utc"] = thing.created == datetime.datetime(2026, 11, 22, 10, 30, tzinfo=datetime.UTC)
out["day_type"] = type(thing.day).__name__
out["round_trip"] = thing.to_dict()
body = NewThing(name="n", due=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
out["body"] = create_thing.request_kwargs(body=body)["json"]
out["dict_body"] = create_thing.request_kwargs(body={"name": "d"})["json"]

# The facade's core sends what the endpoint module describes, with nothing endpoint-specific.
seen = []
def handler(request):
    seen.append(request)
    return httpx.Response(200, json={"id": "t", "created": "2026-11-22T10:30:00+00:00"})
http = httpx.Client(transport=httpx.MockTransport(handler))
client = trilogue.Trilogue("openai-compatible", base_url="http://h/v1", http_client=http)
kwargs = get_thing.request_kwargs("a b", tag="q", limit=3)
prepared = client._prepare(kwargs, {"extra_query": {"x": "1"}})
response, _ = client._send(prepared)
parsed = get_thing.response_model(response.json()).from_dict(response.json())
out["sent"] = [seen[0].method, str(seen[0].url), seen[0].content.decode()]
out["sent_created"] = parsed.created.isoformat()
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("regen")
    (tmp / "openapi.yaml").write_text(SPEC)
    subprocess.run(
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
        cwd=tmp,
        check=True,
        capture_output=True,
        env={**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ['PATH']}"},
    )
    # What `make generate` does after the generator: the raw schemas for the request checks.
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "spec_module.py"),
            "openapi.yaml",
            "trilogue_api/spec.py",
        ],
        cwd=tmp,
        check=True,
    )
    return tmp


@pytest.fixture(scope="module")
def results(generated: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), str(ROOT / "src")])}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHECK)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_path_and_query_parameters(results: dict[str, object]) -> None:
    assert results["get"] == {
        "method": "get",
        "url": "/things/a%20b%2Fc",
        "params": {"tag": "x y", "limit": 5},
    }
    assert results["get_no_limit"] == {"tag": "x"}


def test_pattern_with_a_backslash(results: dict[str, object]) -> None:
    assert results["pattern"] == r"^\w+$"
    assert results["pattern_matches"] is True
    assert results["pattern_refuses"] is False
    assert results["checked"] == {"name": "get_weather"}
    assert results["refused"] == (
        "'name' must match ^\\w+$, got 'get weather' (provider 'mistral')."
    )


def test_date_time_fields_are_datetimes(results: dict[str, object]) -> None:
    assert results["created_type"] == "datetime"
    assert results["created_utc"] is True
    assert results["day_type"] == "date"
    assert results["round_trip"] == {
        "id": "t",
        "created": "2026-11-22T10:30:00+00:00",
        "day": "2026-11-22",
    }
    assert results["body"] == {"name": "n", "due": "2026-01-02T03:04:05+00:00"}
    assert results["dict_body"] == {"name": "d"}


def test_the_core_sends_a_new_endpoint_unchanged(results: dict[str, object]) -> None:
    assert results["sent"] == ["GET", "http://h/v1/things/a%20b?limit=3&tag=q&x=1", ""]
    assert results["sent_created"] == "2026-11-22T10:30:00+00:00"


def test_every_generated_module_says_it_is_generated(generated: Path) -> None:
    for tree in (generated / "trilogue_api", ROOT / "generated" / "trilogue_api"):
        files = sorted(tree.rglob("*.py"))
        assert files
        for path in files:
            assert path.read_text().startswith(HEADER), path
