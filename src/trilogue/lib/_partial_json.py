"""An incremental JSON parser for streamed structured output and tool-call arguments.

Each piece of text is read once. Whatever the piece completes — a whole object, list, string or
number — is decoded by the standard library's C scanner; the parser's own Python steps only cross
the boundaries where a value is cut between pieces, opening the container it is in so that its
finished members show at once. A string in progress grows piece by piece without re-reading its
beginning. So the total cost stays linear in the document however finely it is cut, and a document
that arrives whole costs one `json.loads`.
"""

from __future__ import annotations

import contextlib
import json.decoder
import re
from typing import Any, NoReturn

__all__ = ["PartialJSON", "PartialJSONError"]


class PartialJSONError(ValueError):
    """The text is not the beginning of a JSON document."""


def _no_constants(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


# The C scanner: one complete value at an index, or an exception.
_scan_value = json.decoder.JSONDecoder(parse_constant=_no_constants).scan_once  # type: ignore[attr-defined]
_scan_string = json.decoder.scanstring  # type: ignore[attr-defined]

_SPACE = re.compile(r"[ \t\n\r]+")
# A bare token: a number or literal, or the start of one (`tr`, `-`, `1.`, `2e`).
# A number or literal, whole: what follows it cannot go on with it.
_BARE = re.compile(
    r"(?:(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)|(true|false|null))(?![-+.0-9eE\w])"
)
# The start of one that the next piece may finish (`tr`, `-`, `1.`, `2e`, or a whole `12`).
_BARE_START = re.compile(
    r"-?[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]*)?|t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?"
)
_CLOSER = {"{": "}", "[": "]"}
# `"key":` (a key without escapes), with the plain value and `,` or `}` after it if they came.
_MEMBER = re.compile(
    r'"([^"\\\x00-\x1f]*)"[ \t\n\r]*:[ \t\n\r]*'
    r'(?:(?:"([^"\\\x00-\x1f]*)"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)'
    r"|(true|false|null))[ \t\n\r]*([,}]))?"
)
_LITERALS = {"true": True, "false": False, "null": None}
# Text that ends the fast path of a string in progress: its closing quote, an escape, or a
# control character (which JSON does not allow unescaped).
_STRING_SPECIAL = re.compile(r'["\\\x00-\x1f]')
# The body of a string up to (not including) its closing quote or an unfinished escape.
_STRING_BODY = re.compile(r'(?:[^"\\]|\\u[0-9a-fA-F]{4}|\\[^u])*', re.DOTALL)
# A high-surrogate escape at the end of a piece waits for its low half.
_HIGH_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\Z")

# What comes next.
_VALUE = 0
_KEY = 1  # an object key, or `}` right after `{`
_COLON = 2
_AFTER = 3  # `,` or the container's closing bracket
_DONE = 4
_BROKEN = 5


class PartialJSON:
    """Feed it text as it arrives; `value` is the document parsed so far.

    `value` is built in place: the same dict or list grows as pieces arrive (copy it to keep a
    snapshot). A string still arriving shows as far as it has come; a number or literal appears
    once it is complete. `done` turns True when the document's last bracket arrives.

    An integer longer than Python converts (`sys.get_int_max_str_digits()`, 4,300 digits by
    default) raises `PartialJSONError`, as text that is not JSON does: `json.loads` refuses the
    same document, and the limit is there because converting such numbers takes quadratic time.
    """

    __slots__ = (
        "_decoded",
        "_held",
        "_in_string",
        "_keys",
        "_slot",
        "_stack",
        "_state",
        "_string_in",
        "value",
    )

    def __init__(self) -> None:
        self.value: Any = None
        self._held = ""  # the end of the last piece: a cut token, or half an escape in a string
        self._state = _VALUE
        self._stack: list[dict[str, Any] | list[Any]] = []  # open containers, innermost last
        self._keys: list[str] = []  # for each open container, the key being filled (objects)
        self._in_string = False
        self._decoded = ""  # the string in progress, decoded so far
        self._string_in: dict[str, Any] | list[Any] | None = None  # where it goes (None: top)
        self._slot: Any = None  # its key or index there

    @property
    def done(self) -> bool:
        return self._state == _DONE

    def feed(self, text: str) -> None:
        """Reads the next piece of the document."""
        if self._in_string and not self._held:
            special = _STRING_SPECIAL.search(text)
            if special is None:
                # The common case: the piece is more of the string and nothing else.
                self._decoded += text
                self._set_string()
                return
            end = special.start()
            if text[end] == '"':
                # The string ends in this piece, plainly: no escape before its closing quote.
                self._end_string(self._decoded + text[:end])
                text = text[end + 1 :]
        if self._state == _BROKEN:
            raise PartialJSONError("the text before was not JSON")
        try:
            if self._in_string:
                text = self._string(self._held + text)
                if self._in_string:
                    return
            elif self._held:
                text = self._held + text
                self._held = ""
            self._read(text)
        except PartialJSONError:
            self._state = _BROKEN
            self._in_string = False
            raise

    def _read(self, text: str) -> None:
        pos = 0
        end = len(text)
        stack = self._stack
        scan = True  # False after the C scanner ran out of stack, or of budget
        # The brackets of each kind in text[mark:], kept up to date as `pos` moves on, so that
        # telling whether a container can be whole costs time linear in the text overall (a
        # count from each opening bracket is quadratic in the depth: 100,000 `[` took 10 s).
        brackets: dict[str, int] = {}
        mark = pos
        # What failed scans may read in all, so that many of them (each bracket of a value
        # that cannot be whole) cost a few passes over the text, not one pass per bracket.
        budget = 4 * (end - pos) + 4096
        while True:
            if pos < end and text[pos] in " \t\n\r":
                pos += 1  # mostly the one space after `,` or `:`
                if pos < end and text[pos] in " \t\n\r":
                    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= end:
                return
            char = text[pos]
            state = self._state
            if state == _VALUE:
                if char == "{" or char == "[":
                    found = False
                    # Counting brackets (strings aside) cheaply tells when it cannot be whole
                    # yet, which saves the scanner's exception.
                    if scan:
                        if not brackets:
                            brackets = {b: text.count(b, pos) for b in "{}[]"}
                        elif mark < pos:
                            for b in "{}[]":
                                brackets[b] -= text.count(b, mark, pos)
                        mark = pos
                    if scan and brackets[char] <= brackets[_CLOSER[char]]:
                        try:
                            value, after = _scan_value(text, pos)
                            found = True
                        except (ValueError, StopIteration):
                            # Counted as read to the end: where the exception says it failed
                            # can be long before where the scanner stopped reading.
                            budget -= end - pos
                            scan = budget > 0
                        except RecursionError:
                            scan = False
                    if found:
                        self._put(value)
                        pos = after
                    else:
                        # Not whole in this piece: open it, so its members show as they come.
                        container: dict[str, Any] | list[Any] = {} if char == "{" else []
                        self._put(container)
                        stack.append(container)
                        self._keys.append("")
                        self._state = _KEY if char == "{" else _VALUE
                        pos += 1
                elif char == '"':
                    special = _STRING_SPECIAL.search(text, pos + 1)
                    if special is None:  # a plain string that goes on in the next piece
                        self._start_string(text, pos + 1, plain=True)
                        self._decoded = text[pos + 1 :]
                        self._set_string()
                        return
                    if text[special.start()] == '"':  # a plain string, whole
                        self._put(text[pos + 1 : special.start()])
                        pos = special.start() + 1
                        continue
                    found = False
                    if text.find('"', pos + 1) >= 0:
                        try:
                            value, pos = _scan_string(text, pos + 1, True)
                            found = True
                        except ValueError:
                            pass
                    if found:
                        self._put(value)
                    else:
                        self._start_string(text, pos + 1)
                        self._string(text[pos + 1 :])
                        return  # the string goes on in the next piece
                elif char == "]" and stack and not stack[-1] and type(stack[-1]) is list:
                    self._close(char)
                    pos += 1
                else:
                    bare = _BARE.match(text, pos)
                    if bare is not None and bare.end() < end:
                        number, literal = bare.groups()
                        self._put(_LITERALS[literal] if number is None else _number(number))
                        pos = bare.end()
                    elif _BARE_START.fullmatch(text, pos) is not None:
                        self._held = text[pos:]  # the next piece may go on with it
                        return
                    else:
                        raise PartialJSONError(f"not a JSON value: {text[pos : pos + 40]!r}")
            elif state == _AFTER:
                if char == ",":
                    self._state = _KEY if type(stack[-1]) is dict else _VALUE
                elif char == "}" or char == "]":
                    self._close(char)
                else:
                    raise PartialJSONError(f"expected ',' or a closing bracket, not {char!r}")
                pos += 1
            elif state == _KEY:
                if char == '"':
                    if text.find('"', pos + 1) < 0:
                        self._held = text[pos:]  # keys are short: read it again when it ends
                        return
                    member = _MEMBER.match(text, pos)
                    if member is not None:
                        # `"key": ` in one step, and with it a whole plain value and its `,`.
                        key, string, number, literal, after = member.groups()
                        pos = member.end()
                        if after is None:
                            self._keys[-1] = key
                            self._state = _VALUE
                            continue
                        obj: dict[str, Any] = stack[-1]  # type: ignore[assignment]  # a dict
                        if string is not None:
                            obj[key] = string
                        elif number is not None:
                            obj[key] = _number(number)
                        else:
                            obj[key] = _LITERALS[literal]
                        if after == "}":
                            self._close(after)
                        continue
                    key = None
                    with contextlib.suppress(ValueError):
                        key, pos_after = _scan_string(text, pos + 1, True)
                    if key is None:
                        if _string_closes(text, pos + 1):
                            raise PartialJSONError(f"bad key: {text[pos : pos + 40]!r}")
                        self._held = text[pos:]
                        return
                    self._keys[-1] = key
                    self._state = _COLON
                    pos = pos_after
                elif char == "}" and not stack[-1]:
                    self._close(char)
                    pos += 1
                else:
                    raise PartialJSONError(f"expected a key, not {char!r}")
            elif state == _COLON:
                if char != ":":
                    raise PartialJSONError(f"expected ':', not {char!r}")
                self._state = _VALUE
                pos += 1
            else:
                raise PartialJSONError(f"text after the document: {text[pos : pos + 40]!r}")

    def _put(self, value: Any) -> None:
        stack = self._stack
        if not stack:
            self.value = value
            self._state = _DONE
            return
        top = stack[-1]
        if type(top) is dict:
            top[self._keys[-1]] = value
        else:
            top.append(value)  # type: ignore[union-attr]
        self._state = _AFTER

    def _close(self, char: str) -> None:
        top = self._stack.pop()
        self._keys.pop()
        if (char == "}") != (type(top) is dict):
            raise PartialJSONError(f"unexpected {char!r}")
        self._state = _AFTER if self._stack else _DONE

    # Strings cut between pieces.

    def _set_string(self) -> None:
        if self._string_in is None:
            self.value = self._decoded
        else:
            self._string_in[self._slot] = self._decoded

    def _start_string(self, text: str, start: int, plain: bool = False) -> None:
        if not plain and _string_closes(text, start):  # it ended here, so it failed for being bad
            raise PartialJSONError(f"bad string: {text[start - 1 : start + 40]!r}")
        self._put("")
        self._state = _VALUE  # until the string ends
        stack = self._stack
        if not stack:
            self._string_in, self._slot = None, None
        elif type(stack[-1]) is dict:
            self._string_in, self._slot = stack[-1], self._keys[-1]
        else:
            self._string_in, self._slot = stack[-1], len(stack[-1]) - 1
        self._in_string = True
        self._decoded = ""

    def _string(self, text: str) -> str:
        """Reads more of the string in progress; returns what follows its closing quote."""
        self._held = ""
        body = _STRING_BODY.match(text).end()  # type: ignore[union-attr]
        closed = body < len(text) and text[body] == '"'
        if not closed and len(text) - body > 6:
            raise PartialJSONError(f"bad escape in a string: {text[body : body + 6]!r}")
        ready = text[:body]
        if not closed:
            # Hold back a cut escape (or the high half of a surrogate pair) for the next piece.
            tail = _HIGH_SURROGATE.search(ready)
            if tail is not None:
                ready = ready[: tail.start()]
            self._held = text[len(ready) :]
        if ready:
            try:
                self._decoded += _scan_string(ready + '"', 0, True)[0]
            except ValueError as exc:
                raise PartialJSONError(f"bad string: {exc}") from None
        if not closed:
            self._set_string()
            return ""
        self._end_string(self._decoded)
        return text[body + 1 :]

    def _end_string(self, value: str) -> None:
        if self._string_in is None:
            self.value = value
        else:
            self._string_in[self._slot] = value
        self._in_string = False
        self._string_in = None
        self._state = _AFTER if self._stack else _DONE


def _string_closes(text: str, start: int) -> bool:
    """Whether the string whose body starts at `start` has its closing quote in `text`."""
    body = _STRING_BODY.match(text, start).end()  # type: ignore[union-attr]
    return body < len(text) and text[body] == '"'


def _number(token: str) -> int | float:
    if "." in token or "e" in token or "E" in token:
        return float(token)
    try:
        return int(token)
    except ValueError:
        # Longer than the interpreter converts (`sys.get_int_max_str_digits()`, 4,300 digits by
        # default): the limit guards against quadratic conversion, so it is not worked around.
        raise PartialJSONError(
            f"an integer of {len(token.lstrip('-'))} digits, more than Python converts"
        ) from None
