"""`Trilogue` and `AsyncTrilogue`, the clients users create: the core plus the resources.

A resource is made on first use: it loads the generated models, which `import trilogue` and
making a client need not pay for.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .resources import AsyncChat, AsyncModels, Chat, Models

__all__ = ["DEFAULT_TIMEOUT", "AsyncTrilogue", "Trilogue"]


class Trilogue(SyncAPIClient):
    """A client for one provider's API.

    `provider` is one of "mistral", "gradient", "llama", "llama-compat" or "openai-compatible";
    the key and address come from the provider's environment variables unless given. Use it as a
    context manager, or call `close()`, to release its connections.
    """

    @cached_property
    def chat(self) -> Chat:
        from .resources import Chat

        return Chat(self)

    @cached_property
    def models(self) -> Models:
        from .resources import Models

        return Models(self)


class AsyncTrilogue(AsyncAPIClient):
    """The async client: the same as `Trilogue`, with `await` and `async with`."""

    @cached_property
    def chat(self) -> AsyncChat:
        from .resources import AsyncChat

        return AsyncChat(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources import AsyncModels

        return AsyncModels(self)
