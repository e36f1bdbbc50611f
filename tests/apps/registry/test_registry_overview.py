import pytest
from tests.factories import HouseholdFactory, SurveyFactory, VillageFactory

from giamngheo.apps.registry.selectors import registry_overview

pytestmark = pytest.mark.django_db


def test_overview_counts_per_province_with_households() -> None:
    village = VillageFactory()
    HouseholdFactory.create_batch(3, village=village)
    SurveyFactory(household=HouseholdFactory(village=VillageFactory()), year=2024)
    overview = registry_overview()
    assert [(p.code, p.communes, p.villages, p.households) for p in overview.provinces] == [
        ("20", 65, 2, 4)
    ]
    assert overview.surveys == 1
    assert overview.survey_years == [2024]
