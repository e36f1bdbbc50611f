"""Reading another giver's list (CSV or Excel) into entry rows.

Columns (Vietnamese, as officers name them): ``ho_ten`` (required), ``ngay_sinh``
(dd/mm/yyyy, yyyy-mm-dd or just the year), ``so_dinh_danh`` (12-digit citizen ID or 9-digit
ID card), ``gioi_tinh`` (nam / nữ), ``xa`` (current or pre-2025 commune, name or code),
``thon``, ``so_tien``, ``ngay_nhan``. Bad cells stop the import with the row and column.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import polars as pl
from django.core.exceptions import ValidationError

from giamngheo.apps.linkage.services import EntryRow

COLUMNS = ("ho_ten", "ngay_sinh", "so_dinh_danh", "gioi_tinh", "xa", "thon", "so_tien", "ngay_nhan")
_SEX = {"nam": "male", "nu": "female", "nữ": "female", "male": "male", "female": "female"}


def rows_parse(content: bytes, filename: str) -> list[EntryRow]:
    frame = _read(content, filename)
    if "ho_ten" not in frame.columns:
        raise ValidationError("Thiếu cột ho_ten.")
    frame = frame.select(
        [pl.col(c) if c in frame.columns else pl.lit("").alias(c) for c in COLUMNS]
    )
    return [
        _row(n, row) for n, row in enumerate(frame.fill_null("").iter_rows(named=True), start=2)
    ]


def _read(content: bytes, filename: str) -> pl.DataFrame:
    try:
        if filename.lower().endswith((".xlsx", ".xls")):
            frame = pl.read_excel(io.BytesIO(content), infer_schema_length=0)
        else:
            frame = pl.read_csv(io.BytesIO(content), infer_schema=False)
    except Exception as error:
        raise ValidationError("Không đọc được tệp (CSV hoặc Excel).") from error
    return frame.rename(lambda c: c.strip().lower()).cast(pl.String)


def _row(number: int, row: dict[str, str]) -> EntryRow:
    name = row["ho_ten"].strip()
    if not name:
        raise ValidationError(f"Dòng {number}, cột ho_ten: thiếu họ tên.")
    birth_on, birth_year = _birth(number, row["ngay_sinh"].strip())
    return EntryRow(
        row_number=number, full_name=name, birth_on=birth_on, birth_year=birth_year,
        id_number=re.sub(r"\D", "", row["so_dinh_danh"]),
        sex=_SEX.get(row["gioi_tinh"].strip().lower(), ""), commune_text=row["xa"].strip(),
        village_text=row["thon"].strip(), amount_vnd=_amount(number, row["so_tien"]),
        delivered_on=_date(number, "ngay_nhan", row["ngay_nhan"].strip()),
    )  # fmt: skip


def _birth(number: int, text: str) -> tuple[dt.date | None, int | None]:
    if re.fullmatch(r"\d{4}", text):
        return None, int(text)
    found = _date(number, "ngay_sinh", text)
    return found, found.year if found else None


def _date(number: int, column: str, text: str) -> dt.date | None:
    if not text:
        return None
    for layout in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValidationError(f"Dòng {number}, cột {column}: ngày không hợp lệ ({text}).")


def _amount(number: int, text: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", text)
    if not digits:
        return None
    if not digits.isdigit():
        raise ValidationError(f"Dòng {number}, cột so_tien: không phải số.")
    return int(digits)
