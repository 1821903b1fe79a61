"""An incremental JSON parser for streamed structured output and tool-call arguments.

Each piece of text is read once: complete tokens are consumed and built into live dicts and lists,
only an unfinished token (a number, a literal, the escape at the end of a string) is kept for the
next piece, and a string in progress is decoded piece by piece. So the total cost stays linear in
the document, however finely it is cut, instead of re-parsing the whole buffer on every piece.
"""

from __future__ import annotations

import json.decoder
import re
from typing import Any

__all__ = ["PartialJSON", "PartialJSONError"]


class PartialJSONError(ValueError):
    """The text is not the beginning of a JSON document."""


# One token outside strings, after optional whitespace.
_TOKEN = re.compile(
    r"[ \t\n\r]*(?:([{}\[\],:])|(\")|(-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]*)?)"
    r"|(true|false|null))"
)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
# The body of a string up to (not including) its closing quote or an unfinished escape.
_STRING_BODY = re.compile(r'(?:[^"\\]|\\u[0-9a-fA-F]{4}|\\[^u])*', re.DOTALL)
# A high surrogate escape at the end of a piece waits for its low half.
_HIGH_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\Z")
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]  # the C string decoder
_LITERALS = {"true": True, "false": False, "null": None}

# Parser states.
_VALUE = 0  # a value comes next
_KEY = 1  # an object key (or `}` right after `{`) comes next
_COLON = 2
_AFTER = 3  # `,` or the container's closing bracket comes next
_DONE = 4


