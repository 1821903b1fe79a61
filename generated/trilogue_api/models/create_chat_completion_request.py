# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.assistant_message import AssistantMessage
from ..models.code_interpreter_tool import CodeInterpreterTool
from ..models.connector_tool import ConnectorTool
from ..models.developer_message import DeveloperMessage
from ..models.document_library_tool import DocumentLibraryTool
from ..models.guardrail_config import GuardrailConfig
from ..models.image_generation_tool import ImageGenerationTool
from ..models.logit_bias import LogitBias
from ..models.metadata import Metadata
from ..models.named_tool_choice import NamedToolChoice
from ..models.prediction import Prediction
from ..models.prompt_mode import PromptMode
from ..models.reasoning_effort import ReasoningEffort
from ..models.requested_service_tier import (
    RequestedServiceTier,
)
from ..models.response_format_json_object import ResponseFormatJsonObject
from ..models.response_format_json_schema import ResponseFormatJsonSchema
from ..models.response_format_text import ResponseFormatText
from ..models.stream_options import StreamOptions
from ..models.system_message import SystemMessage
from ..models.tool import Tool
from ..models.tool_choice_mode import ToolChoiceMode
from ..models.tool_message import ToolMessage
from ..models.user_message import UserMessage
from ..models.web_search_premium_tool import WebSearchPremiumTool
from ..models.web_search_tool import WebSearchTool

_KNOWN_KEYS = frozenset(
    {
        "model",
        "messages",
        "temperature",
        "top_p",
        "top_k",
        "repetition_penalty",
        "max_tokens",
        "max_completion_tokens",
        "stream",
        "stream_options",
        "stop",
        "n",
        "frequency_penalty",
        "presence_penalty",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "seed",
        "random_seed",
        "metadata",
        "reasoning_effort",
        "user",
        "response_format",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "safe_prompt",
        "prompt_mode",
        "prediction",
        "guardrails",
        "prompt_cache_key",
        "service_tier",
    }
)
"""The JSON keys CreateChatCompletionRequest has a field for; the others go to `additional_properties`."""


