"""Every type a user of trilogue may name: the results (`ChatCompletion` and what it holds), the
request shapes `create()` takes (the `...Param` TypedDicts generated from the spec, and the
generated request models, which are accepted wherever a dict is).

    from trilogue.types import ChatCompletion, ChatCompletionMessage, MessageParam
"""

from typing import TYPE_CHECKING, Any

from trilogue_api.models import (
    AssistantMessage,
    AssistantToolCall,
    CacheControl,
    CacheCreation,
    ChatCompletionChoice,
    ChatCompletionChunkChoice,
    ChatCompletionMessage,
    ChatCompletionMessageToolCall,
    ChoiceDelta,
    ChoiceLogprobs,
    CodeInterpreterTool,
    CompletionUsage,
    ConnectorTool,
    DeveloperMessage,
    DocumentLibraryTool,
    FunctionCall,
    FunctionCallDelta,
    FunctionDefinition,
    GuardrailConfig,
    ImageGenerationTool,
    ImageUrl,
    ImageUrlContentPart,
    JsonSchemaDefinition,
    LlamaMetric,
    Model,
    ModelCapabilities,
    NamedToolChoice,
    OpaqueContentPart,
    ResponseFormatJsonObject,
    ResponseFormatJsonSchema,
    ResponseFormatText,
    StreamOptions,
    SystemMessage,
    TextContentPart,
    ThinkingContentPart,
    TokenLogprob,
    Tool,
    ToolCallDelta,
    ToolMessage,
    TopLogprob,
    UserMessage,
    VideoUrl,
    VideoUrlContentPart,
    WebSearchPremiumTool,
    WebSearchTool,
)
from trilogue_api.models.assistant_message import AssistantMessageParam
from trilogue_api.models.assistant_tool_call import AssistantToolCallParam
from trilogue_api.models.cache_control import CacheControlParam
from trilogue_api.models.code_interpreter_tool import CodeInterpreterToolParam
from trilogue_api.models.connector_tool import ConnectorToolParam
from trilogue_api.models.create_chat_completion_request import (
    CreateChatCompletionRequestOptions,
)
from trilogue_api.models.developer_message import DeveloperMessageParam
from trilogue_api.models.document_library_tool import DocumentLibraryToolParam
from trilogue_api.models.function_call import FunctionCallParam
from trilogue_api.models.function_definition import FunctionDefinitionParam
from trilogue_api.models.guardrail_config import GuardrailConfigParam
from trilogue_api.models.image_generation_tool import ImageGenerationToolParam
from trilogue_api.models.image_url import ImageUrlParam
from trilogue_api.models.image_url_content_part import ImageUrlContentPartParam
from trilogue_api.models.json_schema_format import JsonSchemaFormatParam
from trilogue_api.models.named_tool_choice import NamedToolChoiceParam
from trilogue_api.models.named_tool_choice_function import NamedToolChoiceFunctionParam
from trilogue_api.models.opaque_content_part import OpaqueContentPartParam
from trilogue_api.models.prediction import PredictionParam
from trilogue_api.models.response_format_json_object import ResponseFormatJsonObjectParam
from trilogue_api.models.response_format_json_schema import ResponseFormatJsonSchemaParam
from trilogue_api.models.response_format_text import ResponseFormatTextParam
from trilogue_api.models.stream_options import StreamOptionsParam
from trilogue_api.models.system_message import SystemMessageParam
from trilogue_api.models.text_content_part import TextContentPartParam
from trilogue_api.models.thinking_content_part import ThinkingContentPartParam
from trilogue_api.models.tool import ToolParam
from trilogue_api.models.tool_message import ToolMessageParam
from trilogue_api.models.user_message import UserMessageParam
from trilogue_api.models.video_url import VideoUrlParam
from trilogue_api.models.video_url_content_part import VideoUrlContentPartParam
from trilogue_api.models.web_search_premium_tool import WebSearchPremiumToolParam
from trilogue_api.models.web_search_tool import WebSearchToolParam

from ._base_client import RequestOptions
from ._models import ChatCompletion, ChatCompletionChunk, ModelList
from ._params_types import CompletionParams
from ._providers import ProviderName
from ._rate_limits import RateLimits
from ._types import MessageParam, ResponseFormatParam, StopParam, ToolChoiceParam
from .lib._structured import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

if TYPE_CHECKING:
    from .lib._tools import ToolRunResult


def __getattr__(name: str) -> Any:
    # run_tools' result type loads asyncio and inspect: only when it is asked for.
    if name == "ToolRunResult":
        from .lib._tools import ToolRunResult

        return ToolRunResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AssistantMessage",
    "AssistantMessageParam",
    "AssistantToolCall",
    "AssistantToolCallParam",
    "CacheControl",
    "CacheControlParam",
    "CacheCreation",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionMessage",
    "ChatCompletionMessageToolCall",
    "ChoiceDelta",
    "ChoiceLogprobs",
    "CodeInterpreterTool",
    "CodeInterpreterToolParam",
    "CompletionParams",
    "CompletionUsage",
    "ConnectorTool",
    "ConnectorToolParam",
    "CreateChatCompletionRequestOptions",
    "DeveloperMessage",
    "DeveloperMessageParam",
    "DocumentLibraryTool",
    "DocumentLibraryToolParam",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionCallParam",
    "FunctionDefinition",
    "FunctionDefinitionParam",
    "GuardrailConfig",
    "GuardrailConfigParam",
    "ImageGenerationTool",
    "ImageGenerationToolParam",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlContentPartParam",
    "ImageUrlParam",
    "JsonSchemaDefinition",
    "JsonSchemaFormatParam",
    "LlamaMetric",
    "MessageParam",
    "Model",
    "ModelCapabilities",
    "ModelList",
    "NamedToolChoice",
    "NamedToolChoiceFunctionParam",
    "NamedToolChoiceParam",
    "OpaqueContentPart",
    "OpaqueContentPartParam",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "PredictionParam",
    "ProviderName",
    "RateLimits",
    "RequestOptions",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonObjectParam",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaParam",
    "ResponseFormatParam",
    "ResponseFormatText",
    "ResponseFormatTextParam",
    "StopParam",
    "StreamOptions",
    "StreamOptionsParam",
    "SystemMessage",
    "SystemMessageParam",
    "TextContentPart",
    "TextContentPartParam",
    "ThinkingContentPart",
    "ThinkingContentPartParam",
    "TokenLogprob",
    "Tool",
    "ToolCallDelta",
    "ToolChoiceParam",
    "ToolMessage",
    "ToolMessageParam",
    "ToolParam",
    "ToolRunResult",
    "TopLogprob",
    "UserMessage",
    "UserMessageParam",
    "VideoUrl",
    "VideoUrlContentPart",
    "VideoUrlContentPartParam",
    "VideoUrlParam",
    "WebSearchPremiumTool",
    "WebSearchPremiumToolParam",
    "WebSearchTool",
    "WebSearchToolParam",
]