class PartialJSON:
    """Feed it text as it arrives; `value` is the document parsed so far.

    `value` is built in place: the same dict or list grows as pieces arrive (copy it to keep a
    snapshot). A string still arriving shows as far as it has come; a number or literal appears
    once it is complete. `done` turns True when the document's last bracket arrives.
    """

    __slots__ = (
        "_buf",
        "_carry",
        "_decoded",
        "_in_key",
        "_in_string",
        "_key",
        "_raw",
        "_stack",
        "_state",
        "value",
    )

    def __init__(self) -> None:
        self.value: Any = None
        self._buf = ""  # unconsumed text outside strings (a token cut short)
        self._state = _VALUE
        # Open containers, innermost last; for objects, the key being filled in `_key`.
        self._stack: list[dict[str, Any] | list[Any]] = []
        self._key: list[str | None] = []
        self._in_string = False
        self._in_key = False
        self._raw: list[str] = []  # the raw (escaped) pieces of the string in progress
        self._carry = ""  # the end of a piece that may be half an escape
        self._decoded = ""  # the string in progress, decoded so far

    @property
    def done(self) -> bool:
        return self._state == _DONE

    def feed(self, text: str) -> None:
        """Reads the next piece of the document."""
        if self._in_string:
            text = self._string(text)
            if self._in_string:
                return
        if self._buf:
            text = self._buf + text
            self._buf = ""
        pos = 0
        end = len(text)
        match = _TOKEN.match
        while pos < end:
            m = match(text, pos)
            if m is None:
                rest = text[pos:]
                if _SPACE.fullmatch(rest):
                    return
                if self._state == _DONE or not _could_continue(rest):
                    raise PartialJSONError(f"unexpected text: {rest[:40]!r}")
                self._buf = rest
                return
            punct, quote, number, literal = m.groups()
            if number is not None or literal is not None:
                if m.end() == end and self._state != _DONE:
                    self._buf = text[pos:]  # the number or literal may go on in the next piece
                    return
                if number is not None:
                    if _NUMBER.fullmatch(number) is None:
                        raise PartialJSONError(f"not a number: {number!r}")
                    self._put(_number(number))
                else:
                    self._put(_LITERALS[literal])
            elif quote is not None:
                self._in_key = self._state == _KEY
                if not self._in_key:
                    self._expect_value()
                    self._set("")  # the string's place, filled in as it arrives
                self._in_string = True
                rest = self._string(text[m.end() :])
                if self._in_string:
                    return
                text, pos, end = rest, 0, len(rest)
                continue
            else:
                self._punct(punct)
            pos = m.end()

    # Strings.

    def _string(self, text: str) -> str:
        """Reads string text; returns what follows the closing quote, if it came."""
        if self._carry:
            text = self._carry + text
            self._carry = ""
        body = _STRING_BODY.match(text).end()  # type: ignore[union-attr]
        if body < len(text) and text[body] == '"':
            raw = "".join(self._raw) + text[:body]
            value = _decode(raw)
            self._raw.clear()
            self._decoded = ""
            self._in_string = False
            if self._in_key:
                self._key[-1] = value
                self._state = _COLON
            else:
                self._set_string(value)
                self._state = _DONE if not self._stack else _AFTER
            return text[body + 1 :]
        # No end yet: hold back a cut escape (or a bad one, for the next piece to reject), decode
        # the rest for the partial value.
        if len(text) - body > 6:
            raise PartialJSONError(f"bad escape in a string: {text[body : body + 6]!r}")
        ready = text[:body]
        tail = _HIGH_SURROGATE.search(ready)
        if tail is not None:
            ready = ready[: tail.start()]
        self._carry = text[len(ready) :]
        if ready:
            self._raw.append(ready)
            if not self._in_key:
                self._decoded += _decode(ready)
                self._set_string(self._decoded)
        return ""

    # Structure.

    def _expect_value(self) -> None:
        if self._state != _VALUE:
            raise PartialJSONError("a value where none may stand")

    def _put(self, value: Any) -> None:
        self._expect_value()
        self._set(value)
        self._state = _DONE if not self._stack else _AFTER

    def _set(self, value: Any) -> None:
        if not self._stack:
            self.value = value
            return
        top = self._stack[-1]
        if isinstance(top, dict):
            top[self._key[-1]] = value  # type: ignore[index]
        else:
            top.append(value)

    def _set_string(self, value: str) -> None:
        if not self._stack:
            self.value = value
            return
        top = self._stack[-1]
        if isinstance(top, dict):
            top[self._key[-1]] = value  # type: ignore[index]
        else:
            top[-1] = value

    def _punct(self, char: str) -> None:
        state = self._state
        if char in "{[":
            self._expect_value()
            container: dict[str, Any] | list[Any] = {} if char == "{" else []
            self._set(container)
            self._stack.append(container)
            self._key.append(None)
            self._state = _KEY if char == "{" else _VALUE
        elif char in "}]":
            if not self._stack:
                raise PartialJSONError(f"unexpected {char!r}")
            top = self._stack[-1]
            if (char == "}") != isinstance(top, dict):
                raise PartialJSONError(f"unexpected {char!r}")
            empty = not top and state in (_KEY, _VALUE)
            if state != _AFTER and not empty:
                raise PartialJSONError(f"unexpected {char!r}")
            self._stack.pop()
            self._key.pop()
            self._state = _AFTER if self._stack else _DONE
        elif char == ":":
            if state != _COLON:
                raise PartialJSONError("unexpected ':'")
            self._state = _VALUE
        else:  # ","
            if state != _AFTER:
                raise PartialJSONError("unexpected ','")
            self._state = _KEY if isinstance(self._stack[-1], dict) else _VALUE
            if self._state == _KEY:
                self._key[-1] = None


def _decode(raw: str) -> str:
    """The string whose escaped body (without quotes) is `raw`."""
    try:
        value: str = _scanstring(raw + '"', 0)[0]
        return value
    except ValueError as exc:
        raise PartialJSONError(str(exc)) from None


def _number(text: str) -> int | float:
    if "." in text or "e" in text or "E" in text:
        return float(text)
    return int(text)


_PREFIX = re.compile(
    r"[ \t\n\r]*(?:-?[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]*)?|t|tr|tru|f|fa|fal|fals|n|nu|nul)"
)


def _could_continue(rest: str) -> bool:
    """Whether `rest` may be the start of a token that the next piece completes."""
    return _PREFIX.fullmatch(rest) is not None
