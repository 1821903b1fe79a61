"""trilogue: one typed, fast client for chat completions on Meta's Llama API, DigitalOcean
Gradient, Mistral and any OpenAI-compatible server."""

from ._accumulator import ChatCompletionAccumulator
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
    InternalServerError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TrilogueError,
    UnprocessableEntityError,
    UnsupportedParameterError,
)
from ._models import ChatCompletion, ChatCompletionChunk
from ._params_types import CompletionParams
from ._providers import PROVIDERS, Provider
from ._streaming import AsyncStream, Stream
from ._types import (
    MessageParam,
    ResponseFormatParam,
    ToolChoiceParam,
    ToolParam,
)
from ._version import __version__

__all__ = [
    "DEFAULT_TIMEOUT",
    "PROVIDERS",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIStreamError",
    "APITimeoutError",
    "AsyncStream",
    "AsyncTrilogue",
    "AuthenticationError",
    "BadRequestError",
    "ChatCompletion",
    "ChatCompletionAccumulator",
    "ChatCompletionChunk",
    "CompletionParams",
    "ConflictError",
    "InternalServerError",
    "InvalidParameterError",
    "MessageParam",
    "NotFoundError",
    "PermissionDeniedError",
    "Provider",
    "RateLimitError",
    "ResponseFormatParam",
    "Stream",
    "ToolChoiceParam",
    "ToolParam",
    "Trilogue",
    "TrilogueError",
    "UnprocessableEntityError",
    "UnsupportedParameterError",
    "__version__",
]
