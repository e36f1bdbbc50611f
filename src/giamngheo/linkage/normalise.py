"""Vietnamese-aware normalisation of person records into the columns the model compares.

Everything is a Polars expression, so a million records normalise in one vectorised pass and
a single record goes through exactly the same code (:func:`name_keys`).

- **Folding**: lower case, diacritics removed, ``đ`` → ``d`` ("Hoàng Thị Hương" →
  "hoang thi huong"); tone marks placed differently ("Thủy"/"Thuỷ") fold to one form.
- **Name order and initials**: the folded words sorted (order-free), the words of two or more
  letters (initials such as "T." dropped) and ``surname given`` (first and last word).
- **Spelling variants**: a sound key per word that merges the spellings officials mix up —
  ``y``/``i``, initial ``d``/``gi``/``r``, ``s``/``x``, ``tr``/``ch``, ``l``/``n``,
  ``c``/``k``/``q``, ``ph``/``f``, final ``ng``/``n``, ``nh``/``n``, ``c``/``ch``/``t``.
- **Dates of birth** may be missing or year-only; **ID numbers** are split by length into the
  12-digit citizen ID and any older number (the 9-digit ID card).
"""

from __future__ import annotations

import polars as pl

# (pattern, replacement) applied in order to folded text; ``\b`` marks a word's edges.
_SOUND_RULES: tuple[tuple[str, str], ...] = (
    (r"y", "i"),
    (r"\bngh", "ng"),
    (r"\bgh", "g"),
    (r"\bgi", "z"),
    (r"\b[dr]", "z"),
    (r"\btr", "ch"),
    (r"\bs", "x"),
    (r"\b[kq]", "c"),
    (r"\bph", "f"),
    (r"\bn([aeiou])", "l$1"),
    (r"(ng|nh)\b", "n"),
    (r"(ch|c)\b", "t"),
)

PERSON_COLUMNS: dict[str, pl.DataType] = {
    "record_id": pl.Int64(),
    "full_name": pl.String(),
    "birth_on": pl.Date(),
    "birth_year": pl.Int32(),
    "id_number": pl.String(),
    "sex": pl.String(),
    "commune_codes": pl.List(pl.String()),
    "village": pl.String(),
    "source": pl.String(),
}


def folded(text: pl.Expr) -> pl.Expr:
    """Lower case, no diacritics, ``đ`` → ``d``, punctuation → spaces, single spaces."""
    return (
        text.str.to_lowercase()
        .str.replace_all("đ", "d", literal=True)
        .str.normalize("NFD")
        .str.replace_all(r"\p{M}", "")
        .str.replace_all(r"[^a-z0-9]+", " ")
        .str.strip_chars()
    )


def with_marks(text: pl.Expr) -> pl.Expr:
    """Lower case with diacritics kept (composed form), punctuation → spaces."""
    return (
        text.str.normalize("NFC")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )


def sound(text: pl.Expr) -> pl.Expr:
    """The sound key of folded text (spelling variants merged)."""
    for pattern, replacement in _SOUND_RULES:
        text = text.str.replace_all(pattern, replacement)
    return text


def _words(text: pl.Expr) -> pl.Expr:
    return text.str.split(" ").list.filter(pl.element().str.len_chars() > 1)


def name_columns(name: pl.Expr) -> list[pl.Expr]:
    """The name columns the comparisons read (empty names become null)."""
    fold = folded(name)
    fold = pl.when(fold.str.len_chars() > 0).then(fold)
    words = _words(fold)
    return [
        with_marks(name).alias("name_marks"),
        fold.alias("name_fold"),
        fold.str.split(" ").list.sort().list.join(" ").alias("name_sorted"),
        sound(words.list.join(" ")).str.split(" ").list.sort().list.join(" ").alias("name_sound"),
        words.alias("name_words"),
        pl.concat_str(
            fold.str.split(" ").list.first(), fold.str.split(" ").list.last(), separator=" "
        ).alias("surname_given"),
        fold.str.split(" ").list.last().alias("given"),
    ]


def id_columns(number: pl.Expr) -> list[pl.Expr]:
    """``id12``: a 12-digit citizen ID; ``id_old``: any other number (9-digit ID card …)."""
    digits = number.str.replace_all(r"\D", "")
    digits = pl.when(digits.str.len_chars() > 0).then(digits)
    is_new = digits.str.len_chars() == 12
    return [
        pl.when(is_new).then(digits).alias("id12"),
        pl.when(~is_new).then(digits).alias("id_old"),
    ]


def person_features(people: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """Person records (:data:`PERSON_COLUMNS`) → the model's input columns.

    ``commune_codes`` lists the current commune(s) a record may be in: one code, or the
    successors of a pre-2025 commune (see :func:`communes_resolve`).
    """
    birth_year = pl.coalesce(pl.col("birth_on").dt.year().cast(pl.Int32), pl.col("birth_year"))
    return people.lazy().select(
        pl.col("record_id").alias("unique_id"),
        *name_columns(pl.col("full_name")),
        pl.col("birth_on"),
        birth_year.alias("birth_year"),
        *id_columns(pl.col("id_number")),
        pl.col("sex"),
        pl.col("commune_codes"),
        pl.col("commune_codes").list.first().alias("commune_key"),
        folded(pl.col("village")).alias("village_fold"),
        pl.col("source"),
    )


def communes_resolve(texts: pl.Series, lookup: dict[str, list[str]]) -> pl.Series:
    """Commune text (a current or pre-2025 code or name) → the current commune code(s), null
    when unknown. ``lookup`` maps folded codes and names to current codes; a pre-2025
    commune maps to all the units that absorbed it."""
    table = pl.DataFrame(
        {"key": list(lookup), "codes": list(lookup.values())},
        schema={"key": pl.String, "codes": pl.List(pl.String)},
    )
    keys = pl.DataFrame({"text": texts.cast(pl.String)}).with_columns(
        folded(pl.col("text")).alias("key")
    )
    joined = keys.join(table, on="key", how="left", maintain_order="left")
    return joined["codes"].alias("commune_codes")


def name_keys(full_name: str) -> dict[str, object]:
    """The name columns of one name (for explanations and tests)."""
    frame = pl.DataFrame({"n": [full_name]}).select(name_columns(pl.col("n")))
    return frame.row(0, named=True)
