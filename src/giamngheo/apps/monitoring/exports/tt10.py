"""The Circular 10/2022/TT-BLĐTBXH workbooks of a province or commune (Vietnamese, in memory):

- Appendix III Form 01, the indicator and results framework (:func:`form01_xlsx`);
- Appendix III Form 02, programme results: beneficiaries by support type and money per project
  and sub-project (:func:`form02_xlsx`);
- Appendix II Template 01, the 6-month or annual monitoring report (:mod:`.tt10_report`).

The circular names these forms; their column-by-column layout is reconstructed here (domain
notes §4.2), and every sheet says so in a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from giamngheo.apps.monitoring.exports.book import Book, Cell, Kind, Sheet
from giamngheo.apps.monitoring.exports.data import ReportData, SpendingRow, percent
from giamngheo.apps.monitoring.exports.indicators import Indicator, framework
from giamngheo.apps.monitoring.selectors import Rates, SupportRow
from giamngheo.apps.monitoring.targets import TargetProgress

LEVEL_NAMES = {"province": "Tỉnh, thành phố", "commune": "Xã, phường, đặc khu",
               "village": "Thôn, tổ dân phố"}  # fmt: skip
FORM01_TITLE = "Biểu số 01: Chỉ số, khung kết quả thực hiện Chương trình MTQG giảm nghèo bền vững"
FORM02_TITLE = "Biểu số 02: Kết quả thực hiện Chương trình MTQG giảm nghèo bền vững"
BASIS = "Phụ lục III, Thông tư 10/2022/TT-BLĐTBXH ngày 31/5/2022"


def authority(name: str) -> str:
    """The people's committee of a unit: "Tỉnh Lạng Sơn" → "Ủy ban nhân dân tỉnh Lạng Sơn"."""
    return f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}"


def unit_lines(data: ReportData) -> list[str]:
    unit = data.unit
    return [
        f"Đơn vị: {unit.name} (mã {unit.code}; cấp: {LEVEL_NAMES[unit.level]})",
        f"Năm báo cáo: {data.year}; chuẩn nghèo: {data.standard_name} ({data.standard_id})",
        f"Lập ngày: {data.made_on:%d/%m/%Y}",
    ]


# Form 01 --------------------------------------------------------------------------------------


def form01_xlsx(data: ReportData) -> bytes:
    book = Book()
    years = data.years or [data.year]
    sheet = book.sheet("Biểu 01", widths=[6, 52, 9, *([12] * (len(years) + 3))])
    sheet.title(FORM01_TITLE)
    sheet.lines(BASIS, *unit_lines(data))
    sheet.note()
    framework_table(sheet, data, years)
    children_sheet(book, data)
    return book.bytes()


def framework_headers(data: ReportData, years: Sequence[int]) -> list[str]:
    named = [f"Năm gốc {y}" if n == 0 else f"Năm {y}" for n, y in enumerate(years)]
    return ["STT", "Chỉ số", "Đơn vị tính", *named, f"Chỉ tiêu năm {data.year}",
            f"Thực hiện năm {data.year}", "% so với chỉ tiêu"]  # fmt: skip


def framework_table(sheet: Sheet, data: ReportData, years: Sequence[int]) -> int:
    """The indicators (rows) by year, with the report year's target, actual and % of it."""
    indicators = framework(data)
    rows = [
        [n, i.label, i.measure, *(i.value(data, y) for y in years), *_against_target(i, data)]
        for n, i in enumerate(indicators, start=1)
    ]
    kinds: list[list[Kind]] = [
        ["count", "text", "text", *([i.kind] * (len(years) + 2)), "rate"] for i in indicators
    ]
    return sheet.table(framework_headers(data, years), rows, kinds[0], row_kinds=kinds)


def _against_target(indicator: Indicator, data: ReportData) -> list[Cell]:
    progress = indicator.target(data)
    actual = indicator.value(data, data.year)
    if progress is None:
        return [None, actual, None]
    return [
        indicator.scale(progress.target.planned),
        indicator.scale(progress.actual) if progress.actual is not None else actual,
        progress.percent,
    ]


CHILD_HEADERS = ["STT", "Đơn vị", "Mã", "Số hộ", "Hộ nghèo", "Tỷ lệ hộ nghèo (%)",
                 "Hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)", "Tỷ lệ nghèo đa chiều (%)",
                 "Thay đổi so với năm trước (điểm %)", "Hộ dân tộc thiểu số",
                 "Tỷ lệ nghèo đa chiều hộ dân tộc thiểu số (%)"]  # fmt: skip
CHILD_KINDS: list[Kind] = ["count", "text", "text", "count", "count", "rate", "count", "rate",
                           "rate", "rate", "count", "rate"]  # fmt: skip


def children_sheet(book: Book, data: ReportData) -> None:
    """The report year's rates of the unit and of each unit below it (by code)."""
    sheet = book.sheet("Theo đơn vị", widths=[6, 34, 10, *([12] * 9)])
    sheet.title(f"{FORM01_TITLE} – chi tiết theo đơn vị năm {data.year}")
    sheet.lines(*unit_lines(data))
    sheet.note()
    now, before = data.at(data.year), data.at(data.year - 1)
    total: list[Cell] = ["", f"Toàn {data.unit.name}", data.unit.code]
    if now is not None:
        change = _change(now.rates.combined_rate, before.rates.combined_rate if before else None)
        total += _rate_cells(now.rates, change)
    rows = [total + [None] * (len(CHILD_HEADERS) - len(total))]
    for n, child in enumerate(sorted(data.children, key=lambda c: c.unit.code), start=1):
        rows.append([n, child.unit.name, child.unit.code, *_rate_cells(child.rates, child.change)])
    sheet.table(CHILD_HEADERS, rows, CHILD_KINDS, bold=[True])


