# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any
from urllib.parse import quote

from ...models.error_response import ErrorResponse


def request_kwargs(
    file_id: str,
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/{file_id}/content".format(
            file_id=quote(str(file_id), safe=""),
        ),
    }
    return _kwargs


REQUEST_SCHEMA: str | None = None
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "get /files/{file_id}/content"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""
