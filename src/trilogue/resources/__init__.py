"""The API's resources, laid out as users call them: `client.chat.completions` lives in
`resources/chat/completions.py`, `client.models` in `resources/models.py`."""

from .chat import AsyncChat, AsyncCompletions, Chat, Completions
from .models import AsyncModels, Models

__all__ = ["AsyncChat", "AsyncCompletions", "AsyncModels", "Chat", "Completions", "Models"]
