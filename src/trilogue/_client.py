"""`Trilogue` and `AsyncTrilogue`, the clients users create: the core plus the resources."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_STREAM_IDLE_TIMEOUT,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
)
from ._providers import ProviderName
from ._retry import DEFAULT_MAX_RETRY_DELAY
from .resources import AsyncChat, AsyncModels, Chat, Models

__all__ = ["DEFAULT_TIMEOUT", "AsyncTrilogue", "Trilogue"]


class Trilogue(SyncAPIClient):
    """A client for one provider's API.

    `provider` is one of "mistral", "gradient", "llama", "llama-compat" or "openai-compatible";
    the key and address come from the provider's environment variables unless given. Use it as a
    context manager, or call `close()`, to release its connections.
    """

    chat: Chat
    models: Models

    def __init__(
        self,
        provider: ProviderName = "openai-compatible",
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        default_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            provider=provider,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            default_headers=default_headers,
            stream_idle_timeout=stream_idle_timeout,
            http_client=http_client,
        )
        self._attach_resources()

    def _attach_resources(self) -> None:
        self.chat = Chat(self)
        self.models = Models(self)


class AsyncTrilogue(AsyncAPIClient):
    """The async client: the same as `Trilogue`, with `await` and `async with`."""

    chat: AsyncChat
    models: AsyncModels

    def __init__(
        self,
        provider: ProviderName = "openai-compatible",
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        default_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = DEFAULT_STREAM_IDLE_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            provider=provider,
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_retry_delay=max_retry_delay,
            default_headers=default_headers,
            stream_idle_timeout=stream_idle_timeout,
            http_client=http_client,
        )
        self._attach_resources()

    def _attach_resources(self) -> None:
        self.chat = AsyncChat(self)
        self.models = AsyncModels(self)
