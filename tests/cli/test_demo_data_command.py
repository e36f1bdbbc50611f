"""`giamngheo demo-data` end to end on a fresh database: units, villages, households,
members and surveys written in one transaction, then classified by the application."""

import pytest
from typer.testing import CliRunner

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Province
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.apps.standards.services import surveys_classify
from giamngheo.cli.main import app

pytestmark = pytest.mark.django_db

ARGS = ["demo-data", "--province", "Lạng Sơn", "--households", "1500", "--years", "2024-2025"]


def test_demo_data_loads_a_province_and_refuses_to_load_it_twice() -> None:
    result = CliRunner().invoke(app, ARGS)
    assert result.exit_code == 0, result.output
    lang_son = Province.objects.get(code="20")
    assert Household.objects.filter(province=lang_son).count() == 1500
    assert Survey.objects.filter(household__province=lang_son).count() == 3000
    assert Member.objects.filter(household__province=lang_son).count() > 1500 * 3
    assert Household.objects.filter(village__commune__province=lang_son).count() == 1500
    assert AuditEvent.objects.filter(target_type="registry.household", action="bulk_load").exists()

    again = CliRunner().invoke(app, ARGS)
    assert again.exit_code != 0
    assert Household.objects.count() == 1500


def test_if_empty_skips_a_populated_registry() -> None:
    CliRunner().invoke(app, ARGS)
    result = CliRunner().invoke(app, [*ARGS, "--if-empty"])
    assert result.exit_code == 0
    assert Household.objects.count() == 1500


def test_loaded_surveys_classify_in_the_application() -> None:
    CliRunner().invoke(app, ARGS)
    run = surveys_classify(year=2025, province=Province.objects.get(code="20"))
    assert run.surveys == 1500
    stored = SurveyClassification.objects.filter(standard_id="vn-2022-2025", survey__year=2025)
    assert stored.count() == 1500  # the load classified 2024 and 2025; running again replaces
    assert SurveyClassification.objects.filter(standard_id="vn-2022-2025").count() == 3000
    poor = stored.filter(status="poor").count()
    assert 0 < poor < 1500 * 0.1
