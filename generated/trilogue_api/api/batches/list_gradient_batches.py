# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.error_response import ErrorResponse
from ...models.gradient_batch_list import GradientBatchList
from ...models.gradient_batch_status import (
    GradientBatchStatus,
)
from ...types import UNSET, Unset


def request_kwargs(
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    status: GradientBatchStatus | Unset = UNSET,
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batches",
        "params": params,
    }
    return _kwargs


REQUEST_SCHEMA: str | None = None
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "get /batches"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[GradientBatchList]:
    """The model class a successful response's decoded JSON is an instance of."""
    return GradientBatchList
