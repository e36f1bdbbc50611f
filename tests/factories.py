"""factory-boy factories for the registry (tests only)."""

from __future__ import annotations

import datetime as dt

import factory

from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.registry.models import Household, Member, Survey


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    commune = factory.LazyFunction(lambda: Commune.objects.get(code="05977"))
    code = factory.Sequence(lambda n: f"T-{n:05d}")
    name = factory.Sequence(lambda n: f"Thôn Nà Pàn {n}")


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    village = factory.SubFactory(VillageFactory)
    province = factory.LazyAttribute(lambda o: o.village.commune.province)
    code = factory.Sequence(lambda n: f"HGD-{n:06d}")
    area = factory.LazyAttribute(lambda o: o.village.commune.area)
    address = "Thôn Nà Pàn"


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    household = factory.SubFactory(HouseholdFactory)
    full_name = "Hoàng Thị Hương"
    sex = "female"
    birth_on = dt.date(1990, 5, 17)
    relation = "head"
    ethnicity = "02"
    schooling = "upper_secondary"
    work_status = "working"


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    household = factory.SubFactory(HouseholdFactory)
    year = 2025
    kind = "periodic"
    surveyed_on = dt.date(2025, 10, 1)
    income_vnd = 1_350_000
