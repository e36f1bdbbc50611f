"""``months_since_escape`` reads the review app's recognised record where a household has one
in force on the day, and the escape derived from the classification history otherwise; the
compiled rule (a province) and the oracle (one household) agree on both paths."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from tests.apps.programmes.programmes_support import HOME, STD, household, province_officer

from giamngheo.analytics.eligibility import ELIGIBLE
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.facts import eligible_frame, household_facts
from giamngheo.apps.registry.models import Household
from giamngheo.apps.review.models import HouseholdStatus, RecognitionDecision, ReviewCampaign
from giamngheo.domain.eligibility import rule_evaluate, rule_parse

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 2)
ESCAPED = {2023: "poor", 2024: "average", 2025: "average"}  # derived escape: 1 Oct 2024


def _recognise(
    found: Household, *, status: str, escaped_on: dt.date | None, signed_on: dt.date | None = None
) -> None:
    """A recognised status decided on ``signed_on`` (default: the escape date)."""
    signed_on = signed_on or escaped_on
    assert signed_on is not None
    commune = found.village.commune
    campaign, _ = ReviewCampaign.objects.get_or_create(
        province=commune.province, kind="periodic", opens_on=dt.date(2025, 9, 1),
        defaults={"year": 2025, "closes_on": dt.date(2025, 12, 14), "standard_id": STD},
    )  # fmt: skip
    decision, _ = RecognitionDecision.objects.get_or_create(
        campaign=campaign, commune=commune,
        defaults={"number": "1/QĐ", "signed_on": signed_on, "signed_by": province_officer()},
    )  # fmt: skip
    HouseholdStatus.objects.create(
        household=found, status=status, since_on=signed_on, escaped_on=escaped_on,
        ever_poor=True, decision=decision,
    )  # fmt: skip


def _months(found: Household, rule_text: str) -> tuple[int | None, bool, bool]:
    """(months the oracle reads, oracle's verdict, the compiled verdict) for one household."""
    rule = rule_parse(rule_text, standard=STD)
    facts = household_facts(found, [rule], as_of=DAY)
    months = None if facts.escaped_on is None else _between(facts.escaped_on, DAY)
    frame = eligible_frame(Household.objects.filter(pk=found.pk), rule, as_of=DAY)
    return months, rule_evaluate(rule, facts), bool(frame.get_column(ELIGIBLE)[0])


def _between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def test_without_a_recognised_record_the_derived_escape_counts() -> None:
    found = household(HOME, "H-derived", ESCAPED)
    assert _months(found, "months_since_escape == 17") == (17, True, True)


def test_the_recognised_escape_date_wins_over_the_derived_one() -> None:
    found = household(HOME, "H-rec", ESCAPED)
    _recognise(found, status="not_poor", escaped_on=dt.date(2025, 12, 20))
    assert _months(found, "months_since_escape == 2") == (2, True, True)
    assert _months(found, "months_since_escape == 17")[1:] == (False, False)


def test_a_recognised_escape_counts_even_without_a_derived_one() -> None:
    found = household(HOME, "H-rec2", {2025: "poor"})  # the history shows no escape
    _recognise(found, status="average", escaped_on=dt.date(2025, 11, 30))
    assert _months(found, "months_since_escape < 36") == (3, True, True)


def test_recognised_as_poor_means_no_escape_whatever_the_history_says() -> None:
    found = household(HOME, "H-back", ESCAPED)
    _recognise(found, status="poor", escaped_on=None, signed_on=dt.date(2025, 12, 1))
    assert _months(found, "months_since_escape < 36") == (None, False, False)
    assert _months(found, "not months_since_escape < 36") == (None, True, True)


def test_a_decision_signed_after_the_day_is_not_yet_in_force() -> None:
    found = household(HOME, "H-later", ESCAPED)
    _recognise(found, status="not_poor", escaped_on=dt.date(2026, 5, 1))
    assert _months(found, "months_since_escape == 17") == (17, True, True)


def test_a_province_frame_mixes_both_paths_row_by_row() -> None:
    derived = household(HOME, "H-d", ESCAPED)
    recognised = household(HOME, "H-r", ESCAPED)
    _recognise(recognised, status="not_poor", escaped_on=dt.date(2025, 12, 20))
    rule = rule_parse("months_since_escape < 12", standard=STD)
    province = Commune.objects.get(code=HOME).province
    frame = eligible_frame(Household.objects.filter(province=province), rule, as_of=DAY)
    verdicts = dict(frame.select("household_id", ELIGIBLE).iter_rows())
    assert verdicts == {derived.pk: False, recognised.pk: True}
    for found in (derived, recognised):
        facts = household_facts(found, [rule], as_of=DAY)
        assert rule_evaluate(rule, facts) == verdicts[found.pk]
    assert frame.filter(pl.col(ELIGIBLE)).height == 1
