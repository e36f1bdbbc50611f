"""A review under the score form of the 2022–2025 standard (Circular 07/2021): the survey
form carries the income score (điểm A) and the status follows the score lines."""

from __future__ import annotations

import datetime as dt

from tests.apps.review.review_support import POOR_FLAGS, Place

from giamngheo.apps.review import services
from giamngheo.apps.review.models import ReviewEntry
from giamngheo.apps.standards.models import SurveyClassification

D = dt.date


def test_regular_review_under_the_score_form(place: Place) -> None:
    campaign = services.campaign_open(
        actor=place.province_officer, province=place.commune.province, kind="regular",
        year=2026, month=9, standard_id="vn-2022-2025-score",
    )  # fmt: skip
    assert place.commune.area == "urban"  # a ward: the urban line, 175 points
    forms = {  # household → (income score, flags); poor from 30 deprivation points
        "A": (175, POOR_FLAGS),  # at the line, 3 deprivations (30 points): poor
        "B": (175, {"dep_water": True, "dep_latrine": True}),  # 20 points: near-poor
        "C": (176, POOR_FLAGS),  # one point above the line: not poor
    }
    for key, (score, flags) in forms.items():
        entry = services.request_receive(
            actor=place.officer, campaign=campaign, household=place.households[key],
            received_on=D(2026, 9, 16), reason="Đề nghị rà soát",
        )  # fmt: skip
        survey = services.entry_survey_record(
            actor=place.officer, entry=entry, surveyed_on=D(2026, 9, 20), income_score=score,
            **flags,
        )  # fmt: skip
        assert (survey.income_score, survey.income_vnd, survey.kind) == (score, None, "regular")

    services.campaign_classify(actor=place.officer, campaign=campaign, commune=place.commune)

    proposed = {
        e.household.code[-1]: e.proposed_status
        for e in ReviewEntry.objects.filter(campaign=campaign).select_related("household")
    }
    assert proposed == {"A": "poor", "B": "near_poor", "C": "not_poor"}
    scored = SurveyClassification.objects.filter(
        standard_id="vn-2022-2025-score", survey__kind="regular"
    )
    assert sorted(scored.values_list("deprivations", flat=True)) == [2, 3, 3]