@_attrs_define
class CreateChatCompletionRequest:
    """Request body for `POST /chat/completions`: the union of what the three providers accept.
    `x-providers` on each property lists the providers that accept it on the wire.
    `x-explicit-arguments` are the parameters `create()` names; the rest are keyword options.

    Attributes:
        model: Identifier of the model to use, e.g. `Llama-4-Maverick-17B-128E-Instruct-FP8` (Llama),
            `llama3.3-70b-instruct` (Gradient) or `mistral-large-latest` (Mistral).
        messages: The conversation so far, oldest message first. At least one message.
        temperature: Sampling temperature: higher values make the output more random, lower values more focused
            and deterministic. The range here is the widest accepted by any provider; Gradient accepts
            0..2 (default 1), Mistral 0..1.5 (recommended 0.0..0.7; the default depends on the model),
            Llama documents no explicit range. Alter this or `top_p`, not both.
        top_p: Nucleus sampling: only tokens within the top `top_p` probability mass are considered
            (0.1 = top 10 %). Range 0..1 (default 1); Mistral excludes 0 (`exclusiveMinimum`,
            `x-provider-limits`).
        top_k: Only sample from the `top_k` most likely tokens at each step. Integer >= 0. Llama only
            (Mistral's SDK has the field but the API rejects it).
        repetition_penalty: Penalises repeated tokens; values above 1 discourage repetition. Must be > 0. Llama only
            (Mistral's SDK has the field but the API rejects it).
        max_tokens: Maximum number of tokens to generate. Prompt tokens plus `max_tokens` cannot exceed the
            model's context length. Integer >= 0. Gradient and Mistral; Llama uses
            `max_completion_tokens` instead, so it is sent under that name (`x-wire-name`).
        max_completion_tokens: Upper bound on the number of tokens the model may generate. Integer >= 1; Gradient
            requires at least 256. Llama and Gradient; Mistral uses `max_tokens` instead.
        stream: When true the answer is streamed as server-sent events (`text/event-stream`) instead of a
            single JSON document. Default false.
        stream_options: Streaming options (Gradient).
        stop: Sequences at which generation stops; the returned text does not contain the sequence.
            A single string or an array of strings; Gradient takes at most 4 (`x-provider-limits`),
            Mistral states no cap. Gradient and Mistral.
        n: Number of choices to generate for each request (billed for all generated tokens).
            Integer >= 1; Gradient allows at most 128. Default 1. Gradient and Mistral.
        frequency_penalty: Number between -2.0 and 2.0. Positive values penalise tokens by how often they already
            appeared, reducing verbatim repetition. Default 0. Gradient and Mistral.
        presence_penalty: Number between -2.0 and 2.0. Positive values penalise tokens that already appeared at all,
            pushing the model towards new topics. Default 0. Gradient and Mistral.
        logit_bias: Token id (as a string) to a bias in -100..100.
        logprobs: Whether to return the log probability of each output token in `choices[].logprobs`.
            Default false. Gradient only (Mistral's SDK has the field but the API rejects it).
        top_logprobs: Number (0..20) of most likely alternatives to return per token position, each with its log
            probability. Requires `logprobs` (see `dependentRequired`). Gradient only.
        seed: Seed for best-effort deterministic sampling. Gradient only (listed in Gradient's
            published spec). Mistral calls this `random_seed`, so it is sent under that name
            (`x-wire-name`).
        random_seed: Seed (integer >= 0) for deterministic sampling. Mistral only; others use `seed`.
        metadata: Request metadata: any JSON values (Mistral); on Gradient up to 16 string pairs, keys at
            most 64 characters, values at most 512 (`x-provider-limits`).
        reasoning_effort: Reasoning effort for reasoning models.
        user: A stable identifier for your end user, used by the provider to monitor and detect abuse.
            Llama and Gradient.
        response_format: Format the model must produce.
        tools: Tools the model may call (at most 128): `function` tools for every provider, and
            Mistral's built-in tools (`web_search`, `web_search_premium`, `code_interpreter`,
            `image_generation`, `document_library`, `connector`).
        tool_choice: `none`, `auto`, `required`, `any` (Mistral's spelling of `required`), or a named function
            the model must call.
        parallel_tool_calls: Whether the model may call several tools in one turn. Default true. Mistral only.
        safe_prompt: Whether to prepend Mistral's safety prompt to the conversation. Default false. Mistral
            only.
        prompt_mode: `reasoning` switches a Mistral reasoning model to its reasoning system prompt; `null`
            uses no system prompt of Mistral's own (nullable on Mistral: null is a value here,
            not "not given"). Mistral only.
        prediction: Predicted output content (Mistral).
        guardrails: Moderation guardrails run on the request and the answer (`moderation_llm_v1` /
            `moderation_llm_v2` configurations, per-category thresholds, `action: block`;
            `block_on_error` answers 403 when the guardrail itself fails). Mistral only.
        prompt_cache_key: Key grouping requests that share a prompt prefix for Mistral's prompt cache. Mistral only.
        service_tier: Capacity Mistral may serve the request on (`auto` or `standard_only`).
    """

    model: str
    messages: list[
        AssistantMessage | DeveloperMessage | SystemMessage | ToolMessage | UserMessage
    ]
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    repetition_penalty: float | None = None
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    stream: bool | None = None
    stream_options: StreamOptions | None = None
    stop: list[str] | str | None = None
    n: int | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    logit_bias: LogitBias | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    seed: int | None = None
    random_seed: int | None = None
    metadata: Metadata | None = None
    reasoning_effort: ReasoningEffort | None = None
    user: str | None = None
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None
    ) = None
    tools: (
        list[
            CodeInterpreterTool
            | ConnectorTool
            | DocumentLibraryTool
            | ImageGenerationTool
            | Tool
            | WebSearchPremiumTool
            | WebSearchTool
        ]
        | None
    ) = None
    tool_choice: NamedToolChoice | ToolChoiceMode | None = None
    parallel_tool_calls: bool | None = None
    safe_prompt: bool | None = None
    prompt_mode: None | PromptMode = None
    prediction: Prediction | None = None
    guardrails: list[GuardrailConfig] | None = None
    prompt_cache_key: str | None = None
    service_tier: RequestedServiceTier | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["model"] = self.model
        v = self.messages
        field_dict["messages"] = [
            (
                _v0.to_dict()
                if isinstance(_v0, SystemMessage)
                else _v0.to_dict()
                if isinstance(_v0, DeveloperMessage)
                else _v0.to_dict()
                if isinstance(_v0, UserMessage)
                else _v0.to_dict()
                if isinstance(_v0, AssistantMessage)
                else _v0.to_dict()
                if isinstance(_v0, ToolMessage)
                else _v0
            )
            for _v0 in v
        ]
        v = self.temperature
        if v is not None:
            field_dict["temperature"] = v
        v = self.top_p
        if v is not None:
            field_dict["top_p"] = v
        v = self.top_k
        if v is not None:
            field_dict["top_k"] = v
        v = self.repetition_penalty
        if v is not None:
            field_dict["repetition_penalty"] = v
        v = self.max_tokens
        if v is not None:
            field_dict["max_tokens"] = v
        v = self.max_completion_tokens
        if v is not None:
            field_dict["max_completion_tokens"] = v
        v = self.stream
        if v is not None:
            field_dict["stream"] = v
        v = self.stream_options
        if v is not None:
            field_dict["stream_options"] = v.to_dict()
        v = self.stop
        if v is not None:
            field_dict["stop"] = v
        v = self.n
        if v is not None:
            field_dict["n"] = v
        v = self.frequency_penalty
        if v is not None:
            field_dict["frequency_penalty"] = v
        v = self.presence_penalty
        if v is not None:
            field_dict["presence_penalty"] = v
        v = self.logit_bias
        if v is not None:
            field_dict["logit_bias"] = v.to_dict()
        v = self.logprobs
        if v is not None:
            field_dict["logprobs"] = v
        v = self.top_logprobs
        if v is not None:
            field_dict["top_logprobs"] = v
        v = self.seed
        if v is not None:
            field_dict["seed"] = v
        v = self.random_seed
        if v is not None:
            field_dict["random_seed"] = v
        v = self.metadata
        if v is not None:
            field_dict["metadata"] = v.to_dict()
        v = self.reasoning_effort
        if v is not None:
            field_dict["reasoning_effort"] = v
        v = self.user
        if v is not None:
            field_dict["user"] = v
        v = self.response_format
        if v is not None:
            field_dict["response_format"] = (
                v.to_dict()
                if isinstance(v, ResponseFormatText)
                else v.to_dict()
                if isinstance(v, ResponseFormatJsonObject)
                else v.to_dict()
                if isinstance(v, ResponseFormatJsonSchema)
                else v
            )
        v = self.tools
        if v is not None:
            field_dict["tools"] = [
                (
                    _v0.to_dict()
                    if isinstance(_v0, Tool)
                    else _v0.to_dict()
                    if isinstance(_v0, WebSearchTool)
                    else _v0.to_dict()
                    if isinstance(_v0, WebSearchPremiumTool)
                    else _v0.to_dict()
                    if isinstance(_v0, CodeInterpreterTool)
                    else _v0.to_dict()
                    if isinstance(_v0, ImageGenerationTool)
                    else _v0.to_dict()
                    if isinstance(_v0, DocumentLibraryTool)
                    else _v0.to_dict()
                    if isinstance(_v0, ConnectorTool)
                    else _v0
                )
                for _v0 in v
            ]
        v = self.tool_choice
        if v is not None:
            field_dict["tool_choice"] = (
                v.to_dict() if isinstance(v, NamedToolChoice) else v
            )
        v = self.parallel_tool_calls
        if v is not None:
            field_dict["parallel_tool_calls"] = v
        v = self.safe_prompt
        if v is not None:
            field_dict["safe_prompt"] = v
        v = self.prompt_mode
        if v is not None:
            field_dict["prompt_mode"] = v
        v = self.prediction
        if v is not None:
            field_dict["prediction"] = v.to_dict()
        v = self.guardrails
        if v is not None:
            field_dict["guardrails"] = [_v0.to_dict() for _v0 in v]
        v = self.prompt_cache_key
        if v is not None:
            field_dict["prompt_cache_key"] = v
        v = self.service_tier
        if v is not None:
            field_dict["service_tier"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _model = src_dict["model"]
        _messages = src_dict["messages"]
        _messages = [
            (
                SystemMessage.from_dict(_v0)
                if isinstance(_v0, dict) and _v0.get("role") == "system"
                else DeveloperMessage.from_dict(_v0)
                if isinstance(_v0, dict) and _v0.get("role") == "developer"
                else UserMessage.from_dict(_v0)
                if isinstance(_v0, dict) and _v0.get("role") == "user"
                else AssistantMessage.from_dict(_v0)
                if isinstance(_v0, dict) and _v0.get("role") == "assistant"
                else ToolMessage.from_dict(_v0)
                if isinstance(_v0, dict) and _v0.get("role") == "tool"
                else _v0
            )
            for _v0 in _messages
        ]
        _temperature = get("temperature")
        _top_p = get("top_p")
        _top_k = get("top_k")
        _repetition_penalty = get("repetition_penalty")
        _max_tokens = get("max_tokens")
        _max_completion_tokens = get("max_completion_tokens")
        _stream = get("stream")
        _stream_options = get("stream_options")
        if _stream_options is not None:
            _stream_options = StreamOptions.from_dict(_stream_options)
        _stop = get("stop")
        _n = get("n")
        _frequency_penalty = get("frequency_penalty")
        _presence_penalty = get("presence_penalty")
        _logit_bias = get("logit_bias")
        if _logit_bias is not None:
            _logit_bias = LogitBias.from_dict(_logit_bias)
        _logprobs = get("logprobs")
        _top_logprobs = get("top_logprobs")
        _seed = get("seed")
        _random_seed = get("random_seed")
        _metadata = get("metadata")
        if _metadata is not None:
            _metadata = Metadata.from_dict(_metadata)
        _reasoning_effort = get("reasoning_effort")
        _user = get("user")
        _response_format = get("response_format")
        if _response_format is not None:
            _response_format = (
                ResponseFormatText.from_dict(_response_format)
                if isinstance(_response_format, dict)
                and _response_format.get("type") == "text"
                else ResponseFormatJsonObject.from_dict(_response_format)
                if isinstance(_response_format, dict)
                and _response_format.get("type") == "json_object"
                else ResponseFormatJsonSchema.from_dict(_response_format)
                if isinstance(_response_format, dict)
                and _response_format.get("type") == "json_schema"
                else _response_format
            )
        _tools = get("tools")
        if _tools is not None:
            _tools = [
                (
                    Tool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "function"
                    else WebSearchTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "web_search"
                    else WebSearchPremiumTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "web_search_premium"
                    else CodeInterpreterTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "code_interpreter"
                    else ImageGenerationTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "image_generation"
                    else DocumentLibraryTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "document_library"
                    else ConnectorTool.from_dict(_v0)
                    if isinstance(_v0, dict) and _v0.get("type") == "connector"
                    else _v0
                )
                for _v0 in _tools
            ]
        _tool_choice = get("tool_choice")
        if _tool_choice is not None:
            _tool_choice = (
                NamedToolChoice.from_dict(_tool_choice)
                if isinstance(_tool_choice, dict)
                and _tool_choice.get("type") == "function"
                else _tool_choice
            )
        _parallel_tool_calls = get("parallel_tool_calls")
        _safe_prompt = get("safe_prompt")
        _prompt_mode = get("prompt_mode")
        _prediction = get("prediction")
        if _prediction is not None:
            _prediction = Prediction.from_dict(_prediction)
        _guardrails = get("guardrails")
        if _guardrails is not None:
            _guardrails = [GuardrailConfig.from_dict(_v0) for _v0 in _guardrails]
        _prompt_cache_key = get("prompt_cache_key")
        _service_tier = get("service_tier")
        if cls is CreateChatCompletionRequest:
            obj = _new(cls)
            obj.model = _model
            obj.messages = _messages
            obj.temperature = _temperature
            obj.top_p = _top_p
            obj.top_k = _top_k
            obj.repetition_penalty = _repetition_penalty
            obj.max_tokens = _max_tokens
            obj.max_completion_tokens = _max_completion_tokens
            obj.stream = _stream
            obj.stream_options = _stream_options
            obj.stop = _stop
            obj.n = _n
            obj.frequency_penalty = _frequency_penalty
            obj.presence_penalty = _presence_penalty
            obj.logit_bias = _logit_bias
            obj.logprobs = _logprobs
            obj.top_logprobs = _top_logprobs
            obj.seed = _seed
            obj.random_seed = _random_seed
            obj.metadata = _metadata
            obj.reasoning_effort = _reasoning_effort
            obj.user = _user
            obj.response_format = _response_format
            obj.tools = _tools
            obj.tool_choice = _tool_choice
            obj.parallel_tool_calls = _parallel_tool_calls
            obj.safe_prompt = _safe_prompt
            obj.prompt_mode = _prompt_mode
            obj.prediction = _prediction
            obj.guardrails = _guardrails
            obj.prompt_cache_key = _prompt_cache_key
            obj.service_tier = _service_tier
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _model,
                _messages,
                _temperature,
                _top_p,
                _top_k,
                _repetition_penalty,
                _max_tokens,
                _max_completion_tokens,
                _stream,
                _stream_options,
                _stop,
                _n,
                _frequency_penalty,
                _presence_penalty,
                _logit_bias,
                _logprobs,
                _top_logprobs,
                _seed,
                _random_seed,
                _metadata,
                _reasoning_effort,
                _user,
                _response_format,
                _tools,
                _tool_choice,
                _parallel_tool_calls,
                _safe_prompt,
                _prompt_mode,
                _prediction,
                _guardrails,
                _prompt_cache_key,
                _service_tier,
            )
        if not _KNOWN_KEYS.issuperset(src_dict):
            obj.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return obj

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


