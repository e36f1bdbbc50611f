"""Reading another giver's list (CSV or Excel) into entry rows.

Columns (Vietnamese, as officers name them): ``ho_ten`` (required), ``ngay_sinh``
(dd/mm/yyyy, yyyy-mm-dd or just the year), ``so_dinh_danh`` (12-digit citizen ID or 9-digit
ID card), ``gioi_tinh`` (nam / nữ), ``xa`` (current or pre-2025 commune, name or code),
``thon``, ``so_tien``, ``ngay_nhan``. Every cell is checked at once, without a loop over rows;
a file with any problem is rejected whole (:class:`ListRejectedError` lists each problem's
row and column). Rows count as in a spreadsheet: the header is row 1, the first person row 2.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError

from giamngheo.apps.linkage.services import EntryRow

COLUMNS = ("ho_ten", "ngay_sinh", "so_dinh_danh", "gioi_tinh", "xa", "thon", "so_tien", "ngay_nhan")
REQUIRED = ("ho_ten",)
FIRST_ROW = 2
MAX_PROBLEMS = 1_000
_SEX = {"nam": "male", "nu": "female", "nữ": "female", "male": "male", "female": "female"}
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One bad cell (or a missing column, on row 1). The reason never quotes the cell."""

    row: int
    column: str
    reason: str


class ListRejectedError(ValidationError):
    """The file has problems; ``problems`` lists them (at most :data:`MAX_PROBLEMS`, the
    first ones), ``total`` counts them all. Nothing is imported."""

    def __init__(self, problems: list[Problem], total: int) -> None:
        self.problems = problems
        self.total = total
        first = problems[0]
        super().__init__(
            f"Tệp có {total} lỗi; không nhập dòng nào. Lỗi đầu tiên: dòng {first.row}, "
            f"cột {first.column}: {first.reason}."
        )


def rows_parse(content: bytes, filename: str) -> list[EntryRow]:
    """The rows of the file, or :class:`ListRejectedError` naming every bad cell."""
    frame = _read(content, filename)
    missing = [Problem(row=1, column=c, reason="thiếu cột bắt buộc")
               for c in REQUIRED if c not in frame.columns]  # fmt: skip
    if missing:
        raise ListRejectedError(missing, len(missing))
    text = frame.select([_text(c) if c in frame.columns else pl.lit("").alias(c) for c in COLUMNS])
    problems = _problems(text)
    if problems.height:
        raise ListRejectedError(_listed(problems.head(MAX_PROBLEMS)), problems.height)
    return [_row(n, row) for n, row in enumerate(_typed(text).iter_rows(named=True), FIRST_ROW)]


def _read(content: bytes, filename: str) -> pl.DataFrame:
    try:
        if filename.lower().endswith((".xlsx", ".xls")):
            frame = pl.read_excel(io.BytesIO(content), infer_schema_length=0)
        else:
            frame = pl.read_csv(io.BytesIO(content), infer_schema=False)
    except Exception as error:
        raise ValidationError(
            f"Tệp {filename}: không đọc được tệp (CSV hoặc Excel, dòng 1 là tên cột)."
        ) from error
    return frame.rename(lambda c: c.strip().lower()).cast(pl.String)


def _text(column: str) -> pl.Expr:
    return pl.col(column).fill_null("").str.strip_chars()


def _date(column: str) -> pl.Expr:
    parsed = [pl.col(column).str.strptime(pl.Date, f, strict=False) for f in _DATE_FORMATS]
    return pl.coalesce(parsed)


def _year_only(column: str) -> pl.Expr:
    return pl.col(column).str.contains(r"^\d{4}$")


def _amount_digits() -> pl.Expr:
    return pl.col("so_tien").str.replace_all(r"[.,\s]", "")


def _checks() -> dict[str, tuple[str, pl.Expr]]:
    """Per column: the reason, and where it holds."""
    filled = {c: pl.col(c) != "" for c in ("ngay_sinh", "ngay_nhan", "so_tien")}
    return {
        "ho_ten": ("thiếu họ tên", pl.col("ho_ten") == ""),
        "ngay_sinh": (
            "ngày sinh không hợp lệ (dd/mm/yyyy, yyyy-mm-dd hoặc chỉ năm yyyy)",
            filled["ngay_sinh"] & ~_year_only("ngay_sinh") & _date("ngay_sinh").is_null(),
        ),
        "so_tien": (
            "số tiền không phải số nguyên không âm",
            filled["so_tien"] & ~_amount_digits().str.contains(r"^\d{1,15}$"),
        ),
        "ngay_nhan": (
            "ngày nhận không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)",
            filled["ngay_nhan"] & _date("ngay_nhan").is_null(),
        ),
    }


def _problems(text: pl.DataFrame) -> pl.DataFrame:
    numbered = text.with_row_index("i")
    parts = [
        numbered.filter(bad).select(
            (pl.col("i").cast(pl.Int64) + FIRST_ROW).alias("row"),
            pl.lit(column).alias("column"),
            pl.lit(reason).alias("reason"),
            pl.lit(n).alias("order"),
        )
        for n, (column, (reason, bad)) in enumerate(_checks().items())
    ]
    return pl.concat(parts).sort("row", "order").drop("order")


def _listed(problems: pl.DataFrame) -> list[Problem]:
    return [Problem(**row) for row in problems.iter_rows(named=True)]


def _typed(text: pl.DataFrame) -> pl.DataFrame:
    birth = pl.when(~_year_only("ngay_sinh")).then(_date("ngay_sinh"))
    return text.select(
        "ho_ten",
        birth.alias("birth_on"),
        pl.coalesce(birth.dt.year(), pl.col("ngay_sinh").cast(pl.Int32, strict=False)).alias(
            "birth_year"
        ),
        pl.col("so_dinh_danh").str.replace_all(r"\D", "").alias("id_number"),
        pl.col("gioi_tinh").str.to_lowercase().replace_strict(_SEX, default="").alias("sex"),
        "xa",
        "thon",
        pl.when(_amount_digits() != "").then(_amount_digits().cast(pl.Int64)).alias("amount"),
        _date("ngay_nhan").alias("delivered_on"),
    )


def _row(number: int, row: dict[str, Any]) -> EntryRow:
    return EntryRow(
        row_number=number, full_name=row["ho_ten"], birth_on=row["birth_on"],
        birth_year=row["birth_year"], id_number=row["id_number"], sex=row["sex"],
        commune_text=row["xa"], village_text=row["thon"], amount_vnd=row["amount"],
        delivered_on=row["delivered_on"],
    )  # fmt: skip
