"""Searching households by code, address or member name ignores case and Vietnamese
diacritics, with the same results on SQLite and PostgreSQL."""

from __future__ import annotations

import unicodedata

import pytest
from tests.factories import HouseholdFactory, MemberFactory, UserFactory, VillageFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.registry.selectors import household_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer() -> User:
    village = VillageFactory()
    names = {
        "H-dang": "Đặng Văn A",
        "H-dinh": "Đinh Thị Bình",
        "H-an": "Nguyễn Văn An",
        "H-nfd": unicodedata.normalize("NFD", "Lương Thị Hoà"),
        "H-hoang": "Hoàng Văn Đức",
    }
    for code, name in names.items():
        household = HouseholdFactory(code=code, village=village, address="Khối 1, Phường Đông Kinh")
        MemberFactory(household=household, full_name=name)
    HouseholdFactory(code="HGD-Ngõ-7", village=village, address="Ngõ 7 (50%_ đất)")
    return UserFactory()


def _found(officer: User, text: str) -> set[str]:
    return set(household_search(user=officer, text=text).values_list("code", flat=True))


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("đặng", {"H-dang"}),  # lower case finds upper case Đ (SQLite's LIKE does not)
        ("ĐẶNG VĂN", {"H-dang"}),
        ("ĐINH", {"H-dinh"}),
        ("nguyen van an", {"H-an"}),  # without diacritics
        ("dang", {"H-dang"}),  # đ → d
        ("  Đức ", {"H-hoang"}),
        ("thị hoà", {"H-nfd"}),  # a name stored decomposed
        ("LƯƠNG thi", {"H-nfd"}),
        ("văn", {"H-dang", "H-an", "H-hoang"}),
        ("van a", {"H-dang", "H-an"}),
        ("h-d", {"H-dang", "H-dinh"}),  # codes too
        ("hgd-ngo", {"HGD-Ngõ-7"}),
        ("50%_", {"HGD-Ngõ-7"}),  # wildcards are plain characters
        ("%", {"HGD-Ngõ-7"}),
        ("_ đ", {"HGD-Ngõ-7"}),
        ("duc van", set()),
        ("đinh van", set()),
    ],
)
def test_search_ignores_case_and_diacritics(officer: User, text: str, codes: set[str]) -> None:
    assert _found(officer, text) == codes


def test_addresses_are_searched_without_diacritics(officer: User) -> None:
    assert len(_found(officer, "khoi 1, phuong dong KINH")) == 5


def test_search_stays_in_scope(officer: User) -> None:
    neighbouring = Commune.objects.get(code="05983")
    elsewhere = HouseholdFactory(code="H-far", village=VillageFactory(commune=neighbouring))
    MemberFactory(household=elsewhere, full_name="Đặng Văn A")
    neighbour = UserFactory(unit=neighbouring)
    assert _found(officer, "dang van a") == {"H-dang"}
    assert _found(neighbour, "dang van a") == {"H-far"}
