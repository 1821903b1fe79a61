"""Contains all the data models used in inputs/outputs"""

from .assistant_message import AssistantMessage
from .assistant_tool_call import AssistantToolCall
from .cache_control import CacheControl
from .cache_control_ttl import CacheControlTtl
from .cache_creation import CacheCreation
from .chat_completion import ChatCompletion
from .chat_completion_choice import ChatCompletionChoice
from .chat_completion_chunk import ChatCompletionChunk
from .chat_completion_chunk_choice import ChatCompletionChunkChoice
from .chat_completion_message import ChatCompletionMessage
from .chat_completion_message_tool_call import ChatCompletionMessageToolCall
from .chat_completion_object_type import ChatCompletionObjectType
from .choice_delta import ChoiceDelta
from .choice_logprobs import ChoiceLogprobs
from .completion_usage import CompletionUsage
from .create_chat_completion_request import CreateChatCompletionRequest
from .developer_message import DeveloperMessage
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .finish_reason import FinishReason
from .function_arguments_object import FunctionArgumentsObject
from .function_call import FunctionCall
from .function_call_delta import FunctionCallDelta
from .function_definition import FunctionDefinition
from .function_parameters import FunctionParameters
from .image_detail import ImageDetail
from .image_url import ImageUrl
from .image_url_content_part import ImageUrlContentPart
from .json_schema_definition import JsonSchemaDefinition
from .json_schema_format import JsonSchemaFormat
from .llama_chat_completion import LlamaChatCompletion
from .llama_chat_completion_chunk import LlamaChatCompletionChunk
from .llama_completion_message import LlamaCompletionMessage
from .llama_event_type import LlamaEventType
from .llama_metric import LlamaMetric
from .llama_stream_event import LlamaStreamEvent
from .llama_text_content import LlamaTextContent
from .llama_text_delta import LlamaTextDelta
from .llama_tool_call import LlamaToolCall
from .llama_tool_call_delta import LlamaToolCallDelta
from .logit_bias import LogitBias
from .metadata import Metadata
from .named_tool_choice import NamedToolChoice
from .named_tool_choice_function import NamedToolChoiceFunction
from .opaque_content_part import OpaqueContentPart
from .prediction import Prediction
from .prompt_mode import PromptMode
from .reasoning_effort import ReasoningEffort
from .response_format_json_object import ResponseFormatJsonObject
from .response_format_json_schema import ResponseFormatJsonSchema
from .response_format_text import ResponseFormatText
from .response_role import ResponseRole
from .stop_reason import StopReason
from .stream_options import StreamOptions
from .system_message import SystemMessage
from .text_content_part import TextContentPart
from .token_logprob import TokenLogprob
from .tool import Tool
from .tool_call_delta import ToolCallDelta
from .tool_choice_mode import ToolChoiceMode
from .tool_message import ToolMessage
from .top_logprob import TopLogprob
from .user_message import UserMessage
from .validation_error_item import ValidationErrorItem
from .video_url import VideoUrl
from .video_url_content_part import VideoUrlContentPart

__all__ = (
    "AssistantMessage",
    "AssistantToolCall",
    "CacheControl",
    "CacheControlTtl",
    "CacheCreation",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionMessage",
    "ChatCompletionMessageToolCall",
    "ChatCompletionObjectType",
    "ChoiceDelta",
    "ChoiceLogprobs",
    "CompletionUsage",
    "CreateChatCompletionRequest",
    "DeveloperMessage",
    "ErrorDetail",
    "ErrorResponse",
    "FinishReason",
    "FunctionArgumentsObject",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionParameters",
    "ImageDetail",
    "ImageUrl",
    "ImageUrlContentPart",
    "JsonSchemaDefinition",
    "JsonSchemaFormat",
    "LlamaChatCompletion",
    "LlamaChatCompletionChunk",
    "LlamaCompletionMessage",
    "LlamaEventType",
    "LlamaMetric",
    "LlamaStreamEvent",
    "LlamaTextContent",
    "LlamaTextDelta",
    "LlamaToolCall",
    "LlamaToolCallDelta",
    "LogitBias",
    "Metadata",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "OpaqueContentPart",
    "Prediction",
    "PromptMode",
    "ReasoningEffort",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "ResponseRole",
    "StopReason",
    "StreamOptions",
    "SystemMessage",
    "TextContentPart",
    "TokenLogprob",
    "Tool",
    "ToolCallDelta",
    "ToolChoiceMode",
    "ToolMessage",
    "TopLogprob",
    "UserMessage",
    "ValidationErrorItem",
    "VideoUrl",
    "VideoUrlContentPart",
)
