"""Who lives in each household: size, family type, relation to the head, sex and age.

Family types follow the usual patterns of the northern mountains: single elderly people,
couples, lone parents, nuclear families, and three-generation stem families — either a young
head living with his parents, or an older head living with a married child and grandchildren.
Children are born to mothers aged 17–45; spouses are of similar age.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Floats, Ints, categorical_pick, labels
from giamngheo.demo.ethnic_mix import GROUP_NAMES

SIZE_PROBABILITIES = np.array([0.07, 0.15, 0.21, 0.27, 0.16, 0.085, 0.038, 0.012, 0.005])
"""Household sizes 1–9 before the group/area adjustments (mean ≈ 3.8 after them)."""

RELATIONS: tuple[str, ...] = ("head", "spouse", "parent", "child", "other", "child", "sibling")


class Family(IntEnum):
    SINGLE = 0
    COUPLE = 1
    LONE_PARENT = 2
    NUCLEAR = 3
    STEM_YOUNG = 4  # head lives with his or her parents
    STEM_OLD = 5  # head lives with a married child and grandchildren


class Role(IntEnum):
    HEAD = 0
    SPOUSE = 1
    PARENT = 2
    ADULT_CHILD = 3
    IN_LAW = 4
    KID = 5  # child of the head, or grandchild in a STEM_OLD family
    SIBLING = 6


@dataclass(frozen=True, slots=True, kw_only=True)
class Families:
    """Per household: size, family type and how many members fill each slot."""

    size: Ints
    family: Ints
    spouse: Ints
    parents: Ints
    adults: Ints
    kids: Ints
    siblings: Ints


@dataclass(frozen=True, slots=True, kw_only=True)
class People:
    """Per member (ordered by household, then member number): household row, slot, role,
    sex and age in years on the household's last survey date."""

    household: Ints
    member_no: Ints
    role: Ints
    male: Bools
    age: Floats


def _sizes(group: Ints, urban: Bools, rng: np.random.Generator) -> Ints:
    n = group.size
    size = categorical_pick(rng.random(n), SIZE_PROBABILITIES) + 1
    large = np.isin(group, [GROUP_NAMES.index("Mông"), GROUP_NAMES.index("Dao")])
    size += large & (rng.random(n) < 0.5)
    size -= urban & (size > 1) & (rng.random(n) < 0.15)
    return np.minimum(size, 9)


def families_draw(group: Ints, urban: Bools, rng: np.random.Generator) -> Families:
    """Draw the size and family type of every household."""
    size = _sizes(group, urban, rng)
    u = rng.random(size.size)
    family = np.select(
        [size == 1, size == 2, u < 0.58, (u < 0.80) & (size >= 4), u < 0.92],
        [
            Family.SINGLE,
            np.where(u < 0.65, Family.COUPLE, Family.LONE_PARENT),
            Family.NUCLEAR,
            Family.STEM_OLD,
            Family.STEM_YOUNG,
        ],
        Family.LONE_PARENT,
    )
    spouse = np.isin(family, [Family.COUPLE, Family.NUCLEAR, Family.STEM_YOUNG, Family.STEM_OLD])
    parents = np.where(family == Family.STEM_YOUNG, 1 + (rng.random(size.size) < 0.5), 0)
    parents = np.minimum(parents, size - 1 - spouse)
    adults = np.where(family == Family.STEM_OLD, 2, 0)
    siblings = (family == Family.NUCLEAR) & (size >= 5) & (rng.random(size.size) < 0.12)
    kids = size - 1 - spouse - parents - adults - siblings
    return Families(
        size=size,
        family=family,
        spouse=spouse.astype(np.int64),
        parents=parents,
        adults=adults,
        kids=kids,
        siblings=siblings.astype(np.int64),
    )


def _roles(f: Families) -> tuple[Ints, Ints, Ints]:
    household = np.repeat(np.arange(f.size.size), f.size)
    starts = np.concatenate([[0], np.cumsum(f.size)[:-1]])
    pos = np.arange(household.size) - starts[household]
    b_parent = (1 + f.spouse)[household]
    b_adult = b_parent + f.parents[household]
    b_kid = b_adult + f.adults[household]
    b_sibling = b_kid + f.kids[household]
    role = np.select(
        [
            pos == 0,
            pos < b_parent,
            pos < b_adult,
            (pos == b_adult) & (pos < b_kid),
            pos < b_kid,
            pos < b_sibling,
        ],
        [Role.HEAD, Role.SPOUSE, Role.PARENT, Role.ADULT_CHILD, Role.IN_LAW, Role.KID],
        Role.SIBLING,
    )
    return household, pos, role.astype(np.int64)


def relation_names(role: Ints, family: Ints) -> pl.Series:
    """Relation to the head (registry vocabulary) of each member."""
    index = np.where((role == Role.KID) & (family == Family.STEM_OLD), len(RELATIONS), role)
    return labels((*RELATIONS, "grandchild"), index)


