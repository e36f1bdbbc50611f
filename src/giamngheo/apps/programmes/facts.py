"""Loading what eligibility rules read about households, as Polars frames, straight from the
database (one query per kind of fact, only the facts the rules name).

Classification facts are the latest periodic result per household and standard among surveys
made on or before the day.

``escaped_on`` (what ``months_since_escape`` counts from) comes from two places:

1. the review app's recognised record (``review.HouseholdStatus``): where a household has one
   whose decision was signed on or before the day, its ``escaped_on`` is the answer — the
   date the commune chairman recognised the escape, or none when the household is recognised
   as poor / near-poor or never left the lists. It is the legal fact, so it applies under
   every standard a rule names and does not depend on the classifications;
2. otherwise the date derived from the classification history: the survey date of the last
   year in which the household stopped being poor or near-poor (poor or near-poor the
   previous classified year, neither that year), provided it is neither now.

A record decided after the day does not say what held on the day, so the derived date is used
then. Both the province-wide frame and :func:`household_facts` (one household) go through
:func:`facts_load`, so the compiled rule and the oracle read the same date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import polars as pl
from django.db import connection
from django.db.models import QuerySet

from giamngheo.analytics.classify import STATUS_DTYPE
from giamngheo.analytics.eligibility import (
    AREA_FLAGS,
    eligible_lazy,
    frames_facts,
    household_schema,
)
from giamngheo.apps.registry.models import Household, Member
from giamngheo.apps.review.models import HouseholdStatus
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.domain.eligibility import HouseholdFacts, Rule

POOR_OR_NEAR = ["poor", "near_poor"]
_FLAG_FIELDS = {
    "ethnic_minority_mountainous": "village__commune__ethnic_minority_mountainous",
    "border": "village__commune__border",
    "island": "village__commune__island_coastal",
    "extremely_difficult": "village__commune__extremely_difficult",
    "poor_commune": "village__commune__poor_commune",
    "remote_village": "village__remote",
}
_MEMBER_ATTRIBUTES = {"members", "members_under", "members_aged"}


def rows_frame(rows: QuerySet[Any], fields: dict[str, str], schema: dict[str, Any]) -> pl.DataFrame:
    """Run ``rows.values_list(*fields.values())`` on the raw cursor (much faster than model
    rows for a province) into a frame with ``fields``' keys as column names."""
    sql, params = rows.values_list(*fields.values()).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        data = cursor.fetchall()
    return pl.DataFrame(data, schema=list(fields), orient="row").cast(schema)  # type: ignore[arg-type]


