"""Structural tests for openapi.yaml, the superset spec of POST /chat/completions.

They pin the conventions the code generator templates rely on: named component schemas,
const discriminators, provider annotations (`x-providers`), no request defaults, nullable
response fields and the `x-sse` stream description.
"""

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
PROVIDERS = {"llama", "gradient", "mistral"}
ALL = frozenset(PROVIDERS)

# field -> providers that accept it on the wire (shared/reference/wire-formats.md;
# "(sdk only)" counts as not accepted, `seed` is Gradient's published spec).
EXPECTED_REQUEST_PROVIDERS: dict[str, frozenset[str]] = {
    "model": ALL,
    "messages": ALL,
    "temperature": ALL,
    "top_p": ALL,
    "top_k": frozenset({"llama"}),
    "repetition_penalty": frozenset({"llama"}),
    "max_tokens": frozenset({"gradient", "mistral"}),
    "max_completion_tokens": frozenset({"llama", "gradient"}),
    "stream": ALL,
    "stream_options": frozenset({"gradient"}),
    "stop": frozenset({"gradient", "mistral"}),
    "n": frozenset({"gradient", "mistral"}),
    "frequency_penalty": frozenset({"gradient", "mistral"}),
    "presence_penalty": frozenset({"gradient", "mistral"}),
    "logit_bias": frozenset({"gradient"}),
    "logprobs": frozenset({"gradient"}),
    "top_logprobs": frozenset({"gradient"}),
    "seed": frozenset({"gradient"}),
    "random_seed": frozenset({"mistral"}),
    "metadata": frozenset({"gradient", "mistral"}),
    "reasoning_effort": frozenset({"gradient", "mistral"}),
    "user": frozenset({"llama", "gradient"}),
    "response_format": frozenset({"llama", "mistral"}),
    "tools": ALL,
    "tool_choice": ALL,
    "parallel_tool_calls": frozenset({"mistral"}),
    "safe_prompt": frozenset({"mistral"}),
    "prompt_mode": frozenset({"mistral"}),
    "prediction": frozenset({"mistral"}),
    # Mistral's published spec of 2026-08 (issue 18).
    "guardrails": frozenset({"mistral"}),
    "prompt_cache_key": frozenset({"mistral"}),
    "service_tier": frozenset({"mistral"}),
}

# Request fields every provider's published spec requires (issue 18): a tool names its function,
# a function its name, a named tool choice its function; Mistral's built-in tools their targets.
REQUIRED_BY_EVERY_PROVIDER = {
    ("Tool", "function"),
    ("FunctionDefinition", "name"),
    ("NamedToolChoice", "function"),
    ("NamedToolChoiceFunction", "name"),
    ("DocumentLibraryTool", "library_ids"),
    ("ConnectorTool", "connector_id"),
    ("ConnectorOAuth2TokenAuth", "value"),
    ("ConnectorApiKeyAuth", "value"),
}

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


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF_PREFIX + name}


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


def is_nullable(schema: dict[str, Any]) -> bool:
    t = schema.get("type")
    if t == "null" or (isinstance(t, list) and "null" in t):
        return True
    return any(is_nullable(s) for s in schema.get("anyOf", []) + schema.get("oneOf", []))


def union_refs(schema: dict[str, Any], key: str = "anyOf") -> list[str]:
    return [ref_name(s) for s in schema[key] if "$ref" in s]


def const_of(schemas: dict[str, Any], name: str, prop: str) -> Any:
    schema = schemas[name]
    assert prop in schema.get("required", []), f"{name}.{prop} must be required"
    return schema["properties"][prop]["const"]


def assert_open_enum(schemas: dict[str, Any], schema: dict[str, Any], enum_name: str) -> None:
    """`anyOf: [{$ref: Enum}, {type: string}, ...]` pattern of extensible response enums."""
    members = schema["anyOf"]
    assert members[0] == ref(enum_name), schema
    assert {"type": "string"} in members, schema
    assert "enum" in schemas[enum_name] and schemas[enum_name]["type"] == "string"


# ----------------------------------------------------------------------------- document


