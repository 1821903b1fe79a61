# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any
from urllib.parse import quote

from ...models.error_response import ErrorResponse
from ...models.mistral_batch_job import MistralBatchJob


def request_kwargs(
    job_id: str,
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch/jobs/{job_id}/cancel".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }
    return _kwargs


REQUEST_SCHEMA: str | None = None
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "post /batch/jobs/{job_id}/cancel"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[MistralBatchJob]:
    """The model class a successful response's decoded JSON is an instance of."""
    return MistralBatchJob
