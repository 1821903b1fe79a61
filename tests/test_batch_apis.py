"""`client.batches`: the providers' batch APIs (Mistral's files and batch jobs, Gradient's
batches with presigned uploads), sync and async, against `FakeBatchProvider` - modelled on
mistralai/platform-docs-public `openapi-public-doc.yaml` (and its batch-processing page's output
lines) and digitalocean/openapi `specification/resources/inference/` - as a transport and over
real HTTP."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from transport_server import TransportServer

import trilogue
from trilogue import AsyncTrilogue, Trilogue
from trilogue._file_lines import iter_lines
from trilogue.lib.batch import (
    BatchHandle,
    BatchInputError,
    BatchJob,
    BatchNotReadyError,
    BatchResultMissingError,
)
from trilogue.testing import FAKE_API_KEY, FakeBatchProvider, FakeProvider
from trilogue.types import ChatCompletion

MODES = ["sync", "async"]
BATCH_PROVIDERS = ["mistral", "gradient"]


class Batches:
    """`client.batches` of the sync or the async client, called the same way."""

    def __init__(self, client: Trilogue | AsyncTrilogue) -> None:
        self.client = client

    async def __call__(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.client.batches, method)(*args, **kwargs)
        return await result if isinstance(self.client, AsyncTrilogue) else result


def batches(fake: FakeBatchProvider, mode: str, **options: Any) -> Batches:
    options.setdefault("max_retry_delay", 0.01)
    client = fake.client(**options) if mode == "sync" else fake.async_client(**options)
    return Batches(client)


def write_input(tmp_path: Path, *bodies: dict[str, Any], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    lines = [json.dumps({"custom_id": f"r{i}", "body": body}) for i, body in enumerate(bodies)]
    path.write_text("\n".join(lines) + "\n")
    return path


def ask(text: str, **more: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": text}], **more}


def sent(fake: FakeBatchProvider, method: str, path_end: str) -> list[Any]:
    return [r for r in fake.requests if r.method == method and r.path.endswith(path_end)]


# ---------------------------------------------------------------- Mistral


@pytest.mark.parametrize("mode", MODES)
async def test_mistral_file_job_from_upload_to_typed_results(mode: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider("mistral")
    fake.chat.add_response("Comté.", usage=(9, 2)).add_error(422, "bad temperature")
    source = write_input(tmp_path, ask("Best cheese?", max_tokens=64), ask("Best wine?"))
    call = batches(fake, mode)

    job = await call("create", input=source, model="mistral-small-latest")

    assert isinstance(job, BatchJob)
    assert (job.provider, job.status, job.done, job.total) == ("mistral", "QUEUED", False, 2)
    upload, create = fake.requests
    assert upload.path == "/v1/files" and b'name="purpose"\r\n\r\nbatch' in upload.content
    uploaded = fake.files[create.json["input_files"][0]].decode().splitlines()
    # Mistral's `{custom_id, body}` lines; the model is the job's, so not in the lines.
    assert [json.loads(line) for line in uploaded] == [
        {"custom_id": "r0", "body": ask("Best cheese?", max_tokens=64)},
        {"custom_id": "r1", "body": ask("Best wine?")},
    ]
    assert create.json == {
        "endpoint": "/v1/chat/completions",
        "input_files": create.json["input_files"],
        "model": "mistral-small-latest",
    }

    fake.start(job.id)
    assert (await call("retrieve", job.handle)).status == "RUNNING"
    fake.complete(job.id)
    done = await call("retrieve", str(job.handle))
    assert (done.status, done.done, done.succeeded) == ("SUCCESS", True, True)
    assert (done.succeeded_count, done.failed_count) == (1, 1)

    results = await call("results", done)
    lines = list(results)
    assert [line["custom_id"] for line in lines] == ["r0", "r1"]
    assert lines[0]["error"] is None and lines[0]["response"]["status_code"] == 200
    assert lines[1]["error"]["code"] == "unprocessable_entity"
    assert "bad temperature" in lines[1]["error"]["message"]
    assert results.failed == 1
    first, second = results.completions()
    assert isinstance(first.completion, ChatCompletion)
    assert first.completion.choices[0].message.content == "Comté."
    assert first.completion.model == "mistral-small-latest"
    assert first.completion.usage is not None and first.completion.usage.total_tokens == 11
    assert second.completion is None and second.error == lines[1]["error"]
    # Each line reached the chat API with the job's model.
    assert [r.json["model"] for r in fake.chat.requests] == ["mistral-small-latest"] * 2


@pytest.mark.parametrize("mode", MODES)
async def test_mistral_inline_requests_are_checked_and_sent_in_the_job(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    requests = [{"custom_id": "a", "body": ask("hi", max_tokens=5)}]

    job = await call("create", requests=requests, model="m", metadata={"run": "7"})

    (create,) = fake.requests
    assert create.json == {
        "endpoint": "/v1/chat/completions",
        "requests": [{"custom_id": "a", "body": ask("hi", max_tokens=5)}],
        "model": "m",
        "metadata": {"run": "7"},
    }
    assert job.total == 1


async def test_mistral_inline_requests_over_the_spec_limit_are_refused_before_sending() -> None:
    fake = FakeBatchProvider("mistral")
    requests = [{"custom_id": str(i), "body": ask("hi")} for i in range(10_001)]
    with pytest.raises(trilogue.InvalidParameterError, match="requests") as caught:
        fake.client().batches.create(requests=requests, model="m")
    assert caught.value.provider == "mistral"
    assert fake.requests == []


def test_mistral_create_is_retried_after_a_503() -> None:
    fake = FakeBatchProvider("mistral").add_error(503, retry_after=0)
    job = fake.client(max_retry_delay=0.01).batches.create(
        requests=[{"custom_id": "a", "body": ask("hi")}], model="m"
    )
    assert [r.path for r in fake.requests] == ["/v1/batch/jobs", "/v1/batch/jobs"]
    assert list(fake.jobs) == [job.id]


@pytest.mark.parametrize("mode", MODES)
async def test_mistral_cancel_then_cancelled(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    job = await call("create", requests=[{"custom_id": "a", "body": ask("hi")}], model="m")
    fake.start(job.id)

    asked = await call("cancel", job)
    assert (asked.status, asked.done) == ("CANCELLATION_REQUESTED", False)
    fake.complete(job.id)
    cancelled = await call("retrieve", job.id)
    assert (cancelled.status, cancelled.done, cancelled.succeeded) == ("CANCELLED", True, False)
    with pytest.raises(BatchNotReadyError, match="without results"):
        await call("results", cancelled)
    assert fake.chat.requests == []  # nothing ran


@pytest.mark.parametrize("mode", MODES)
async def test_a_failed_job_says_why_and_has_no_results(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    job = await call("create", requests=[{"custom_id": "a", "body": ask("hi")}], model="m")
    fake.fail(job.id, "Model not found")

    failed = await call("retrieve", job.handle)
    assert (failed.status, failed.done, failed.succeeded) == ("FAILED", True, False)
    assert failed.errors == ("Model not found",)
    with pytest.raises(BatchNotReadyError, match="Model not found"):
        await call("results", failed)


@pytest.mark.parametrize("mode", MODES)
async def test_results_of_a_running_job_are_not_ready(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    job = await call("create", requests=[{"custom_id": "a", "body": ask("hi")}], model="m")
    with pytest.raises(BatchNotReadyError, match="QUEUED"):
        await call("results", job.handle)
    assert not sent(fake, "GET", "/content")


@pytest.mark.parametrize("mode", MODES)
async def test_wait_polls_until_done_or_gives_up(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    job = await call("create", requests=[{"custom_id": "a", "body": ask("hi")}], model="m")
    with pytest.raises(BatchNotReadyError, match="still 'QUEUED'"):
        await call("wait", job, poll_interval=0.01, max_wait=0.05)
    polls = len(sent(fake, "GET", job.id))
    assert polls >= 2
    fake.chat.add_response("ok")
    fake.complete(job.id)
    done = await call("wait", job, poll_interval=0.01)
    assert done.status == "SUCCESS"
    assert len(sent(fake, "GET", job.id)) == polls + 1


@pytest.mark.parametrize("mode", MODES)
async def test_list_filters_are_checked_against_the_spec(mode: str) -> None:
    fake = FakeBatchProvider("mistral")
    call = batches(fake, mode)
    job = await call("create", requests=[{"custom_id": "a", "body": ask("hi")}], model="m")
    fake.fail(job.id)
    await call("create", requests=[{"custom_id": "b", "body": ask("hi")}], model="m")

    failed = await call("list", status=["FAILED"], page_size=10)
    assert [j.id for j in failed] == [job.id]
    query = fake.requests[-1].url.split("?", 1)[1]
    assert sorted(query.split("&")) == ["page_size=10", "status=FAILED"]
    with pytest.raises(trilogue.InvalidParameterError, match="status"):
        await call("list", status=["DONE"])
    with pytest.raises(TypeError, match="after"):
        await call("list", after="x")  # Gradient's cursor, not Mistral's


# ---------------------------------------------------------------- Gradient


@pytest.mark.parametrize("mode", MODES)
async def test_gradient_presigned_upload_job_and_results(mode: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    fake.chat.add_response("Four.", usage=(5, 1)).add_response("Six.")
    source = write_input(tmp_path, ask("2+2?"), ask("3+3?", model="openai-gpt-4o"), name="q.txt")
    call = batches(fake, mode)

    job = await call("create", input=source, model="openai-gpt-4o-mini", metadata={"team": "x"})

    file_intent, put, create = fake.requests
    assert file_intent.json == {"file_name": "q.txt.jsonl"}
    # The presigned PUT: raw bytes, no API key (object storage refuses a second credential).
    assert put.method == "PUT" and put.url.startswith(fake.storage_url)
    assert "authorization" not in put.headers
    assert put.headers["content-type"] == "application/octet-stream"
    assert FAKE_API_KEY.encode() not in put.content
    assert [json.loads(line) for line in put.content.splitlines()] == [
        {
            "custom_id": "r0",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": ask("2+2?", model="openai-gpt-4o-mini"),
        },
        {
            "custom_id": "r1",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": ask("3+3?", model="openai-gpt-4o"),  # its own model kept
        },
    ]
    body = create.json
    assert uuid.UUID(body.pop("request_id"))  # a fresh idempotency key
    assert body.pop("file_id") in fake.files
    assert body == {
        "provider": "openai",
        "endpoint": "/v1/chat/completions",
        "completion_window": "24h",
        "metadata": {"team": "x"},
    }
    assert job.status == "validating" and not job.done

    fake.start(job.id)
    fake.complete(job.id)
    results = await call("results", job.handle)
    downloads = [r for r in fake.requests if r.url.startswith(fake.storage_url)][1:]
    assert downloads and all("authorization" not in r.headers for r in downloads)
    completions = list(results.completions())
    assert [c.completion.choices[0].message.content for c in completions if c.completion] == [
        "Four.",
        "Six.",
    ]
    assert completions[0].completion is not None
    assert completions[0].completion.request_id == "req_" + job.id[:8] + "_1"


def test_extra_headers_and_query_go_to_the_provider_only(tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    client = fake.client()
    options: dict[str, Any] = {"extra_headers": {"X-Team": "eval"}, "extra_query": {"q": "1"}}
    client.batches.upload(write_input(tmp_path, ask("x")), model="m", **options)
    file_intent, put = fake.requests
    assert file_intent.headers["x-team"] == "eval" and file_intent.url.endswith("?q=1")
    assert "x-team" not in put.headers and "q=1" not in put.url  # the signed URL as given


def test_gradient_create_retried_after_a_429_keeps_its_idempotency_key(tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    client = fake.client(max_retry_delay=0.01)
    file_id = client.batches.upload(write_input(tmp_path, ask("hi")), model="m")
    fake.add_error(429, retry_after=0).add_error(502)

    job = client.batches.create(file_id=file_id, request_id="run-2026-12-02")

    creates = sent(fake, "POST", "/v1/batches")
    assert [r.json["request_id"] for r in creates] == ["run-2026-12-02"] * 3
    assert list(fake.jobs) == [job.id]
    # The same key later finds the same job instead of making a second.
    assert client.batches.create(file_id=file_id, request_id="run-2026-12-02").id == job.id
    assert len(fake.jobs) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_gradient_expired_job_and_results_not_ready(mode: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    call = batches(fake, mode)
    job = await call("create", input=write_input(tmp_path, ask("hi")), model="m")
    fake.start(job.id)
    with pytest.raises(BatchNotReadyError, match="in_progress"):
        await call("results", job)
    fake.expire(job.id)
    expired = await call("retrieve", job)
    assert (expired.status, expired.done, expired.succeeded) == ("expired", True, False)
    with pytest.raises(BatchNotReadyError, match="expired"):
        await call("results", expired)


@pytest.mark.parametrize("mode", MODES)
async def test_gradient_cancel(mode: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    call = batches(fake, mode)
    job = await call("create", input=write_input(tmp_path, ask("hi")), model="m")
    # DigitalOcean: 409 while the job is not yet handed to the upstream provider.
    with pytest.raises(trilogue.ConflictError) as caught:
        await call("cancel", job)
    assert caught.value.provider == "gradient"
    fake.start(job.id)
    assert (await call("cancel", job)).status == "cancelling"
    fake.complete(job.id)
    assert (await call("retrieve", job)).status == "cancelled"


def test_gradient_results_with_an_error_sidecar(tmp_path: Path) -> None:
    fake = FakeBatchProvider("gradient")
    fake.chat.add_response("fine").add_error(400, "context too long").add_error(500, "boom")
    client = fake.client()
    job = client.batches.create(
        input=write_input(tmp_path, ask("a"), ask("b"), ask("c")), model="m"
    )
    fake.complete(job.id)
    results = client.batches.results(job)
    assert {line["custom_id"]: line["error"] and line["error"]["code"] for line in results} == {
        "r0": None,
        "r1": "bad_request",
        "r2": "server_error",
    }
    out = tmp_path / "out.jsonl"
    assert results.write(out) == 2
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(set(line) >= {"id", "custom_id", "response", "error"} for line in written)
    assert {line["response"]["request_id"] for line in written} == {
        f"req_{job.id[:8]}_{n}" for n in (1, 2, 3)
    }


def test_results_in_the_input_order_and_a_gap_named() -> None:
    fake = FakeBatchProvider("mistral")
    fake.chat.add_response("first").add_response("second")
    client = fake.client()
    inline = [{"custom_id": cid, "body": ask(cid)} for cid in ("b", "a")]
    job = client.batches.create(requests=inline, model="m")
    fake.complete(job.id)
    results = client.batches.results(job)
    ordered = results.ordered(["a", "b"])
    assert [
        (r.custom_id, r.completion and r.completion.choices[0].message.content) for r in ordered
    ] == [
        ("a", "second"),
        ("b", "first"),
    ]
    with pytest.raises(BatchResultMissingError, match="'c'") as caught:
        results.ordered(["a", "c", "b"])
    assert caught.value.missing == ["c"]


def test_gradient_list_limit_is_bounded_by_the_spec() -> None:
    fake = FakeBatchProvider("gradient")
    with pytest.raises(trilogue.InvalidParameterError, match="limit"):
        fake.client().batches.list(limit=500)
    assert fake.requests == []


# ---------------------------------------------------------------- refused before sending


BAD_LINES = [
    ('{"custom_id": "a", "body": {"messages": []}', "in.jsonl:2: not JSON"),
    ('{"body": {"messages": [{"role": "user", "content": "x"}]}}', "in.jsonl:2: no custom_id"),
    ('{"custom_id": "r0", "body": {"messages": [{"role": "user", "content": "x"}]}}', "r0"),
    (
        '{"custom_id": "b", "body": {"messages": [{"role": "user", "content": "x"}], '
        '"temperature": "hot"}}',
        "in.jsonl:2: body.temperature",
    ),
    (
        '{"custom_id": "b", "body": {"messages": [{"role": "user", "content": "x"}], '
        '"stream": true}}',
        "body.stream",
    ),
    (
        '{"custom_id": "b", "url": "/v1/embeddings", "body": {"input": "x"}}',
        "url: only /chat/completions",
    ),
]


@pytest.mark.parametrize("provider", BATCH_PROVIDERS)
@pytest.mark.parametrize(("line", "said"), BAD_LINES)
def test_a_bad_input_line_is_refused_before_upload(
    provider: str, line: str, said: str, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    first = {"custom_id": "r0", "body": ask("fine")}
    source.write_text(json.dumps(first) + "\n" + line + "\n")
    fake = FakeBatchProvider(provider)  # type: ignore[arg-type]
    with pytest.raises(BatchInputError) as caught:
        fake.client().batches.create(input=source, model="m")
    assert said in str(caught.value)
    if "body." in said:
        assert repr(provider) in str(caught.value)  # the provider whose checks refused it
    assert fake.requests == []


def test_a_field_the_provider_does_not_take_is_refused_naming_it(tmp_path: Path) -> None:
    # `top_k` is Gradient's (x-providers) and not Mistral's: refused for Mistral's batch.
    source = write_input(tmp_path, ask("x", top_k=3))
    fake = FakeBatchProvider("mistral")
    with pytest.raises(BatchInputError, match=r"in.jsonl:1: body.top_k.*'mistral'"):
        fake.client().batches.upload(source, model="m")
    assert fake.requests == []


@pytest.mark.parametrize("provider", ["llama", "llama-compat", "openai-compatible"])
@pytest.mark.parametrize("mode", MODES)
async def test_providers_without_a_batch_api_are_refused(mode: str, provider: str) -> None:
    fake = FakeProvider(provider)  # type: ignore[arg-type]
    client = fake.client() if mode == "sync" else fake.async_client()
    with pytest.raises(trilogue.UnsupportedOperationError, match=repr(provider)) as caught:
        await Batches(client)("create", requests=[{"custom_id": "a", "body": ask("x")}])
    assert caught.value.provider == provider
    assert fake.requests == []


def test_the_spec_operations_of_one_provider_are_refused_for_another() -> None:
    from trilogue_api.api.batches import create_gradient_batch

    fake = FakeProvider("mistral")
    with pytest.raises(trilogue.UnsupportedOperationError, match=r"'post /batches'.*'gradient'"):
        fake.client().request(create_gradient_batch, {}, cast_to=dict)
    assert fake.requests == []


def test_options_that_are_another_providers_are_refused() -> None:
    mistral, gradient = FakeBatchProvider("mistral"), FakeBatchProvider("gradient")
    inline = [{"custom_id": "a", "body": ask("x")}]
    with pytest.raises(trilogue.InvalidParameterError, match="request_id"):
        mistral.client().batches.create(requests=inline, model="m", request_id="k")
    with pytest.raises(trilogue.InvalidParameterError, match="timeout_hours"):
        gradient.client().batches.create(requests=inline, model="m", timeout_hours=2)
    with pytest.raises(TypeError, match="one of input, requests or file_id"):
        mistral.client().batches.create(model="m")
    assert mistral.requests == gradient.requests == []


# ---------------------------------------------------------------- the handle


def test_a_later_process_collects_with_the_handle() -> None:
    fake = FakeBatchProvider("mistral")
    fake.chat.add_response("later")
    job = fake.client().batches.create(requests=[{"custom_id": "a", "body": ask("x")}], model="m")
    written = str(job.handle)
    assert written == f"mistral:{job.id}"
    fake.complete(job.id)

    handle = BatchHandle.parse(written)  # in another process, with another client
    (result,) = fake.client().batches.results(handle).completions()
    assert result.completion is not None and result.completion.choices[0].message.content == "later"
    other = FakeBatchProvider("gradient")
    with pytest.raises(trilogue.InvalidParameterError, match="provider 'mistral'"):
        other.client().batches.retrieve(written)
    assert other.requests == []
    with pytest.raises(ValueError, match="provider:id"):
        BatchHandle.parse("no-colon")


def test_an_expired_upload_url_is_a_typed_error_without_the_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    class Forgetful(dict[str, str]):
        def __setitem__(self, key: str, value: str) -> None:
            pass  # the storage never learns the URL: its PUT is refused as expired

    fake = FakeBatchProvider("gradient")
    fake._uploads = Forgetful()
    client = fake.client(api_key="sk-secret-batch-key")
    with (
        caplog.at_level("DEBUG", logger="trilogue"),
        pytest.raises(trilogue.PermissionDeniedError) as caught,
    ):
        client.batches.upload(write_input(tmp_path, ask("x")), model="m")
    error = caught.value
    assert error.provider == "gradient" and error.status_code == 403
    assert "sk-secret-batch-key" not in repr(error) + str(error) + str(error.request.headers)
    assert "authorization" not in fake.requests[-1].headers
    # The URL's signature is a credential too: redacted in the error and the debug log.
    assert "X-Amz-Signature=fake" in fake.requests[-1].url
    assert error.request is not None and "X-Amz-Signature=REDACTED" in str(error.request.url)
    assert "PUT" in caplog.text and "X-Amz-Signature=fake" not in caplog.text


# ---------------------------------------------------------------- over real HTTP


@pytest.mark.parametrize("provider", BATCH_PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
async def test_the_lifecycle_over_real_http(mode: str, provider: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider(provider)  # type: ignore[arg-type]
    fake.chat.add_response("over the wire")
    with TransportServer(fake) as server:
        fake.storage_url = server.url + "/storage"
        options = {"api_key": "sk-real-http", "base_url": server.url + "/v1"}
        client: Trilogue | AsyncTrilogue = (
            Trilogue(provider, **options) if mode == "sync" else AsyncTrilogue(provider, **options)
        )
        call = Batches(client)
        job = await call("create", input=write_input(tmp_path, ask("x")), model="m")
        fake.complete(job.id)
        results = await call("results", job.handle)
        if isinstance(client, AsyncTrilogue):
            streamed = [r async for r in client.batches.stream_results(job.handle)]
            await client.close()
        else:
            streamed = list(client.batches.stream_results(job.handle))
            client.close()
    (line,) = results
    assert [r.line for r in streamed] == [line]
    assert line["response"]["body"]["choices"][0]["message"]["content"] == "over the wire"
    storage = [r for r in fake.requests if "/storage/" in r.url]
    assert all("authorization" not in r.headers for r in storage)
    api = [r for r in fake.requests if "/storage/" not in r.url]
    assert all(r.headers["authorization"] == "Bearer sk-real-http" for r in api)


# ---------------------------------------------------------------- streamed results


@pytest.mark.parametrize("provider", BATCH_PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
async def test_streamed_results_match_the_whole_files(mode: str, provider: str) -> None:
    fake = FakeBatchProvider(provider)  # type: ignore[arg-type]
    fake.chat.add_response("one").add_error(429, "slow down").add_response("three")
    call = batches(fake, mode)
    inline = [{"custom_id": f"r{i}", "body": ask(str(i))} for i in range(3)]
    job = await call("create", requests=inline, model="m")
    fake.complete(job.id)

    whole = list((await call("results", job)).completions())
    streamed = call.client.batches.stream_results(job.handle)
    pieces = [r async for r in streamed] if mode == "async" else list(streamed)

    assert [(r.custom_id, r.error, r.line) for r in pieces] == [
        (r.custom_id, r.error, r.line) for r in whole
    ]
    assert [r.completion.choices[0].message.content for r in pieces if r.completion] == [
        "one",
        "three",
    ]
    downloads = [r for r in fake.requests if r.path.endswith("/content") or "/outputs/" in r.path]
    assert downloads and all(r.headers.get("accept") != "text/event-stream" for r in downloads)


class Broken(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield b'{"custom_id": "a"}\n{"cus'
        raise httpx.ReadError("connection reset")


def test_a_streamed_file_cut_midway_or_with_an_endless_line_is_a_typed_error() -> None:
    client = FakeProvider("mistral").client()
    request = httpx.Request("GET", "http://fake-provider.test/v1/files/f/content")
    cut = iter_lines(client, httpx.Response(200, stream=Broken(), request=request))
    assert next(cut) == b'{"custom_id": "a"}'
    with pytest.raises(trilogue.APIConnectionError, match="mistral"):
        next(cut)
    endless = httpx.Response(200, content=b"x" * 100, request=request)
    with pytest.raises(trilogue.APIResponseValidationError, match="over 10 bytes"):
        list(iter_lines(client, endless, max_line=10))


class Pieces(httpx.SyncByteStream):
    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.size = data, size

    def __iter__(self) -> Iterator[bytes]:
        for i in range(0, len(self.data), self.size):
            yield self.data[i : i + self.size]


def test_a_long_line_read_in_small_pieces_takes_linear_time() -> None:
    """A results line of 8 MB arriving 1 KB at a time: the unfinished line is joined once,
    not re-copied on every read (that took minutes: 8,000 copies of up to 8 MB)."""
    client = FakeProvider("mistral").client()
    request = httpx.Request("GET", "http://fake-provider.test/v1/files/f/content")
    long = b"x" * 8_000_000
    body = b"first\r\n" + long + b"\nlast"
    started = time.perf_counter()
    lines = list(
        iter_lines(client, httpx.Response(200, stream=Pieces(body, 1024), request=request))
    )
    assert time.perf_counter() - started < 2
    assert lines == [b"first", long, b"last"]


# ---------------------------------------------------------------- input shapes and limits


def test_gradient_takes_inline_requests_as_an_uploaded_file() -> None:
    fake = FakeBatchProvider("gradient")
    fake.client().batches.create(requests=[{"custom_id": "a", "body": ask("x")}], model="m")
    put = next(r for r in fake.requests if r.method == "PUT")
    assert json.loads(put.content)["body"] == ask("x", model="m")
    assert sent(fake, "POST", "/v1/batches")[0].json["file_id"] in fake.files


@pytest.mark.parametrize("provider", BATCH_PROVIDERS)
def test_repeated_ids_and_empty_inputs_are_refused(provider: str, tmp_path: Path) -> None:
    fake = FakeBatchProvider(provider)  # type: ignore[arg-type]
    client = fake.client()
    twice = [{"custom_id": "a", "body": ask("x")}, {"custom_id": "a", "body": ask("y")}]
    with pytest.raises(BatchInputError, match="requests:2: custom_id 'a' appears more than once"):
        client.batches.upload(twice, model="m")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(BatchInputError, match="no requests"):
        client.batches.upload(empty, model="m")
    assert fake.requests == []


def test_a_gradient_file_over_50000_requests_is_refused_before_upload() -> None:
    # DigitalOcean: at most 50,000 requests a file (x-batch-file-limits in openapi.yaml).
    fake = FakeBatchProvider("gradient")
    lines = ({"custom_id": str(i), "body": ask("x")} for i in range(50_001))
    with pytest.raises(
        BatchInputError, match="50001 requests; provider 'gradient' takes at most 50000"
    ):
        fake.client().batches.upload(lines, model="m")
    assert fake.requests == []
