"""Writing the official workbooks: an in-memory XlsxWriter book whose sheets are written top
to bottom (title, heading lines, a note, tables, blank rows to fill in), in the style of the
Decision 24 review reports (bold bordered headers, bordered cells, a 13-point title)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Literal

import xlsxwriter

type Kind = Literal["text", "count", "rate", "vnd"]
type Cell = str | int | float | None
NUMBER_FORMATS: dict[Kind, str | None] = {
    "text": None, "count": "#,##0", "rate": "0.00", "vnd": "#,##0",
}  # fmt: skip
RECONSTRUCTED = (
    "Ghi chú: Thông tư 10/2022/TT-BLĐTBXH quy định tên và số hiệu mẫu biểu này; bố cục "
    "từng cột dưới đây do hệ thống dựng lại từ nội dung thông tư, chưa đối chiếu với bản "
    "mẫu chính thức. Số liệu lấy từ bảng tổng hợp của hệ thống (cùng số liệu với trang "
    "theo dõi)."
)
TEXT_COLUMN_WIDTH = 46


class Book:
    """An in-memory workbook with the formats every sheet shares."""

    def __init__(self) -> None:
        self._out = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self._out, {"in_memory": True})
        self._formats: dict[tuple[str, bool], Any] = {}
        self.title = self.workbook.add_format({"bold": True, "font_size": 13})
        self.header = self.workbook.add_format(
            {"bold": True, "text_wrap": True, "border": 1, "valign": "top", "align": "center"}
        )
        self.section = self.workbook.add_format({"bold": True})
        self.note = self.workbook.add_format({"italic": True, "text_wrap": True, "valign": "top"})

    def cell(self, kind: Kind, *, bold: bool = False) -> Any:
        key = (kind, bold)
        if key not in self._formats:
            spec: dict[str, Any] = {"border": 1, "bold": bold, "valign": "top"}
            if NUMBER_FORMATS[kind]:
                spec["num_format"] = NUMBER_FORMATS[kind]
            else:
                spec["text_wrap"] = True
            self._formats[key] = self.workbook.add_format(spec)
        return self._formats[key]

    def sheet(self, name: str, *, widths: Sequence[float]) -> Sheet:
        return Sheet(self, self.workbook.add_worksheet(name), widths=widths)

    def bytes(self) -> bytes:
        self.workbook.close()
        return self._out.getvalue()


class Sheet:
    """A worksheet written row by row from the top; ``row`` is the next free row."""

    def __init__(self, book: Book, worksheet: Any, *, widths: Sequence[float]) -> None:
        self.book, self.ws, self.row = book, worksheet, 0
        self.width = len(widths)
        for column, width in enumerate(widths):
            worksheet.set_column(column, column, width)

    def title(self, text: str) -> None:
        self.ws.write_string(self.row, 0, text, self.book.title)
        self.row += 1

    def lines(self, *texts: str) -> None:
        for text in texts:
            self.ws.write_string(self.row, 0, text)
            self.row += 1

    def section(self, text: str) -> None:
        self.row += 1
        self.ws.write_string(self.row, 0, text, self.book.section)
        self.row += 1

    def note(self, text: str = RECONSTRUCTED) -> None:
        """A wrapped note across the sheet's columns."""
        last = max(self.width - 1, 1)
        self.ws.merge_range(self.row, 0, self.row, last, text, self.book.note)
        self.ws.set_row(self.row, 15 * (1 + len(text) // 110))
        self.row += 1

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[Cell]], kinds: Sequence[Kind],
        *, bold: Sequence[bool] = (), row_kinds: Sequence[Sequence[Kind]] = (),
    ) -> int:  # fmt: skip
        """Write a bordered table; returns the row of its header. ``kinds`` formats each
        column; ``row_kinds``, when given, each row instead."""
        top = self.row
        self.ws.write_row(top, 0, headers, self.book.header)
        for n, values in enumerate(rows, start=1):
            strong = bold[n - 1] if n - 1 < len(bold) else False
            formats = row_kinds[n - 1] if row_kinds else kinds
            for column, (value, kind) in enumerate(zip(values, formats, strict=True)):
                self._write(top + n, column, value, self.book.cell(kind, bold=strong))
        self.row = top + len(rows) + 1
        return top

    def blanks(self, count: int, *, numbered: bool = True) -> None:
        """Bordered empty rows for the reporting officer to fill in."""
        plain = self.book.cell("text")
        for n in range(1, count + 1):
            self._write(self.row, 0, n if numbered else None, plain)
            self.ws.merge_range(self.row, 1, self.row, max(self.width - 1, 1), "", plain)
            self.row += 1

    def _write(self, row: int, column: int, value: Cell, style: Any) -> None:
        if value is None or value == "":
            self.ws.write_blank(row, column, None, style)
        elif isinstance(value, str):
            self.ws.write_string(row, column, value, style)
        else:
            self.ws.write_number(row, column, value, style)
