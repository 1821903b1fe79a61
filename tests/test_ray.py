"""trilogue.ray.ChatStage on a real local Ray (2 CPUs, one session for the module) against a
real HTTP server on 127.0.0.1 (tests/batch_server.py), and called directly for what needs no
cluster: batch formats, closing from another thread, the error without Ray."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_server import BatchServer

KEY = "sk-ray-SECRET-4d1f"


def body(content: str, **extra: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "user", "content": content}], **extra}


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield context
    finally:
        ray.shutdown()


@pytest.fixture
def server() -> Iterator[BatchServer]:
    with BatchServer(retry_after="0") as s:
        yield s


def _bad_rows() -> dict[str, tuple[dict[str, Any], str]]:
    """Rows that must come back as error rows without being sent: id -> (row, error text)."""
    return {
        "bad-role": (
            {"body": {"model": "m", "messages": [{"role": "x", "content": "never-1"}]}},
            "messages[0].role",
        ),
        "bad-temperature": ({"body": body("never-2", temperature=3.5)}, "temperature"),
        "bad-stream": ({"body": body("never-3", stream=True)}, "body.stream"),
        "bad-method": ({"body": body("never-4"), "method": "GET"}, "method"),
        "bad-url": ({"body": body("never-5"), "url": "/v1/embeddings"}, "url"),
        "bad-max-tokens": ({"body": body("never-6", max_tokens=-1)}, "max_tokens"),
    }


def _rows(count: int) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """`count` rows and what each one's message is; bad, failing and retried rows mixed in."""
    rows: list[dict[str, Any]] = []
    messages: dict[str, str] = {}
    for custom_id, (row, _) in _bad_rows().items():
        rows.append({"custom_id": custom_id, "method": "POST", "url": None, **row})
    for i in range(count - len(rows)):
        if i % 100 == 7:
            content = f"429once:{i}"
        elif i % 100 == 37:
            content = f"500once:{i}"
        elif i % 100 == 77:
            content = f"status:400:{i}"
        else:
            content = f"question {i}"
        extra = {"max_tokens": 20} if i % 2 else {}  # other rows get Arrow's null: dropped
        rows.append({"custom_id": f"row-{i}", "method": "POST", "body": body(content, **extra)})
        messages[f"row-{i}"] = content
    return rows, messages


def test_a_thousand_rows_each_answered_once(ray_session: Any, server: BatchServer) -> None:
    import ray

    from trilogue.ray import ChatStage

    rows, messages = _rows(1000)
    ds = ray.data.from_items(rows).map_batches(
        ChatStage,
        fn_constructor_kwargs={
            "provider": "openai-compatible",
            "base_url": server.url,
            "api_key": KEY,
            "concurrency": 8,
            "max_retries": 2,
            # A 429 halves the pace the limiter knows; from no cap that is the rate seen so
            # far, which on this shared machine would stretch the test to half a minute.
            "rpm": 60_000,
        },
        compute=ray.data.ActorPoolStrategy(size=2),
        num_cpus=0.5,
        batch_size=50,
        batch_format="pyarrow",
    )
    out = ds.take_all()

    assert Counter(r["custom_id"] for r in out) == Counter(r["custom_id"] for r in rows)
    results = {r["custom_id"]: r for r in out}
    for custom_id, (_, where) in _bad_rows().items():
        row = results[custom_id]
        assert row["response"] is None and row["error"]["code"] == "invalid_request", row
        assert where in row["error"]["message"]
    for custom_id, content in messages.items():
        row = results[custom_id]
        if content.startswith("status:400"):
            assert row["error"]["code"] == "bad_request"
            assert row["response"]["status_code"] == 400
        else:
            assert row["error"] is None, row
            choice = row["response"]["body"]["choices"][0]
            assert choice["message"]["content"] == f"echo {content}"
            assert row["response"]["status_code"] == 200
    seen = server.counts()
    assert not any(message.startswith("never") for message in seen)
    for content in messages.values():
        # A 400 is not retried; 429 and 500 once each are, and then answered.
        assert seen[content] == (2 if content.startswith(("429once", "500once")) else 1), content
    assert sum(seen.values()) == len(messages) + 20
    assert KEY not in json.dumps(out, default=str)
    _assert_not_in_logs(ray_session, KEY)