if TYPE_CHECKING:
    from ..models.assistant_message import AssistantMessageParam
    from ..models.code_interpreter_tool import CodeInterpreterToolParam
    from ..models.connector_tool import ConnectorToolParam
    from ..models.developer_message import DeveloperMessageParam
    from ..models.document_library_tool import DocumentLibraryToolParam
    from ..models.guardrail_config import GuardrailConfigParam
    from ..models.image_generation_tool import ImageGenerationToolParam
    from ..models.named_tool_choice import NamedToolChoiceParam
    from ..models.prediction import PredictionParam
    from ..models.response_format_json_object import ResponseFormatJsonObjectParam
    from ..models.response_format_json_schema import ResponseFormatJsonSchemaParam
    from ..models.response_format_text import ResponseFormatTextParam
    from ..models.stream_options import StreamOptionsParam
    from ..models.system_message import SystemMessageParam
    from ..models.tool import ToolParam
    from ..models.tool_message import ToolMessageParam
    from ..models.user_message import UserMessageParam
    from ..models.web_search_premium_tool import WebSearchPremiumToolParam
    from ..models.web_search_tool import WebSearchToolParam


class CreateChatCompletionRequestParam(TypedDict, total=False):
    """CreateChatCompletionRequest as a plain dict (what a request takes; the model is accepted too)."""

    model: Required[str]
    messages: Required[
        Sequence[
            SystemMessageParam
            | SystemMessage
            | DeveloperMessageParam
            | DeveloperMessage
            | UserMessageParam
            | UserMessage
            | AssistantMessageParam
            | AssistantMessage
            | ToolMessageParam
            | ToolMessage
        ]
    ]
    temperature: float
    top_p: float
    top_k: int
    repetition_penalty: float
    max_tokens: int
    max_completion_tokens: int
    stream: bool
    stream_options: StreamOptionsParam | StreamOptions
    stop: str | Sequence[str]
    n: int
    frequency_penalty: float
    presence_penalty: float
    logit_bias: dict[str, int]
    logprobs: bool
    top_logprobs: int
    seed: int
    random_seed: int
    metadata: dict[str, Any]
    reasoning_effort: ReasoningEffort
    user: str
    response_format: (
        ResponseFormatTextParam
        | ResponseFormatText
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchemaParam
        | ResponseFormatJsonSchema
    )
    tools: Sequence[
        ToolParam
        | Tool
        | WebSearchToolParam
        | WebSearchTool
        | WebSearchPremiumToolParam
        | WebSearchPremiumTool
        | CodeInterpreterToolParam
        | CodeInterpreterTool
        | ImageGenerationToolParam
        | ImageGenerationTool
        | DocumentLibraryToolParam
        | DocumentLibraryTool
        | ConnectorToolParam
        | ConnectorTool
    ]
    tool_choice: ToolChoiceMode | NamedToolChoiceParam | NamedToolChoice
    parallel_tool_calls: bool
    safe_prompt: bool
    prompt_mode: PromptMode | None
    prediction: PredictionParam | Prediction
    guardrails: Sequence[GuardrailConfigParam | GuardrailConfig]
    prompt_cache_key: str
    service_tier: RequestedServiceTier


