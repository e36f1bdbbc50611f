"""Enrolment from rules: a preview (how many households, how much, per commune) and the
commit, which stores the eligible households not yet enrolled, each with the amount and the
rule and level versions that produced it, in one set-based transaction."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from giamngheo.analytics.eligibility import ELIGIBLE, eligible_lazy
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.services import Progress, progress_ignored
from giamngheo.apps.programmes.facts import facts_load, rows_frame
from giamngheo.apps.programmes.levels import (
    eligibility_rule,
    level_amount_expr,
    level_priorities,
    level_rules,
)
from giamngheo.apps.programmes.models import Enrolment, SupportLevel
from giamngheo.apps.programmes.scope import province_require
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.db.bulk import bulk_insert_frame
from giamngheo.domain.explain import format_number

AMOUNT = "amount"
PREVIEW_STEPS = 2  # read, check
COMMIT_STEPS = 3  # read, check, store


@dataclass(frozen=True, slots=True, kw_only=True)
class CommuneCount:
    commune_id: int
    commune: str
    households: int
    amount: int
    enrolled_before: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EnrolmentPreview:
    level: str  # ``code@vN``
    rule: str
    year: int
    as_of: dt.date
    households: int  # eligible, including those already enrolled
    new: int  # eligible and not yet enrolled for the level and year
    amount: int  # total of the new enrolments
    communes: list[CommuneCount]
    seconds: float


def enrolment_as_of(year: int) -> dt.date:
    """Enrolment for a year reads the lists of the previous review (surveys up to 1 January)."""
    return dt.date(year, 1, 1)


def enrolment_preview(
    *, actor: Any, level: SupportLevel, year: int, progress: Progress = progress_ignored
) -> EnrolmentPreview:
    """Who the level's rule enrols in ``year`` and for how much, by commune; writes nothing.
    ``progress`` is told before each phase (read, check)."""
    province_require(actor, Capability.PROGRAMMES_MANAGE, level.province)
    started = time.perf_counter()
    frame = _candidates(level, year, progress, total=PREVIEW_STEPS)
    return _preview(level, year, frame, time.perf_counter() - started)


def enrolment_commit(
    *, actor: Any, level: SupportLevel, year: int, progress: Progress = progress_ignored
) -> EnrolmentPreview:
    """Store every eligible household not yet enrolled for the level and year and one audit
    event for the batch; returns what was enrolled.

    Reads and checks first, then stores in one durable transaction (all or nothing) that
    leaves out households enrolled meanwhile by another run. ``progress`` is told before each
    phase (read, check, store), never inside the transaction (see
    :mod:`giamngheo.apps.jobs.services`).
    """
    province_require(actor, Capability.PROGRAMMES_MANAGE, level.province)
    started = time.perf_counter()
    frame = _candidates(level, year, progress, total=COMMIT_STEPS)
    new = frame.filter(~pl.col("enrolled")).height
    progress(done=2, total=COMMIT_STEPS, message=f"Đang lưu {format_number(new)} hộ ghi danh")
    frame = _store(level, year, frame)
    return _preview(level, year, frame, time.perf_counter() - started)


@transaction.atomic(durable=True)
def _store(level: SupportLevel, year: int, frame: pl.DataFrame) -> pl.DataFrame:
    """Insert the candidates not enrolled when the transaction starts (runs of the same level
    wait for each other on PostgreSQL); ``frame`` with ``enrolled`` as it was then."""
    SupportLevel.objects.select_for_update().only("pk").get(pk=level.pk)
    enrolled = _enrolled(Enrolment.objects.filter(level=level, year=year))
    frame = frame.with_columns(pl.col("household_id").is_in(enrolled.implode()).alias("enrolled"))
    rows = frame.filter(~pl.col("enrolled")).select(
        pl.lit(level.pk).alias("level_id"),
        pl.lit(level.eligibility_id).alias("eligibility_id"),
        pl.col("household_id"),
        pl.lit(year).alias("year"),
        pl.col(AMOUNT).alias("amount"),
        pl.lit(timezone.now()).alias("enrolled_at"),
    )
    bulk_insert_frame(Enrolment, rows)
    what = f"{level.label} ({level.eligibility.label}), năm {year}"
    audit_bulk_record(
        target_type="programmes.enrolment", count=rows.height, province_id=level.province_id,
        summary=f"Ghi danh {rows.height} hộ theo {what}",
    )  # fmt: skip
    return frame


def standards_check(level: SupportLevel, year: int) -> None:
    """Every standard the level's rules read must be one the province applies: a national
    standard valid, or a provincial one it adopted, in ``year`` or in the year before (whose
    review made the lists that enrolment for ``year`` reads)."""
    applicable = {
        s.id
        for y in (year - 1, year)
        for s in standards_applicable(province=level.province, year=y)
    }
    rules = level_rules(level)
    named = {r.standard for r in rules} | {s for r in rules for s in r.standards()}
    missing = sorted(named - applicable)
    if missing:
        raise ValidationError({"level": (
            f"Quy tắc của mức {level.label} dùng chuẩn nghèo tỉnh không áp dụng cho năm {year}: "
            f"{', '.join(missing)}."
        )})  # fmt: skip


def _candidates(level: SupportLevel, year: int, progress: Progress, *, total: int) -> pl.DataFrame:
    """Eligible households of the province with their amount and whether already enrolled."""
    standards_check(level, year)
    as_of = enrolment_as_of(year)
    rule = eligibility_rule(level.eligibility)
    extra = [p.when for p in level_priorities(level)]
    province = level.province.name
    progress(done=0, total=total, message=f"Đang đọc dữ liệu các hộ của {province}")
    households = Household.objects.filter(province_id=level.province_id)
    facts, members = facts_load(households, [rule, *extra], as_of=as_of)
    enrolled = _enrolled(Enrolment.objects.filter(level=level, year=year))
    n = format_number(facts.height)
    progress(done=1, total=total, message=f"Đang xét {n} hộ theo {level.eligibility.label}")
    frame = eligible_lazy(facts.lazy(), members.lazy(), rule, as_of=as_of, extra=extra)
    eligible = frame.filter(pl.col(ELIGIBLE)).with_columns(
        level_amount_expr(level, as_of=as_of).alias(AMOUNT)
    )
    return (
        eligible.select("household_id", "commune_id", AMOUNT)
        .collect()
        .with_columns(pl.col("household_id").is_in(enrolled.implode()).alias("enrolled"))
    )


def _enrolled(rows: QuerySet[Enrolment]) -> pl.Series:
    frame = rows_frame(rows, {"household_id": "household_id"}, {"household_id": pl.Int64})
    return frame.get_column("household_id")


def _preview(
    level: SupportLevel, year: int, frame: pl.DataFrame, seconds: float
) -> EnrolmentPreview:
    new = ~pl.col("enrolled")
    by_commune = (
        frame.group_by("commune_id")
        .agg(
            pl.len().alias("households"),
            pl.col(AMOUNT).filter(new).sum().alias(AMOUNT),
            pl.col("enrolled").sum().alias("before"),
        )
        .sort("commune_id")
    )
    names = dict(
        Commune.objects.filter(pk__in=by_commune.get_column("commune_id").to_list()).values_list(
            "pk", "name"
        )
    )
    communes = [
        CommuneCount(commune_id=c, commune=names.get(c, "?"), households=n, amount=a or 0,
                     enrolled_before=b)
        for c, n, a, b in by_commune.iter_rows()
    ]  # fmt: skip
    communes.sort(key=lambda c: c.commune)
    return EnrolmentPreview(
        level=level.label, rule=level.eligibility.label, year=year,
        as_of=enrolment_as_of(year), households=frame.height,
        new=int(frame.filter(new).height), amount=int(frame.filter(new)[AMOUNT].sum() or 0),
        communes=communes, seconds=round(seconds, 3),
    )  # fmt: skip