def _assert_not_in_logs(context: Any, secret: str) -> None:
    logs = Path(context.address_info["session_dir"]) / "logs"
    for path in logs.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_bodies_as_json_strings_and_columns_as_json(ray_session: Any, server: BatchServer) -> None:
    """A body as a JSON string keeps any shape (Arrow cannot merge a string and a list of parts
    into one column); `json_columns` returns `response` and `error` as JSON strings."""
    import ray

    from trilogue.ray import ChatStage

    parts = [{"type": "text", "text": "parts"}]
    bodies = [body("plain"), {"model": "m", "messages": [{"role": "user", "content": parts}]}]
    rows = [{"custom_id": f"j{i}", "body": json.dumps(b)} for i, b in enumerate(bodies)]
    rows.append({"custom_id": "j-bad", "body": "{not json"})
    out = (
        ray.data.from_items(rows)
        .map_batches(
            ChatStage,
            fn_constructor_kwargs={"base_url": server.url, "api_key": KEY, "json_columns": True},
            compute=ray.data.ActorPoolStrategy(size=1),
            batch_size=8,
            batch_format="pyarrow",
        )
        .take_all()
    )
    results = {r["custom_id"]: r for r in out}
    assert results["j0"]["body"] == rows[0]["body"]  # the row's own columns are kept
    answer = json.loads(results["j0"]["response"])["body"]["choices"][0]["message"]
    assert answer["content"] == "echo plain" and results["j0"]["error"] is None
    assert results["j1"]["error"] is None
    assert json.loads(results["j-bad"]["error"])["code"] == "invalid_request"
    assert "not JSON" in json.loads(results["j-bad"]["error"])["message"]
    assert sorted(server.seen) == [str(parts), "plain"]  # the server records str(content)


