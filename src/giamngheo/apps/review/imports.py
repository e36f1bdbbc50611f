"""Survey forms from Excel or CSV in the layout communes use: Vietnamese headers, one row per
household, checked row by row without a loop over rows. Every problem is reported (row,
column, reason, value); a file with any problem is rejected whole.

Rows count as in a spreadsheet: the header is row 1, the first household row 2.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import xlsxwriter

from giamngheo.domain.model import Standard

CODE, DAY, INCOME, SCORE = (
    "Mã hộ",
    "Ngày rà soát",
    "Thu nhập bình quân (đồng/người/tháng)",
    ("Điểm thu nhập (điểm A)"),
)
FIRST_ROW = 2
MAX_ERRORS = 1_000
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """The columns a file must hold for a standard: header → field name."""

    standard: Standard

    @property
    def measure(self) -> tuple[str, str]:
        if self.standard.measure == "score":
            return SCORE, "income_score"
        return INCOME, "income_vnd"

    @property
    def flags(self) -> dict[str, str]:
        return {i.label.vi: f"dep_{i.id}" for i in self.standard.indicators}

    @property
    def headers(self) -> list[str]:
        return [CODE, DAY, self.measure[0], *self.flags]


class ImportRejectedError(Exception):
    """The file has problems; ``errors`` lists them (row, column, reason, value)."""

    def __init__(self, errors: pl.DataFrame, total: int) -> None:
        self.errors = errors
        self.total = total
        super().__init__(f"Tệp có {total} lỗi; không nhập dòng nào.")


def template_xlsx(layout: Layout) -> bytes:
    """An empty form with the headers (codes as text) and a sheet of indicator definitions."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold, text = (
        book.add_format({"bold": True, "text_wrap": True}),
        book.add_format({"num_format": "@"}),
    )
    sheet = book.add_worksheet("Phieu ra soat")
    for col, header in enumerate(layout.headers):
        sheet.write_string(0, col, header, bold)
        sheet.set_column(col, col, 18 if col < 3 else 12, text if col == 0 else None)
    sheet.write_comment(0, 1, "dd/mm/yyyy")
    sheet.freeze_panes(1, 1)
    help_sheet = book.add_worksheet("Huong dan")
    help_sheet.write_row(0, 0, ["Cột", "Giá trị", "Định nghĩa"], bold)
    rows = [(CODE, "mã hộ trong sổ hộ", ""), (DAY, "dd/mm/yyyy", ""),
            (layout.measure[0], "số nguyên ≥ 0", "")]  # fmt: skip
    rows += [(i.label.vi, "0 hoặc 1", i.definition.vi) for i in layout.standard.indicators]
    for n, row in enumerate(rows, start=1):
        help_sheet.write_row(n, 0, row)
    help_sheet.set_column(0, 0, 40)
    help_sheet.set_column(2, 2, 100)
    book.close()
    return out.getvalue()


def table_read(path: Path) -> pl.DataFrame:
    """Every cell as text, so codes keep their leading zeros (header row 1)."""
    if path.suffix.lower() == ".csv":
        return pl.read_csv(path, infer_schema=False, encoding="utf8")
    return pl.read_excel(path, engine="calamine", infer_schema_length=0, drop_empty_rows=True)


def checked(df: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    """Columns ``household_code``, ``surveyed_on`` (Date), the measure (Int64) and the flags
    (Boolean); :class:`ImportRejectedError` listing every problem otherwise."""
    missing = [h for h in layout.headers if h not in df.columns]
    if missing:
        errors = pl.DataFrame(
            {"row": [1] * len(missing), "column": missing, "reason": ["thiếu cột"] * len(missing),
             "value": [""] * len(missing)}
        )  # fmt: skip
        raise ImportRejectedError(errors, len(missing))
    typed = _typed(df, layout)
    errors = _errors(df, typed, layout)
    if errors.height:
        raise ImportRejectedError(errors.head(MAX_ERRORS), errors.height)
    return typed


def _text(header: str) -> pl.Expr:
    return pl.col(header).cast(pl.String).str.strip_chars()


def _date(header: str) -> pl.Expr:
    text = _text(header).str.slice(0, 10)
    parsed = [text.str.strptime(pl.Date, f, strict=False) for f in _DATE_FORMATS]
    return pl.coalesce(parsed)


def _typed(df: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    header, field = layout.measure
    return df.select(
        _text(CODE).alias("household_code"),
        _date(DAY).alias("surveyed_on"),
        _text(header).cast(pl.Int64, strict=False).alias(field),
        *[_text(h).is_in(["1"]).alias(f) for h, f in layout.flags.items()],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Check:
    column: str
    reason: str
    bad: pl.Expr


def _checks(layout: Layout) -> list[_Check]:
    header = layout.measure[0]
    code, measure = _text(CODE), _text(header)
    empty_code = code.is_null() | (code == "")
    checks = [
        _Check(column=CODE, reason="mã hộ để trống", bad=empty_code),
        _Check(column=CODE, reason="mã hộ bị trùng", bad=~empty_code & code.is_duplicated()),
        _Check(column=DAY, reason="ngày rà soát không đúng dạng dd/mm/yyyy",
               bad=pl.col("surveyed_on").is_null()),
        _Check(column=header, reason="để trống", bad=measure.is_null() | (measure == "")),
        _Check(column=header, reason="âm", bad=measure.str.contains(r"^-\d+$").fill_null(False)),
        _Check(column=header, reason="không phải số nguyên",
               bad=~measure.str.contains(r"^-?\d{1,15}$").fill_null(True) & (measure != "")),
    ]  # fmt: skip
    checks += [
        _Check(
            column=h, reason="phải là 0 hoặc 1", bad=~_text(h).is_in(["0", "1"]).fill_null(False)
        )
        for h in layout.flags
    ]
    return checks


def _errors(df: pl.DataFrame, typed: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    frame = pl.concat([df, typed.select("surveyed_on")], how="horizontal").with_row_index("i")
    parts = [
        frame.filter(c.bad).select(
            (pl.col("i") + FIRST_ROW).cast(pl.Int64).alias("row"),
            pl.lit(c.column).alias("column"),
            pl.lit(c.reason).alias("reason"),
            pl.col(c.column).cast(pl.String).fill_null("").alias("value"),
        )
        for c in _checks(layout)
    ]
    return pl.concat(parts).sort("row", maintain_order=True)


def rows_refused(
    typed: pl.DataFrame, bad: pl.Expr, *, column: str, reason: str, value: str
) -> pl.DataFrame:
    """Errors for the rows where ``bad`` holds (checks against the database)."""
    return (
        typed.with_row_index("i")
        .filter(bad)
        .select(
            (pl.col("i") + FIRST_ROW).cast(pl.Int64).alias("row"),
            pl.lit(column).alias("column"),
            pl.lit(reason).alias("reason"),
            pl.col(value).cast(pl.String).fill_null("").alias("value"),
        )
    )


def errors_xlsx(errors: list[dict[str, object]], *, total: int) -> bytes:
    """The error report: one line per problem (row, column, reason, value)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("Loi")
    sheet.write_row(0, 0, ["Dòng", "Cột", "Lý do", "Giá trị"], bold)
    for n, error in enumerate(errors, start=1):
        sheet.write_number(n, 0, int(str(error["row"])))
        sheet.write_row(n, 1, [str(error["column"]), str(error["reason"])])
        sheet.write_string(n, 3, str(error["value"]))
    if total > len(errors):
        sheet.write_string(len(errors) + 1, 0, f"… và {total - len(errors)} lỗi khác")
    sheet.set_column(1, 2, 40)
    book.close()
    return out.getvalue()
