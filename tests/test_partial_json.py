"""The incremental partial-JSON parser: every cut gives the same document, partial values are
what has arrived, bad text is refused however it is cut. Its speed is measured in
bench/partial_json.py, not here."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from trilogue import PartialJSON
from trilogue.lib._partial_json import PartialJSONError

DOC = {
    "title": "Inventory {draft} [v2]",
    "items": [
        {"id": 1, "price": -12.5e-1, "ok": True, "tags": ["a", "b"], "note": None},
        {"id": 20, "price": 0, "ok": False, "tags": [], "note": 'say "hi"\\ \u00e9 \U0001f342'},
    ],
    "empty": {},
    "nested": [[[]], [{}], [[1, [2, [3]]]]],
    "big": 12345678901234567890,
}


def texts() -> list[str]:
    return [
        json.dumps(DOC),
        json.dumps(DOC, indent=2),
        json.dumps(DOC, ensure_ascii=False, separators=(",", ":")),
    ]


def fed(pieces: list[str]) -> PartialJSON:
    parser = PartialJSON()
    for piece in pieces:
        parser.feed(piece)
    return parser


@pytest.mark.parametrize("text", texts())
def test_every_two_piece_cut_gives_the_document(text: str) -> None:
    for cut in range(len(text) + 1):
        parser = fed([text[:cut], text[cut:]])
        assert parser.done and parser.value == DOC, cut


@pytest.mark.parametrize("text", texts())
def test_random_cuts_give_the_document(text: str) -> None:
    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(text)), rng.randint(1, 40)))
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        parser = fed(pieces)
        assert parser.done and parser.value == DOC


def test_partial_values_only_ever_grow_towards_the_document() -> None:
    """After each character, the value is a prefix of the final one: strings cut short, lists
    and objects missing their last members, never a wrong or made-up value."""
    text = json.dumps(DOC)
    parser = PartialJSON()
    seen = []
    for char in text:
        parser.feed(char)
        seen.append(copy.deepcopy(parser.value))
    for value in seen:
        assert is_prefix(value, DOC), value
    assert seen[-1] == DOC
    assert {"title": "Inventory {dr"} in seen  # a string shows while it arrives


def is_prefix(value: object, whole: object) -> bool:
    if isinstance(whole, dict):
        if not isinstance(value, dict) or list(value) != list(whole)[: len(value)]:
            return False
        keys = list(value)
        return all(
            value[k] == whole[k] if k != keys[-1] else is_prefix(value[k], whole[k]) for k in keys
        )
    if isinstance(whole, list):
        if not isinstance(value, list) or len(value) > len(whole):
            return False
        head, last = value[:-1], value[-1:]
        return head == whole[: len(head)] and all(is_prefix(v, whole[len(head)]) for v in last)
    if isinstance(whole, str):
        return isinstance(value, str) and whole.startswith(value)
    return value == whole


def test_numbers_and_literals_show_only_when_whole() -> None:
    parser = fed(['{"n": 1', "2"])
    assert parser.value == {"n": None} or parser.value == {}
    parser.feed(".5, ")
    assert parser.value == {"n": 12.5}
    parser.feed('"t": tr')
    assert "t" not in parser.value
    parser.feed("ue}")
    assert parser.value == {"n": 12.5, "t": True} and parser.done


def test_escapes_cut_anywhere_decode_once() -> None:
    text = json.dumps(['\u00e9\U0001f342\n"\\/'])
    for size in range(1, 8):
        parser = fed([text[i : i + size] for i in range(0, len(text), size)])
        assert parser.value == ['\u00e9\U0001f342\n"\\/'], size


def test_a_surrogate_pair_is_not_split_into_two_halves() -> None:
    parser = fed(['["\\ud83c', "\\udf42", '"]'])
    assert parser.value == ["\U0001f342"]


def test_deep_nesting_in_one_piece() -> None:
    depth = 20_000
    parser = fed(["[" * depth + "]" * depth])
    assert parser.done
    value = parser.value
    for _ in range(depth - 1):
        value = value[0]
    assert value == []


@pytest.mark.parametrize(
    "bad",
    [
        '{"a" 1}',
        "[1,,2]",
        "{]",
        "[01]",
        '{"a":1}}',
        '["\\x"]',
        "[NaN]",
        "[Infinity]",
        "[1,]",
        '{"a":1,}',
        "[tru e]",
        '["a\tb"]',
        "{1: 2}",
        "[.5]",
        "[+1]",
    ],
)
def test_bad_text_is_refused_however_it_is_cut(bad: str) -> None:
    for cut in range(len(bad) + 1):
        parser = PartialJSON()
        with pytest.raises(PartialJSONError):
            parser.feed(bad[:cut])
            parser.feed(bad[cut:])
        with pytest.raises(PartialJSONError):
            parser.feed("]")  # once refused, it stays refused


def test_whitespace_after_the_document_is_fine() -> None:
    parser = fed(["[1] ", "\n "])
    assert parser.done and parser.value == [1]


def test_a_stream_parses_its_text_only_when_the_partial_is_read() -> None:
    """`stream.partial` read now and then (or never) gives the same values as read on every
    chunk: the queued text is parsed on reading."""
    from pydantic import BaseModel

    from trilogue.testing import FakeProvider

    class Stock(BaseModel):
        title: str
        items: list[dict[str, Any]]
        empty: dict[str, Any]
        nested: list[Any]
        big: int

    text = json.dumps(DOC)
    chunks = [text[i : i + 5] for i in range(0, len(text), 5)]
    for every in (1, 7, len(chunks) + 1):
        fake = FakeProvider("mistral")
        fake.add_response(chunks=chunks)
        client = fake.client()
        messages = [{"role": "user", "content": "List the stock."}]
        seen = []
        with client.chat.completions.stream(
            model="m", messages=messages, response_format=Stock
        ) as stream:
            for count, _ in enumerate(stream, 1):
                if count % every == 0:
                    seen.append(copy.deepcopy(stream.partial))
            final = stream.get_final_completion()
            assert stream.partial == DOC
        assert all(value is None or is_prefix(value, DOC) for value in seen)  # None: no text yet
        assert len(seen) == count // every
        assert final.choices[0].message.parsed == Stock.model_validate(DOC)


def _sse(raw: bytes) -> Any:
    from sse_server import Reply

    return Reply([raw], headers={"Content-Type": "text/event-stream"})


def test_gradient_partials_come_from_the_forced_tool_calls_argument_pieces() -> None:
    """On Gradient the output arrives as the forced tool's arguments, in pieces (the recorded
    OpenAI-shape body of tests/sse_bodies.py): `partial` grows from them."""
    from sse_bodies import TOOL_CALL
    from sse_server import SSEServer
    from typing_extensions import TypedDict

    import trilogue

    # The forced tool is named after the type; the recorded body calls get_weather.
    class get_weather(TypedDict):
        city: str
        days: int
        units: list[str]

    server = SSEServer().start()
    try:
        server.script(_sse(TOOL_CALL))
        seen = []
        with (
            trilogue.Trilogue("gradient", api_key="k", base_url=server.url) as client,
            client.chat.completions.stream(
                model="m", messages=[{"role": "user", "content": "?"}], response_format=get_weather
            ) as stream,
        ):
            for _ in stream:
                seen.append(copy.deepcopy(stream.partial))
            final = stream.get_final_completion()
        sent = server.requests[0].json
    finally:
        server.stop()
    whole = {"city": "London", "days": 3, "units": ["C", "F"]}
    assert seen[0] in (None, {}) and {"city": "Lon"} in seen and seen[-1] == whole
    assert all(value is None or is_prefix(value, whole) for value in seen)
    assert final.choices[0].message.parsed == whole
    assert sent["tool_choice"] == "required"
    assert [t["function"]["name"] for t in sent["tools"]] == ["get_weather"]


def test_partial_tool_arguments_of_interleaved_calls() -> None:
    """Two tool calls whose argument pieces interleave (matched by index only): each call's
    arguments parsed so far, by index."""
    from sse_bodies import TWO_TOOL_CALLS
    from sse_server import SSEServer

    import trilogue

    class Answer(BaseModel):
        text: str

    server = SSEServer().start()
    try:
        server.script(_sse(TWO_TOOL_CALLS))
        seen = []
        with (
            trilogue.Trilogue("openai-compatible", base_url=server.url) as client,
            client.chat.completions.stream(
                model="m", messages=[{"role": "user", "content": "?"}], response_format=Answer
            ) as stream,
        ):
            for _ in stream:
                seen.append(copy.deepcopy(stream.partial_tool_arguments))
            assert stream.partial is None  # no content came: only tool calls
    finally:
        server.stop()
    assert {0: {}, 1: {"city": "Ber"}} in seen
    assert seen[-1] == {0: {"city": "Oslo"}, 1: {"city": "Berlin"}}


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(value=JSON_VALUES.filter(lambda v: isinstance(v, dict | list)), data=st.data())
def test_any_document_cut_anywhere(value: Any, data: st.DataObject) -> None:
    text = json.dumps(
        value, ensure_ascii=data.draw(st.booleans()), indent=data.draw(st.sampled_from([None, 1]))
    )
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=12)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    parser = fed(pieces)
    assert parser.done and parser.value == json.loads(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(alphabet='{}[]",:0123456789.eE+-tfnrulasx\\ \n', max_size=40), data=st.data())
def test_garbage_only_ever_raises_partial_json_error(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    parser = PartialJSON()
    try:
        for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
            parser.feed(text[a:b])
    except PartialJSONError:
        return
    if parser.done:
        assert parser.value == json.loads(text)
