"""The batch runner against a real HTTP server on 127.0.0.1 (tests/batch_server.py): output
format, checks before sending, resume after SIGKILL, 429s, progress, exit codes and the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from batch_server import BatchServer

import trilogue
from trilogue.lib.batch import (
    AdaptiveLimiter,
    BatchInputError,
    Progress,
    RateLimits,
    arun_batch,
    read_rate_limits,
    run_batch,
)

KEY = "sk-batch-test"
PROVIDER = ("--provider", "openai-compatible")


def line(custom_id: str, content: str, **body: Any) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": "m", "messages": [{"role": "user", "content": content}], **body},
    }


def write_input(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path


def read_output(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["custom_id"]: r for r in records}


def cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trilogue._cli", "batch", "run", *PROVIDER, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": KEY},
        **kwargs,
    )


@pytest.fixture
def server() -> Iterator[BatchServer]:
    with BatchServer() as s:
        yield s


def test_output_lines_follow_the_openai_batch_format(server: BatchServer, tmp_path: Path) -> None:
    src = write_input(tmp_path / "in.jsonl", [line(f"q{i}", f"hello {i}") for i in range(12)])
    out = tmp_path / "out.jsonl"
    summary = run_batch(src, out, base_url=server.url, concurrency=4)
    records = read_output(out)
    assert len(records) == 12 and summary.succeeded == 12 and summary.exit_code == 0
    for record in records:
        assert set(record) == {"id", "custom_id", "response", "error"}
        assert record["id"].startswith("batch_req_") and record["error"] is None
        response = record["response"]
        assert response["status_code"] == 200
        assert response["request_id"].startswith("req-")
        n = record["custom_id"][1:]
        assert response["body"]["choices"][0]["message"]["content"] == f"echo hello {n}"
        assert response["body"]["usage"]["total_tokens"] == 10
    assert summary.tokens == 120
    assert len({r["id"] for r in records}) == 12


def test_mistral_lines_and_a_default_model(server: BatchServer, tmp_path: Path) -> None:
    mistral = {"custom_id": "a", "body": {"messages": [{"role": "user", "content": "hi"}]}}
    src = write_input(tmp_path / "in.jsonl", [mistral])
    out = tmp_path / "out.jsonl"
    run_batch(src, out, provider="mistral", api_key=KEY, base_url=server.url, model="small")
    [record] = read_output(out)
    assert record["custom_id"] == "a" and record["error"] is None


def test_a_line_the_spec_refuses_is_an_error_line_and_never_sent(
    server: BatchServer, tmp_path: Path
) -> None:
    lines = [
        line("ok", "fine"),
        line("bias", "never-bias", logit_bias={"1": 1}),  # Mistral does not take it
        line("role", "never-role") | {"body": {"model": "m", "messages": [{"role": "x"}]}},
        line("unknown", "never-unknown", not_a_field=1),
        line("get", "never-get") | {"method": "GET"},
        line("path", "never-path") | {"url": "/v1/embeddings"},
    ]
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        write_input(tmp_path / "in.jsonl", lines),
        out,
        provider="mistral",
        api_key=KEY,
        base_url=server.url,
    )
    assert server.seen == ["fine"]
    records = by_id(read_output(out))
    assert records["ok"]["error"] is None
    for name, path in [
        ("bias", "body.logit_bias"),
        ("role", "body.messages[0]"),
        ("unknown", "not_a_field"),
        ("get", "method"),
        ("path", "url"),
    ]:
        assert records[name]["response"] is None
        assert records[name]["error"]["code"] == "invalid_request"
        assert path in records[name]["error"]["message"], records[name]
    assert summary.failed == 5 and summary.sent == 1 and summary.exit_code == 3


def test_a_repeated_custom_id_is_refused_before_anything_is_sent(
    server: BatchServer, tmp_path: Path
) -> None:
    lines = [line("a", "1"), line("b", "2"), line("a", "3")]
    src = write_input(tmp_path / "in.jsonl", lines)
    with pytest.raises(BatchInputError, match="'a' appears more than once"):
        run_batch(src, tmp_path / "out.jsonl", base_url=server.url)
    assert server.seen == []
    assert not (tmp_path / "out.jsonl").exists()


def test_failures_after_retries_are_error_lines_with_codes(
    server: BatchServer, tmp_path: Path
) -> None:
    lines = [line("e500", "status:500"), line("e401", "status:401"), line("ok", "fine")]
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        write_input(tmp_path / "in.jsonl", lines), out, base_url=server.url, max_retries=1
    )
    records = by_id(read_output(out))
    assert records["e500"]["error"]["code"] == "server_error"
    assert records["e500"]["response"]["status_code"] == 500
    assert records["e500"]["response"]["body"] == {"error": {"message": "failed with 500"}}
    assert records["e401"]["error"]["code"] == "authentication_error"
    assert records["ok"]["error"] is None
    assert server.counts()["status:500"] == 2  # the client's own retry
    assert server.counts()["status:401"] == 1  # not retried
    assert summary.failed == 2 and summary.exit_code == 3


def test_a_connection_failure_is_an_error_line(tmp_path: Path) -> None:
    from conftest import free_port

    out = tmp_path / "out.jsonl"
    summary = run_batch(
        write_input(tmp_path / "in.jsonl", [line("a", "x")]),
        out,
        base_url=f"http://127.0.0.1:{free_port()}/v1",
        max_retries=0,
    )
    [record] = read_output(out)
    assert record["error"]["code"] == "connection_error" and summary.exit_code == 3


def test_a_429_waits_what_the_server_says(tmp_path: Path) -> None:
    with BatchServer(retry_after="1") as server:
        out = tmp_path / "out.jsonl"
        lines = [line("limited", "429once:a")]
        summary = run_batch(write_input(tmp_path / "in.jsonl", lines), out, base_url=server.url)
        assert server.seen == ["429once:a", "429once:a"]
        assert server.times[1] - server.times[0] >= 0.9  # the Retry-After, not a speed
    [record] = read_output(out)
    assert record["error"] is None and summary.throttled == 1


def test_resume_skips_finished_lines_and_cuts_a_torn_tail(
    server: BatchServer, tmp_path: Path
) -> None:
    lines = [line(f"q{i}", f"m{i}") for i in range(10)]
    out = tmp_path / "out.jsonl"
    run_batch(write_input(tmp_path / "first.jsonl", lines[:6]), out, base_url=server.url)
    with open(out, "ab") as f:
        f.write(b'{"id":"batch_req_torn","custom_id":"q6","resp')  # a crash mid-write
    src = write_input(tmp_path / "in.jsonl", lines)
    seen: list[Progress] = []
    summary = run_batch(src, out, base_url=server.url, on_progress=seen.append)
    records = read_output(out)
    assert sorted(r["custom_id"] for r in records) == sorted(f"q{i}" for i in range(10))
    assert all(n == 1 for n in server.counts().values()) and len(server.seen) == 10
    assert summary.skipped == 6 and summary.sent == 4
    assert seen[0].skipped == 6 and seen[-1].done == 10
    # Once more: nothing left to send.
    again = run_batch(src, out, base_url=server.url)
    assert again.sent == 0 and len(read_output(out)) == 10 and again.exit_code == 0


def test_resume_after_sigkill_loses_nothing(tmp_path: Path) -> None:
    total, concurrency = 120, 4
    src = write_input(tmp_path / "in.jsonl", [line(f"q{i}", f"m{i}") for i in range(total)])
    out = tmp_path / "out.jsonl"
    args = ["--input", str(src), "--output", str(out), "--base-url"]
    with BatchServer(delay=0.05) as server:
        command = [sys.executable, "-m", "trilogue._cli", "batch", "run", *PROVIDER, *args]
        command.append(server.url)
        process = subprocess.Popen(
            [*command, "--concurrency", str(concurrency)],
            env={"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": KEY},
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and _lines(out) < total // 3:
                time.sleep(0.02)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait()
        written = _lines(out)
        assert total // 3 <= written < total, "killed too late to test a resume"
        before = out.read_bytes()
        result = cli(*args, server.url, "--concurrency", str(concurrency))
        assert result.returncode == 0, result.stderr
        counts = server.counts()
    assert out.read_bytes().startswith(before.rsplit(b"\n", 1)[0])  # nothing written is lost
    records = read_output(out)
    assert len(records) == total
    assert len({r["custom_id"] for r in records}) == total  # no duplicate line
    assert all(r["error"] is None for r in records)
    assert len(counts) == total
    assert sum(counts.values()) - total <= concurrency  # only what was in flight


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_progress_callback_counts_every_line(server: BatchServer, tmp_path: Path) -> None:
    lines = [line(f"q{i}", f"m{i}") for i in range(8)] + [line("bad", "x", not_a_field=1)]
    seen: list[Progress] = []
    run_batch(
        write_input(tmp_path / "in.jsonl", lines),
        tmp_path / "out.jsonl",
        base_url=server.url,
        on_progress=seen.append,
    )
    assert [p.done for p in seen] == list(range(1, 10))
    last = seen[-1]
    assert (last.total, last.succeeded, last.failed, last.tokens) == (9, 8, 1, 80)
    assert last.eta == 0.0 and last.rate > 0


async def test_arun_batch_in_a_running_loop(server: BatchServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    src = write_input(tmp_path / "in.jsonl", [line("a", "x"), line("b", "y")])
    summary = await arun_batch(src, out, base_url=server.url, concurrency=2)
    assert summary.succeeded == 2 and trilogue.arun_batch is arun_batch


def test_cli_exit_codes_and_no_progress_off_a_terminal(server: BatchServer, tmp_path: Path) -> None:
    good = write_input(tmp_path / "good.jsonl", [line("a", "x"), line("b", "y")])
    result = cli("--input", str(good), "--output", str(tmp_path / "o1"), "--base-url", server.url)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "2 succeeded, 0 failed" in result.stderr
    assert len(read_output(tmp_path / "o1")) == 2

    some_bad = write_input(tmp_path / "bad.jsonl", [line("a", "x"), line("b", "status:400")])
    args = ["--input", str(some_bad), "--output", str(tmp_path / "o2"), "--base-url", server.url]
    assert cli(*args).returncode == 3

    dup = write_input(tmp_path / "dup.jsonl", [line("a", "x"), line("a", "y")])
    result = cli("--input", str(dup), "--output", str(tmp_path / "o3"), "--base-url", server.url)
    assert result.returncode == 1 and "appears more than once" in result.stderr

    (tmp_path / "junk.jsonl").write_text("{not json\n")
    args = ["--input", str(tmp_path / "junk.jsonl"), "--output", str(tmp_path / "o4")]
    result = cli(*args, "--base-url", server.url)
    assert result.returncode == 1 and "junk.jsonl:1: not JSON" in result.stderr
    assert cli("--input", str(tmp_path / "missing.jsonl"), "--output", "x").returncode == 1


def test_rate_limit_headers_of_each_provider() -> None:
    mistral = read_rate_limits(
        {
            "x-ratelimit-limit-req-minute": "60",
            "x-ratelimit-remaining-req-minute": "59",
            "x-ratelimit-limit-tokens-minute": "500000",
            "x-ratelimit-remaining-tokens-minute": "499000",
        }
    )
    assert (mistral.limit_requests, mistral.remaining_requests) == (60, 59)
    assert (mistral.limit_tokens, mistral.remaining_tokens) == (500000, 499000)
    openai = read_rate_limits(
        {
            "x-ratelimit-limit-requests": "5000",
            "x-ratelimit-remaining-requests": "4999",
            "x-ratelimit-reset-requests": "12ms",
            "x-ratelimit-reset-tokens": "6m0.5s",
            "retry-after-ms": "1500",
        }
    )
    assert openai.reset_requests == pytest.approx(0.012)
    assert openai.reset_tokens == pytest.approx(360.5)
    assert openai.retry_after == 1.5
    epoch = read_rate_limits({"ratelimit-remaining": "3", "ratelimit-reset": "1700000030"}, 1.7e9)
    assert epoch.remaining_requests == 3 and epoch.reset_requests == pytest.approx(30.0)
    assert read_rate_limits({"retry-after": "2"}).retry_after == 2.0
    assert read_rate_limits({}) == RateLimits()


def test_rate_limits_are_read_from_the_headers_as_a_dict() -> None:
    """`read_rate_limits` reads the headers into a plain dict once (each `Headers.get` is a
    scan of them all): the same limits as from the `Headers`, repeats and case included."""
    from trilogue._rate_limits import _by_name as _header_dict

    headers = httpx.Headers(
        [
            ("X-RateLimit-Limit-Requests", "5000"),
            ("x-ratelimit-remaining-requests", "4999"),
            ("X-Ratelimit-Reset-Tokens", "6m0.5s"),
            ("retry-after", "2"),
            ("Retry-After", "3"),  # repeated: "2, 3", unreadable either way
            ("content-type", "application/json"),
        ]
    )
    as_dict = _header_dict(headers)
    assert as_dict == {name: headers[name] for name in headers}
    assert read_rate_limits(as_dict, 1.7e9) == read_rate_limits(headers, 1.7e9)
    assert read_rate_limits(as_dict).limit_requests == 5000


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_paces_halves_on_429_and_waits_for_a_reset() -> None:
    clock = Clock()
    limiter = AdaptiveLimiter(rpm=120, clock=clock)  # one start every 0.5 s
    assert [limiter.reserve(10) for _ in range(3)] == [0.0, 0.5, 1.0]
    clock.now += 2.0
    limiter.observe(429, RateLimits(retry_after=3.0))
    assert limiter.requests_per_minute == 60.0
    assert limiter.reserve(10) == 3.0  # waits what the server said
    assert limiter.reserve(10) == 4.0  # then at the halved pace
    clock.now += 10.0
    limiter.observe(200, RateLimits(remaining_requests=0, reset_requests=5.0))
    assert limiter.reserve(10) == 5.0


def test_limiter_learns_limits_from_headers_and_paces_tokens() -> None:
    clock = Clock()
    limiter = AdaptiveLimiter(clock=clock)
    assert limiter.reserve(100) == 0.0 and limiter.reserve(100) == 0.0  # nothing known yet
    limiter.observe(200, RateLimits(limit_requests=6000, limit_tokens=6000))  # 100/s each
    assert limiter.requests_per_minute == 6000.0
    clock.now += 1.0
    assert limiter.reserve(50) == 0.0
    assert limiter.reserve(50) == pytest.approx(0.5)  # 50 tokens at 100 tokens/s
    limiter.used(50, 150)  # the response said it cost more
    assert limiter.reserve(50) == pytest.approx(2.0)


def test_progress_is_drawn_when_asked(
    server: BatchServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_input(tmp_path / "in.jsonl", [line("a", "x"), line("b", "status:400")])
    run_batch(src, tmp_path / "out.jsonl", base_url=server.url, show_progress=True)
    drawn = capsys.readouterr().err
    assert "\r" in drawn and "2/2 (100.0%)" in drawn and "errors 1" in drawn
    assert "tokens 10" in drawn and drawn.endswith("\n")


def test_with_the_fake_provider_and_a_client_of_ones_own(tmp_path: Path) -> None:
    import httpx

    from trilogue.testing import FAKE_API_KEY, FAKE_BASE_URL, FakeProvider

    fake = FakeProvider("mistral")
    fake.add_response("Bonjour !", usage=(7, 3))
    fake.add_error(429, retry_after=0)
    fake.add_response("Salut !", usage=(7, 3))
    lines = [line("a", "x"), line("b", "y")]
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        write_input(tmp_path / "in.jsonl", lines),
        out,
        provider="mistral",
        api_key=FAKE_API_KEY,
        base_url=FAKE_BASE_URL,
        concurrency=1,
        http_client=httpx.AsyncClient(transport=fake),
    )
    records = by_id(read_output(out))
    assert records["a"]["response"]["body"]["choices"][0]["message"]["content"] == "Bonjour !"
    assert records["b"]["response"]["body"]["choices"][0]["message"]["content"] == "Salut !"
    assert len(fake.requests) == 3 and summary.throttled == 1 and summary.exit_code == 0


def test_results_of_lines_no_longer_in_the_input_do_not_count(
    server: BatchServer, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(
        write_input(tmp_path / "old.jsonl", [line("gone", "status:400")]), out, base_url=server.url
    )
    summary = run_batch(
        write_input(tmp_path / "new.jsonl", [line("a", "x")]), out, base_url=server.url
    )
    assert (summary.total, summary.succeeded, summary.failed, summary.skipped) == (1, 1, 0, 0)
    assert summary.exit_code == 0
