"""`client.models.list()` against llama-server's `GET /v1/models`."""

from __future__ import annotations

import pytest

import trilogue

from .conftest import MODEL

pytestmark = pytest.mark.integration


def test_models_list(client: trilogue.Trilogue) -> None:
    models = client.models.list()
    assert MODEL in [model.id for model in models]
    (model,) = [m for m in models if m.id == MODEL]
    assert model.object_ == "model"
    assert "meta" in model  # llama-server's own fields are kept


async def test_models_list_async(aclient: trilogue.AsyncTrilogue) -> None:
    models = await aclient.models.list()
    assert [model.id for model in models.data] == [m.id for m in models]
    assert MODEL in [model.id for model in models]
