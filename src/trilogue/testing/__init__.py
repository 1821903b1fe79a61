"""Testing helpers for code that uses trilogue.

`FakeProvider` is an in-process httpx transport that answers like Mistral, Gradient, Llama
(native or compat) or any OpenAI-compatible server, from a script of completions, streams and
faults, and records the requests it gets. `FakeBatchProvider` is Mistral's or Gradient's batch
API likewise, its jobs moved through their states by the test. Nothing leaves the process.
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
from ._fake_batches import FAKE_STORAGE_URL, FakeBatchProvider
from ._wire import ToolCall

__all__ = [
    "FAKE_API_KEY",
    "FAKE_BASE_URL",
    "FAKE_STORAGE_URL",
    "Cut",
    "FakeBatchProvider",
    "FakeProvider",
    "FakeProviderError",
    "RecordedRequest",
    "Stall",
    "StreamError",
    "ToolCall",
]
