"""The official exports read back: every number equals what the dashboard selectors say, the
PDF carries the commune's name with its diacritics, no household appears anywhere, and the
downloads refuse roles without the export capability and units outside the scope."""

from __future__ import annotations

import io
import unicodedata

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader
from tests.apps.monitoring.exports_support import (
    STD,
    TODAY,
    YEAR,
    Scene,
    by_label,
    scene_make,
    section,
    sheets,
    table,
    texts,
)
from tests.apps.programmes.programmes_support import NEIGHBOUR, commune_officer
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.monitoring import selectors
from giamngheo.apps.monitoring.exports.data import ReportData, export_standard, report_data
from giamngheo.apps.monitoring.exports.pdf import commune_summary_pdf
from giamngheo.apps.monitoring.exports.tt10 import form01_xlsx, form02_xlsx
from giamngheo.apps.monitoring.exports.tt10_report import ReportPeriod, report_xlsx
from giamngheo.apps.monitoring.targets import targets_progress
from giamngheo.apps.registry.models import Household, Member

pytestmark = pytest.mark.django_db
M = 1_000_000


@pytest.fixture
def scene() -> Scene:
    return scene_make()


def _data(scene: Scene, *, commune: bool = False) -> ReportData:
    unit = scene.commune if commune else scene.unit
    return report_data(user=scene.world.officer, unit=unit, year=YEAR, standard_id=STD,
                       today=TODAY)  # fmt: skip


def test_the_national_income_standard_is_the_default(scene: Scene) -> None:
    assert export_standard(scene.unit, YEAR) == STD
    assert export_standard(scene.unit, YEAR + 1) == STD, "a year not reviewed yet: the last one"
    assert export_standard(scene.unit, 1990) is None


def test_form01_rates_transitions_and_deprivations_equal_the_selectors(scene: Scene) -> None:
    book = sheets(form01_xlsx(_data(scene)))
    rows = table(book["Biểu 01"])
    header, indicators = rows[0], by_label(rows)
    trend = {r.year: r for r in selectors.trend(scene.unit, [STD])}
    assert header[3] == f"Năm gốc {min(trend)}"
    for n, year in enumerate(sorted(trend)):
        rates = trend[year].rates
        assert indicators["Tỷ lệ hộ nghèo"][3 + n] == pytest.approx(rates.poor_rate)
        assert indicators["Tỷ lệ nghèo đa chiều (hộ nghèo và cận nghèo)"][3 + n] == pytest.approx(
            rates.combined_rate
        )
        assert indicators["Số hộ nghèo"][3 + n] == rates.poor
    last = 3 + len(trend) - 1
    assert indicators["Số hộ thoát nghèo"][last] == trend[YEAR].transitions["escaped"]
    assert indicators["Số hộ tái nghèo"][last] == trend[YEAR].transitions["fell_back"]
    assert indicators["Số hộ thoát nghèo"][3] == "", "the baseline year has no transitions"
    mpi = selectors.mpi(scene.unit, year=YEAR, standard_id=STD)
    assert mpi is not None
    water = next(r for r in mpi.indicators if r.indicator_id == "water")
    assert indicators["Số hộ thiếu hụt chỉ số nguồn nước sinh hoạt"][last] == water.deprived


def test_form01_targets_show_plan_actual_and_percent(scene: Scene) -> None:
    rows = by_label(table(sheets(form01_xlsx(_data(scene)))["Biểu 01"]))
    progress = {p.target.metric: p for p in targets_progress(scene.unit, year=YEAR, today=TODAY)}
    cut = rows["Mức giảm tỷ lệ nghèo đa chiều so với năm trước"][-3:]
    combined = progress["combined_rate_cut"]
    assert cut[0] == pytest.approx(1.5)
    assert cut[1] == pytest.approx((combined.actual or 0) / 100)
    assert cut[2] == pytest.approx(combined.percent) if combined.percent is not None else ""
    escaped = rows["Số hộ thoát nghèo"][-3:]
    assert escaped[:2] == [10, progress["escaped"].actual]
    assert rows["Tỷ lệ hộ nghèo"][-3] == "", "no target: the column is left empty"


def test_form01_lists_every_commune_with_its_rates(scene: Scene) -> None:
    rows = table(sheets(form01_xlsx(_data(scene)))["Theo đơn vị"])
    children = selectors.children(scene.unit, year=YEAR, standard_id=STD)
    listed = {r[2]: r for r in rows[2:]}
    assert len(listed) == len(children)
    for child in children:
        row = listed[child.unit.code]
        assert row[1] == child.unit.name
        assert row[3:6] == [child.rates.households, child.rates.poor, child.rates.poor_rate]
    whole = selectors.trend(scene.unit, [STD])[-1].rates
    assert rows[1][3] == whole.households == sum(c.rates.households for c in children)


