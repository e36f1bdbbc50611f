"""How much a support level gives a household: the central amount × the province's
multiplier, plus every priority addition whose condition the household meets.

A priority is ``{"when": <rule text>, "add_permille": n, "add": n, "label": text}``: when the
condition holds, ``add_permille``‰ of the base and ``add`` (in the level's unit) are added.
Amounts in percent (health-insurance shares) never exceed 100. The same arithmetic runs for
one household (the oracle) and as a Polars expression for a whole province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from giamngheo.analytics.eligibility import rule_expr
from giamngheo.apps.programmes.choices import AmountUnit
from giamngheo.apps.programmes.models import EligibilityRule, SupportLevel
from giamngheo.domain.eligibility import HouseholdFacts, Rule, rule_evaluate, rule_parse

PERCENT_CAP = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Priority:
    when: Rule
    add_permille: int
    add: int
    label: str


def eligibility_rule(rule: EligibilityRule) -> Rule:
    return rule_parse(rule.expression, standard=rule.standard_id)


def priorities_parse(raw: Sequence[dict[str, Any]], *, standard: str) -> list[Priority]:
    """Read stored priorities; ``RuleSyntaxError``/``ValueError`` for a bad one."""
    return [
        Priority(
            when=rule_parse(str(p["when"]), standard=standard),
            add_permille=int(p.get("add_permille", 0)),
            add=int(p.get("add", 0)),
            label=str(p.get("label", "")),
        )
        for p in raw
    ]


def level_priorities(level: SupportLevel) -> list[Priority]:
    return priorities_parse(level.priorities, standard=level.eligibility.standard_id)


def level_base(level: SupportLevel) -> int:
    """``central × multiplier``, rounded half up to a whole unit."""
    return (level.central_amount * level.multiplier_permille + 500) // 1000


def level_amount(level: SupportLevel, facts: HouseholdFacts) -> int:
    """The amount the level gives this household (the oracle)."""
    base = level_base(level)
    total = base + sum(
        _bonus(base, p) for p in level_priorities(level) if rule_evaluate(p.when, facts)
    )
    return min(total, PERCENT_CAP) if level.unit == AmountUnit.PERCENT else total


def level_amount_expr(level: SupportLevel, *, as_of: dt.date) -> pl.Expr:
    """The same amount as a Polars expression over an eligibility frame."""
    base = level_base(level)
    total: pl.Expr = pl.lit(base, pl.Int64)
    for p in level_priorities(level):
        bonus = pl.lit(_bonus(base, p), pl.Int64)
        total = total + pl.when(rule_expr(p.when, as_of=as_of)).then(bonus).otherwise(0)
    if level.unit == AmountUnit.PERCENT:
        total = pl.min_horizontal(total, pl.lit(PERCENT_CAP, pl.Int64))
    return total


def level_rules(level: SupportLevel) -> list[Rule]:
    """The eligibility rule and every priority condition (what the facts must cover)."""
    return [eligibility_rule(level.eligibility), *(p.when for p in level_priorities(level))]


def _bonus(base: int, priority: Priority) -> int:
    return (base * priority.add_permille + 500) // 1000 + priority.add
