# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
import json
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_completion import ChatCompletion
from ...models.chat_completion_chunk import ChatCompletionChunk
from ...models.create_chat_completion_request import CreateChatCompletionRequest
from ...models.error_response import ErrorResponse
from ...models.llama_chat_completion import LlamaChatCompletion
from ...models.llama_chat_completion_chunk import LlamaChatCompletionChunk
from ...types import Response, SSEDecoder


def request_kwargs(
    *,
    body: CreateChatCompletionRequest | dict[str, Any],
) -> dict[str, Any]:
    """The request as keyword arguments of `httpx.Client.request`: method, url (relative to the
    base URL), params, json and headers."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/completions",
    }
    _kwargs["json"] = body if isinstance(body, dict) else body.to_dict()
    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


_get_kwargs = request_kwargs


def _parse_200_200(data: Any) -> ChatCompletion | LlamaChatCompletion:
    return (
        ChatCompletion.from_dict(data)
        if isinstance(data, dict) and "choices" in data
        else LlamaChatCompletion.from_dict(data)
        if isinstance(data, dict) and "completion_message" in data
        else data
    )


def _parse_400_499(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data)


def _parse_500_599(data: Any) -> ErrorResponse:
    return ErrorResponse.from_dict(data)


def response_model(data: Any) -> type[ChatCompletion] | type[LlamaChatCompletion]:
    """The model class a successful response's decoded JSON is an instance of."""
    if isinstance(data, dict) and "choices" in data:
        return ChatCompletion
    return LlamaChatCompletion


