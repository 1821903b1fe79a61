"""trilogue.ray.ChatStage on a local Ray against the real llama.cpp server: 50 rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import MODEL

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ray_data() -> Iterator[Any]:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield ray.data
    finally:
        ray.shutdown()


def test_fifty_rows_through_ray(ray_data: Any, llama_url: str) -> None:
    from trilogue.ray import ChatStage

    rows = [
        {
            "custom_id": f"sea-{i}",
            "body": json.dumps(
                {
                    "model": MODEL,
                    "messages": [{"role": "user", "content": f"Say the number {i}."}],
                    "max_tokens": 8,
                    "temperature": 0,
                }
            ),
        }
        for i in range(50)
    ]
    rows[7]["body"] = json.dumps({"model": MODEL, "messages": [], "max_tokens": -5})
    out = (
        ray_data.from_items(rows)
        .map_batches(
            ChatStage,
            fn_constructor_kwargs={
                "provider": "openai-compatible",
                "base_url": llama_url,
                "concurrency": 4,
                "timeout": 120,
            },
            compute=ray_data.ActorPoolStrategy(size=2),
            num_cpus=0.5,
            batch_size=10,
            batch_format="pyarrow",
        )
        .take_all()
    )
    results = {r["custom_id"]: r for r in out}
    assert sorted(results) == sorted(r["custom_id"] for r in rows) and len(out) == 50
    bad = results.pop("sea-7")
    assert bad["response"] is None and bad["error"]["code"] == "invalid_request"
    for row in results.values():
        assert row["error"] is None, row["error"]
        completion = row["response"]["body"]
        assert completion["choices"][0]["finish_reason"] in ("stop", "length")
        assert completion["choices"][0]["message"]["content"].strip()
        assert completion["usage"]["completion_tokens"] <= 8
