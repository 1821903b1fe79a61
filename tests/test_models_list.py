"""`client.models.list()`: the `GET /models` operation of the spec, on every provider, sync and
async, against Prism (the spec's own example) and our fault server (what goes on the wire)."""

from __future__ import annotations

from typing import Any

import pytest
from fault_server import FaultServer, Reply

import trilogue
from trilogue import AsyncTrilogue, Trilogue
from trilogue.types import Model, ModelList

KEY = "sk-test-models"
PROVIDERS = ["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]
# What llama-server answers (its own `models` list and `meta` beside the OpenAI fields).
LLAMA_SERVER_MODELS = {
    "models": [{"name": "smollm2", "model": "smollm2", "type": "model"}],
    "object": "list",
    "data": [
        {
            "id": "smollm2-135m-instruct",
            "object": "model",
            "created": 1763800000,
            "owned_by": "llamacpp",
            "meta": {"vocab_type": 2, "n_ctx_train": 8192, "n_params": 134515008},
        }
    ],
}


async def list_models(mode: str, provider: str, base_url: str, **options: Any) -> ModelList:
    if mode == "sync":
        with Trilogue(provider, api_key=KEY, base_url=base_url, max_retry_delay=0.01) as client:
            return client.models.list(**options)
    async with AsyncTrilogue(
        provider, api_key=KEY, base_url=base_url, max_retry_delay=0.01
    ) as aclient:
        return await aclient.models.list(**options)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_prism_serves_the_spec_example(mode: str, provider: str, prism_url: str) -> None:
    models = await list_models(mode, provider, prism_url)
    assert isinstance(models, ModelList)
    assert [m.id for m in models] == ["mistral-small-latest"]
    (model,) = models.data
    assert isinstance(model, Model)
    assert (model.object_, model.created, model.owned_by) == ("model", 1731974400, "mistralai")
    assert len(models) == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_the_request_on_the_wire(mode: str, provider: str) -> None:
    with FaultServer() as server:
        server.script(Reply(200, body=LLAMA_SERVER_MODELS))
        models = await list_models(mode, provider, server.url, extra_query={"page": "2"})
        (request,) = server.requests
    assert request.method == "GET"
    assert request.path == "/models"
    assert request.query == {"page": "2"}
    assert request.body == b""
    assert "content-type" not in request.headers
    assert request.headers["authorization"] == f"Bearer {KEY}"
    (model,) = models
    assert model.id == "smollm2-135m-instruct" and model.owned_by == "llamacpp"
    # What the server adds is kept, not dropped.
    assert model["meta"]["n_ctx_train"] == 8192
    assert models["models"][0]["name"] == "smollm2"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_retried_then_typed_errors(mode: str) -> None:
    with FaultServer() as server:
        server.script(Reply(503, body={"message": "busy"}), Reply(200, body={"data": []}))
        models = await list_models(mode, "mistral", server.url)
        assert len(server.requests) == 2
    assert list(models) == [] and models.object_ is None
    with FaultServer() as server:
        server.script(Reply(401, body={"message": "Unauthorized", "request_id": "r-1"}))
        with pytest.raises(trilogue.AuthenticationError, match="Unauthorized") as info:
            await list_models(mode, "gradient", server.url)
    assert info.value.status_code == 401
    with FaultServer() as server:
        server.script(Reply(200, body={"object": "list"}))  # no `data`
        with pytest.raises(trilogue.APIResponseValidationError, match="data"):
            await list_models(mode, "llama", server.url)
    with FaultServer() as server:
        server.script(Reply(200, body="<html>not json</html>"))
        with pytest.raises(trilogue.APIResponseValidationError, match="not json"):
            await list_models(mode, "llama-compat", server.url)


# `client.models.retrieve(id)`: `GET /models/{model_id}` (Mistral's `models.retrieve`; vLLM).
MISTRAL_CARD = {
    "id": "mistral-small-latest",
    "object": "model",
    "created": 1763800000,
    "owned_by": "mistralai",
    "capabilities": {"completion_chat": True, "function_calling": True, "vision": False},
    "max_context_length": 131072,
    "aliases": ["mistral-small-2506"],
    "type": "base",
}


async def retrieve(mode: str, provider: str, base_url: str, model: str, **options: Any) -> Model:
    if mode == "sync":
        with Trilogue(provider, api_key=KEY, base_url=base_url, max_retry_delay=0.01) as client:
            return client.models.retrieve(model, **options)
    async with AsyncTrilogue(
        provider, api_key=KEY, base_url=base_url, max_retry_delay=0.01
    ) as aclient:
        return await aclient.models.retrieve(model, **options)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_retrieve_sends_the_id_in_the_path_and_reads_the_card(mode: str) -> None:
    with FaultServer() as server:
        server.script(Reply(200, body=MISTRAL_CARD))
        card = await retrieve(mode, "mistral", server.url, "ft:mistral small/2506?x")
        (request,) = server.requests
    assert request.method == "GET"
    # The id is one path segment, whatever it holds (fine-tuned ids have ":" and may have "/").
    assert request.path == "/models/ft%3Amistral%20small%2F2506%3Fx"
    assert request.query == {}
    assert request.body == b""
    assert isinstance(card, Model)
    assert (card.id, card.owned_by, card.created) == (
        "mistral-small-latest",
        "mistralai",
        1763800000,
    )
    # Mistral's card is typed (issue 18): capabilities, context length, aliases.
    assert card.max_context_length == 131072
    assert card.capabilities is not None and card.capabilities.function_calling is True
    assert card.aliases == ["mistral-small-2506"]
    assert card.type_ == "base"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_retrieve_errors_are_typed(mode: str) -> None:
    with FaultServer() as server:
        server.script(Reply(404, body={"detail": "Model not found"}))
        with pytest.raises(trilogue.NotFoundError, match="Model not found") as info:
            await retrieve(mode, "mistral", server.url, "nope")
    assert info.value.provider == "mistral"
    with FaultServer() as server:
        server.script(Reply(502, body={"message": "bad gateway"}), Reply(200, body=MISTRAL_CARD))
        card = await retrieve(mode, "openai-compatible", server.url, "m")
        assert len(server.requests) == 2  # retried like every call
    assert card.id == "mistral-small-latest"
    with FaultServer() as server:
        server.script(Reply(200, body=["not", "a", "card"]))
        with pytest.raises(trilogue.APIResponseValidationError):
            await retrieve(mode, "mistral", server.url, "m")


def test_retrieve_refuses_what_is_not_an_option() -> None:
    client = Trilogue("mistral", api_key=KEY, base_url="http://127.0.0.1:9/v1")
    with pytest.raises(TypeError, match="temperature"):
        client.models.retrieve("m", temperature=0.5)  # type: ignore[call-arg]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_mistral_filters_the_list(mode: str) -> None:
    with FaultServer() as server:
        server.script(Reply(200, body={"object": "list", "data": [MISTRAL_CARD]}))
        if mode == "sync":
            with Trilogue("mistral", api_key=KEY, base_url=server.url) as client:
                models = client.models.list(provider="mistralai", model="mistral-small-latest")
        else:
            async with AsyncTrilogue("mistral", api_key=KEY, base_url=server.url) as aclient:
                models = await aclient.models.list(provider="mistralai")
        (request,) = server.requests
    expected = {"provider": "mistralai"}
    if mode == "sync":
        expected["model"] = "mistral-small-latest"
    assert request.query == expected
    assert [m.id for m in models] == ["mistral-small-latest"]


@pytest.mark.parametrize("provider", ["gradient", "llama", "llama-compat"])
def test_filters_are_refused_before_sending_where_the_provider_has_none(provider: str) -> None:
    with FaultServer() as server:
        with (
            Trilogue(provider, api_key=KEY, base_url=server.url) as client,  # type: ignore[arg-type]
            pytest.raises(trilogue.UnsupportedParameterError, match="provider") as caught,
        ):
            client.models.list(provider="mistralai")
        assert server.requests == []
    assert caught.value.param == "provider"