def test_spec_is_valid_openapi_31(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_info_servers_security(spec: dict[str, Any]) -> None:
    assert spec["info"]["title"] == "trilogue chat completions"
    assert spec["info"]["version"] == "1.0.0"
    assert "superset" in spec["info"]["description"].lower()
    urls = [s["url"] for s in spec["servers"]]
    assert urls == [
        "https://api.llama.com/v1",
        "https://api.llama.com/compat/v1",
        "https://inference.do-ai.run/v1",
        "https://api.mistral.ai/v1",
    ]
    assert all(s.get("description") for s in spec["servers"])
    schemes = spec["components"]["securitySchemes"]
    (name,) = schemes
    assert schemes[name]["type"] == "http" and schemes[name]["scheme"] == "bearer"
    assert spec["security"] == [{name: []}]


def test_operations(spec: dict[str, Any], operation: dict[str, Any]) -> None:
    assert sorted(spec["paths"]) == ["/chat/completions", "/models", "/models/{model_id}"]
    assert list(spec["paths"]["/chat/completions"]) == ["post"]
    models = spec["paths"]["/models"]
    assert list(models) == ["get"]
    assert models["get"]["operationId"] == "listModels"
    ok = models["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == ref("ModelList")
    assert operation["operationId"] == "createChatCompletion"
    assert operation["tags"] == ["chat"]
    body = operation["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == ref("CreateChatCompletionRequest")


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

    for target in refs(spec["paths"]):
        assert target[len(REF_PREFIX) :] in schemas, target
    for target in refs(schemas):
        assert target[len(REF_PREFIX) :] in schemas, target


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


def test_request_fields_and_providers(schemas: dict[str, Any]) -> None:
    req = schemas["CreateChatCompletionRequest"]
    props = req["properties"]
    assert set(req["required"]) == {"model", "messages"}
    assert set(props) == set(EXPECTED_REQUEST_PROVIDERS)
    for field, expected in EXPECTED_REQUEST_PROVIDERS.items():
        prop = props[field]
        providers = prop.get("x-providers")
        assert isinstance(providers, list) and providers, field
        assert set(providers) <= PROVIDERS, field
        assert len(providers) == len(set(providers)), field
        assert set(providers) == expected, field
        assert prop.get("description"), f"{field} needs a description"


def test_request_limits(schemas: dict[str, Any]) -> None:
    p = schemas["CreateChatCompletionRequest"]["properties"]
    assert p["messages"]["minItems"] == 1
    assert (p["temperature"]["minimum"], p["temperature"]["maximum"]) == (0, 2)
    assert (p["top_p"]["minimum"], p["top_p"]["maximum"]) == (0, 1)
    assert p["top_p"]["x-provider-limits"] == {"mistral": {"exclusiveMinimum": 0}}
    assert p["top_k"]["type"] == "integer" and p["top_k"]["minimum"] == 0
    assert p["repetition_penalty"]["exclusiveMinimum"] == 0
    assert p["max_tokens"]["type"] == "integer" and p["max_tokens"]["minimum"] == 0
    assert (
        p["max_completion_tokens"]["type"] == "integer"
        and p["max_completion_tokens"]["minimum"] == 1
    )
    assert p["n"]["minimum"] == 1 and "maximum" not in p["n"]
    # Limits stated for one provider only (wire-formats.md's table).
    assert p["n"]["x-provider-limits"] == {"gradient": {"maximum": 128}}
    assert p["temperature"]["x-provider-limits"] == {"mistral": {"maximum": 1.5}}
    assert p["max_completion_tokens"]["x-provider-limits"] == {"gradient": {"minimum": 256}}
    for f in ("frequency_penalty", "presence_penalty"):
        assert (p[f]["minimum"], p[f]["maximum"]) == (-2, 2)
    assert (p["top_logprobs"]["minimum"], p["top_logprobs"]["maximum"]) == (0, 20)
    assert p["seed"]["type"] == "integer"
    assert p["random_seed"]["type"] == "integer" and p["random_seed"]["minimum"] == 0
    assert p["tools"]["maxItems"] == 128
    assert union_refs(p["tools"]["items"], "oneOf") == [
        "Tool",
        "WebSearchTool",
        "WebSearchPremiumTool",
        "CodeInterpreterTool",
        "ImageGenerationTool",
        "DocumentLibraryTool",
        "ConnectorTool",
    ]
    stop = p["stop"]["anyOf"]
    assert {"type": "string"} in stop
    (arr,) = [s for s in stop if s.get("type") == "array"]
    # Gradient's cap of 4; Mistral states none.
    assert "maxItems" not in arr and arr["items"] == {"type": "string"}
    assert arr["x-provider-limits"] == {"gradient": {"minItems": 1, "maxItems": 4}}
    assert ref_name(p["stream_options"]) == "StreamOptions"
    assert ref_name(p["logit_bias"]) == "LogitBias"
    assert ref_name(p["metadata"]) == "Metadata"
    assert ref_name(p["reasoning_effort"]) == "ReasoningEffort"
    assert ref_name(p["response_format"]) == "ResponseFormat"
    assert ref_name(p["tool_choice"]) == "ToolChoice"
    assert ref_name(p["prediction"]) == "Prediction"
    assert (
        ref("PromptMode") in p["prompt_mode"]["anyOf"]
        and {"type": "null"} in p["prompt_mode"]["anyOf"]
    )
    assert schemas["PromptMode"]["enum"] == ["reasoning"]
    assert schemas["ReasoningEffort"]["enum"] == [
        "none",
        "minimal",
        "low",
        "medium",
        "high",
        "xhigh",
    ]

    md = schemas["Metadata"]
    assert md["additionalProperties"] is True  # Mistral: any JSON values
    gradient = md["x-provider-limits"]["gradient"]
    assert gradient["maxProperties"] == 16
    assert gradient["propertyNames"]["maxLength"] == 64
    assert gradient["additionalProperties"] == {"type": "string", "maxLength": 512}
    lb = schemas["LogitBias"]["additionalProperties"]
    assert (lb["type"], lb["minimum"], lb["maximum"]) == ("integer", -100, 100)
    assert schemas["StreamOptions"]["properties"]["include_usage"]["type"] == "boolean"
    assert const_of(schemas, "Prediction", "type") == "content"
    assert schemas["Prediction"]["properties"]["content"]["type"] == "string"


def test_no_defaults_in_request_schemas(schemas: dict[str, Any]) -> None:
    names = reachable(schemas, ["CreateChatCompletionRequest"])
    assert "UserMessage" in names and "FunctionDefinition" in names
    offenders = [path for n in names for path, sub in walk(schemas[n], n) if "default" in sub]
    assert not offenders


def test_request_schemas_not_nullable_except_allowed(schemas: dict[str, Any]) -> None:
    allowed = {
        "CreateChatCompletionRequest/properties.prompt_mode",
        "AssistantMessage/properties.content",
    }
    offenders = []
    for n in reachable(schemas, ["CreateChatCompletionRequest"]):
        for path, sub in walk(schemas[n], n):
            if "properties" not in path.rsplit("/", 1)[-1]:
                continue
            if is_nullable(sub) and path not in allowed:
                offenders.append(path)
    assert not offenders


def test_request_required_only_discriminators(schemas: dict[str, Any]) -> None:
    for n in reachable(schemas, ["CreateChatCompletionRequest"]):
        schema = schemas[n]
        for field in schema.get("required", []):
            prop = schema["properties"][field]
            if n == "CreateChatCompletionRequest":
                assert field in {"model", "messages"}
            elif n == "OpaqueContentPart":
                assert field == "type"
            elif n == "FunctionCall":  # a tool call sent back names its function and arguments
                assert field in {"name", "arguments"}
            elif field == "content":  # every role but assistant says something
                assert n in {"SystemMessage", "DeveloperMessage", "UserMessage", "ToolMessage"}
            elif (n, field) in REQUIRED_BY_EVERY_PROVIDER:
                pass
            else:
                assert "const" in prop, f"{n}.{field} is required but not a const discriminator"


def test_message_roles(schemas: dict[str, Any]) -> None:
    items = schemas["CreateChatCompletionRequest"]["properties"]["messages"]["items"]
    names = union_refs(items, "oneOf")
    assert names == [
        "SystemMessage",
        "DeveloperMessage",
        "UserMessage",
        "AssistantMessage",
        "ToolMessage",
    ]
    roles = {n: const_of(schemas, n, "role") for n in names}
    assert roles == {
        "SystemMessage": "system",
        "DeveloperMessage": "developer",
        "UserMessage": "user",
        "AssistantMessage": "assistant",
        "ToolMessage": "tool",
    }
    assert schemas["DeveloperMessage"]["x-providers"] == ["gradient"]


def test_message_fields(schemas: dict[str, Any]) -> None:
    user_content = schemas["UserMessage"]["properties"]["content"]["anyOf"]
    assert {"type": "string"} in user_content
    (arr,) = [s for s in user_content if s.get("type") == "array"]
    assert union_refs(arr["items"]) == [
        "TextContentPart",
        "ImageUrlContentPart",
        "VideoUrlContentPart",
        "OpaqueContentPart",
    ]

    assistant = schemas["AssistantMessage"]["properties"]
    content = assistant["content"]["anyOf"]
    assert {"type": "string"} in content
    assert ref("TextContentPart") in content  # Llama's single text object
    assert any(s.get("type") == "array" for s in content)
    assert is_nullable(assistant["content"])
    assert assistant["tool_calls"]["items"] == ref("AssistantToolCall")
    assert set(assistant["stop_reason"]["x-providers"]) == {"llama"}
    assert assistant["prefix"]["type"] == "boolean"
    assert set(assistant["prefix"]["x-providers"]) == {"mistral"}

    call = schemas["AssistantToolCall"]
    assert call["properties"]["type"]["const"] == "function"
    assert "type" not in call.get("required", [])  # Llama omits it
    assert call["properties"]["function"] == ref("FunctionCall")
    args = schemas["FunctionCall"]["properties"]["arguments"]["anyOf"]
    assert {"type": "string"} in args
    assert any(schemas[ref_name(s)]["type"] == "object" for s in args if "$ref" in s)

    tool = schemas["ToolMessage"]["properties"]
    assert {"tool_call_id", "content", "name"} <= set(tool)
    assert set(tool["name"]["x-providers"]) == {"mistral"}


def test_content_parts(schemas: dict[str, Any]) -> None:
    assert const_of(schemas, "TextContentPart", "type") == "text"
    assert const_of(schemas, "ImageUrlContentPart", "type") == "image_url"
    assert const_of(schemas, "VideoUrlContentPart", "type") == "video_url"

    text = schemas["TextContentPart"]["properties"]
    assert text["text"]["type"] == "string"
    assert ref_name(text["cache_control"]) == "CacheControl"
    assert set(text["cache_control"]["x-providers"]) == {"gradient"}
    assert const_of(schemas, "CacheControl", "type") == "ephemeral"
    ttl = schemas["CacheControl"]["properties"]["ttl"]
    assert schemas[ref_name(ttl)]["enum"] == ["5m", "1h"]

    image = schemas["ImageUrlContentPart"]["properties"]["image_url"]["anyOf"]
    assert ref("ImageUrl") in image and {"type": "string"} in image  # Mistral: bare string
    iu = schemas["ImageUrl"]["properties"]
    assert iu["url"]["type"] == "string"
    assert schemas[ref_name(iu["detail"])]["enum"] == ["auto", "low", "high"]

    assert set(schemas["VideoUrlContentPart"]["x-providers"]) == {"gradient"}
    video = schemas["VideoUrlContentPart"]["properties"]["video_url"]
    assert schemas[ref_name(video)]["properties"]["url"]["type"] == "string"

    opaque = schemas["OpaqueContentPart"]
    assert opaque["required"] == ["type"]
    assert opaque["properties"]["type"]["type"] == "string"
    assert "const" not in opaque["properties"]["type"]
    assert opaque["additionalProperties"] is True


def test_tools_and_choices(schemas: dict[str, Any]) -> None:
    assert const_of(schemas, "Tool", "type") == "function"
    assert schemas["Tool"]["properties"]["function"] == ref("FunctionDefinition")
    fd = schemas["FunctionDefinition"]["properties"]
    assert fd["name"]["pattern"] == "^[a-zA-Z0-9_-]+$" and fd["name"]["maxLength"] == 64
    assert {"description", "parameters", "strict"} <= set(fd)
    params = schemas[ref_name(fd["parameters"])]
    assert params["type"] == "object" and params["additionalProperties"] is True

    tc = schemas["ToolChoice"]["anyOf"]
    modes = schemas[ref_name(tc[0])]
    assert modes["type"] == "string" and modes["enum"] == ["none", "auto", "required", "any"]
    assert tc[1] == ref("NamedToolChoice")
    assert const_of(schemas, "NamedToolChoice", "type") == "function"
    named_fn = schemas["NamedToolChoice"]["properties"]["function"]
    assert schemas[ref_name(named_fn)]["properties"]["name"]["type"] == "string"

    rf = union_refs(schemas["ResponseFormat"], "oneOf")
    assert rf == ["ResponseFormatText", "ResponseFormatJsonObject", "ResponseFormatJsonSchema"]
    assert [const_of(schemas, n, "type") for n in rf] == ["text", "json_object", "json_schema"]
    js = schemas["ResponseFormatJsonSchema"]["properties"]["json_schema"]
    assert ref_name(js) == "JsonSchemaFormat"
    assert {"name", "schema", "description", "strict"} <= set(
        schemas["JsonSchemaFormat"]["properties"]
    )


# ----------------------------------------------------------------------------- responses


def test_response_media_types(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    assert set(responses) == {"200", "4XX", "5XX"}
    content = responses["200"]["content"]
    assert list(content) == ["application/json", "text/event-stream"]

    js = content["application/json"]
    assert union_refs(js["schema"], "oneOf") == ["ChatCompletion", "LlamaChatCompletion"]
    ex = js["examples"]
    first = next(iter(ex.values()))["value"]
    assert "choices" in first and "usage" in first
    assert any("completion_message" in e["value"] for e in ex.values())

    sse = content["text/event-stream"]
    assert union_refs(sse["schema"], "oneOf") == ["ChatCompletionChunk", "LlamaChatCompletionChunk"]
    assert sse["x-sse"] == {
        "done": "[DONE]",
        "variants": [
            {"schema": "LlamaChatCompletionChunk", "when_key": "event"},
            {"schema": "ChatCompletionChunk"},
        ],
    }
    bodies = [e["value"] for e in sse["examples"].values()]
    assert all(isinstance(b, str) and b.startswith("data: {") for b in bodies)
    assert bodies[0].endswith("data: [DONE]\n\n")

    for code in ("4XX", "5XX"):
        assert responses[code]["content"]["application/json"]["schema"] == ref("ErrorResponse")


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


def test_chat_completion_shape(schemas: dict[str, Any]) -> None:
    cc = schemas["ChatCompletion"]
    assert cc["required"] == ["choices"]
    assert {"id", "object", "created", "model", "choices", "usage", "system_fingerprint"} <= set(
        cc["properties"]
    )
    assert cc["properties"]["choices"]["items"] == ref("ChatCompletionChoice")
    assert cc["properties"]["usage"] == ref("CompletionUsage")
    assert_open_enum(schemas, cc["properties"]["object"], "ChatCompletionObjectType")
    example_usage = cc["example"]["usage"]
    assert {"cache_created_input_tokens", "cache_read_input_tokens", "cache_creation"} <= set(
        example_usage
    )

    choice = schemas["ChatCompletionChoice"]
    cp = choice["properties"]
    assert {"index", "finish_reason", "message", "logprobs"} <= set(cp)
    assert {"index", "finish_reason", "logprobs"} <= set(choice["required"])
    assert_open_enum(schemas, cp["finish_reason"], "FinishReason")
    assert is_nullable(cp["finish_reason"]) and is_nullable(cp["logprobs"])
    assert cp["message"] == ref("ChatCompletionMessage")
    assert schemas["FinishReason"]["enum"] == [
        "stop",
        "length",
        "tool_calls",
        "content_filter",
        "model_length",
        "error",
        "function_call",
    ]

    msg = schemas["ChatCompletionMessage"]
    mp = msg["properties"]
    assert {"role", "content", "refusal", "reasoning_content", "tool_calls"} <= set(mp)
    for field in ("content", "refusal", "reasoning_content"):
        assert field in msg["required"] and is_nullable(mp[field]), field
    assert any(s.get("type") == "array" for s in mp["content"]["anyOf"])  # Mistral parts
    assert_open_enum(schemas, mp["role"], "ResponseRole")
    assert mp["tool_calls"]["items"] == ref("ChatCompletionMessageToolCall")
    tcp = schemas["ChatCompletionMessageToolCall"]["properties"]
    assert {"id", "type", "function"} <= set(tcp) and tcp["function"] == ref("FunctionCall")


def test_logprobs_shape(schemas: dict[str, Any]) -> None:
    lp = schemas["ChoiceLogprobs"]["properties"]
    for field in ("content", "refusal"):
        assert is_nullable(lp[field])
        (arr,) = [s for s in lp[field]["anyOf"] if s.get("type") == "array"]
        assert arr["items"] == ref("TokenLogprob")
    tok = schemas["TokenLogprob"]
    assert {"token", "logprob", "bytes", "top_logprobs"} <= set(tok["properties"])
    assert {"token", "logprob", "bytes"} <= set(tok["required"])
    assert is_nullable(tok["properties"]["bytes"])
    assert tok["properties"]["top_logprobs"]["items"] == ref("TopLogprob")
    assert {"token", "logprob", "bytes"} <= set(schemas["TopLogprob"]["properties"])


def test_usage_shape(schemas: dict[str, Any]) -> None:
    usage = schemas["CompletionUsage"]
    up = usage["properties"]
    assert {
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "cache_created_input_tokens",
        "cache_read_input_tokens",
        "cache_creation",
        "prompt_audio_seconds",
    } <= set(up)
    assert usage["required"] == ["prompt_tokens", "completion_tokens", "total_tokens"]
    assert up["cache_creation"] == ref("CacheCreation")
    assert set(schemas["CacheCreation"]["properties"]) == {
        "ephemeral_5m_input_tokens",
        "ephemeral_1h_input_tokens",
    }
    assert up["prompt_audio_seconds"]["type"] == ["number", "null"]


def test_llama_completion_shape(schemas: dict[str, Any]) -> None:
    lc = schemas["LlamaChatCompletion"]
    assert lc["required"] == ["completion_message"]
    assert {"id", "completion_message", "metrics"} <= set(lc["properties"])
    assert lc["properties"]["completion_message"] == ref("LlamaCompletionMessage")
    assert lc["properties"]["metrics"]["items"] == ref("LlamaMetric")
    metric = schemas["LlamaMetric"]["properties"]
    assert {"metric", "value", "unit"} <= set(metric) and metric["value"]["type"] == "number"

    msg = schemas["LlamaCompletionMessage"]["properties"]
    assert {"role", "content", "stop_reason", "tool_calls"} <= set(msg)
    assert {"type": "string"} in msg["content"]["anyOf"] and ref("LlamaTextContent") in msg[
        "content"
    ]["anyOf"]
    assert const_of(schemas, "LlamaTextContent", "type") == "text"
    assert_open_enum(schemas, msg["stop_reason"], "StopReason")
    assert_open_enum(schemas, msg["role"], "ResponseRole")
    assert msg["tool_calls"]["items"] == ref("LlamaToolCall")
    assert schemas["LlamaToolCall"]["properties"]["function"] == ref("FunctionCall")
    assert schemas["StopReason"]["enum"] == [
        "stop",
        "tool_calls",
        "length",
        "end_of_turn",
        "end_of_message",
        "out_of_tokens",
    ]
    assert schemas["ResponseRole"]["enum"] == ["assistant", "tool", "user", "system", "developer"]


def test_chunk_shape(schemas: dict[str, Any]) -> None:
    chunk = schemas["ChatCompletionChunk"]
    cp = chunk["properties"]
    assert {"id", "object", "created", "model", "choices", "usage"} <= set(cp)
    assert set(chunk["required"]) == {"choices", "usage"}
    assert is_nullable(cp["usage"]) and ref("CompletionUsage") in cp["usage"]["anyOf"]
    assert cp["choices"]["items"] == ref("ChatCompletionChunkChoice")

    choice = schemas["ChatCompletionChunkChoice"]
    chp = choice["properties"]
    assert {"index", "delta", "finish_reason", "logprobs"} <= set(chp)
    assert {"index", "finish_reason"} <= set(choice["required"])
    assert is_nullable(chp["finish_reason"])
    assert_open_enum(schemas, chp["finish_reason"], "FinishReason")
    assert chp["delta"] == ref("ChoiceDelta")

    delta = schemas["ChoiceDelta"]
    dp = delta["properties"]
    assert {"role", "content", "reasoning_content", "refusal", "tool_calls"} <= set(dp)
    assert "content" in delta["required"] and is_nullable(dp["content"])
    assert dp["tool_calls"]["items"] == ref("ToolCallDelta")
    tcd = schemas["ToolCallDelta"]
    assert tcd["required"] == ["index"]
    assert {"index", "id", "type", "function"} <= set(tcd["properties"])
    assert tcd["properties"]["function"] == ref("FunctionCallDelta")
    assert {"name", "arguments"} <= set(schemas["FunctionCallDelta"]["properties"])


def test_llama_chunk_shape(schemas: dict[str, Any]) -> None:
    chunk = schemas["LlamaChatCompletionChunk"]
    assert chunk["required"] == ["event"]
    assert chunk["properties"]["event"] == ref("LlamaStreamEvent")
    ev = schemas["LlamaStreamEvent"]
    assert ev["required"] == ["event_type"]
    ep = ev["properties"]
    assert {"event_type", "delta", "stop_reason", "metrics"} <= set(ep)
    assert_open_enum(schemas, ep["event_type"], "LlamaEventType")
    assert schemas["LlamaEventType"]["enum"] == ["start", "progress", "complete", "metrics"]
    deltas = union_refs(ep["delta"], "oneOf")
    assert deltas == ["LlamaTextDelta", "LlamaToolCallDelta"]
    assert const_of(schemas, "LlamaTextDelta", "type") == "text"
    assert const_of(schemas, "LlamaToolCallDelta", "type") == "tool_call"
    assert schemas["LlamaToolCallDelta"]["properties"]["function"] == ref("FunctionCallDelta")
    assert ep["metrics"]["items"] == ref("LlamaMetric")


def test_response_required_fields_are_limited(
    schemas: dict[str, Any], operation: dict[str, Any]
) -> None:
    """Required response fields are the dispatch keys, the nullable ones, and what every provider
    sends (after normalisation), typed non-Optional as openai-python does."""
    always_sent = {
        ("ChatCompletionChoice", "message"),
        ("ChatCompletionChunkChoice", "delta"),
        ("ChatCompletionMessageToolCall", "id"),
        ("ChatCompletionMessageToolCall", "function"),
        ("FunctionCall", "name"),
        ("FunctionCall", "arguments"),
        ("CompletionUsage", "prompt_tokens"),
        ("CompletionUsage", "completion_tokens"),
        ("CompletionUsage", "total_tokens"),
        ("LlamaToolCall", "id"),
        ("LlamaToolCall", "function"),
    }
    dispatch = {
        ("ChatCompletion", "choices"),
        ("ChatCompletionChunk", "choices"),
        ("LlamaChatCompletion", "completion_message"),
        ("LlamaChatCompletionChunk", "event"),
        ("LlamaStreamEvent", "event_type"),
        ("ChatCompletionChoice", "index"),
        ("ChatCompletionChunkChoice", "index"),
        ("ToolCallDelta", "index"),
        ("TokenLogprob", "token"),
        ("TokenLogprob", "logprob"),
        ("TopLogprob", "token"),
        ("TopLogprob", "logprob"),
    }
    for n in reachable(schemas, all_response_schema_refs(operation)):
        schema = schemas[n]
        for field in schema.get("required", []):
            prop = schema["properties"].get(field, {})
            ok = (
                (n, field) in dispatch | always_sent
                or "const" in prop
                or is_nullable(prop)
                or (n == "OpaqueContentPart" and field == "type")
            )
            assert ok, f"{n}.{field}"


def test_error_response(schemas: dict[str, Any]) -> None:
    err = schemas["ErrorResponse"]
    assert not err.get("required")
    assert err["additionalProperties"] is True
    ep = err["properties"]
    assert {
        "message",
        "error",
        "detail",
        "title",
        "id",
        "request_id",
        "object",
        "type",
        "code",
        "param",
    } <= set(ep)
    assert {"type": "string"} in ep["error"]["anyOf"] and ref("ErrorDetail") in ep["error"]["anyOf"]
    detail = ep["detail"]["anyOf"]
    assert {"type": "string"} in detail
    (arr,) = [s for s in detail if s.get("type") == "array"]
    assert arr["items"] == ref("ValidationErrorItem")
    assert {"loc", "msg", "type"} <= set(schemas["ValidationErrorItem"]["properties"])
    ed = schemas["ErrorDetail"]["properties"]
    assert {"message", "type", "code", "param"} <= set(ed)
    assert {"type": "integer"} in ed["code"]["anyOf"] and is_nullable(ed["code"])
