"""Shared set-up: a commune with registry members and a Fatherland Front gift list."""

from __future__ import annotations

import datetime as dt

from tests.factories import HouseholdFactory, MemberFactory, UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.linkage.models import ImportedList
from giamngheo.apps.linkage.services import EntryRow, ListHeader, list_import
from giamngheo.apps.registry.models import Household

HOME = "05977"


def officer(code: str = HOME) -> User:
    return UserFactory(role=Role.COMMUNE_OFFICER, unit=Commune.objects.get(code=code))


def registry() -> dict[str, Household]:
    """Three households in two villages of the home commune."""
    commune = Commune.objects.get(code=HOME)
    na_pan = Village.objects.create(commune=commune, code="LK-1", name="Thôn Nà Pàn")
    khuoi = Village.objects.create(commune=commune, code="LK-2", name="Thôn Khuổi Slam")
    people = {
        "huong": (na_pan, "Hoàng Thị Hương", dt.date(1990, 5, 17), "020190123456", "female"),
        "dung": (na_pan, "Nông Văn Dũng", dt.date(1975, 2, 3), "020075004321", "male"),
        "lan": (khuoi, "Lương Thị Lan", dt.date(1962, 11, 20), None, "female"),
    }
    out = {}
    for key, (village, name, born, cid, sex) in people.items():
        household = HouseholdFactory(village=village, code=f"HGD-{key}")
        MemberFactory(household=household, full_name=name, birth_on=born, citizen_id=cid, sex=sex)
        out[key] = household
    return out


def gift_list(actor: User, rows: list[EntryRow], *, name: str = "Quà Tết 2025") -> ImportedList:
    header = ListHeader(
        province=Commune.objects.get(code=HOME).province, commune=Commune.objects.get(code=HOME),
        name=name, kind="fatherland_front", giver="Ủy ban MTTQ xã", support_type="tet_gift",
        starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 2, 15),
    )  # fmt: skip
    return list_import(actor=actor, header=header, rows=rows)


def rows_gift() -> list[EntryRow]:
    """Huong as a list writes her (no marks, capitals, the commune's name), a stranger, and
    Dung without his middle name, birth year only, no ID and no village."""
    commune = Commune.objects.get(code=HOME)
    return [
        EntryRow(row_number=1, full_name="HOANG THI HUONG", birth_on=dt.date(1990, 5, 17),
                 id_number="020190123456", sex="female", commune_text=commune.name,
                 village_text="Thon Na Pan", amount_vnd=500_000),
        EntryRow(row_number=2, full_name="Triệu Văn Phấu", birth_year=1955, sex="male",
                 village_text="Thôn Nà Pàn"),
        EntryRow(row_number=3, full_name="Nông Dũng", birth_year=1975),
    ]  # fmt: skip


def recognise(found: Household, status: str) -> None:
    """A recognised status (poor / near-poor …) for the omission report."""
    from giamngheo.apps.review.models import HouseholdStatus, RecognitionDecision, ReviewCampaign

    commune = found.village.commune
    campaign, _ = ReviewCampaign.objects.get_or_create(
        province=commune.province, kind="periodic", opens_on=dt.date(2024, 9, 1),
        defaults={"year": 2024, "closes_on": dt.date(2024, 12, 14), "standard_id": "vn-2022-2025"},
    )  # fmt: skip
    decision, _ = RecognitionDecision.objects.get_or_create(
        campaign=campaign, commune=commune,
        defaults={"number": "1/QĐ", "signed_on": dt.date(2024, 12, 20),
                  "signed_by": UserFactory(role=Role.COMMUNE_CHAIRMAN, unit=commune)},
    )  # fmt: skip
    HouseholdStatus.objects.create(household=found, status=status, since_on=dt.date(2024, 12, 20),
                                   ever_poor=True, decision=decision)  # fmt: skip


def state_gift(found: Household, giver: str = "UBND xã") -> None:
    from giamngheo.apps.programmes.models import SupportRecord

    SupportRecord.objects.create(
        household=found, support_type="tet_gift", amount=300_000,
        delivered_on=dt.date(2025, 1, 20), source="local", giver_state=giver,
        recorded_at=dt.datetime(2025, 1, 20, tzinfo=dt.UTC),
    )  # fmt: skip


def scenario(actor: User, *, link_list: bool = True) -> dict[str, Household]:
    """Registry linked, the gift list linked: Huong got a Tết gift from the commune and from
    the Fatherland Front (overlap); Lan is poor and got nothing (omission); Dung is near-poor
    and waits in the queue against the list's "Nông Dũng". With ``link_list=False`` the gift
    list is imported but not yet linked."""
    from giamngheo.apps.linkage.services import linkage_run

    people = registry()
    province = Commune.objects.get(code=HOME).province
    linkage_run(actor=actor, province=province)
    gift_list(actor, rows_gift())
    if link_list:
        linkage_run(actor=actor, province=province)
    state_gift(people["huong"])
    recognise(people["lan"], "poor")
    recognise(people["huong"], "near_poor")
    return people
