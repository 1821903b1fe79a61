# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Any

from ...models.error_response import ErrorResponse
from ...models.list_mistral_batch_jobs_order_by import (
    ListMistralBatchJobsOrderBy,
)
from ...models.mistral_batch_job_list import MistralBatchJobList
from ...models.mistral_batch_job_status import (
    MistralBatchJobStatus,
)
from ...types import UNSET, Unset


def request_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    model: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_by_me: bool | Unset = UNSET,
    status: list[MistralBatchJobStatus] | Unset = UNSET,
    order_by: ListMistralBatchJobsOrderBy | Unset = UNSET,
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["model"] = model

    params["created_after"] = created_after

    params["created_by_me"] = created_by_me

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item: str = status_item_data
            json_status.append(status_item)

    params["status"] = json_status

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by

    params["order_by"] = json_order_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/batch/jobs",
        "params": params,
    }
    return _kwargs


REQUEST_SCHEMA: str | None = None
"""The spec schema of the JSON request body, whose rules the client checks before sending."""

OPERATION = "get /batch/jobs"
"""The operation's method and path, as spec.QUERY_PARAMETERS names it."""

ERROR_MODEL = ErrorResponse
"""The model of an error (4XX) body."""


def response_model(data: Any) -> type[MistralBatchJobList]:
    """The model class a successful response's decoded JSON is an instance of."""
    return MistralBatchJobList