def test_form02_support_and_money_equal_the_selectors(scene: Scene) -> None:
    rows = sheets(form02_xlsx(_data(scene)))["Biểu 02"]
    support = by_label(table(rows))
    for row in selectors.support(scene.unit, year=YEAR):
        label = row.label or "Tổng số (mỗi hộ tính một lần)"
        assert support[label][2:5] == [row.households, row.records, row.amount_vnd]
    assert support["Vay vốn ưu đãi"][5] == 20, "the loan target"
    spending = by_label(table(rows, after=section(rows, "II.")))
    project = spending["1. Hỗ trợ sinh kế"]
    assert project[2:6] == [50 * M, 40 * M, 10 * M, 0]
    assert spending["  – 1.1 Đa dạng hoá sinh kế"][2:5] == [50 * M, 40 * M, 10 * M]
    funds = by_label(table(rows, after=section(rows, "III.")))
    expected = selectors.funds(scene.unit, year=YEAR)
    assert funds["Tổng số"][2:4] == [sum(f.allocated_vnd for f in expected),
                                     sum(f.disbursed_vnd for f in expected)]  # fmt: skip
    assert spending["Tổng số"][3:5] == funds["Tổng số"][2:4] == [40 * M, 10 * M]


def test_a_commune_report_counts_only_its_money(scene: Scene) -> None:
    data = _data(scene, commune=True)
    assert [r.allocated_vnd for r in data.funds] == [40 * M]
    neighbour = selectors.unit_get(user=scene.world.officer, level="commune", code=NEIGHBOUR)
    other = report_data(user=scene.world.officer, unit=neighbour, year=YEAR, standard_id=STD,
                        today=TODAY)  # fmt: skip
    assert sum(r.allocated_vnd for r in other.spending) == 0
    assert all(r.planned_vnd is None for r in other.spending), "budget lines are the province's"


@pytest.mark.parametrize(("kind", "due"), [("6-thang", "01/06/2025"), ("ca-nam", "01/12/2025")])
def test_monitoring_report_has_its_sections_and_deadline(scene: Scene, kind: str, due: str) -> None:
    body = report_xlsx(_data(scene), ReportPeriod(kind=kind, year=YEAR))  # type: ignore[arg-type]
    text = texts(body)
    assert f"Hạn gửi báo cáo: trước ngày {due}" in text
    for heading in ("I. THÔNG TIN CHUNG", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                    "III. HUY ĐỘNG, PHÂN BỔ VÀ GIẢI NGÂN NGUỒN VỐN (đồng)",
                    "IV. KHÓ KHĂN, VƯỚNG MẮC (đơn vị ghi)", "V. ĐỀ XUẤT, KIẾN NGHỊ (đơn vị ghi)",
                    "dựng lại"):  # fmt: skip
        assert heading in text
    rows = sheets(body)["Báo cáo"]
    targets = by_label(table(rows, after=section(rows, "2. Thực hiện chỉ tiêu")))
    assert targets["Số hộ thoát nghèo"][3] == 10


def test_exports_hold_no_household_names_or_codes(scene: Scene) -> None:
    data = _data(scene, commune=True)
    report = report_xlsx(data, ReportPeriod(kind="ca-nam", year=YEAR))
    text = "\n".join(texts(b) for b in (form01_xlsx(data), form02_xlsx(data), report))
    names = Member.objects.filter(household__village__commune_id=scene.commune.pk)
    assert names.exists()
    for name in names.values_list("full_name", flat=True)[:50]:
        assert name not in text
    codes = Household.objects.filter(village__commune_id=scene.commune.pk)
    for code in codes.values_list("code", flat=True):
        assert f"\n{code}\n" not in f"\n{text}\n"


def test_commune_pdf_names_the_commune_with_diacritics(scene: Scene) -> None:
    """pypdf extracts the text (pure Python); the name must survive with its accents."""
    body = commune_summary_pdf(_data(scene, commune=True))
    assert body.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    text = unicodedata.normalize("NFC", text)
    assert "Phường Đông Kinh" in text
    assert "Tỷ lệ nghèo đa chiều" in text


# The downloads: capability and scope ----------------------------------------------------------


def _get(user: object, name: str, scene: Scene, level: str = "commune", code: str = "") -> int:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    url = reverse(f"web:monitoring-export-{name}", args=[level, code or scene.commune.code])
    return client.get(url, {"nam": YEAR}).status_code


def test_a_role_without_export_gets_nothing(scene: Scene) -> None:
    organiser = scene.world.front  # an organisation officer: reads the registry, no export
    for name in ("form01", "form02", "report", "pdf"):
        assert _get(organiser, name, scene) == 404
    assert _get(scene.world.officer, "form01", scene) == 200


def test_a_unit_outside_the_scope_is_missing(scene: Scene) -> None:
    officer = commune_officer(NEIGHBOUR)
    assert _get(officer, "form01", scene) == 404
    assert _get(officer, "form01", scene, code=NEIGHBOUR) == 200
    assert _get(officer, "form02", scene, level="province", code=scene.province.code) == 404
    with pytest.raises(ObjectDoesNotExist):
        selectors.unit_get(user=officer, level="commune", code=scene.commune.code)
    auditor = UserFactory(role=Role.AUDITOR, unit=scene.province)
    assert _get(auditor, "report", scene, level="province", code=scene.province.code) == 200
