"""The dashboards and the targets page: what each level shows, the year and standard chosen in
the query string, the scope (404 outside it), the query budget, and setting targets."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from tests.apps.monitoring.monitoring_support import demo_province
from tests.factories import UserFactory, session_client

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.monitoring.models import (
    AggregateRefresh,
    FundsAggregate,
    ReferenceFigure,
    StatusAggregate,
    SupportAggregate,
    Target,
)
from giamngheo.apps.monitoring.refresh import aggregates_refresh
from giamngheo.apps.registry.models import Household
from giamngheo.web.templatetags.monitoring_format import pct, signed

pytestmark = pytest.mark.django_db
STD = "vn-2022-2025"
MAX_QUERIES = 25
type QueryBudget = Callable[[int], AbstractContextManager[Any]]


@pytest.fixture
def lang_son() -> Province:
    province = demo_province(households=200)
    aggregates_refresh(province=province)
    return province


def _village(province: Province, *, other_than: Commune | None = None) -> Village:
    rows = StatusAggregate.objects.filter(province=province, level="village", year=2025)
    if other_than is not None:
        rows = rows.exclude(commune=other_than)
    row = rows.select_related("village__commune").order_by("village__code").first()
    assert row is not None
    assert row.village is not None
    return row.village


def _row(province: Province, year: int = 2025, **unit: Any) -> StatusAggregate:
    return StatusAggregate.objects.get(
        province=province, year=year, standard_id=STD, **({"level": "province"} | unit)
    )


def _no_inline_script(html: str) -> bool:
    tags = re.findall(r"<script[^>]*>", html)
    return all("src=" in t or 'type="application/json"' in t for t in tags)


def test_monitoring_opens_on_the_users_own_unit(lang_son: Province) -> None:
    village = _village(lang_son)
    cases = [
        (UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son), "province", lang_son.code),
        (UserFactory(role=Role.COMMUNE_CHAIRMAN, unit=village.commune), "commune",
         village.commune.code),
        (UserFactory(role=Role.VILLAGE_HEAD, unit=village), "village", village.code),
    ]  # fmt: skip
    for user, level, code in cases:
        response = session_client(user).get(reverse("web:monitoring"))
        assert response["Location"] == reverse(f"web:monitoring-{level}", args=[code])
    country = session_client(UserFactory(role=Role.AUDITOR, unit=None)).get(
        reverse("web:monitoring")
    )
    assert reverse("web:monitoring-province", args=[lang_son.code]) in country.content.decode()


def test_province_dashboard_shows_every_section_in_few_queries(
    lang_son: Province, django_assert_max_num_queries: QueryBudget
) -> None:
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    url = reverse("web:monitoring-province", args=[lang_son.code])
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get(url).content.decode()
    for section in ("headline", "standards", "trend", "transitions", "minority", "mpi",
                    "children", "support", "funds", "targets", "comparison"):  # fmt: skip
        assert f'id="{section}"' in page, section
    row = _row(lang_son)
    assert f"<strong>{row.households}</strong>" in page
    commune = _village(lang_son).commune
    assert reverse("web:monitoring-commune", args=[commune.code]) in page
    assert reverse("web:monitoring-reports", args=["province", lang_son.code]) in page
    assert 'data-chart="chart-trend-data"' in page
    assert 'id="chart-trend-data"' in page
    assert "4,06" in page
    assert "14,98" in page
    assert "thứ 3/14" in page  # the published rank
    assert _no_inline_script(page)
    assert "Số liệu tổng hợp lúc" in page
    assert "đang cập nhật" not in page
    AggregateRefresh.objects.update(requested_at=timezone.now() + dt.timedelta(minutes=1))
    assert "đang cập nhật" in client.get(url).content.decode()


def test_commune_and_village_dashboards_lead_to_the_household_list(
    lang_son: Province, django_assert_max_num_queries: QueryBudget
) -> None:
    village = _village(lang_son)
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    with django_assert_max_num_queries(MAX_QUERIES):
        commune_page = client.get(reverse("web:monitoring-commune", args=[village.commune.code]))
    html = commune_page.content.decode()
    assert reverse("web:monitoring-village", args=[village.code]) in html
    assert 'id="funds"' in html
    assert 'id="comparison"' not in html
    with django_assert_max_num_queries(MAX_QUERIES):
        village_page = client.get(reverse("web:monitoring-village", args=[village.code]))
    html = village_page.content.decode()
    assert f"{reverse('web:households')}?village={village.pk}" in html
    assert 'id="children"' not in html
    assert village.commune.name in html
    listed = client.get(reverse("web:households"), {"village": village.pk}).content.decode()
    code = Household.objects.filter(village=village).order_by("code").values_list("code").first()
    assert code is not None
    assert code[0] in listed


def test_year_and_standard_come_from_the_query_string(lang_son: Province) -> None:
    row = _row(lang_son, year=2024)
    StatusAggregate.objects.create(
        **{f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields
           if f.attname != "id"} | {"standard_id": "quangninh-2023-2025", "poor": 1},
    )  # fmt: skip
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    url = reverse("web:monitoring-province", args=[lang_son.code])
    page = client.get(url, {"nam": "2024"}).content.decode()
    assert '<option value="2024" selected>' in page
    assert "Chuẩn nghèo đa chiều tỉnh Quảng Ninh" in page  # side by side with the national one
    assert f'<option value="{STD}" selected>' in page
    chosen = client.get(url, {"nam": "2024", "chuan": "quangninh-2023-2025"}).content.decode()
    assert '<option value="quangninh-2023-2025" selected>' in chosen
    fallback = client.get(url, {"nam": "abc", "chuan": "khong-co"}).content.decode()
    assert '<option value="2025" selected>' in fallback
    assert f'<option value="{STD}" selected>' in fallback
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert "National multidimensional poverty standard 2022–2025" in english


def test_each_role_sees_only_its_scope(lang_son: Province) -> None:
    village = _village(lang_son)
    elsewhere = _village(lang_son, other_than=village.commune)
    urls = {
        "province": reverse("web:monitoring-province", args=[lang_son.code]),
        "commune": reverse("web:monitoring-commune", args=[village.commune.code]),
        "other_commune": reverse("web:monitoring-commune", args=[elsewhere.commune.code]),
        "village": reverse("web:monitoring-village", args=[village.code]),
        "other_village": reverse("web:monitoring-village", args=[elsewhere.code]),
    }
    hanoi = Province.objects.get(code="01")
    expected = {
        Role.COMMUNE_OFFICER: (village.commune, {"commune", "village"}),
        Role.AUDITOR: (village.commune, {"commune", "village"}),
        Role.VILLAGE_HEAD: (village, {"village"}),
        Role.PROVINCE_OFFICER: (hanoi, set()),
    }
    for role, (unit, allowed) in expected.items():
        client = session_client(UserFactory(role=role, unit=unit))
        for name, url in urls.items():
            status = client.get(url).status_code
            assert status == (200 if name in allowed else 404), (role, name)
    assert Client().get(urls["province"]).status_code == 302  # to the sign-in page


def test_a_unit_without_figures_says_so(lang_son: Province) -> None:
    hanoi = Province.objects.get(code="01")
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=hanoi))
    page = client.get(reverse("web:monitoring-province", args=["01"]))
    assert page.status_code == 200
    assert 'id="no-data"' in page.content.decode()


def test_support_and_funds_of_the_year(lang_son: Province) -> None:
    unit = {"province": lang_son, "level": "province", "year": 2025}
    SupportAggregate.objects.create(**unit, support_type="", households=12, records=15,
                                    amount_vnd=900_000_000)  # fmt: skip
    SupportAggregate.objects.create(**unit, support_type="housing", households=10, records=10,
                                    amount_vnd=800_000_000)  # fmt: skip
    FundsAggregate.objects.create(
        **unit, source_kind="central", allocated_vnd=2_000_000_000, disbursed_vnd=500_000_000
    )
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    page = client.get(reverse("web:monitoring-province", args=["20"])).content.decode()
    support = page[page.index('id="support"') : page.index('id="funds"')]
    assert "Mọi loại hỗ trợ (mỗi hộ tính một lần)" in support
    assert "Hỗ trợ nhà ở" in support
    assert "900.000.000" in support
    funds = page[page.index('id="funds"') : page.index('id="targets"')]
    assert "Ngân sách trung ương" in funds
    assert "2.000.000.000" in funds
    assert "25,0" in funds  # disbursed share, percent
    assert 'id="chart-funds-data"' in funds


def test_the_rank_among_the_regions_provinces(lang_son: Province) -> None:
    for code, name, rate in (("04", "Cao Bằng", 9_000), ("08", "Tuyên Quang", 1)):
        ReferenceFigure.objects.create(year=2024, level="province", code=code, name=name,
                                       region="northern_mountains", combined_rate=rate,
                                       source="thử")  # fmt: skip
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    page = client.get(reverse("web:monitoring-province", args=["20"]), {"nam": "2024"})
    assert "thứ 2/3 tỉnh" in page.content.decode()


def test_targets_are_set_with_inline_errors_and_paced(lang_son: Province) -> None:
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son))
    url = f"{reverse('web:monitoring-targets')}?cap=province&ma=20&nam=2025"
    form = {"kind": "unit", "metric": "escaped", "planned": "2,5", "standard_id": STD}
    refused = client.post(url, form)
    assert "Số hộ phải là số nguyên." in refused.content.decode()
    assert not Target.objects.exists()
    assert client.post(url, form | {"planned": "40"}).status_code == 302
    cut = form | {"metric": "combined_rate_cut", "planned": "1,5", "note": "Nghị quyết HĐND"}
    assert client.post(url, cut).status_code == 302
    assert set(Target.objects.values_list("metric", "planned")) == {
        ("escaped", 40), ("combined_rate_cut", 150),
    }  # fmt: skip
    page = client.get(url).content.decode()
    escaped = _row(lang_son).escaped
    assert "1,50" in page
    assert f'<td class="num">{escaped}</td>' in page
    assert 'class="pace ' in page
    assert "Nghị quyết HĐND" in page
    dashboard = client.get(reverse("web:monitoring-province", args=["20"])).content.decode()
    assert "Số hộ thoát nghèo" in dashboard


def test_a_household_registered_to_escape_poverty(lang_son: Province) -> None:
    village = _village(lang_son)
    household = Household.objects.filter(village=village).order_by("code").first()
    assert household is not None
    url = f"{reverse('web:monitoring-targets')}?cap=village&ma={village.code}&nam=2025"
    client = session_client(UserFactory(role=Role.COMMUNE_OFFICER, unit=village.commune))
    missing = client.post(url, {"kind": "household", "ho-household": "KHONG-CO"})
    assert "Thôn này không có hộ mang mã đó." in missing.content.decode()
    assert (
        client.post(url, {"kind": "household", "ho-household": household.code}).status_code == 302
    )
    target = Target.objects.get()
    assert (target.household, target.metric, target.planned) == (household, "escaped", 1)
    assert household.code in client.get(url).content.decode()
    head = (
        session_client(UserFactory(role=Role.VILLAGE_HEAD, unit=village)).get(url).content.decode()
    )
    assert 'id="household-target-form"' not in head
    assert household.code in head


def test_rates_are_written_the_way_each_language_writes_numbers() -> None:
    with translation.override("vi"):
        assert (pct(12.3456), pct(None), signed(1.25), signed(-0.5)) == (
            "12,35", "–", "+1,25", "-0,50",
        )  # fmt: skip
    with translation.override("en"):
        assert (pct(0.125, 1), signed(0)) == ("0.1", "0.00")
