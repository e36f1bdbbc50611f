"""Eligibility rules (:mod:`giamngheo.domain.eligibility`) compiled to Polars expressions.

A rule becomes one boolean expression over a household frame; member ages are counted per
household in one grouped pass first, only for the ages the rule names. Every comparison is
``fill_null(False)``, as in the oracle, so ``not`` of an unknown value is true in both.

Household frame columns (built by :func:`facts_frames` or by the programmes app's loader):
``household_id``, ``area``, ``head_ethnicity``, the area flags (``border``, …),
``status:S``, ``deprivations:S``, ``deprived:S`` (``;``-joined ids) and ``escaped_on:S`` for
each standard ``S`` the rule reads. Member frame: ``household_id``, ``birth_on``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from giamngheo.analytics.classify import STATUS_DTYPE
from giamngheo.domain.eligibility import (
    AllOf,
    AnyOf,
    Classified,
    Compare,
    Flag,
    HouseholdFacts,
    Node,
    Not,
    Ref,
    Rule,
)
from giamngheo.domain.ethnicity import KINH

AREA_FLAGS = (
    "ethnic_minority_mountainous", "border", "island", "extremely_difficult", "poor_commune",
    "remote_village",
)  # fmt: skip
ELIGIBLE = "eligible"
_PER_STANDARD = ("status", "deprivations", "deprived")


def ref_column(ref: Ref, standard: str) -> str:
    """The frame column holding the attribute (member counts: the counted column)."""
    if ref.name in _PER_STANDARD:
        return f"{ref.name}:{ref.standard or standard}"
    if ref.name in ("members_under", "members_aged"):
        return f"{ref.name}:{ref.arg}"
    if ref.name == "months_since_escape":
        return f"escaped_on:{standard}"
    if ref.name in ("minority", "ethnicity"):
        return "head_ethnicity"
    return ref.name


def rule_expr(rule: Rule, *, as_of: dt.date) -> pl.Expr:
    """The rule as a non-null boolean expression (needs the member counts joined in)."""
    return _expr(rule.node, rule.standard, as_of)


def _expr(node: Node, standard: str, as_of: dt.date) -> pl.Expr:
    match node:
        case Compare(ref=ref, op=op, value=value):
            return _compare(_value(ref, standard, as_of), op, value).fill_null(False)
        case Flag(ref=ref):
            return _value(ref, standard, as_of).fill_null(False)
        case Not(operand=operand):
            return ~_expr(operand, standard, as_of)
        case AllOf(operands=operands):
            return pl.all_horizontal([_expr(o, standard, as_of) for o in operands])
        case AnyOf(operands=operands):
            return pl.any_horizontal([_expr(o, standard, as_of) for o in operands])


def _value(ref: Ref, standard: str, as_of: dt.date) -> pl.Expr:
    column = pl.col(ref_column(ref, standard))
    match ref.name:
        case "deprived":
            return (pl.lit(";") + column + pl.lit(";")).str.contains(f";{ref.arg};", literal=True)
        case "minority":
            return column.is_not_null() & (column != KINH)
        case "months_since_escape":
            return _months_until(column, as_of)
    return column


def _months_until(start: pl.Expr, end: dt.date) -> pl.Expr:
    """Whole months from each date to ``end`` (as :func:`months_between`)."""
    months = (end.year - start.dt.year().cast(pl.Int32)) * 12 + end.month - start.dt.month()
    return months - (start.dt.day() > end.day).cast(pl.Int32)


def _compare(left: pl.Expr, op: str, value: int | str | tuple[int | str, ...]) -> pl.Expr:
    if isinstance(value, tuple):
        inside = left.is_in(list(value))
        return inside if op == "in" else ~inside
    methods = {"==": left.eq, "!=": left.ne, "<": left.lt, "<=": left.le, ">": left.gt}
    return methods.get(op, left.ge)(value)


def member_counts(members: pl.LazyFrame, rules: Sequence[Rule], *, as_of: dt.date) -> pl.LazyFrame:
    """Per household: ``members`` and the ``members_under:N`` / ``members_aged:N`` counts the
    rules name, from each member's whole years of age on ``as_of``."""
    birth = pl.col("birth_on")
    later_birthday = (birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day()) > (
        as_of.month * 100 + as_of.day
    )
    age = as_of.year - birth.dt.year().cast(pl.Int32) - later_birthday.cast(pl.Int32)
    counts = [pl.len().cast(pl.Int32).alias("members")]
    for column, ref in _member_refs(rules).items():
        test = age < int(ref.arg or 0) if ref.name == "members_under" else age >= int(ref.arg or 0)
        counts.append(test.sum().cast(pl.Int32).alias(column))
    return members.group_by("household_id").agg(counts)


