"""Search keys: text folded so that searching ignores case and Vietnamese diacritics.

The key of a text is its canonical decomposition (NFD) without combining marks
(U+0300–U+036F: the five tones and the marks of ă, â, ê, ô, ơ, ư), with đ and Đ as ``d``
(NFD does not decompose them) and A–Z in lower case; every other character is kept as it is.
A text matches a search when its key contains the key of what was typed:

>>> search_key("Đặng Văn Ánh")
'dang van anh'
>>> search_key("NGUYỄN") == search_key("nguyen") == search_key("Nguyễn")
True

The database computes the same key, so that searching stays in SQL: on SQLite with
:func:`search_key` itself, registered on every connection by the ``giamngheo.db.backends.sqlite3``
engine; on PostgreSQL with built-in functions only (no ``unaccent`` extension). Only A–Z
change case, because what ``lower()`` does to other letters depends on the database's
locale: the key is the same on every database and in every locale.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler, _AsSqlType

SQLITE_FUNCTION = "giamngheo_search_key"
COMBINING_MARKS = "[\u0300-\u036f]"
_MARKS = re.compile(COMBINING_MARKS)
_LETTERS = str.maketrans("ĐđABCDEFGHIJKLMNOPQRSTUVWXYZ", "ddabcdefghijklmnopqrstuvwxyz")
_POSTGRESQL = (
    'regexp_replace(replace(replace(lower(normalize(%(expressions)s, NFD) COLLATE "C"),'
    f" 'Đ', 'd'), 'đ', 'd'), '{COMBINING_MARKS}', '', 'g')"
)


def search_key(text: str) -> str:
    """``text`` folded for searching (see the module's documentation)."""
    if text.isascii():
        return text.lower()
    return _folded(text)


@lru_cache(maxsize=65_536)
def _folded(text: str) -> str:
    """Names and addresses repeat: recent keys are remembered."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).translate(_LETTERS)


def search_key_sqlite(text: str | None) -> str | None:
    """:func:`search_key` as SQLite calls it: ``NULL`` stays ``NULL``."""
    return None if text is None else search_key(text)


class SearchKey(models.Func):
    """The search key of a text expression, computed by the database."""

    function = SQLITE_FUNCTION
    arity = 1
    output_field = models.TextField()

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> _AsSqlType:
        return self.as_sql(compiler, connection, template=_POSTGRESQL, **extra_context)
