"""factory-boy factories for users and the registry (tests only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.test import Client

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province, Village
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
    """A commune officer of the factories' commune (05977) unless told otherwise; ``unit`` is
    the province, commune or village of the scope (``None``: the country)."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"canbo{n}")
    role = Role.COMMUNE_OFFICER
    unit = factory.LazyFunction(lambda: Commune.objects.get(code="05977"))

    @classmethod
    def _create(
        cls,
        model_class: type[User],
        *args: object,
        unit: Province | Commune | Village | None = None,
        password: str = "mat-khau-thu",
        **kwargs: object,
    ) -> User:
        user = model_class(**kwargs)
        user.scope_set(unit)
        user.set_password(password)
        user.full_clean()
        user.save()
        return user


def session_client(user: User, **options: Any) -> Client:
    """A test client signed in as ``user``."""
    client = Client(**options)
    client.force_login(user)
    return client


HOME, NEIGHBOUR, FAR = "05977", "05983", "00004"  # two communes of Lạng Sơn, one of Hà Nội


def village_in(commune_code: str, name: str) -> Village:
    commune = Commune.objects.get(code=commune_code)
    return Village.objects.create(commune=commune, code=f"{commune_code}-{name[:6]}", name=name)


def households_in_four_places() -> dict[str, Household]:
    """One household (a head, a 2025 survey) per place: two villages of the home commune, the
    neighbouring commune, and a commune of another province — for scope tests."""
    villages = {
        "home": village_in(HOME, "Nà Pàn"),
        "home_other_village": village_in(HOME, "Khòn Phổ"),
        "neighbour": village_in(NEIGHBOUR, "Pác Cáp"),
        "far": village_in(FAR, "Ba Đình 1"),
    }
    made = {}
    for key, village in villages.items():
        household = HouseholdFactory(village=village, code=f"H-{key}")
        MemberFactory(household=household, full_name=f"Hoàng Thị {key}", citizen_id=None)
        SurveyFactory(household=household)
        made[key] = household
    return made
