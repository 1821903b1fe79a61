"""A retired service: Meta's Llama API public preview answers every request with a sunset
response since 2026-07-06 (langchain-ai/langchain-meta#22; deepset-ai/haystack-core-integrations
#3544: "API requests return a sunset response with redirect guidance"). No recorded body was
found, so the answers here follow what those announcements and RFC 8594 (the `Sunset` header)
describe: 410 Gone, or an error status with a `Sunset` date in the past."""

from __future__ import annotations

import pytest
from fault_server import FaultServer, Reply

import trilogue

MESSAGES: list[trilogue.types.MessageParam] = [{"role": "user", "content": "Hi"}]
GUIDANCE = {"message": "The Llama API Public Preview has been retired. See llama.com."}
SUNSET = {"Sunset": "Mon, 06 Jul 2026 00:00:00 GMT", "Link": '<https://llama.com>; rel="sunset"'}


@pytest.mark.parametrize("provider", ["llama", "llama-compat"])
@pytest.mark.parametrize(
    "reply",
    [Reply(410, body=GUIDANCE), Reply(404, body=GUIDANCE, headers=SUNSET)],
    ids=["410", "404+Sunset"],
)
def test_the_sunset_answer_is_a_typed_error_saying_the_service_was_retired(
    provider: trilogue.types.ProviderName, reply: Reply
) -> None:
    with FaultServer() as server:
        server.script(reply)
        with (
            trilogue.Trilogue(provider, api_key="k", base_url=server.url) as client,
            pytest.raises(trilogue.ServiceRetiredError) as caught,
        ):
            client.chat.completions.create(model="Llama-4-Maverick", messages=MESSAGES)
        assert len(server.requests) == 1  # not retried
    error = caught.value
    assert isinstance(error, trilogue.APIStatusError)
    assert "retired the Llama API public preview on 2026-07-06" in str(error)
    assert "See llama.com" in str(error)  # the server's own guidance is kept


def test_a_future_sunset_is_only_a_notice() -> None:
    later = {"Sunset": "Fri, 01 Jan 2100 00:00:00 GMT"}
    with FaultServer() as server:
        server.script(Reply(404, body={"message": "no such model"}, headers=later))
        with (
            trilogue.Trilogue("mistral", api_key="k", base_url=server.url) as client,
            pytest.raises(trilogue.NotFoundError) as caught,
        ):
            client.chat.completions.create(model="m", messages=MESSAGES)
    assert not isinstance(caught.value, trilogue.ServiceRetiredError)


def test_the_default_llama_address_warns_when_the_client_is_made() -> None:
    with pytest.warns(FutureWarning, match="retired"):
        trilogue.Trilogue("llama", api_key="k")
