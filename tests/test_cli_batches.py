"""`trilogue batch submit|status|results|cancel`, run as a subprocess against
`FakeBatchProvider` served over real HTTP: the handle printed, the exit statuses (0 done, 3 some
error lines, 1 cannot proceed) and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from transport_server import TransportServer

from trilogue.testing import FakeBatchProvider

KEY = "sk-cli-batch-SECRET"


@pytest.fixture(params=["mistral", "gradient"])
def served(request: pytest.FixtureRequest) -> Iterator[tuple[FakeBatchProvider, str]]:
    fake = FakeBatchProvider(request.param)
    with TransportServer(fake) as server:
        fake.storage_url = server.url + "/storage"
        yield fake, server.url + "/v1"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trilogue._cli", "batch", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )


def write_input(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"custom_id": f"r{i}", "body": {"messages": [{"role": "user", "content": "x"}]}})
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_submit_status_results(served: tuple[FakeBatchProvider, str], tmp_path: Path) -> None:
    fake, url = served
    fake.chat.add_response("one").add_error(400, "too long")
    connection = ("--api-key", KEY, "--base-url", url)
    submitted = run(
        "submit", "--provider", fake.provider, "--input", str(write_input(tmp_path, 2)),
        "--model", "m", *connection,
    )  # fmt: skip
    assert submitted.returncode == 0, submitted.stderr
    handle = submitted.stdout.strip()
    (job_id,) = fake.jobs
    assert handle == f"{fake.provider}:{job_id}"

    queued = run("status", handle, *connection)
    assert queued.returncode == 0 and queued.stdout.startswith(handle)
    assert fake.state(job_id) in queued.stdout
    not_ready = run("results", handle, "--output", str(tmp_path / "out.jsonl"), *connection)
    assert not_ready.returncode == 1 and "no results yet" in not_ready.stderr

    fake.complete(job_id)
    out = tmp_path / "out.jsonl"
    done = run("results", handle, "--output", str(out), *connection)
    assert done.returncode == 3, done.stderr  # one error line
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(line["custom_id"], line["error"] is None) for line in lines] == [
        ("r0", True),
        ("r1", False),
    ]
    assert "1 succeeded, 1 failed" in done.stderr
    assert KEY not in done.stderr + done.stdout


def test_submit_wait_writes_results_when_the_job_ends(
    served: tuple[FakeBatchProvider, str], tmp_path: Path
) -> None:
    fake, url = served
    fake.chat.add_response("fine")

    def finish_when_created() -> None:
        while not fake.jobs:
            threading.Event().wait(0.01)
        fake.complete(next(iter(fake.jobs)))

    finisher = threading.Thread(target=finish_when_created)
    finisher.start()
    out = tmp_path / "out.jsonl"
    waited = run(
        "submit", "--provider", fake.provider, "--input", str(write_input(tmp_path, 1)),
        "--model", "m", "--wait", "--poll-interval", "0.05", "--output", str(out),
        "--api-key", KEY, "--base-url", url,
    )  # fmt: skip
    finisher.join()
    assert waited.returncode == 0, waited.stderr
    assert json.loads(out.read_text())["error"] is None


def test_cancel(served: tuple[FakeBatchProvider, str], tmp_path: Path) -> None:
    fake, url = served
    connection = ("--api-key", KEY, "--base-url", url)
    handle = run(
        "submit", "--provider", fake.provider, "--input", str(write_input(tmp_path, 1)),
        "--model", "m", *connection,
    ).stdout.strip()  # fmt: skip
    fake.start(handle.split(":", 1)[1])
    cancelled = run("cancel", handle, *connection)
    assert cancelled.returncode == 0, cancelled.stderr
    assert fake.state(handle.split(":", 1)[1]) in cancelled.stdout


def test_a_bad_line_is_one_error_line_and_nothing_is_sent(
    served: tuple[FakeBatchProvider, str], tmp_path: Path
) -> None:
    fake, url = served
    source = tmp_path / "in.jsonl"
    source.write_text('{"custom_id": "a", "body": {"messages": "hi"}}\n')
    refused = run(
        "submit", "--provider", fake.provider, "--input", str(source), "--model", "m",
        "--api-key", KEY, "--base-url", url,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.startswith("trilogue: error: ")
    assert "in.jsonl:1: body.messages" in refused.stderr and fake.provider in refused.stderr
    assert "Traceback" not in refused.stderr
    assert fake.requests == []


def test_a_handle_must_name_a_provider() -> None:
    refused = run("status", "no-provider-here", "--api-key", KEY)
    assert refused.returncode == 1 and "provider:id" in refused.stderr


def test_a_provider_without_a_batch_api_is_refused() -> None:
    refused = run("status", "llama:abc", "--api-key", KEY, "--base-url", "http://127.0.0.1:9")
    assert refused.returncode == 1
    assert "'llama' has no batch API" in refused.stderr
