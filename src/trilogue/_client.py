"""`Trilogue` and `AsyncTrilogue`, the clients users create: the core plus the resources, each
made on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, SyncAPIClient
from ._resource import Resource

if TYPE_CHECKING:
    from .resources import AsyncBatches, AsyncChat, AsyncModels, Batches, Chat, Models

__all__ = ["DEFAULT_TIMEOUT", "AsyncTrilogue", "Trilogue"]


class Trilogue(SyncAPIClient):
    """A client for one provider's API.

    `provider` is one of "mistral", "gradient", "llama", "llama-compat" or "openai-compatible";
    the key and address come from the provider's environment variables unless given. Use it as a
    context manager, or call `close()`, to release its connections.
    """

    chat: Resource[Chat] = Resource("Chat")
    models: Resource[Models] = Resource("Models")
    batches: Resource[Batches] = Resource("Batches")


class AsyncTrilogue(AsyncAPIClient):
    """The async client: the same as `Trilogue`, with `await` and `async with`."""

    chat: Resource[AsyncChat] = Resource("AsyncChat")
    models: Resource[AsyncModels] = Resource("AsyncModels")
    batches: Resource[AsyncBatches] = Resource("AsyncBatches")
