"""Splitting rule text into tokens. Hand-written; nothing here evaluates the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from giamngheo.domain.eligibility.errors import RuleSyntaxError

TokenKind = Literal["name", "int", "text", "op", "(", ")", ",", "and", "or", "not", "in", "end"]
MAX_LENGTH = 2000

# Keywords in English and Vietnamese (with or without diacritics).
KEYWORDS: dict[str, TokenKind] = {
    "and": "and", "và": "and", "va": "and",
    "or": "or", "hoặc": "or", "hoac": "or",
    "not": "not", "không": "not", "khong": "not",
    "in": "in", "thuộc": "in", "thuoc": "in",
}  # fmt: skip
OPERATORS = {
    "==": "==", "!=": "!=", "<=": "<=", ">=": ">=", "<": "<", ">": ">", "=": "==",
    "≠": "!=", "≤": "<=", "≥": ">=",
}  # fmt: skip
_BRACKETS = {"(": "(", "[": "(", ")": ")", "]": ")", ",": ","}


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    kind: TokenKind
    text: str
    pos: int
    value: int | str | None = None


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token; :class:`RuleSyntaxError` names
    the position of the first character that cannot start a token."""
    if len(text) > MAX_LENGTH:
        raise RuleSyntaxError(MAX_LENGTH, "too_long")
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        token = _token_at(text, pos)
        tokens.append(token)
        pos += len(token.text)
    tokens.append(Token(kind="end", text="", pos=len(text)))
    return tokens


def _token_at(text: str, pos: int) -> Token:
    char = text[pos]
    if char in _BRACKETS:
        return Token(kind=_BRACKETS[char], text=char, pos=pos)  # type: ignore[arg-type]
    if char in "\"'":
        return _text_literal(text, pos)
    if char.isdigit() or (char == "-" and text[pos + 1 : pos + 2].isdigit()):
        return _integer(text, pos)
    if char.isalpha() or char == "_":
        return _word(text, pos)
    for op in sorted(OPERATORS, key=len, reverse=True):
        if text.startswith(op, pos):
            return Token(kind="op", text=op, pos=pos, value=OPERATORS[op])
    raise RuleSyntaxError(pos, "bad_character", char)


def _text_literal(text: str, pos: int) -> Token:
    end = text.find(text[pos], pos + 1)
    if end < 0:
        raise RuleSyntaxError(pos, "unclosed_text")
    return Token(kind="text", text=text[pos : end + 1], pos=pos, value=text[pos + 1 : end])


def _integer(text: str, pos: int) -> Token:
    end = pos + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    if end - pos > 12:
        raise RuleSyntaxError(pos, "number_too_long")
    return Token(kind="int", text=text[pos:end], pos=pos, value=int(text[pos:end]))


def _word(text: str, pos: int) -> Token:
    end = pos + 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    word = text[pos:end]
    keyword = KEYWORDS.get(word.lower())
    if keyword is not None:
        return Token(kind=keyword, text=word, pos=pos)
    return Token(kind="name", text=word, pos=pos, value=word)
