# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

RequestedServiceTier = Literal["auto", "standard_only"]

REQUESTED_SERVICE_TIER_VALUES: set[RequestedServiceTier] = {
    "auto",
    "standard_only",
}


def check_requested_service_tier(value: str) -> RequestedServiceTier:
    if value in REQUESTED_SERVICE_TIER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REQUESTED_SERVICE_TIER_VALUES!r}"
    )