class CreateChatCompletionRequestOptions(TypedDict, total=False):
    """The properties of CreateChatCompletionRequest other than model, messages, stream (`x-explicit-arguments`),
    as keyword arguments of the method that sends it. A field left out is not sent; None is
    sent as null, so it is typed only where the spec lets a field be null."""

    temperature: float
    top_p: float
    top_k: int
    repetition_penalty: float
    max_tokens: int
    max_completion_tokens: int
    stream_options: StreamOptionsParam | StreamOptions
    stop: str | Sequence[str]
    n: int
    frequency_penalty: float
    presence_penalty: float
    logit_bias: dict[str, int]
    logprobs: bool
    top_logprobs: int
    seed: int
    random_seed: int
    metadata: dict[str, Any]
    reasoning_effort: ReasoningEffort
    user: str
    response_format: (
        ResponseFormatTextParam
        | ResponseFormatText
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchemaParam
        | ResponseFormatJsonSchema
    )
    tools: Sequence[
        ToolParam
        | Tool
        | WebSearchToolParam
        | WebSearchTool
        | WebSearchPremiumToolParam
        | WebSearchPremiumTool
        | CodeInterpreterToolParam
        | CodeInterpreterTool
        | ImageGenerationToolParam
        | ImageGenerationTool
        | DocumentLibraryToolParam
        | DocumentLibraryTool
        | ConnectorToolParam
        | ConnectorTool
    ]
    tool_choice: ToolChoiceMode | NamedToolChoiceParam | NamedToolChoice
    parallel_tool_calls: bool
    safe_prompt: bool
    prompt_mode: PromptMode | None
    prediction: PredictionParam | Prediction
    guardrails: Sequence[GuardrailConfigParam | GuardrailConfig]
    prompt_cache_key: str
    service_tier: RequestedServiceTier


