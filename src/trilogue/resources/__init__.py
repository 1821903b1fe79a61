"""The API's resources, laid out as users call them: `client.chat.completions` lives in
`resources/chat/completions.py`, `client.models` in `resources/models.py`."""

from .batches import AsyncBatches, Batches
from .chat import AsyncChat, AsyncCompletions, Chat, Completions
from .models import AsyncModels, Models

__all__ = [
    "AsyncBatches",
    "AsyncChat",
    "AsyncCompletions",
    "AsyncModels",
    "Batches",
    "Chat",
    "Completions",
    "Models",
]
