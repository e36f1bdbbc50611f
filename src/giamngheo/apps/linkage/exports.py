"""The overlap and omission reports, and the problems of a rejected list import, as Excel
workbooks (Vietnamese headers, one sheet)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import xlsxwriter

from giamngheo.apps.linkage.imports import Problem
from giamngheo.apps.linkage.selectors import OmissionRow, OverlapRow

OVERLAP_HEADERS = ("STT", "Xã, phường", "Mã hộ", "Loại hỗ trợ", "Các bên hỗ trợ", "Số lượt")
OMISSION_HEADERS = ("STT", "Xã, phường", "Thôn, tổ dân phố", "Mã hộ", "Lý do cần hỗ trợ")
PROBLEM_HEADERS = ("STT", "Dòng", "Cột", "Lỗi")


def _book(title: str, headers: Sequence[str], rows: list[list[object]]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Bao cao")
    sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 13}))
    sheet.write_row(2, 0, headers, book.add_format({"bold": True, "border": 1}))
    for n, row in enumerate(rows, start=1):
        sheet.write_row(2 + n, 0, [n, *row])
    sheet.set_column(1, len(headers), 24)
    sheet.freeze_panes(3, 0)
    book.close()
    return out.getvalue()


def overlap_xlsx(rows: list[OverlapRow], *, year: int) -> bytes:
    data: list[list[object]] = [
        [r.commune, r.household_code, r.support_type, ", ".join(r.givers), r.records] for r in rows
    ]
    return _book(f"Hộ nhận trùng hỗ trợ năm {year}", OVERLAP_HEADERS, data)


def omission_xlsx(rows: list[OmissionRow], *, year: int) -> bytes:
    data: list[list[object]] = [[r.commune, r.village, r.household_code, r.reason] for r in rows]
    return _book(f"Hộ bị bỏ sót hỗ trợ năm {year}", OMISSION_HEADERS, data)


def problems_xlsx(problems: list[Problem], *, total: int, filename: str) -> bytes:
    """Every problem of a rejected list import: row, column, reason (cells never quoted)."""
    data: list[list[object]] = [[p.row, p.column, p.reason] for p in problems]
    title = f"Lỗi trong tệp {filename}: {total} lỗi, không nhập dòng nào"
    if total > len(problems):
        title += f" (liệt kê {len(problems)} lỗi đầu tiên)"
    return _book(title, PROBLEM_HEADERS, data)
