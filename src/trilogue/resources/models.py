"""`client.models`: the models a provider offers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from trilogue_api.api.models import list_models, retrieve_model
from trilogue_api.models import Model

from .._models import ModelList
from .._params_types import ListModelsParams
from .._request import RequestOptions

if TYPE_CHECKING:
    from .._client import AsyncTrilogue, Trilogue

__all__ = ["AsyncModels", "Models"]


class Models:
    """`client.models`."""

    def __init__(self, client: Trilogue) -> None:
        self._client = client

    def list(self, **params: Unpack[ListModelsParams]) -> ModelList:
        """The models the provider offers (`GET /models`); Mistral filters them by `provider`
        and `model`."""
        result: ModelList = self._client.request(list_models, params, cast_to=ModelList)
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

    async def list(self, **params: Unpack[ListModelsParams]) -> ModelList:
        """The models the provider offers (`GET /models`); Mistral filters them by `provider`
        and `model`."""
        result: ModelList = await self._client.request(list_models, params, cast_to=ModelList)
        return result

    async def retrieve(self, model: str, **options: Unpack[RequestOptions]) -> Model:
        """One model's card (`GET /models/{model}`; Mistral and some OpenAI-compatible servers)."""
        parameters = {"model_id": model}
        result: Model = await self._client.request(
            retrieve_model, options, cast_to=Model, parameters=parameters
        )
        return result