def parse_response_body(data: Any) -> ChatCompletion | LlamaChatCompletion:
    """Turns the decoded JSON of a successful response into its model."""
    return _parse_200_200(data)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatCompletion | LlamaChatCompletion | ErrorResponse | None:
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
) -> Response[ChatCompletion | LlamaChatCompletion | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> Response[ChatCompletion | LlamaChatCompletion | ErrorResponse]:
    """Create a chat completion

     Generates the next assistant message for a conversation. With `stream: true` the answer is a
    `text/event-stream` of chunks instead of a single JSON document. The OpenAI-shaped providers
    end the stream with `data: [DONE]`; the native Llama API closes the connection instead.

    Args:
        body (CreateChatCompletionRequest): Request body for `POST /chat/completions`: the union
            of what the three providers accept.
            `x-providers` on each property lists the providers that accept it on the wire.
            `x-explicit-arguments` are the parameters `create()` names; the rest are keyword options.
             Example: {'model': 'llama3.3-70b-instruct', 'messages': [{'role': 'system', 'content':
            'You are a concise assistant.'}, {'role': 'user', 'content': 'What is the capital of
            France?'}], 'temperature': 0.2, 'max_tokens': 256}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | LlamaChatCompletion | ErrorResponse]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> ChatCompletion | LlamaChatCompletion | ErrorResponse | None:
    """Create a chat completion

     Generates the next assistant message for a conversation. With `stream: true` the answer is a
    `text/event-stream` of chunks instead of a single JSON document. The OpenAI-shaped providers
    end the stream with `data: [DONE]`; the native Llama API closes the connection instead.

    Args:
        body (CreateChatCompletionRequest): Request body for `POST /chat/completions`: the union
            of what the three providers accept.
            `x-providers` on each property lists the providers that accept it on the wire.
            `x-explicit-arguments` are the parameters `create()` names; the rest are keyword options.
             Example: {'model': 'llama3.3-70b-instruct', 'messages': [{'role': 'system', 'content':
            'You are a concise assistant.'}, {'role': 'user', 'content': 'What is the capital of
            France?'}], 'temperature': 0.2, 'max_tokens': 256}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | LlamaChatCompletion | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> Response[ChatCompletion | LlamaChatCompletion | ErrorResponse]:
    """Create a chat completion

     Generates the next assistant message for a conversation. With `stream: true` the answer is a
    `text/event-stream` of chunks instead of a single JSON document. The OpenAI-shaped providers
    end the stream with `data: [DONE]`; the native Llama API closes the connection instead.

    Args:
        body (CreateChatCompletionRequest): Request body for `POST /chat/completions`: the union
            of what the three providers accept.
            `x-providers` on each property lists the providers that accept it on the wire.
            `x-explicit-arguments` are the parameters `create()` names; the rest are keyword options.
             Example: {'model': 'llama3.3-70b-instruct', 'messages': [{'role': 'system', 'content':
            'You are a concise assistant.'}, {'role': 'user', 'content': 'What is the capital of
            France?'}], 'temperature': 0.2, 'max_tokens': 256}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | LlamaChatCompletion | ErrorResponse]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> ChatCompletion | LlamaChatCompletion | ErrorResponse | None:
    """Create a chat completion

     Generates the next assistant message for a conversation. With `stream: true` the answer is a
    `text/event-stream` of chunks instead of a single JSON document. The OpenAI-shaped providers
    end the stream with `data: [DONE]`; the native Llama API closes the connection instead.

    Args:
        body (CreateChatCompletionRequest): Request body for `POST /chat/completions`: the union
            of what the three providers accept.
            `x-providers` on each property lists the providers that accept it on the wire.
            `x-explicit-arguments` are the parameters `create()` names; the rest are keyword options.
             Example: {'model': 'llama3.3-70b-instruct', 'messages': [{'role': 'system', 'content':
            'You are a concise assistant.'}, {'role': 'user', 'content': 'What is the capital of
            France?'}], 'temperature': 0.2, 'max_tokens': 256}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | LlamaChatCompletion | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


STREAM_DONE = "[DONE]"
"""The data line that ends the stream; a stream without it ends with the body."""


def stream_chunk_model(
    data: Any,
) -> type[LlamaChatCompletionChunk | ChatCompletionChunk]:
    """The model class the decoded JSON of one streamed event is an instance of."""
    if "event" in data:
        return LlamaChatCompletionChunk
    return ChatCompletionChunk


def parse_stream_chunk(data: Any) -> LlamaChatCompletionChunk | ChatCompletionChunk:
    """Turns the decoded JSON of one streamed event into its chunk model."""
    return stream_chunk_model(data).from_dict(data)


def stream(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> Iterator[LlamaChatCompletionChunk | ChatCompletionChunk]:
    """Sends the request with streaming on and yields each chunk as it arrives.

    The response is closed when the iterator is exhausted or closed.

    Raises:
        errors.UnexpectedStatus: If the server answers with a status other than 200.
    """
    request = request_kwargs(
        body=body,
    )
    request["headers"]["Accept"] = "text/event-stream"
    with client.get_httpx_client().stream(**request) as response:
        if response.status_code != 200:
            raise errors.UnexpectedStatus(response.status_code, response.read())
        decoder = SSEDecoder()
        for raw in response.iter_bytes():
            for event in decoder.feed(raw):
                if event.data == STREAM_DONE:
                    return
                yield parse_stream_chunk(json.loads(event.data))
        for event in decoder.flush():
            if event.data != STREAM_DONE:
                yield parse_stream_chunk(json.loads(event.data))


async def astream(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> AsyncIterator[LlamaChatCompletionChunk | ChatCompletionChunk]:
    """Async version of `stream`."""
    request = request_kwargs(
        body=body,
    )
    request["headers"]["Accept"] = "text/event-stream"
    async with client.get_async_httpx_client().stream(**request) as response:
        if response.status_code != 200:
            raise errors.UnexpectedStatus(response.status_code, await response.aread())
        decoder = SSEDecoder()
        async for raw in response.aiter_bytes():
            for event in decoder.feed(raw):
                if event.data == STREAM_DONE:
                    return
                yield parse_stream_chunk(json.loads(event.data))
        for event in decoder.flush():
            if event.data != STREAM_DONE:
                yield parse_stream_chunk(json.loads(event.data))
