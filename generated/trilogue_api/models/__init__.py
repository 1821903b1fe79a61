# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""Contains all the data models used in inputs/outputs (each imported on first use)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .assistant_message import AssistantMessage
    from .assistant_tool_call import AssistantToolCall
    from .batch_request_body import BatchRequestBody
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
    from .code_interpreter_tool import CodeInterpreterTool
    from .completion_tokens_details import CompletionTokensDetails
    from .completion_usage import CompletionUsage
    from .connector_api_key_auth import ConnectorApiKeyAuth
    from .connector_o_auth_2_token_auth import ConnectorOAuth2TokenAuth
    from .connector_tool import ConnectorTool
    from .create_chat_completion_request import CreateChatCompletionRequest
    from .developer_message import DeveloperMessage
    from .document_library_tool import DocumentLibraryTool
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .finish_reason import FinishReason
    from .function_arguments_object import FunctionArgumentsObject
    from .function_call import FunctionCall
    from .function_call_delta import FunctionCallDelta
    from .function_definition import FunctionDefinition
    from .function_parameters import FunctionParameters
    from .gradient_batch import GradientBatch
    from .gradient_batch_error import GradientBatchError
    from .gradient_batch_file import GradientBatchFile
    from .gradient_batch_file_create_request import GradientBatchFileCreateRequest
    from .gradient_batch_input_line import GradientBatchInputLine
    from .gradient_batch_input_line_method import GradientBatchInputLineMethod
    from .gradient_batch_input_line_url import GradientBatchInputLineUrl
    from .gradient_batch_list import GradientBatchList
    from .gradient_batch_metadata import GradientBatchMetadata
    from .gradient_batch_metadata_type_0 import GradientBatchMetadataType0
    from .gradient_batch_request_counts import GradientBatchRequestCounts
    from .gradient_batch_results import GradientBatchResults
    from .gradient_batch_status import GradientBatchStatus
    from .gradient_create_batch_request import GradientCreateBatchRequest
    from .gradient_create_batch_request_completion_window import (
        GradientCreateBatchRequestCompletionWindow,
    )
    from .gradient_create_batch_request_endpoint import (
        GradientCreateBatchRequestEndpoint,
    )
    from .gradient_create_batch_request_provider import (
        GradientCreateBatchRequestProvider,
    )
    from .guardrail_config import GuardrailConfig
    from .image_detail import ImageDetail
    from .image_generation_tool import ImageGenerationTool
    from .image_url import ImageUrl
    from .image_url_content_part import ImageUrlContentPart
    from .json_schema_definition import JsonSchemaDefinition
    from .json_schema_format import JsonSchemaFormat
    from .list_mistral_batch_jobs_order_by import ListMistralBatchJobsOrderBy
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
    from .message_metadata import MessageMetadata
    from .metadata import Metadata
    from .mistral_batch_error import MistralBatchError
    from .mistral_batch_job import MistralBatchJob
    from .mistral_batch_job_list import MistralBatchJobList
    from .mistral_batch_job_metadata_type_0 import MistralBatchJobMetadataType0
    from .mistral_batch_job_status import MistralBatchJobStatus
    from .mistral_batch_metadata import MistralBatchMetadata
    from .mistral_batch_request import MistralBatchRequest
    from .mistral_create_batch_job_request import MistralCreateBatchJobRequest
    from .mistral_create_batch_job_request_endpoint import (
        MistralCreateBatchJobRequestEndpoint,
    )
    from .mistral_file import MistralFile
    from .mistral_file_purpose import MistralFilePurpose
    from .mistral_upload_file_request import MistralUploadFileRequest
    from .model import Model
    from .model_capabilities import ModelCapabilities
    from .model_card_type import ModelCardType
    from .model_list import ModelList
    from .moderation_llm_action import ModerationLlmAction
    from .moderation_llm_v1_category_thresholds import ModerationLlmV1CategoryThresholds
    from .moderation_llm_v1_config import ModerationLlmV1Config
    from .moderation_llm_v2_category_thresholds import ModerationLlmV2CategoryThresholds
    from .moderation_llm_v2_config import ModerationLlmV2Config
    from .named_tool_choice import NamedToolChoice
    from .named_tool_choice_function import NamedToolChoiceFunction
    from .opaque_content_part import OpaqueContentPart
    from .prediction import Prediction
    from .prompt_mode import PromptMode
    from .prompt_tokens_details import PromptTokensDetails
    from .reasoning_effort import ReasoningEffort
    from .requested_service_tier import RequestedServiceTier
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_text import ResponseFormatText
    from .response_role import ResponseRole
    from .service_tier import ServiceTier
    from .stop_reason import StopReason
    from .stream_options import StreamOptions
    from .system_message import SystemMessage
    from .text_content_part import TextContentPart
    from .thinking_content_part import ThinkingContentPart
    from .token_logprob import TokenLogprob
    from .tool import Tool
    from .tool_call_delta import ToolCallDelta
    from .tool_choice_mode import ToolChoiceMode
    from .tool_configuration import ToolConfiguration
    from .tool_message import ToolMessage
    from .top_logprob import TopLogprob
    from .user_message import UserMessage
    from .validation_error_item import ValidationErrorItem
    from .video_url import VideoUrl
    from .video_url_content_part import VideoUrlContentPart
    from .web_search_premium_tool import WebSearchPremiumTool
    from .web_search_tool import WebSearchTool

