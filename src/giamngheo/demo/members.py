"""Members of households: names, birth dates, IDs, ethnicity, disability, schooling, work.

Attributes describe each person on the household's last survey date (the registry as it
stands after the latest review). They start out *compliant* with the member-based indicators
(children in school, young adults qualified, nobody unemployed or working without a
contract); :mod:`giamngheo.demo.alignment` then breaks them where the latest survey says so.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Floats, Ints, categorical_pick, labels
from giamngheo.demo.citizen_ids import citizen_ids_draw
from giamngheo.demo.composition import Families, Family, People, Role, relation_names
from giamngheo.demo.ethnic_mix import GROUP_CODES, GROUP_NAMES
from giamngheo.demo.households import HouseholdTable
from giamngheo.demo.person_names import full_names, names_draw

DAYS_PER_YEAR = 365.25
"""Ages are days / 365.25 everywhere in the generator (and in its tests)."""

SCHOOLING: tuple[str, ...] = (
    "none", "primary", "lower_secondary", "upper_secondary", "vocational", "higher",
)  # fmt: skip
# Highest level completed by people over 30, by birth cohort (demo assumption).
_ADULT_SCHOOLING = np.array(
    [
        [0.20, 0.40, 0.28, 0.09, 0.02, 0.01],  # born before 1960
        [0.07, 0.25, 0.40, 0.17, 0.06, 0.05],  # 1960–1979
        [0.02, 0.10, 0.33, 0.31, 0.12, 0.12],  # 1980 and later
    ]
)
_YOUNG_ADULT_SCHOOLING = np.array([0.0, 0.0, 0.0, 0.55, 0.25, 0.20])  # aged 23–30


def _birth(households: HouseholdTable, people: People) -> tuple[pl.Series, Ints, Ints]:
    """Birth dates, birth years and ages in days on the last survey date."""
    last = households.surveyed_on[:, -1][people.household]
    days = np.round(people.age * DAYS_PER_YEAR).astype(np.int64)
    birth = last - days.astype("timedelta64[D]")
    year = birth.astype("datetime64[Y]").astype(np.int64) + 1970
    return pl.Series("birth_on", birth, dtype=pl.Date), year, days


def _groups(household_group: Ints, role: Ints, rng: np.random.Generator) -> Ints:
    """Head's group for blood relatives; partners marry in from Tày↔Nùng or Kinh sometimes."""
    partner = np.isin(role, [Role.SPOUSE, Role.IN_LAW])
    u = rng.random(role.size)
    tay, nung, kinh = (GROUP_NAMES.index(name) for name in ("Tày", "Nùng", "Kinh"))
    swapped = np.select([household_group == tay, household_group == nung], [nung, tay], kinh)
    married_out = partner & ((u < 0.12) & np.isin(household_group, [tay, nung]) | (u < 0.04))
    return np.where(married_out, swapped, household_group)


def _surnames(
    people: People, families: Families, group: Ints, rng: np.random.Generator
) -> pl.Series:
    """Children take the father's surname; partners and the head's mother keep their own."""
    own = names_draw("surname", group, rng.random(group.size))
    h, f = people.household, families
    start = np.concatenate([[0], np.cumsum(f.size)[:-1]])
    last = group.size - 1
    father = np.where(people.male[start] | (f.spouse == 0), start, start + 1)
    adult = np.minimum(start + 1 + f.spouse + f.parents, last)
    grand_father = np.where(people.male[adult], father, np.minimum(adult + 1, last))
    kid_father = np.where(f.family == Family.STEM_OLD, grand_father, father)
    own_row = np.arange(group.size)
    source = np.select(
        [
            people.role == Role.HEAD,
            (people.role == Role.PARENT) & people.male,
            people.role == Role.ADULT_CHILD,
            people.role == Role.KID,
            people.role == Role.SIBLING,
        ],
        [start[h], start[h], father[h], kid_father[h], start[h]],
        own_row,
    )
    return own.gather(pl.Series(source))


def _disability(age: Floats, rng: np.random.Generator) -> Bools:
    p = np.select([age < 16, age < 60, age < 80], [0.015, 0.035, 0.10], 0.2)
    return rng.random(age.size) < p


def _adult_schooling(birth_year: Ints, shift: Floats, rng: np.random.Generator) -> Ints:
    cohort = np.select([birth_year < 1960, birth_year < 1980], [0, 1], 2)
    u = rng.random(birth_year.size) ** np.exp(-shift)  # shift > 0 favours higher levels
    return categorical_pick(u, _ADULT_SCHOOLING[cohort])