def _change(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 2)


def _rate_cells(rates: Rates, change: float | None) -> list[Cell]:
    return [rates.households, rates.poor, rates.poor_rate, rates.near_poor, rates.near_poor_rate,
            rates.combined_rate, change, rates.minority_households,
            rates.minority_combined_rate]  # fmt: skip


# Form 02 --------------------------------------------------------------------------------------


def form02_xlsx(data: ReportData) -> bytes:
    book = Book()
    sheet = book.sheet("Biểu 02", widths=[6, 56, 16, 16, 16, 16, 12])
    sheet.title(FORM02_TITLE)
    sheet.lines(BASIS, *unit_lines(data))
    sheet.note()
    sheet.section(f"I. Đối tượng thụ hưởng theo loại hỗ trợ năm {data.year}")
    support_table(sheet, data)
    sheet.section(f"II. Kinh phí theo dự án, tiểu dự án năm {data.year} (đồng)")
    spending_table(sheet, data)
    sheet.section(f"III. Kinh phí theo loại nguồn vốn năm {data.year} (đồng)")
    funds_table(sheet, data)
    return book.bytes()


SUPPORT_HEADERS = ["STT", "Loại hỗ trợ", "Số hộ được hỗ trợ", "Số lượt hỗ trợ",
                   "Số tiền hỗ trợ (đồng)", "Chỉ tiêu (hộ)", "% so với chỉ tiêu"]  # fmt: skip
SUPPORT_KINDS: list[Kind] = ["count", "text", "count", "count", "vnd", "count", "rate"]
EVERY_TYPE = "Tổng số (mỗi hộ tính một lần)"


def support_table(sheet: Sheet, data: ReportData) -> int:
    """Households, records and money by support type; the total counts each household once.
    Health-insurance amounts are premium shares, not money, and are not summed."""
    targets = {p.target.support_type: p for p in data.targets if p.target.metric == "supported"}
    typed = [r for r in data.support if r.support_type]
    every = next((r for r in data.support if r.support_type == ""), None)
    rows = [_support_cells(n, r.label, r, targets.get(r.support_type))
            for n, r in enumerate(typed, start=1)]  # fmt: skip
    rows.append(_support_cells("", EVERY_TYPE, every, targets.get("")))
    return sheet.table(SUPPORT_HEADERS, rows, SUPPORT_KINDS, bold=[False] * len(typed) + [True])


def _support_cells(
    n: int | str, label: str, row: SupportRow | None, progress: TargetProgress | None
) -> list[Cell]:
    counts: list[Cell] = [row.households, row.records, row.amount_vnd] if row else [0, 0, 0]
    plan: list[Cell] = [progress.target.planned, progress.percent] if progress else [None, None]
    return [n, label, *counts, *plan]


SPENDING_HEADERS = ["STT", "Dự án, tiểu dự án", "Kế hoạch vốn năm", "Đã phân bổ",
                    "Đã giải ngân", "Trong đó: chi hỗ trợ hộ", "Tỷ lệ giải ngân (%)"]  # fmt: skip
SPENDING_KINDS: list[Kind] = ["count", "text", "vnd", "vnd", "vnd", "vnd", "rate"]


def spending_table(sheet: Sheet, data: ReportData) -> int:
    """Projects (bold) each followed by its sub-projects, then the total of the projects."""
    rows: list[list[Cell]] = []
    number = 0
    for row in data.spending:
        number += row.level != "sub_project"
        label = row.label if row.level != "sub_project" else f"  – {row.label}"
        rows.append(["" if row.level == "sub_project" else number, *_money(label, row)])
    rows.append(["", *_money("Tổng số", spending_total(data.spending))])
    bold = [r.level != "sub_project" for r in data.spending] + [True]
    return sheet.table(SPENDING_HEADERS, rows, SPENDING_KINDS, bold=bold)


def spending_total(rows: Sequence[SpendingRow]) -> SpendingRow:
    """Projects and money outside any project (sub-projects are inside their project)."""
    top = [r for r in rows if r.level != "sub_project"]
    planned = [r.planned_vnd for r in top if r.planned_vnd is not None]
    return SpendingRow(
        level="other", label="Tổng số", planned_vnd=sum(planned) if planned else None,
        allocated_vnd=sum(r.allocated_vnd for r in top),
        disbursed_vnd=sum(r.disbursed_vnd for r in top),
        delivered_vnd=sum(r.delivered_vnd for r in top),
    )  # fmt: skip


def _money(label: str, row: SpendingRow) -> list[Cell]:
    return [label, row.planned_vnd, row.allocated_vnd, row.disbursed_vnd, row.delivered_vnd,
            row.disbursed_share]  # fmt: skip


FUNDS_HEADERS = ["STT", "Loại nguồn vốn", "Đã phân bổ", "Đã giải ngân", "Tỷ lệ giải ngân (%)"]
FUNDS_KINDS: list[Kind] = ["count", "text", "vnd", "vnd", "rate"]


def funds_table(sheet: Sheet, data: ReportData) -> int:
    rows: list[list[Cell]] = [
        [n, r.label, r.allocated_vnd, r.disbursed_vnd, r.disbursed_share]
        for n, r in enumerate(data.funds, start=1)
    ]
    allocated = sum(r.allocated_vnd for r in data.funds)
    disbursed = sum(r.disbursed_vnd for r in data.funds)
    rows.append(["", "Tổng số", allocated, disbursed, percent(disbursed, allocated)])
    return sheet.table(FUNDS_HEADERS, rows, FUNDS_KINDS, bold=[False] * len(data.funds) + [True])
