"""trilogue: one typed, fast client for chat completions on Meta's Llama API, DigitalOcean
Gradient, Mistral and any OpenAI-compatible server."""

from typing import TYPE_CHECKING, Any

from ._client import DEFAULT_TIMEOUT, AsyncTrilogue, Trilogue
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APIStreamError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContextWindowExceededError,
    InternalServerError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServiceRetiredError,
    TrilogueError,
    UnprocessableEntityError,
    UnsupportedOperationError,
    UnsupportedParameterError,
)
from ._providers import PROVIDERS, Provider
from ._version import __version__

if TYPE_CHECKING:
    from ._accumulator import ChatCompletionAccumulator
    from ._models import ChatCompletion, ChatCompletionChunk, ModelList
    from ._output_errors import (
        ContentFilterFinishReasonError,
        LengthFinishReasonError,
        MaxTurnsExceededError,
        OutputParseError,
        ToolCallError,
        ToolResultError,
        ToolTimeoutError,
        UnknownToolError,
    )
    from ._params_types import CompletionParams
    from ._streaming import AsyncStream, Stream
    from ._types import MessageParam, ResponseFormatParam, ToolChoiceParam
    from .lib._function_tool import FunctionTool, function_tool
    from .lib._parsed_stream import AsyncParsedStream, ParsedStream
    from .lib._partial_json import PartialJSON, PartialJSONError
    from .lib._structured import ParsedChatCompletion
    from .lib._tools import ToolRunResult
    from .types import ToolParam

# Loaded on first use: they pull in the generated models, which `import trilogue` need not pay for.
_LAZY = {
    "ChatCompletion": "._models",
    "ChatCompletionChunk": "._models",
    "ModelList": "._models",
    "ChatCompletionAccumulator": "._accumulator",
    "Stream": "._streaming",
    "AsyncStream": "._streaming",
    "CompletionParams": "._params_types",
    "MessageParam": "._types",
    "ResponseFormatParam": "._types",
    "ToolChoiceParam": "._types",
    "ToolParam": ".types",
    # Structured output and tools (their modules load Pydantic only when used).
    "ContentFilterFinishReasonError": "._output_errors",
    "LengthFinishReasonError": "._output_errors",
    "MaxTurnsExceededError": "._output_errors",
    "OutputParseError": "._output_errors",
    "ToolCallError": "._output_errors",
    "ToolResultError": "._output_errors",
    "ToolTimeoutError": "._output_errors",
    "UnknownToolError": "._output_errors",
    "ParsedChatCompletion": ".lib._structured",
    "ParsedStream": ".lib._parsed_stream",
    "AsyncParsedStream": ".lib._parsed_stream",
    "PartialJSON": ".lib._partial_json",
    "PartialJSONError": ".lib._partial_json",
    "FunctionTool": ".lib._function_tool",
    "ToolRunResult": ".lib._tools",
    "function_tool": ".lib._function_tool",
    # The batch runner.
    "run_batch": ".lib.batch",
    "arun_batch": ".lib.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_TIMEOUT",
    "PROVIDERS",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIStreamError",
    "APITimeoutError",
    "AsyncParsedStream",
    "AsyncStream",
    "AsyncTrilogue",
    "AuthenticationError",
    "BadRequestError",
    "ChatCompletion",
    "ChatCompletionAccumulator",
    "ChatCompletionChunk",
    "CompletionParams",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "ContextWindowExceededError",
    "FunctionTool",
    "InternalServerError",
    "InvalidParameterError",
    "LengthFinishReasonError",
    "MaxTurnsExceededError",
    "MessageParam",
    "ModelList",
    "NotFoundError",
    "OutputParseError",
    "ParsedChatCompletion",
    "ParsedStream",
    "PartialJSON",
    "PartialJSONError",
    "PermissionDeniedError",
    "Provider",
    "RateLimitError",
    "ResponseFormatParam",
    "ServiceRetiredError",
    "Stream",
    "ToolCallError",
    "ToolChoiceParam",
    "ToolParam",
    "ToolResultError",
    "ToolRunResult",
    "ToolTimeoutError",
    "Trilogue",
    "TrilogueError",
    "UnknownToolError",
    "UnprocessableEntityError",
    "UnsupportedOperationError",
    "UnsupportedParameterError",
    "__version__",
    "function_tool",
]