def _schooling(
    age: Floats, birth_year: Ints, shift: Floats, rng: np.random.Generator
) -> tuple[Ints, Bools]:
    """Highest level completed and whether in school, compliant for ages 3–30."""
    n = age.size
    studying_18 = rng.random(n) < 0.3 * np.exp(shift)
    young = categorical_pick(rng.random(n) ** np.exp(-shift), _YOUNG_ADULT_SCHOOLING)
    level = np.select(
        [age < 11, age < 15, age < 18, (age < 23) & studying_18, age < 23, age < 31],
        [0, 1, 2, 3, np.where(rng.random(n) < 0.7, 3, 4), young],
        _adult_schooling(birth_year, shift, rng),
    )
    in_school = ((age >= 3) & (age < 16)) | ((age < 18) & (rng.random(n) < 0.85))
    in_school |= (age >= 18) & (age < 23) & studying_18
    return level.astype(np.int64), in_school & (age >= 3)


def _work_status(
    age: Floats, in_school: Bools, disability: Bools, urban: Bools, rng: np.random.Generator
) -> Ints:
    """Index into ``WORK_STATUS``; nobody is unemployed or informal yet (see alignment)."""
    u = rng.random(age.size)
    elderly_working = u < np.where(urban, 0.2, 0.45)
    return np.select(
        [age < 15, in_school, disability & (u < 0.5), age < 60, disability, elderly_working],
        [6, 3, 5, 0, 5, 0],
        4,
    ).astype(np.int64)


WORK_STATUS: tuple[str, ...] = (
    "working", "unemployed", "informal_no_contract", "student", "retired", "unable", "child",
)  # fmt: skip


def _education_shift(household_group: Ints, urban: Bools) -> Floats:
    better = np.isin(household_group, [GROUP_NAMES.index("Kinh"), GROUP_NAMES.index("Hoa")])
    worse = np.isin(household_group, [GROUP_NAMES.index("Dao"), GROUP_NAMES.index("Mông")])
    return 0.5 * urban + 0.3 * better - 0.4 * worse


def _identity(
    *,
    province_code: int,
    people: People,
    families: Families,
    household_group: Ints,
    birth_year: Ints,
    rng: np.random.Generator,
) -> pl.DataFrame:
    """Name, sex, citizen ID, relation and ethnicity of each member."""
    group = _groups(household_group, people.role, rng)
    surname = _surnames(people, families, group, rng)
    adult = birth_year <= birth_year.max() - 14
    has_id = rng.random(group.size) < np.where(adult, 0.93, 0.85)
    male = people.male
    return pl.DataFrame(
        {
            "full_name": full_names(
                surname=surname, group=group, male=male, birth_year=birth_year, rng=rng
            ),
            "sex": labels(("female", "male"), male.astype(np.int64)),
            "citizen_id": citizen_ids_draw(
                province_code=province_code,
                male=male,
                birth_year=birth_year,
                has_id=has_id,
                rng=rng,
            ),
            "relation": relation_names(people.role, families.family[people.household]),
            "ethnicity_code": labels(GROUP_CODES, group),
        }
    )


def _condition(
    *,
    age: Floats,
    birth_year: Ints,
    household_group: Ints,
    urban: Bools,
    single: Bools,
    rng: np.random.Generator,
) -> pl.DataFrame:
    """Disability, social allowance, schooling and work of each member (compliant)."""
    disability = _disability(age, rng)
    level, in_school = _schooling(age, birth_year, _education_shift(household_group, urban), rng)
    allowance = (age >= 80) | (disability & (rng.random(age.size) < 0.55))
    allowance |= single & (age >= 60) & (rng.random(age.size) < 0.25)
    work = _work_status(age, in_school, disability, urban, rng)
    return pl.DataFrame(
        {
            "disability": disability,
            "social_allowance": allowance,
            "schooling": labels(SCHOOLING, level),
            "in_school": in_school,
            "work_status": labels(WORK_STATUS, work),
        }
    )


def members_build(
    *,
    province_code: int,
    households: HouseholdTable,
    families: Families,
    people: People,
    rng: np.random.Generator,
) -> pl.DataFrame:
    """All members with the public columns plus ``household_row`` and ``age_days`` (age in
    days on the household's last survey date; internal)."""
    h = people.household
    frame = households.frame
    household_group = frame["group"].to_numpy()[h]
    birth_on, birth_year, age_days = _birth(households, people)
    base = pl.DataFrame(
        {
            "household_row": h,
            "household_code": frame["code"].gather(pl.Series(h)),
            "member_no": people.member_no,
            "birth_on": birth_on,
            "age_days": age_days,
        }
    )
    identity = _identity(
        province_code=province_code,
        people=people,
        families=families,
        household_group=household_group,
        birth_year=birth_year,
        rng=rng,
    )
    condition = _condition(
        age=age_days / DAYS_PER_YEAR,
        birth_year=birth_year,
        household_group=household_group,
        urban=frame["urban"].to_numpy()[h],
        single=families.size[h] == 1,
        rng=rng,
    )
    return pl.concat([base, identity, condition], how="horizontal")
