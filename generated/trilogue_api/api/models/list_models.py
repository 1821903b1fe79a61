# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
import json
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.model_list import ModelList
from ...types import Response


def request_kwargs() -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/models",
    }
    return _kwargs


_get_kwargs = request_kwargs


def _parse_200_200(data: Any) -> ModelList:
    return ModelList.from_dict(data)


def _parse_400_499(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data)


def _parse_500_599(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data)


def response_model(data: Any) -> type[ModelList]:
    """The model class a successful response's decoded JSON is an instance of."""
    return ModelList


def parse_response_body(data: Any) -> ModelList:
    """Turns the decoded JSON of a successful response into its model."""
    return _parse_200_200(data)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ModelList | None:
    status = response.status_code
    if status == 200:
        return _parse_200_200(json.loads(response.content))
    if 400 <= status <= 499:
        return _parse_400_499(json.loads(response.content))
    if 500 <= status <= 599:
        return _parse_500_599(json.loads(response.content))
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(status, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ModelList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ModelList]:
    """List models

     The models available to the caller. Every provider (Llama native and compat, Gradient,
    Mistral, llama.cpp's llama-server, vLLM) answers `GET {base}/models` with a `data` list of
    model objects; providers add fields of their own (Mistral `capabilities`, llama-server `meta`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ModelList]
    """

    response = client.get_httpx_client().request(**request_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ModelList | None:
    """List models

     The models available to the caller. Every provider (Llama native and compat, Gradient,
    Mistral, llama.cpp's llama-server, vLLM) answers `GET {base}/models` with a `data` list of
    model objects; providers add fields of their own (Mistral `capabilities`, llama-server `meta`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ModelList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ModelList]:
    """List models

     The models available to the caller. Every provider (Llama native and compat, Gradient,
    Mistral, llama.cpp's llama-server, vLLM) answers `GET {base}/models` with a `data` list of
    model objects; providers add fields of their own (Mistral `capabilities`, llama-server `meta`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ModelList]
    """

    response = await client.get_async_httpx_client().request(**request_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ModelList | None:
    """List models

     The models available to the caller. Every provider (Llama native and compat, Gradient,
    Mistral, llama.cpp's llama-server, vLLM) answers `GET {base}/models` with a `data` list of
    model objects; providers add fields of their own (Mistral `capabilities`, llama-server `meta`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ModelList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
