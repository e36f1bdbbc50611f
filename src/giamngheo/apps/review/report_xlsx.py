"""The Decision 24 reports as Excel workbooks with Vietnamese headers (one sheet; the heading
lines first, the table from :data:`HEADER_ROW`)."""

from __future__ import annotations

import io

import xlsxwriter
from django.utils import translation

from giamngheo.apps.review import dates
from giamngheo.apps.review.models import Transition
from giamngheo.apps.review.reports import CHANGES, ReportRow, ReviewReport

HEADER_ROW = 6  # 0-based: the table's header is spreadsheet row 7
FIXED_HEADERS = ("STT", "Đơn vị", "Mã đơn vị", "Cấp", "Số hộ được rà soát", "Hộ nghèo",
                 "Hộ cận nghèo")  # fmt: skip
LEVELS = {"commune": "Xã", "village": "Thôn", "total": "Tổng"}


def report_headers() -> list[str]:
    with translation.override("vi"):
        return [*FIXED_HEADERS, *(str(Transition(t).label) for t in CHANGES)]


def report_filename(report: ReviewReport) -> str:
    stem = {"monthly": f"thang-{report.campaign.opens_on:%m}", "preliminary": "so-bo",
            "official": "chinh-thuc"}[report.kind]  # fmt: skip
    return f"bao-cao-ra-soat-{report.campaign.year}-{stem}.xlsx"


def report_xlsx(report: ReviewReport) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Bao cao")
    bold = book.add_format({"bold": True, "text_wrap": True, "border": 1, "valign": "top"})
    _heading(sheet, report, book.add_format({"bold": True, "font_size": 13}))
    sheet.write_row(HEADER_ROW, 0, report_headers(), bold)
    plain, strong = book.add_format({"border": 1}), book.add_format({"border": 1, "bold": True})
    for n, row in enumerate(report.rows, start=1):
        _row(sheet, HEADER_ROW + n, n, row, plain if row.level == "village" else strong)
    sheet.set_column(1, 1, 28)
    sheet.set_column(4, 12, 12)
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    book.close()
    return out.getvalue()


def _heading(sheet: xlsxwriter.worksheet.Worksheet, report: ReviewReport, big: object) -> None:
    campaign = report.campaign
    sheet.write_string(0, 0, report.title, big)
    lines = [
        f"Tỉnh: {campaign.province.name}",
        f"Đợt rà soát: {campaign.opens_on:%d/%m/%Y} – {campaign.closes_on:%d/%m/%Y}; "
        f"chuẩn nghèo: {campaign.standard_id}",
        f"Hạn gửi báo cáo: {report.due_on:%d/%m/%Y}",
        f"Lập ngày: {dates.today():%d/%m/%Y}",
    ]
    for n, line in enumerate(lines, start=1):
        sheet.write_string(n, 0, line)


def _row(
    sheet: xlsxwriter.worksheet.Worksheet, at: int, n: int, row: ReportRow, style: object
) -> None:
    figures = row.figures
    sheet.write_number(at, 0, n, style)
    sheet.write_row(at, 1, [row.name, row.code, LEVELS[row.level]], style)
    numbers = [figures.households, figures.poor, figures.near_poor,
               *(figures.change(t) for t in CHANGES)]  # fmt: skip
    sheet.write_row(at, 4, numbers, style)
