"""Appendix II Template 01 of Circular 10/2022/TT-BLĐTBXH: the 6-month or annual monitoring
report of a province or commune, as a structured workbook with the report's sections
(general information, results against targets, funds, difficulties and proposals to fill in).

Deadlines (TT10 Art. 4(2), domain notes §4.2): the 6-month report before 1 June, the annual
report before 1 December.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from giamngheo.apps.monitoring.exports.book import Book, Cell, Kind, Sheet
from giamngheo.apps.monitoring.exports.data import ReportData
from giamngheo.apps.monitoring.exports.indicators import HEADLINE, target_rows
from giamngheo.apps.monitoring.exports.tt10 import (
    LEVEL_NAMES,
    authority,
    funds_table,
    spending_table,
    support_table,
)

type PeriodKind = Literal["6-thang", "ca-nam"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("6-thang", "ca-nam")
BASIS = "Mẫu số 01, Phụ lục II, Thông tư 10/2022/TT-BLĐTBXH ngày 31/5/2022"
FILL_ROWS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportPeriod:
    kind: PeriodKind
    year: int

    @property
    def due_on(self) -> dt.date:
        """The day the report must arrive before (TT10 Art. 4(2))."""
        return dt.date(self.year, 6, 1) if self.kind == "6-thang" else dt.date(self.year, 12, 1)

    @property
    def label(self) -> str:
        return f"6 tháng đầu năm {self.year}" if self.kind == "6-thang" else f"năm {self.year}"


def report_xlsx(data: ReportData, period: ReportPeriod) -> bytes:
    book = Book()
    sheet = book.sheet("Báo cáo", widths=[6, 52, 12, 14, 14, 14, 16])
    _heading(sheet, data, period)
    sheet.section("I. THÔNG TIN CHUNG")
    _general(sheet, data, period)
    sheet.section("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    sheet.lines("1. Kết quả giảm nghèo")
    _results(sheet, data)
    sheet.lines("", "2. Thực hiện chỉ tiêu được giao")
    _targets(sheet, data)
    sheet.lines("", "3. Đối tượng thụ hưởng theo loại hỗ trợ")
    support_table(sheet, data)
    sheet.section("III. HUY ĐỘNG, PHÂN BỔ VÀ GIẢI NGÂN NGUỒN VỐN (đồng)")
    sheet.lines("1. Theo loại nguồn vốn")
    funds_table(sheet, data)
    sheet.lines("", "2. Theo dự án, tiểu dự án")
    spending_table(sheet, data)
    sheet.section("IV. KHÓ KHĂN, VƯỚNG MẮC (đơn vị ghi)")
    sheet.blanks(FILL_ROWS)
    sheet.section("V. ĐỀ XUẤT, KIẾN NGHỊ (đơn vị ghi)")
    sheet.blanks(FILL_ROWS)
    _signatures(sheet)
    return book.bytes()


def report_title(period: ReportPeriod) -> str:
    return (
        "BÁO CÁO GIÁM SÁT THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG "
        f"{period.label.upper()}"
    )


def _heading(sheet: Sheet, data: ReportData, period: ReportPeriod) -> None:
    sheet.lines(BASIS, authority(data.unit.name),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc")  # fmt: skip
    sheet.title(report_title(period))
    sheet.lines(
        f"Hạn gửi báo cáo: trước ngày {period.due_on:%d/%m/%Y} (khoản 2 Điều 4 Thông tư "
        "10/2022/TT-BLĐTBXH)",
        f"Kính gửi: {_recipients(data)}",
    )
    sheet.note()


def _recipients(data: ReportData) -> str:
    if data.unit.level == "province":
        return ("Bộ Nông nghiệp và Môi trường (Văn phòng Quốc gia về giảm nghèo); các bộ "
                "quản lý dự án thành phần và các cơ quan theo quy định")  # fmt: skip
    return f"{authority(data.unit.province.name)} (cơ quan thường trực Chương trình)"


def _general(sheet: Sheet, data: ReportData, period: ReportPeriod) -> None:
    unit = data.unit
    sheet.lines(
        f"1. Đơn vị báo cáo: {unit.name} (mã {unit.code}; cấp: {LEVEL_NAMES[unit.level]})",
        f"2. Kỳ báo cáo: {period.label}",
        f"3. Chuẩn nghèo áp dụng: {data.standard_name} ({data.standard_id})",
        "4. Nguồn số liệu: kết quả rà soát hộ nghèo, hộ cận nghèo hằng năm (năm chưa rà soát "
        f"để trống); hỗ trợ và nguồn vốn: lũy kế năm {data.year} đến ngày lập báo cáo",
        f"5. Ngày lập báo cáo: {data.made_on:%d/%m/%Y}",
    )


def _results(sheet: Sheet, data: ReportData) -> None:
    """The headline indicators for the year before and the report year."""
    years = [data.year - 1, data.year]
    rows = [[n, i.label, i.measure, *(i.value(data, y) for y in years)]
            for n, i in enumerate(HEADLINE, start=1)]  # fmt: skip
    kinds: list[list[Kind]] = [["count", "text", "text", i.kind, i.kind] for i in HEADLINE]
    headers = ["STT", "Chỉ số", "Đơn vị tính", f"Năm {years[0]}", f"Năm {years[1]}"]
    sheet.table(headers, rows, kinds[0], row_kinds=kinds)


TARGET_HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% kế hoạch",
                  "Đánh giá"]  # fmt: skip


def _targets(sheet: Sheet, data: ReportData) -> None:
    targets = target_rows(data)
    rows: list[list[Cell]] = [
        [n, t.label, t.measure, t.planned, t.actual, t.percent, t.pace]
        for n, t in enumerate(targets, start=1)
    ]
    kinds: list[list[Kind]] = [["count", "text", "text", t.kind, t.kind, "rate", "text"]
                               for t in targets]  # fmt: skip
    if not rows:
        rows = [["", "Chưa giao chỉ tiêu cho năm báo cáo", "", None, None, None, ""]]
        kinds = [["count", "text", "text", "count", "count", "rate", "text"]]
    sheet.table(TARGET_HEADERS, rows, kinds[0], row_kinds=kinds)


def _signatures(sheet: Sheet) -> None:
    sheet.row += 1
    sheet.ws.write_string(sheet.row, 1, "NGƯỜI LẬP BIỂU", sheet.book.section)
    sheet.ws.write_string(sheet.row, 4, "THỦ TRƯỞNG ĐƠN VỊ", sheet.book.section)
    sheet.row += 1
    sheet.ws.write_string(sheet.row, 1, "(Ký, ghi rõ họ tên)")
    sheet.ws.write_string(sheet.row, 4, "(Ký, ghi rõ họ tên, đóng dấu)")
    sheet.row += 1
