# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.error_response import ErrorResponse
from ...models.mistral_file import MistralFile
from ...models.mistral_upload_file_request import MistralUploadFileRequest


def request_kwargs(
    *,
    body: MistralUploadFileRequest | dict[str, Any],
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files",
    }
    # The form's parts as httpx `files`; the core encodes them (the boundary is its own).
    _kwargs["files"] = body if isinstance(body, dict) else body.to_dict()
    _kwargs["headers"] = headers
    return _kwargs


REQUEST_SCHEMA: str | None = None
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "post /files"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[MistralFile]:
    """The model class a successful response's decoded JSON is an instance of."""
    return MistralFile
