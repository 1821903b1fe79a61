"""`client.chat`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .completions import AsyncCompletions, Completions

if TYPE_CHECKING:
    from ..._client import AsyncTrilogue, Trilogue

__all__ = ["AsyncChat", "AsyncCompletions", "Chat", "Completions"]


class Chat:
    """`client.chat`."""

    def __init__(self, client: Trilogue) -> None:
        self.completions = Completions(client)


class AsyncChat:
    """`client.chat` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self.completions = AsyncCompletions(client)