_MODULES = {
    "AssistantMessage": ".assistant_message",
    "AssistantToolCall": ".assistant_tool_call",
    "BatchRequestBody": ".batch_request_body",
    "CacheControl": ".cache_control",
    "CacheControlTtl": ".cache_control_ttl",
    "CacheCreation": ".cache_creation",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionMessageToolCall": ".chat_completion_message_tool_call",
    "ChatCompletionObjectType": ".chat_completion_object_type",
    "ChoiceDelta": ".choice_delta",
    "ChoiceLogprobs": ".choice_logprobs",
    "CodeInterpreterTool": ".code_interpreter_tool",
    "CompletionTokensDetails": ".completion_tokens_details",
    "CompletionUsage": ".completion_usage",
    "ConnectorApiKeyAuth": ".connector_api_key_auth",
    "ConnectorOAuth2TokenAuth": ".connector_o_auth_2_token_auth",
    "ConnectorTool": ".connector_tool",
    "CreateChatCompletionRequest": ".create_chat_completion_request",
    "DeveloperMessage": ".developer_message",
    "DocumentLibraryTool": ".document_library_tool",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FinishReason": ".finish_reason",
    "FunctionArgumentsObject": ".function_arguments_object",
    "FunctionCall": ".function_call",
    "FunctionCallDelta": ".function_call_delta",
    "FunctionDefinition": ".function_definition",
    "FunctionParameters": ".function_parameters",
    "GradientBatch": ".gradient_batch",
    "GradientBatchError": ".gradient_batch_error",
    "GradientBatchFile": ".gradient_batch_file",
    "GradientBatchFileCreateRequest": ".gradient_batch_file_create_request",
    "GradientBatchInputLine": ".gradient_batch_input_line",
    "GradientBatchInputLineMethod": ".gradient_batch_input_line_method",
    "GradientBatchInputLineUrl": ".gradient_batch_input_line_url",
    "GradientBatchList": ".gradient_batch_list",
    "GradientBatchMetadata": ".gradient_batch_metadata",
    "GradientBatchMetadataType0": ".gradient_batch_metadata_type_0",
    "GradientBatchRequestCounts": ".gradient_batch_request_counts",
    "GradientBatchResults": ".gradient_batch_results",
    "GradientBatchStatus": ".gradient_batch_status",
    "GradientCreateBatchRequest": ".gradient_create_batch_request",
    "GradientCreateBatchRequestCompletionWindow": ".gradient_create_batch_request_completion_window",
    "GradientCreateBatchRequestEndpoint": ".gradient_create_batch_request_endpoint",
    "GradientCreateBatchRequestProvider": ".gradient_create_batch_request_provider",
    "GuardrailConfig": ".guardrail_config",
    "ImageDetail": ".image_detail",
    "ImageGenerationTool": ".image_generation_tool",
    "ImageUrl": ".image_url",
    "ImageUrlContentPart": ".image_url_content_part",
    "JsonSchemaDefinition": ".json_schema_definition",
    "JsonSchemaFormat": ".json_schema_format",
    "ListMistralBatchJobsOrderBy": ".list_mistral_batch_jobs_order_by",
    "LlamaChatCompletion": ".llama_chat_completion",
    "LlamaChatCompletionChunk": ".llama_chat_completion_chunk",
    "LlamaCompletionMessage": ".llama_completion_message",
    "LlamaEventType": ".llama_event_type",
    "LlamaMetric": ".llama_metric",
    "LlamaStreamEvent": ".llama_stream_event",
    "LlamaTextContent": ".llama_text_content",
    "LlamaTextDelta": ".llama_text_delta",
    "LlamaToolCall": ".llama_tool_call",
    "LlamaToolCallDelta": ".llama_tool_call_delta",
    "LogitBias": ".logit_bias",
    "MessageMetadata": ".message_metadata",
    "Metadata": ".metadata",
    "MistralBatchError": ".mistral_batch_error",
    "MistralBatchJob": ".mistral_batch_job",
    "MistralBatchJobList": ".mistral_batch_job_list",
    "MistralBatchJobMetadataType0": ".mistral_batch_job_metadata_type_0",
    "MistralBatchJobStatus": ".mistral_batch_job_status",
    "MistralBatchMetadata": ".mistral_batch_metadata",
    "MistralBatchRequest": ".mistral_batch_request",
    "MistralCreateBatchJobRequest": ".mistral_create_batch_job_request",
    "MistralCreateBatchJobRequestEndpoint": ".mistral_create_batch_job_request_endpoint",
    "MistralFile": ".mistral_file",
    "MistralFilePurpose": ".mistral_file_purpose",
    "MistralUploadFileRequest": ".mistral_upload_file_request",
    "Model": ".model",
    "ModelCapabilities": ".model_capabilities",
    "ModelCardType": ".model_card_type",
    "ModelList": ".model_list",
    "ModerationLlmAction": ".moderation_llm_action",
    "ModerationLlmV1CategoryThresholds": ".moderation_llm_v1_category_thresholds",
    "ModerationLlmV1Config": ".moderation_llm_v1_config",
    "ModerationLlmV2CategoryThresholds": ".moderation_llm_v2_category_thresholds",
    "ModerationLlmV2Config": ".moderation_llm_v2_config",
    "NamedToolChoice": ".named_tool_choice",
    "NamedToolChoiceFunction": ".named_tool_choice_function",
    "OpaqueContentPart": ".opaque_content_part",
    "Prediction": ".prediction",
    "PromptMode": ".prompt_mode",
    "PromptTokensDetails": ".prompt_tokens_details",
    "ReasoningEffort": ".reasoning_effort",
    "RequestedServiceTier": ".requested_service_tier",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "ResponseRole": ".response_role",
    "ServiceTier": ".service_tier",
    "StopReason": ".stop_reason",
    "StreamOptions": ".stream_options",
    "SystemMessage": ".system_message",
    "TextContentPart": ".text_content_part",
    "ThinkingContentPart": ".thinking_content_part",
    "TokenLogprob": ".token_logprob",
    "Tool": ".tool",
    "ToolCallDelta": ".tool_call_delta",
    "ToolChoiceMode": ".tool_choice_mode",
    "ToolConfiguration": ".tool_configuration",
    "ToolMessage": ".tool_message",
    "TopLogprob": ".top_logprob",
    "UserMessage": ".user_message",
    "ValidationErrorItem": ".validation_error_item",
    "VideoUrl": ".video_url",
    "VideoUrlContentPart": ".video_url_content_part",
    "WebSearchPremiumTool": ".web_search_premium_tool",
    "WebSearchTool": ".web_search_tool",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "AssistantMessage",
    "AssistantToolCall",
    "BatchRequestBody",
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
    "CodeInterpreterTool",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ConnectorApiKeyAuth",
    "ConnectorOAuth2TokenAuth",
    "ConnectorTool",
    "CreateChatCompletionRequest",
    "DeveloperMessage",
    "DocumentLibraryTool",
    "ErrorDetail",
    "ErrorResponse",
    "FinishReason",
    "FunctionArgumentsObject",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionParameters",
    "GradientBatch",
    "GradientBatchError",
    "GradientBatchFile",
    "GradientBatchFileCreateRequest",
    "GradientBatchInputLine",
    "GradientBatchInputLineMethod",
    "GradientBatchInputLineUrl",
    "GradientBatchList",
    "GradientBatchMetadata",
    "GradientBatchMetadataType0",
    "GradientBatchRequestCounts",
    "GradientBatchResults",
    "GradientBatchStatus",
    "GradientCreateBatchRequest",
    "GradientCreateBatchRequestCompletionWindow",
    "GradientCreateBatchRequestEndpoint",
    "GradientCreateBatchRequestProvider",
    "GuardrailConfig",
    "ImageDetail",
    "ImageGenerationTool",
    "ImageUrl",
    "ImageUrlContentPart",
    "JsonSchemaDefinition",
    "JsonSchemaFormat",
    "ListMistralBatchJobsOrderBy",
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
    "MessageMetadata",
    "Metadata",
    "MistralBatchError",
    "MistralBatchJob",
    "MistralBatchJobList",
    "MistralBatchJobMetadataType0",
    "MistralBatchJobStatus",
    "MistralBatchMetadata",
    "MistralBatchRequest",
    "MistralCreateBatchJobRequest",
    "MistralCreateBatchJobRequestEndpoint",
    "MistralFile",
    "MistralFilePurpose",
    "MistralUploadFileRequest",
    "Model",
    "ModelCapabilities",
    "ModelCardType",
    "ModelList",
    "ModerationLlmAction",
    "ModerationLlmV1CategoryThresholds",
    "ModerationLlmV1Config",
    "ModerationLlmV2CategoryThresholds",
    "ModerationLlmV2Config",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "OpaqueContentPart",
    "Prediction",
    "PromptMode",
    "PromptTokensDetails",
    "ReasoningEffort",
    "RequestedServiceTier",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "ResponseRole",
    "ServiceTier",
    "StopReason",
    "StreamOptions",
    "SystemMessage",
    "TextContentPart",
    "ThinkingContentPart",
    "TokenLogprob",
    "Tool",
    "ToolCallDelta",
    "ToolChoiceMode",
    "ToolConfiguration",
    "ToolMessage",
    "TopLogprob",
    "UserMessage",
    "ValidationErrorItem",
    "VideoUrl",
    "VideoUrlContentPart",
    "WebSearchPremiumTool",
    "WebSearchTool",
)
