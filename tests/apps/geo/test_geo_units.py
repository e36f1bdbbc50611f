import pytest

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, LegacyCommune, Province
from giamngheo.apps.geo.selectors import province_find
from giamngheo.apps.geo.services import geo_units_load

pytestmark = pytest.mark.django_db


def test_units_after_the_2025_reform_are_loaded() -> None:
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    counts = {k: Commune.objects.filter(kind=k).count() for k in ("xa", "phuong", "dac_khu")}
    assert counts == {"xa": 2621, "phuong": 687, "dac_khu": 13}
    cities = set(Province.objects.filter(is_city=True).values_list("name", flat=True))
    # The six centrally-run cities of July 2025; the package's 2026 data adds later upgrades.
    assert {"Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Thành phố Hải Phòng", "Thành phố Đà Nẵng",
            "Thành phố Cần Thơ", "Thành phố Huế"} <= cities  # fmt: skip


def test_every_unit_name_starts_with_its_kind_in_capitals() -> None:
    kinds = {"xa": "Xã ", "phuong": "Phường ", "dac_khu": "Đặc khu "}
    odd = [(c.kind, c.name) for c in Commune.objects.all() if not c.name.startswith(kinds[c.kind])]
    assert odd == []


def test_area_type_follows_the_kind_of_unit() -> None:
    assert not Commune.objects.filter(kind="xa", area="urban").exists()
    assert not Commune.objects.filter(kind="phuong", area="rural").exists()


def test_lang_son_keeps_its_communes_with_diacritics() -> None:
    lang_son = province_find("Lạng Sơn")
    assert lang_son.code == "20"
    assert province_find("lang son") == lang_son
    assert province_find("Tỉnh Lạng Sơn") == lang_son
    assert Commune.objects.filter(province=lang_son).count() == 65
    assert Commune.objects.get(code="05977").name == "Phường Đông Kinh"


def test_old_units_lead_to_their_successors() -> None:
    old = LegacyCommune.objects.get(name="Phường Trúc Bạch")
    assert old.district_name == "Quận Ba Đình"
    assert [c.name for c in old.successors.all()] == ["Phường Ba Đình"]
    assert LegacyCommune.objects.count() > 10_000


def test_reloading_is_idempotent_and_keeps_policy_flags() -> None:
    Commune.objects.filter(code="05977").update(poor_commune=True)
    result = geo_units_load()
    assert result.communes == 3321
    assert Commune.objects.count() == 3321
    assert Commune.objects.get(code="05977").poor_commune is True
    assert AuditEvent.objects.filter(target_type="geo.commune").exists()


def test_unknown_province_is_refused() -> None:
    with pytest.raises(Province.DoesNotExist):
        province_find("Atlantis")
