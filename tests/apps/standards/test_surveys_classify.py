"""Set-based classification of a year's surveys under every applicable standard."""

import datetime as dt

import pytest
from tests.factories import HouseholdFactory, SurveyFactory, VillageFactory

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.apps.standards.services import standard_adopt, surveys_classify
from giamngheo.domain.standards import standard_get

pytestmark = pytest.mark.django_db

THREE = {"dep_water": True, "dep_latrine": True, "dep_housing_quality": True}


@pytest.fixture
def quang_ninh() -> Province:
    province = Province.objects.get(code="22")
    standard_adopt(province=province, standard=standard_get("quangninh-2023-2025"))
    return province


def _survey(province: Province, income: int, **flags: bool) -> int:
    commune = Commune.objects.filter(province=province, kind="xa").order_by("code").first()
    household = HouseholdFactory(village=VillageFactory(commune=commune))
    fields = {"income_vnd": income, "year": 2024, "surveyed_on": dt.date(2024, 10, 1), **flags}
    return SurveyFactory(household=household, **fields).pk


def _statuses(survey_id: int) -> dict[str, str]:
    rows = SurveyClassification.objects.filter(survey_id=survey_id)
    return {r.standard_id: r.status for r in rows}


def test_applicable_standards_follow_validity_and_adoption(quang_ninh: Province) -> None:
    lang_son = Province.objects.get(code="20")
    assert [s.id for s in standards_applicable(province=lang_son, year=2024)] == [
        "vn-2022-2025",
        "vn-2022-2025-score",
    ]
    assert "quangninh-2023-2025" in [
        s.id for s in standards_applicable(province=quang_ninh, year=2024)
    ]
    assert [s.id for s in standards_applicable(province=lang_son, year=2027)] == ["vn-2026-2030"]


def test_central_and_provincial_standards_side_by_side(quang_ninh: Province) -> None:
    poor_locally = _survey(quang_ninh, 1_800_000, **THREE)
    near_poor_both = _survey(quang_ninh, 1_500_000, dep_water=True)
    not_poor = _survey(quang_ninh, 2_400_000)

    run = surveys_classify(year=2024, province=quang_ninh)

    assert run.surveys == 3
    assert _statuses(poor_locally) == {"vn-2022-2025": "average", "quangninh-2023-2025": "poor"}
    assert _statuses(near_poor_both) == {
        "vn-2022-2025": "near_poor",
        "quangninh-2023-2025": "near_poor",
    }
    assert _statuses(not_poor) == {"vn-2022-2025": "not_poor", "quangninh-2023-2025": "not_poor"}
    stored = SurveyClassification.objects.get(
        survey_id=poor_locally, standard_id="quangninh-2023-2025"
    )
    assert stored.deprivations == 3
    assert set(stored.deprived.split(";")) == {"water", "latrine", "housing_quality"}
    assert stored.standard_version == standard_get("quangninh-2023-2025").version
    assert run.counts["quangninh-2023-2025@v1"] == {"poor": 1, "near_poor": 1, "not_poor": 1}


def test_running_again_replaces_results_and_is_audited(quang_ninh: Province) -> None:
    survey_id = _survey(quang_ninh, 1_000_000, **THREE)
    surveys_classify(year=2024, province=quang_ninh)
    surveys_classify(year=2024, province=quang_ninh)
    assert SurveyClassification.objects.filter(survey_id=survey_id).count() == 2
    assert AuditEvent.objects.filter(target_type="standards.surveyclassification").count() == 2


def test_score_form_classifies_only_scored_surveys(quang_ninh: Province) -> None:
    scored = _survey(quang_ninh, 1_000_000, **THREE)
    from giamngheo.apps.registry.models import Survey

    Survey.objects.filter(pk=scored).update(income_score=140)
    surveys_classify(year=2024, province=quang_ninh)
    assert _statuses(scored)["vn-2022-2025-score"] == "poor"
