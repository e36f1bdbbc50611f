"""factory-boy factories for users and the registry (tests only)."""

from __future__ import annotations

import datetime as dt

import factory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
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


class UserFactory(factory.django.DjangoModelFactory):
    """A commune officer of the factories' commune (05977) unless told otherwise."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    role = Role.COMMUNE_OFFICER
    scope_commune = factory.LazyFunction(lambda: Commune.objects.get(code="05977"))
    scope_province = factory.LazyAttribute(
        lambda o: o.scope_commune.province if o.scope_commune else None
    )
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def _save(self: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.full_clean(exclude=["password"])
            self.save()
