"""`client.models`: the models a provider offers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from trilogue_api.api.models import list_models, retrieve_model
from trilogue_api.models import Model

from .._models import ModelList
from .._request import RequestOptions

if TYPE_CHECKING:
    from .._client import AsyncTrilogue, Trilogue

__all__ = ["AsyncModels", "Models"]


def _filters(provider: str | None, model: str | None) -> dict[str, str]:
    # A filter left out (None) is not sent: a query has no null.
    given = {"provider": provider, "model": model}
    return {name: value for name, value in given.items() if value is not None}


class Models:
    """`client.models`."""

    def __init__(self, client: Trilogue) -> None:
        self._client = client

    def list(
        self,
        *,
        provider: str | None = None,
        model: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ModelList:
        """The models the provider offers (`GET /models`); Mistral filters them by `provider`
        and `model`."""
        filters = _filters(provider, model)
        result: ModelList = self._client.request(
            list_models, options, cast_to=ModelList, parameters=filters
        )
        return result

    def retrieve(self, model: str, **options: Unpack[RequestOptions]) -> Model:
        """One model's card (`GET /models/{model}`; Mistral and some OpenAI-compatible servers)."""
        parameters = {"model_id": model}
        result: Model = self._client.request(
            retrieve_model, options, cast_to=Model, parameters=parameters
        )
        return result


class AsyncModels:
    """`client.models` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self._client = client

    async def list(
        self,
        *,
        provider: str | None = None,
        model: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ModelList:
        """The models the provider offers (`GET /models`); Mistral filters them by `provider`
        and `model`."""
        filters = _filters(provider, model)
        result: ModelList = await self._client.request(
            list_models, options, cast_to=ModelList, parameters=filters
        )
        return result

    async def retrieve(self, model: str, **options: Unpack[RequestOptions]) -> Model:
        """One model's card (`GET /models/{model}`; Mistral and some OpenAI-compatible servers)."""
        parameters = {"model_id": model}
        result: Model = await self._client.request(
            retrieve_model, options, cast_to=Model, parameters=parameters
        )
        return result