class CreateChatCompletionRequestParseOptions(TypedDict, total=False):
    """CreateChatCompletionRequestOptions without response_format (`x-argument-sets`), which
    that method takes in a form of its own."""

    temperature: float
    top_p: float
    top_k: int
    repetition_penalty: float
    max_tokens: int
    max_completion_tokens: int
    stream_options: StreamOptionsParam | StreamOptions
    stop: str | Sequence[str]
    n: int
    frequency_penalty: float
    presence_penalty: float
    logit_bias: dict[str, int]
    logprobs: bool
    top_logprobs: int
    seed: int
    random_seed: int
    metadata: dict[str, Any]
    reasoning_effort: ReasoningEffort
    user: str
    tools: Sequence[
        ToolParam
        | Tool
        | WebSearchToolParam
        | WebSearchTool
        | WebSearchPremiumToolParam
        | WebSearchPremiumTool
        | CodeInterpreterToolParam
        | CodeInterpreterTool
        | ImageGenerationToolParam
        | ImageGenerationTool
        | DocumentLibraryToolParam
        | DocumentLibraryTool
        | ConnectorToolParam
        | ConnectorTool
    ]
    tool_choice: ToolChoiceMode | NamedToolChoiceParam | NamedToolChoice
    parallel_tool_calls: bool
    safe_prompt: bool
    prompt_mode: PromptMode | None
    prediction: PredictionParam | Prediction
    guardrails: Sequence[GuardrailConfigParam | GuardrailConfig]
    prompt_cache_key: str
    service_tier: RequestedServiceTier


