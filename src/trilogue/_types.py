"""Short names for the request shapes the spec generates (`trilogue_api.models.*Param`), so
editors can help fill in the plain dicts `create()` takes. The generated models are accepted in
the same places, and so is a message the model returned."""

from __future__ import annotations

from typing import TypeAlias

from trilogue_api.models import ChatCompletionMessage
from trilogue_api.models.create_chat_completion_request import (
    CreateChatCompletionRequestMessagesItemParam,
    CreateChatCompletionRequestResponseFormatParam,
    CreateChatCompletionRequestStopParam,
    CreateChatCompletionRequestToolChoiceParam,
)

__all__ = ["MessageParam", "ResponseFormatParam", "StopParam", "ToolChoiceParam"]

MessageParam: TypeAlias = "CreateChatCompletionRequestMessagesItemParam | ChatCompletionMessage"
"""A message of the conversation: a dict of one of the roles (or its model), or a message the
model returned (`completion.choices[0].message`), which is sent back in the provider's shape."""

ToolChoiceParam: TypeAlias = CreateChatCompletionRequestToolChoiceParam
ResponseFormatParam: TypeAlias = CreateChatCompletionRequestResponseFormatParam
StopParam: TypeAlias = CreateChatCompletionRequestStopParam
