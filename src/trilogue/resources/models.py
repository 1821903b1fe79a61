"""`client.models`: the models a provider offers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

import httpx

from .._base_client import RequestOptions

if TYPE_CHECKING:
    from .._base_client import BaseClient
    from .._client import AsyncTrilogue, Trilogue
    from .._models import ModelList

__all__ = ["AsyncModels", "Models"]


def _model_list(client: BaseClient, response: httpx.Response) -> ModelList:
    from .._models import ModelList

    data = client._decode(response)
    try:
        return ModelList.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise client._invalid_body(response, exc) from None


class Models:
    """`client.models`."""

    def __init__(self, client: Trilogue) -> None:
        self._client = client

    def list(self, **options: Unpack[RequestOptions]) -> ModelList:
        """The models the provider offers (`GET /models`)."""
        from trilogue_api.api.models import list_models

        prepared = self._client._prepare(list_models.request_kwargs(), options)
        response, _ = self._client._send(prepared)
        return _model_list(self._client, response)


class AsyncModels:
    """`client.models` of the async client."""

    def __init__(self, client: AsyncTrilogue) -> None:
        self._client = client

    async def list(self, **options: Unpack[RequestOptions]) -> ModelList:
        """The models the provider offers (`GET /models`)."""
        from trilogue_api.api.models import list_models

        prepared = self._client._prepare(list_models.request_kwargs(), options)
        response, _ = await self._client._send(prepared)
        return _model_list(self._client, response)