class CreateChatCompletionRequestRunToolsOptions(TypedDict, total=False):
    """CreateChatCompletionRequestOptions without tools (`x-argument-sets`), which
    that method takes in a form of its own."""

    temperature: float
    top_p: float
    top_k: int
    repetition_penalty: float
    max_tokens: int
    max_completion_tokens: int
    stream_options: StreamOptionsParam | StreamOptions
    stop: str | Sequence[str]
    n: int
    frequency_penalty: float
    presence_penalty: float
    logit_bias: dict[str, int]
    logprobs: bool
    top_logprobs: int
    seed: int
    random_seed: int
    metadata: dict[str, Any]
    reasoning_effort: ReasoningEffort
    user: str
    response_format: (
        ResponseFormatTextParam
        | ResponseFormatText
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchemaParam
        | ResponseFormatJsonSchema
    )
    tool_choice: ToolChoiceMode | NamedToolChoiceParam | NamedToolChoice
    parallel_tool_calls: bool
    safe_prompt: bool
    prompt_mode: PromptMode | None
    prediction: PredictionParam | Prediction
    guardrails: Sequence[GuardrailConfigParam | GuardrailConfig]
    prompt_cache_key: str
    service_tier: RequestedServiceTier


CreateChatCompletionRequestMessagesItemParam: TypeAlias = "SystemMessageParam | SystemMessage | DeveloperMessageParam | DeveloperMessage | UserMessageParam | UserMessage | AssistantMessageParam | AssistantMessage | ToolMessageParam | ToolMessage"
"""One item of CreateChatCompletionRequest.messages."""


