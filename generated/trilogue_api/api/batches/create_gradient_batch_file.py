# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.error_response import ErrorResponse
from ...models.gradient_batch_file import GradientBatchFile
from ...models.gradient_batch_file_create_request import GradientBatchFileCreateRequest


def request_kwargs(
    *,
    body: GradientBatchFileCreateRequest | dict[str, Any],
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batches/files",
    }
    _kwargs["json"] = body if isinstance(body, dict) else body.to_dict()
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


REQUEST_SCHEMA: str | None = "GradientBatchFileCreateRequest"
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "post /batches/files"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[GradientBatchFile]:
    """The model class a successful response's decoded JSON is an instance of."""
    return GradientBatchFile