def test_resume_with_ray_checkpoints_sends_no_finished_row_again(
    ray_session: Any, server: BatchServer, tmp_path: Path
) -> None:
    """Ray Data's row-level checkpoint (beta): a read -> ChatStage -> write pipeline that fails
    midway, run again, sends only the rows whose results were not written."""
    import ray
    from ray.data.checkpoint import CheckpointConfig

    from trilogue.ray import ChatStage

    inputs, output, crash = tmp_path / "in", tmp_path / "out", tmp_path / "crash"
    inputs.mkdir()
    for part in range(8):
        rows = [
            {"custom_id": f"r{n}", "body": json.dumps(body(f"q{n}"))}
            for n in range(part * 25, part * 25 + 25)
        ]
        (inputs / f"part-{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    crash.touch()

    def crash_at_r150(batch: Any) -> Any:  # the user's own later step, failing once
        if crash.exists() and "r150" in batch["custom_id"].to_pylist():
            raise RuntimeError("crash midway")
        return batch

    def run() -> None:
        ds = ray.data.read_json(str(inputs), num_cpus=0.25)
        ds = ds.map_batches(
            ChatStage,
            fn_constructor_kwargs={"base_url": server.url, "api_key": KEY},
            compute=ray.data.ActorPoolStrategy(size=1),
            num_cpus=0.25,  # the checkpoint filter's actor takes a whole CPU of the two
            batch_size=25,
            batch_format="pyarrow",
        )
        ds = ds.map_batches(crash_at_r150, batch_format="pyarrow", num_cpus=0.25)
        ds.write_json(str(output))

    context = ray.data.DataContext.get_current()
    context.checkpoint_config = CheckpointConfig(
        id_column="custom_id",
        checkpoint_path=str(tmp_path / "checkpoint"),
        delete_checkpoint_on_success=False,
    )
    try:
        with pytest.raises(Exception, match="crash midway"):
            run()
        written = {r["custom_id"] for r in _read_results(output)}
        first = server.counts()
        assert 0 < len(written) < 200 and "r150" not in written
        crash.unlink()
        run()
    finally:
        context.checkpoint_config = None
    second = server.counts() - first
    assert not {f"q{custom_id[1:]}" for custom_id in written} & set(second)
    assert sum(second.values()) == 200 - len(written)
    results = _read_results(output)
    assert sorted(r["custom_id"] for r in results) == sorted(f"r{n}" for n in range(200))
    for r in results:
        content = r["response"]["body"]["choices"][0]["message"]["content"]
        assert content == f"echo q{r['custom_id'][1:]}"


def _read_results(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in folder.glob("*.json") for line in path.open()]


def test_ray_closes_the_client_when_the_actor_ends(
    ray_session: Any, server: BatchServer, tmp_path: Path
) -> None:
    """Ray Data drops the stage when it ends the actor (`__ray_shutdown__`): the client is
    closed there, on the loop it ran on, while the actor still lives."""
    import ray

    from trilogue.ray import ChatStage

    marker = tmp_path / "closed"

    class Watched(ChatStage):  # a local class: Ray pickles it by value to the actor
        def close(self) -> None:
            http = self._sender._http
            super().close()
            marker.write_text(f"{http is not None and http.is_closed}")

    rows = [{"custom_id": f"c{i}", "body": body(f"close {i}")} for i in range(5)]
    out = (
        ray.data.from_items(rows)
        .map_batches(
            Watched,
            fn_constructor_kwargs={"base_url": server.url, "api_key": KEY},
            compute=ray.data.ActorPoolStrategy(size=1),
            num_cpus=0.5,
            batch_format="pyarrow",
        )
        .take_all()
    )
    assert [r["error"] for r in out] == [None] * 5
    for _ in range(200):
        if marker.exists():
            break
        time.sleep(0.1)
    assert marker.read_text() == "True"


def _stage(server: BatchServer, **options: Any) -> Any:
    pytest.importorskip("ray.data")
    from trilogue.ray import ChatStage

    return ChatStage(base_url=server.url, api_key=KEY, **options)


async def _collect(stage: Any, batch: Any) -> dict[str, list[Any]]:
    outputs = [out async for out in stage(batch)]
    assert len(outputs) == 1
    return outputs[0]


@pytest.mark.parametrize("batch_format", ["pyarrow", "pandas", "numpy"])
async def test_every_batch_format_and_arrow_nulls(batch_format: str, server: BatchServer) -> None:
    import pyarrow as pa

    rows = [
        {"custom_id": "a", "body": body("one", max_tokens=5)},
        {"custom_id": "b", "body": body("two")},
        {"custom_id": "", "body": body("never")},
    ]
    table = pa.Table.from_pylist(rows)  # b's body gets max_tokens: null, as in Ray
    batch: Any = table
    if batch_format == "pandas":
        batch = table.to_pandas()
    elif batch_format == "numpy":
        batch = {name: table[name].to_numpy(zero_copy_only=False) for name in table.column_names}
    stage = _stage(server)
    try:
        out = await _collect(stage, batch)
    finally:
        await stage.aclose()
    assert [e is None for e in out["error"]] == [True, True, False]
    assert out["error"][2]["message"] == "custom_id: must be a non-empty string"
    sent = {b["messages"][0]["content"]: b for b in server.bodies}
    assert sent["one"] == body("one", max_tokens=5)  # an int stays an int, lists stay lists
    assert sent["two"] == body("two")  # the null Arrow gave it is not sent
    assert sorted(sent) == ["one", "two"]
    assert stage.sent == 2
    assert KEY not in repr(stage)


def test_closed_from_another_thread_as_when_ray_ends_the_actor(server: BatchServer) -> None:
    """Ray runs an async stage on an event loop in its own thread and drops the stage from the
    actor's main thread when the actor ends: the client is closed on its loop."""
    stage = _stage(server)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        batch = {"custom_id": ["a"], "body": [body("hello")]}
        out = asyncio.run_coroutine_threadsafe(_collect(stage, batch), loop).result(30)
        assert out["error"] == [None]
        http = stage._sender._http
        assert http is not None and not http.is_closed
        stage.close()
        assert http.is_closed
        tasks = asyncio.run_coroutine_threadsafe(_other_tasks(), loop).result(5)
        assert tasks == []
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
    import trilogue

    with pytest.raises(trilogue.TrilogueError, match="closed"):
        asyncio.run(_collect(stage, {"custom_id": ["b"], "body": [body("late")]}))
    assert server.seen == ["hello"]


async def _other_tasks() -> list[asyncio.Task[Any]]:
    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]


def test_options_are_checked_when_the_actor_starts() -> None:
    pytest.importorskip("ray.data")
    import trilogue
    from trilogue.ray import ChatStage

    with pytest.raises(trilogue.TrilogueError, match="No API key"):
        ChatStage("mistral", api_key=None, base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="concurrency"):
        ChatStage(base_url="http://127.0.0.1:9", concurrency=0)


def test_without_ray_the_module_imports_and_the_stage_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "import trilogue, trilogue.ray\n"
        "try:\n"
        "    trilogue.ray.ChatStage(base_url='http://127.0.0.1:9')\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == (
        "trilogue.ray.ChatStage needs Ray Data: pip install 'trilogue[ray]'"
    )


def test_importing_trilogue_does_not_import_ray() -> None:
    code = "import sys, trilogue, trilogue.ray; print('ray' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
