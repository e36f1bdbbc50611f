"""The person-matching model: comparisons and blocking rules as Splink 5 settings.

Engine-neutral: these are Splink *creators*; they become SQL only when a backend (DuckDB here,
Spark at national scale) builds the linker. Column names are those of
:func:`giamngheo.linkage.normalise.person_features`.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.internals.comparison_creator import ComparisonCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator

MODEL_ID = "vn-person"
MODEL_VERSION = 1

type Level = tuple[str, str]  # (SQL condition, label)


def _comparison(name: str, null_when: str, levels: list[Level]) -> cl.CustomComparison:
    """A comparison whose first level is "unknown" and whose last is "everything else"."""
    rows: list[ComparisonLevelCreator | dict[str, Any]] = [
        {"sql_condition": null_when, "label_for_charts": "unknown", "is_null_level": True}
    ]
    rows += [{"sql_condition": sql, "label_for_charts": label} for sql, label in levels]
    rows.append({"sql_condition": "ELSE", "label_for_charts": "different"})
    return cl.CustomComparison(comparison_levels=rows, output_column_name=name)


_SUBSET = (
    "(list_has_all(name_words_l, name_words_r) OR list_has_all(name_words_r, name_words_l))"
    " AND least(len(name_words_l), len(name_words_r)) >= 2"
)
NAME = _comparison(
    "name",
    "name_fold_l IS NULL OR name_fold_r IS NULL",
    [
        ("name_marks_l = name_marks_r", "same, with diacritics"),
        ("name_fold_l = name_fold_r", "same without diacritics"),
        ("name_sorted_l = name_sorted_r", "same words, other order"),
        ("name_sound_l = name_sound_r", "spelling variant"),
        (f"surname_given_l = surname_given_r OR ({_SUBSET})", "middle name differs or dropped"),
        ("jaro_winkler_similarity(name_fold_l, name_fold_r) >= 0.92", "small typo"),
        ("jaro_winkler_similarity(name_fold_l, name_fold_r) >= 0.8", "similar"),
    ],
)

_FULL_DATES = "birth_on_l IS NOT NULL AND birth_on_r IS NOT NULL"
BIRTH = _comparison(
    "birth",
    "birth_year_l IS NULL OR birth_year_r IS NULL",
    [
        ("birth_on_l = birth_on_r", "same date"),
        (
            f"{_FULL_DATES} AND birth_year_l = birth_year_r"
            " AND month(birth_on_l) = day(birth_on_r) AND day(birth_on_l) = month(birth_on_r)",
            "day and month swapped",
        ),
        (
            "(birth_on_l IS NULL OR birth_on_r IS NULL) AND birth_year_l = birth_year_r",
            "same year (year only)",
        ),
        (
            f"{_FULL_DATES} AND damerau_levenshtein(CAST(birth_on_l AS VARCHAR),"
            " CAST(birth_on_r AS VARCHAR)) <= 1",
            "one digit differs",
        ),
        ("abs(birth_year_l - birth_year_r) <= 1", "year ±1"),
    ],
)

IDENTITY = _comparison(
    "identity",
    "(id12_l IS NULL OR id12_r IS NULL) AND (id_old_l IS NULL OR id_old_r IS NULL)",
    [
        ("id12_l = id12_r", "same citizen ID"),
        ("id_old_l = id_old_r", "same old ID card"),
        ("damerau_levenshtein(id12_l, id12_r) <= 1", "citizen ID: one digit off"),
        ("damerau_levenshtein(id_old_l, id_old_r) <= 1", "old ID card: one digit off"),
    ],
)

PLACE = _comparison(
    "place",
    "commune_codes_l IS NULL OR commune_codes_r IS NULL",
    [
        (
            "len(list_intersect(commune_codes_l, commune_codes_r)) > 0"
            " AND village_fold_l = village_fold_r",
            "same commune and village",
        ),
        ("len(list_intersect(commune_codes_l, commune_codes_r)) > 0", "same commune"),
    ],
)

SEX = _comparison("sex", "sex_l IS NULL OR sex_r IS NULL", [("sex_l = sex_r", "same sex")])

COMPARISONS: tuple[ComparisonCreator, ...] = (NAME, BIRTH, IDENTITY, PLACE, SEX)

BLOCKING_RULES = (
    block_on("id12"),
    block_on("id_old"),
    block_on("surname_given", "birth_year"),
    block_on("name_sound", "commune_key"),
    block_on("given", "birth_on"),
    block_on("birth_on", "commune_key"),
)

# EM sessions: each blocks on one thing and learns the m values of the others.
TRAINING_BLOCKS: tuple[tuple[str, ...], ...] = (("id12",), ("surname_given", "birth_on"))


def settings_create(*, prior: float = 1e-5) -> SettingsCreator:
    """Untrained settings for de-duplicating one table of person records (several sources
    stacked, the ``source`` column kept)."""
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=list(COMPARISONS),
        blocking_rules_to_generate_predictions=list(BLOCKING_RULES),
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=["source"],
    )
