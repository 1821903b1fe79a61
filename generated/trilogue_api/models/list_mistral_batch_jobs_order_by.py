# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

ListMistralBatchJobsOrderBy = Literal["-created", "created"]

LIST_MISTRAL_BATCH_JOBS_ORDER_BY_VALUES: set[ListMistralBatchJobsOrderBy] = {
    "-created",
    "created",
}


def check_list_mistral_batch_jobs_order_by(value: str) -> ListMistralBatchJobsOrderBy:
    if value in LIST_MISTRAL_BATCH_JOBS_ORDER_BY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_MISTRAL_BATCH_JOBS_ORDER_BY_VALUES!r}"
    )
