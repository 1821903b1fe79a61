# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.error_response import ErrorResponse
from ...models.mistral_batch_job import MistralBatchJob
from ...models.mistral_create_batch_job_request import MistralCreateBatchJobRequest


def request_kwargs(
    *,
    body: MistralCreateBatchJobRequest | dict[str, Any],
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch/jobs",
    }
    _kwargs["json"] = body if isinstance(body, dict) else body.to_dict()
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


REQUEST_SCHEMA: str | None = "MistralCreateBatchJobRequest"
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "post /batch/jobs"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[MistralBatchJob]:
    """The model class a successful response's decoded JSON is an instance of."""
    return MistralBatchJob