CreateChatCompletionRequestStopParam: TypeAlias = "str | Sequence[str]"
"""What CreateChatCompletionRequest.stop takes."""


CreateChatCompletionRequestResponseFormatParam: TypeAlias = "ResponseFormatTextParam | ResponseFormatText | ResponseFormatJsonObjectParam | ResponseFormatJsonObject | ResponseFormatJsonSchemaParam | ResponseFormatJsonSchema"
"""What CreateChatCompletionRequest.response_format takes."""


CreateChatCompletionRequestToolsItemParam: TypeAlias = "ToolParam | Tool | WebSearchToolParam | WebSearchTool | WebSearchPremiumToolParam | WebSearchPremiumTool | CodeInterpreterToolParam | CodeInterpreterTool | ImageGenerationToolParam | ImageGenerationTool | DocumentLibraryToolParam | DocumentLibraryTool | ConnectorToolParam | ConnectorTool"
"""One item of CreateChatCompletionRequest.tools."""


CreateChatCompletionRequestToolChoiceParam: TypeAlias = (
    "ToolChoiceMode | NamedToolChoiceParam | NamedToolChoice"
)
"""What CreateChatCompletionRequest.tool_choice takes."""


CreateChatCompletionRequestPromptModeParam: TypeAlias = "PromptMode | None"
"""What CreateChatCompletionRequest.prompt_mode takes."""