def facts_load(
    households: QuerySet[Household], rules: Sequence[Rule], *, as_of: dt.date
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Household and member frames (see :mod:`giamngheo.analytics.eligibility`) for the
    households, covering what ``rules`` read; the household frame adds ``commune_id``."""
    standards = sorted({s for r in rules for s in r.standards()} | {r.standard for r in rules})
    frame = _units(households)
    for standard in standards:
        frame = frame.join(
            _classified(households, standard, as_of), on="household_id", how="left",
            maintain_order="left",
        )  # fmt: skip
    names = {ref.name for r in rules for ref in r.refs()}
    frame = frame.join(_heads(households, names), on="household_id", how="left")
    if "months_since_escape" in names:
        frame = _with_recognised_escapes(frame, _recognised(households, as_of), standards)
    schema = household_schema(standards) | {"commune_id": pl.Int64()}
    return frame.select([pl.col(c).cast(t) for c, t in schema.items()]), _members(households, names)


def eligible_frame(
    households: QuerySet[Household], rule: Rule, *, as_of: dt.date, extra: Sequence[Rule] = ()
) -> pl.DataFrame:
    """Every household of ``households`` with the ``eligible`` column of ``rule`` (and the
    columns ``extra`` rules need, e.g. a level's priorities)."""
    frame, members = facts_load(households, [rule, *extra], as_of=as_of)
    lazy = eligible_lazy(frame.lazy(), members.lazy(), rule, as_of=as_of, extra=extra)
    return lazy.collect()


def _units(households: QuerySet[Household]) -> pl.DataFrame:
    fields = {"household_id": "id", "area": "area", "commune_id": "village__commune_id"}
    fields |= _FLAG_FIELDS
    schema = {"household_id": pl.Int64, "area": pl.String, "commune_id": pl.Int64}
    return rows_frame(households, fields, schema | dict.fromkeys(AREA_FLAGS, pl.Boolean))


def _classified(households: QuerySet[Household], standard: str, as_of: dt.date) -> pl.DataFrame:
    rows = SurveyClassification.objects.filter(
        survey__household__in=households, survey__kind="periodic",
        survey__surveyed_on__lte=as_of, standard_id=standard,
    )  # fmt: skip
    fields = {
        "household_id": "survey__household_id", "year": "survey__year",
        "version": "standard_version", "surveyed_on": "survey__surveyed_on", "status": "status",
        "deprivations": "deprivations", "deprived": "deprived",
    }  # fmt: skip
    schema = {
        "household_id": pl.Int64, "year": pl.Int32, "version": pl.Int32, "surveyed_on": pl.Date,
        "status": STATUS_DTYPE, "deprivations": pl.Int32, "deprived": pl.String,
    }  # fmt: skip
    history = rows_frame(rows, fields, schema).sort("household_id", "year", "version")
    latest = (
        history.group_by("household_id")
        .last()
        .join(_escapes(history), on="household_id", how="left")
    )
    current_out = ~pl.col("status").is_in(POOR_OR_NEAR)
    return latest.select(
        "household_id",
        pl.col("status").alias(f"status:{standard}"),
        pl.col("deprivations").alias(f"deprivations:{standard}"),
        pl.col("deprived").alias(f"deprived:{standard}"),
        pl.when(current_out).then(pl.col("escaped_on")).alias(f"escaped_on:{standard}"),
    )


def _escapes(history: pl.DataFrame) -> pl.DataFrame:
    """Per household, the survey date of its last escape from poor/near-poor (used where the
    household has no recognised status; see the module docstring)."""
    yearly = history.group_by("household_id", "year").last().sort("household_id", "year")
    previous = pl.col("status").shift(1).over("household_id")
    escaped = ~pl.col("status").is_in(POOR_OR_NEAR) & previous.is_in(POOR_OR_NEAR)
    return (
        yearly.filter(escaped.fill_null(False))
        .group_by("household_id")
        .agg(pl.col("surveyed_on").max().alias("escaped_on"))
    )


def _recognised(households: QuerySet[Household], as_of: dt.date) -> pl.DataFrame:
    """Households with a recognised status decided on or before ``as_of``, and its escape date
    (null: recognised as poor / near-poor, or never escaped)."""
    rows = HouseholdStatus.objects.filter(household__in=households, decision__signed_on__lte=as_of)
    fields = {"household_id": "household_id", "recognised_escaped_on": "escaped_on"}
    schema = {"household_id": pl.Int64, "recognised_escaped_on": pl.Date}
    return rows_frame(rows, fields, schema).with_columns(pl.lit(True).alias("recognised"))


def _with_recognised_escapes(
    frame: pl.DataFrame, recognised: pl.DataFrame, standards: Sequence[str]
) -> pl.DataFrame:
    """``escaped_on:S`` from the recognised record where there is one, else as derived."""
    joined = frame.join(recognised, on="household_id", how="left", maintain_order="left")
    known = pl.col("recognised").fill_null(False)
    chosen = [
        pl.when(known).then(pl.col("recognised_escaped_on"))
        .otherwise(pl.col(f"escaped_on:{s}")).alias(f"escaped_on:{s}")
        for s in standards
    ]  # fmt: skip
    return joined.with_columns(chosen).drop("recognised", "recognised_escaped_on")


def _heads(households: QuerySet[Household], names: set[str]) -> pl.DataFrame:
    schema = {"household_id": pl.Int64, "head_ethnicity": pl.String}
    if not names & {"minority", "ethnicity"}:
        return pl.DataFrame(schema=schema)
    heads = Member.objects.filter(household__in=households, relation="head")
    return rows_frame(
        heads, {"household_id": "household_id", "head_ethnicity": "ethnicity"}, schema
    )


def _members(households: QuerySet[Household], names: set[str]) -> pl.DataFrame:
    schema = {"household_id": pl.Int64, "birth_on": pl.Date}
    if not names & _MEMBER_ATTRIBUTES:
        return pl.DataFrame(schema=schema)
    rows = Member.objects.filter(household__in=households)
    return rows_frame(rows, {"household_id": "household_id", "birth_on": "birth_on"}, schema)


def household_facts(
    household: Household, rules: Sequence[Rule], *, as_of: dt.date
) -> HouseholdFacts:
    """What ``rules`` read about one household (the same loader as a province's enrolment),
    with ``escaped_on`` under the first rule's standard."""
    frame, members = facts_load(Household.objects.filter(pk=household.pk), rules, as_of=as_of)
    standards = [
        rules[0].standard,
        *sorted({s for r in rules for s in r.standards()} - {rules[0].standard}),
    ]
    return frames_facts(frame, members, standards, as_of=as_of)[0]
