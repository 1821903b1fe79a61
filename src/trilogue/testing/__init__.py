"""Testing helpers for code that uses trilogue.

`FakeProvider` is an in-process httpx transport that answers like Mistral, Gradient, Llama
(native or compat) or any OpenAI-compatible server, from a script of completions, streams and
faults, and records the requests it gets. Nothing leaves the process.
"""

from ._fake import (
    FAKE_API_KEY,
    FAKE_BASE_URL,
    Cut,
    FakeProvider,
    FakeProviderError,
    RecordedRequest,
    Stall,
    StreamError,
)
from ._wire import ToolCall

__all__ = [
    "FAKE_API_KEY",
    "FAKE_BASE_URL",
    "Cut",
    "FakeProvider",
    "FakeProviderError",
    "RecordedRequest",
    "Stall",
    "StreamError",
    "ToolCall",
]