def _head_age(f: Families, rng: np.random.Generator) -> Floats:
    n = f.size.size
    u = rng.random(n)
    elderly = rng.random(n) < 0.6
    age = np.select(
        [
            f.family == Family.SINGLE,
            f.family == Family.COUPLE,
            f.family == Family.LONE_PARENT,
            f.family == Family.NUCLEAR,
            f.family == Family.STEM_YOUNG,
        ],
        [
            np.where(elderly, 60 + 32 * u, 22 + 38 * u),
            np.where(elderly, 52 + 36 * u, 20 + 14 * u),
            28 + 47 * u,
            24 + 34 * u,
            22 + 23 * u,
        ],
        50 + 30 * u,
    )
    with_kids = np.isin(f.family, [Family.NUCLEAR, Family.STEM_YOUNG, Family.LONE_PARENT])
    return np.where(with_kids, np.maximum(age, 21 + 2.2 * f.kids), age)


def _head_male(f: Families, head_age: Floats, rng: np.random.Generator) -> Bools:
    p = np.select(
        [f.spouse == 1, f.family == Family.LONE_PARENT, head_age >= 60], [0.85, 0.25, 0.3], 0.6
    )
    return rng.random(f.size.size) < p


def _partner_age(age: Floats, male: Bools, rng: np.random.Generator) -> Floats:
    """Age of a partner: wives are on average 3 years younger than their husbands."""
    gap = rng.normal(3.0, 3.0, age.size)
    return np.maximum(np.where(male, age - gap, age + gap), 18.0)


def _adult_child_age(mother: Floats, rng: np.random.Generator) -> Floats:
    latest = np.minimum(mother - 19.0, 45.0)
    born_at = np.clip(18.0 + rng.random(mother.size) * (latest - 18.0), 17.0, 45.0)
    return np.maximum(mother - born_at, 18.0)


def _kid_ages(mother: Floats, kids: Ints, index: Ints, rng: np.random.Generator) -> Floats:
    """Ages of the ``index``-th child (oldest first) of mothers of age ``mother`` with ``kids``
    children; every child is born when the mother is 17–45."""
    latest = np.minimum(mother, 45.0)
    spaces = np.maximum(kids - 1, 1)
    first = np.maximum(
        17.0, np.minimum(18.0 + 7.0 * rng.random(mother.size), latest - spaces * 1.8)
    )
    gap = np.minimum(1.8 + 1.5 * rng.random(mother.size), (latest - first) / spaces)
    born_at = np.minimum(first + index * gap + 0.8 * rng.random(mother.size), latest)
    return mother - born_at


@dataclass(frozen=True, slots=True, kw_only=True)
class _Elders:
    head_age: Floats
    head_male: Bools
    spouse_age: Floats
    adult_age: Floats
    adult_male: Bools
    in_law_age: Floats
    kid_mother: Floats


def _elders(f: Families, rng: np.random.Generator) -> _Elders:
    head_age = _head_age(f, rng)
    head_male = _head_male(f, head_age, rng)
    spouse_age = _partner_age(head_age, head_male, rng)
    mother = np.where(head_male, np.where(f.spouse == 1, spouse_age, head_age - 3.0), head_age)
    adult_age = _adult_child_age(mother, rng)
    adult_male = rng.random(head_age.size) < 0.8
    in_law_age = _partner_age(adult_age, adult_male, rng)
    young_mother = np.where(adult_male, in_law_age, adult_age)
    return _Elders(
        head_age=head_age,
        head_male=head_male,
        spouse_age=spouse_age,
        adult_age=adult_age,
        adult_male=adult_male,
        in_law_age=in_law_age,
        kid_mother=np.where(f.family == Family.STEM_OLD, young_mother, mother),
    )


def people_draw(f: Families, rng: np.random.Generator) -> People:
    """Every member's slot, role, sex and age (years on the household's last survey date)."""
    household, pos, role = _roles(f)
    e = _elders(f, rng)
    h = household
    parent_no = pos - 1 - f.spouse[h]
    parent_male = np.where(f.parents[h] == 2, parent_no == 0, rng.random(h.size) < 0.3)
    kid_no = pos - 1 - f.spouse[h] - f.parents[h] - f.adults[h]
    kid_age = _kid_ages(e.kid_mother[h], f.kids[h], kid_no, rng)
    conditions = [role == r for r in Role]
    age = np.select(
        conditions,
        [
            e.head_age[h],
            e.spouse_age[h],
            e.head_age[h] + 20 + 15 * rng.random(h.size),
            e.adult_age[h],
            e.in_law_age[h],
            kid_age,
            np.maximum(e.head_age[h] + rng.uniform(-10, 10, h.size), 16.0),
        ],
    )
    male = np.select(
        conditions,
        [
            e.head_male[h],
            ~e.head_male[h],
            parent_male,
            e.adult_male[h],
            ~e.adult_male[h],
            rng.random(h.size) < 0.51,
            rng.random(h.size) < 0.5,
        ],
    )
    return People(
        household=h, member_no=pos + 1, role=role, male=male.astype(bool), age=np.minimum(age, 99.5)
    )
