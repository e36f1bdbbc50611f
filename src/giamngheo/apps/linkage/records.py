"""Registry members and list entries as the linkage engine's person records, and the lookup
from what lists write for a commune (current or pre-2025 code or name) to current codes."""

from __future__ import annotations

from typing import Any

import polars as pl
from django.db.models import QuerySet

from giamngheo.apps.geo.models import Commune, LegacyCommune, Province
from giamngheo.apps.linkage.models import ListEntry
from giamngheo.apps.registry.models import Member
from giamngheo.linkage.normalise import PERSON_COLUMNS, folded


def member_key(member_id: int) -> int:
    return 2 * member_id


def entry_key(entry_id: int) -> int:
    return 2 * entry_id + 1


def key_split(key: int) -> tuple[str, int]:
    """``("member", id)`` or ``("entry", id)``."""
    return ("entry", (key - 1) // 2) if key % 2 else ("member", key // 2)


def commune_lookup(province: Province) -> dict[str, list[str]]:
    """Folded code or name → current commune codes: current communes of the province, and
    pre-2025 communes through their successors (a name shared by two old units maps to the
    successors of both)."""
    pairs: list[tuple[str, str]] = []
    for code, name in Commune.objects.filter(province=province).values_list("code", "name"):
        pairs += [(code, code), (name, code)]
    legacy = LegacyCommune.objects.filter(successors__province=province).values_list(
        "code", "name", "successors__code"
    )
    for old_code, old_name, new_code in legacy:
        pairs += [(old_code, new_code), (old_name, new_code)]
    if not pairs:
        return {}
    frame = pl.DataFrame(pairs, schema=["text", "code"], orient="row")
    grouped = (
        frame.select(folded(pl.col("text")).alias("key"), "code")
        .group_by("key")
        .agg(pl.col("code").unique().sort())
    )
    return dict(zip(grouped["key"], grouped["code"].to_list(), strict=True))


def members_frame(members: QuerySet[Member]) -> pl.DataFrame:
    rows = members.values_list(
        "id", "full_name", "birth_on", "citizen_id", "sex",
        "household__village__commune__code", "household__village__name",
    )  # fmt: skip
    frame = pl.DataFrame(
        list(rows), orient="row",
        schema=["id", "full_name", "birth_on", "id_number", "sex", "commune", "village"],
    )  # fmt: skip
    return _person(frame, key=pl.col("id") * 2, codes=pl.concat_list("commune"), source="registry")


def entries_frame(entries: QuerySet[ListEntry]) -> pl.DataFrame:
    rows = entries.values_list(
        "id", "full_name", "birth_on", "birth_year", "id_number", "sex", "commune_codes",
        "village_text", "imported_list__kind",
    )  # fmt: skip
    schema: dict[str, Any] = {
        "id": pl.Int64, "full_name": pl.String, "birth_on": pl.Date, "birth_year": pl.Int32,
        "id_number": pl.String, "sex": pl.String, "codes": pl.List(pl.String),
        "village": pl.String, "kind": pl.String,
    }  # fmt: skip
    frame = pl.DataFrame(list(rows), orient="row", schema=schema)
    codes = pl.when(pl.col("codes").list.len() > 0).then("codes")
    return _person(frame, key=pl.col("id") * 2 + 1, codes=codes, source=pl.col("kind"))


def _person(frame: pl.DataFrame, *, key: pl.Expr, codes: pl.Expr, source: Any) -> pl.DataFrame:
    if frame.is_empty():
        return pl.DataFrame(schema=PERSON_COLUMNS)
    blank = [
        pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in ("id_number", "sex", "village")
    ]
    frame = frame.with_columns(blank)
    year = pl.col("birth_year") if "birth_year" in frame.columns else pl.lit(None)
    return frame.select(
        key.cast(pl.Int64).alias("record_id"),
        "full_name",
        pl.col("birth_on").cast(pl.Date),
        pl.coalesce(pl.col("birth_on").cast(pl.Date).dt.year(), year)
        .cast(pl.Int32)
        .alias("birth_year"),
        pl.col("id_number").cast(pl.String),
        pl.col("sex").cast(pl.String),
        codes.cast(pl.List(pl.String)).alias("commune_codes"),
        pl.col("village").cast(pl.String),
        (source if isinstance(source, pl.Expr) else pl.lit(source)).cast(pl.String).alias("source"),
    )