def _member_refs(rules: Sequence[Rule]) -> dict[str, Ref]:
    seen: dict[str, Ref] = {}
    for rule in rules:
        for ref in rule.refs():
            if ref.name in ("members_under", "members_aged"):
                seen.setdefault(ref_column(ref, rule.standard), ref)
    return seen


def eligible_lazy(
    households: pl.LazyFrame,
    members: pl.LazyFrame,
    rule: Rule,
    *,
    as_of: dt.date,
    extra: Sequence[Rule] = (),
) -> pl.LazyFrame:
    """``households`` with an ``eligible`` column (households without members count 0) and
    the member counts that ``rule`` and the ``extra`` rules (e.g. priorities) read."""
    counts = member_counts(members, [rule, *extra], as_of=as_of)
    count_columns = counts.collect_schema().names()[1:]
    joined = households.join(counts, on="household_id", how="left", maintain_order="left")
    return joined.with_columns(pl.col(count_columns).fill_null(0)).with_columns(
        rule_expr(rule, as_of=as_of).alias(ELIGIBLE)
    )


def facts_frames(
    facts: Sequence[HouseholdFacts], standards: Sequence[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Household and member frames holding ``facts`` (ids 0, 1, …), for the given standards."""
    households = pl.DataFrame(
        [_household_row(i, f, standards) for i, f in enumerate(facts)],
        schema=household_schema(standards),
        orient="row",
    )
    members = pl.DataFrame(
        [(i, b) for i, f in enumerate(facts) for b in f.member_births],
        schema={"household_id": pl.Int64, "birth_on": pl.Date},
        orient="row",
    )
    return households, members


def household_schema(standards: Sequence[str]) -> dict[str, pl.DataType]:
    schema: dict[str, pl.DataType] = {
        "household_id": pl.Int64(),
        "area": pl.String(),
        "head_ethnicity": pl.String(),
    }
    schema |= {flag: pl.Boolean() for flag in AREA_FLAGS}
    for s in standards:
        schema |= {
            f"status:{s}": STATUS_DTYPE,
            f"deprivations:{s}": pl.Int32(),
            f"deprived:{s}": pl.String(),
            f"escaped_on:{s}": pl.Date(),
        }
    return schema


def _household_row(i: int, facts: HouseholdFacts, standards: Sequence[str]) -> list[object]:
    row: list[object] = [i, facts.area, facts.head_ethnicity]
    row += [getattr(facts, flag) for flag in AREA_FLAGS]
    for s in standards:
        result = facts.classifications.get(s)
        row += [
            result.status if result else None,
            result.deprivations if result else None,
            ";".join(sorted(result.deprived)) if result else None,
            facts.escaped_on,
        ]
    return row


def frames_facts(
    households: pl.DataFrame, members: pl.DataFrame, standards: Sequence[str], *, as_of: dt.date
) -> list[HouseholdFacts]:
    """The inverse of :func:`facts_frames`: one :class:`HouseholdFacts` per household row
    (for explaining one household, and for running the oracle on the same data)."""
    births: dict[int, list[dt.date]] = {}
    for household_id, birth_on in members.select("household_id", "birth_on").iter_rows():
        births.setdefault(household_id, []).append(birth_on)
    return [
        _facts(row, standards, as_of, tuple(births.get(row["household_id"], ())))
        for row in households.iter_rows(named=True)
    ]


def _facts(
    row: dict[str, object], standards: Sequence[str], as_of: dt.date, births: tuple[dt.date, ...]
) -> HouseholdFacts:
    results = {
        s: Classified(
            status=row[f"status:{s}"],  # type: ignore[arg-type]
            deprivations=int(row[f"deprivations:{s}"] or 0),  # type: ignore[call-overload]
            deprived=frozenset(filter(None, str(row[f"deprived:{s}"] or "").split(";"))),
        )
        for s in standards
        if row.get(f"status:{s}") is not None
    }
    escaped = row.get(f"escaped_on:{standards[0]}") if standards else None
    return HouseholdFacts(
        as_of=as_of,
        area=row["area"],  # type: ignore[arg-type]
        head_ethnicity=row.get("head_ethnicity"),  # type: ignore[arg-type]
        classifications=results,
        escaped_on=escaped,  # type: ignore[arg-type]
        member_births=births,
        **{flag: bool(row.get(flag)) for flag in AREA_FLAGS},
    )
