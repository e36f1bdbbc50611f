"""What the rules know about one household, and the value of each attribute for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from giamngheo.domain.eligibility.nodes import Ref
from giamngheo.domain.ethnicity import KINH
from giamngheo.domain.model import Area, Status

type Value = int | str | bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Classified:
    """The household's latest periodic result under one standard."""

    status: Status
    deprivations: int
    deprived: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseholdFacts:
    """One household as of a day. ``classifications`` maps standard ids to the latest result;
    ``escaped_on`` is when it last stopped being poor or near-poor (``None``: never, or poor
    again); ``member_births`` holds every member's date of birth."""

    as_of: date
    area: Area
    head_ethnicity: str | None = None
    classifications: Mapping[str, Classified] = field(default_factory=dict)
    ethnic_minority_mountainous: bool = False
    border: bool = False
    island: bool = False
    extremely_difficult: bool = False
    poor_commune: bool = False
    remote_village: bool = False
    escaped_on: date | None = None
    member_births: tuple[date, ...] = ()


def age_on(birth: date, day: date) -> int:
    """Whole years of age on ``day`` (a 29 February birthday counts from 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


_AREA_FLAGS = (
    "ethnic_minority_mountainous", "border", "island", "extremely_difficult", "poor_commune",
    "remote_village",
)  # fmt: skip


def value_of(ref: Ref, facts: HouseholdFacts, default_standard: str) -> Value:
    """The attribute's value for the household (``None``: not known)."""
    if ref.name in _AREA_FLAGS:
        return bool(getattr(facts, ref.name))
    if ref.name in ("status", "deprivations", "deprived"):
        return _classified(ref, facts, ref.standard or default_standard)
    return _personal(ref, facts)


def _classified(ref: Ref, facts: HouseholdFacts, standard: str) -> Value:
    result = facts.classifications.get(standard)
    if result is None:
        return None
    if ref.name == "status":
        return result.status
    if ref.name == "deprivations":
        return result.deprivations
    return ref.arg in result.deprived


def _personal(ref: Ref, facts: HouseholdFacts) -> Value:
    match ref.name:
        case "area":
            return facts.area
        case "ethnicity":
            return facts.head_ethnicity
        case "minority":
            return facts.head_ethnicity is not None and facts.head_ethnicity != KINH
        case "months_since_escape":
            return months_between(facts.escaped_on, facts.as_of) if facts.escaped_on else None
        case "members":
            return len(facts.member_births)
        case "members_under":
            return sum(age_on(b, facts.as_of) < int(ref.arg or 0) for b in facts.member_births)
        case "members_aged":
            return sum(age_on(b, facts.as_of) >= int(ref.arg or 0) for b in facts.member_births)
    raise KeyError(ref.name)
