"""Reading a giver's list: cells typed as officers write them; a file with problems is rejected
whole, naming the row and column of every problem, and the problems export as a workbook."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
import pytest
import xlsxwriter
from django.core.exceptions import ValidationError

from giamngheo.apps.linkage.exports import problems_xlsx
from giamngheo.apps.linkage.imports import MAX_PROBLEMS, ListRejectedError, Problem, rows_parse
from giamngheo.apps.linkage.services import EntryRow

HEADER = "ho_ten,ngay_sinh,so_dinh_danh,gioi_tinh,xa,thon,so_tien,ngay_nhan\n"


def _csv(*lines: str) -> bytes:
    return (HEADER + "".join(f"{line}\n" for line in lines)).encode()


def _rejected(content: bytes, name: str = "ds.csv") -> ListRejectedError:
    with pytest.raises(ListRejectedError) as caught:
        rows_parse(content, name)
    return caught.value


def test_cells_are_read_as_officers_write_them() -> None:
    rows = rows_parse(_csv(
        " Lý Thị Mai ,1988,,Nữ,Xã Hoàng Đồng,Thôn 1,200.000,20/01/2025",
        "Nông Văn Dũng,3/2/1975,020 075 004 321,nam,,,,2025-01-21",
        "Hoàng Thị Hương,1990-05-17,,khác,,,,",
    ), "ds.csv")  # fmt: skip
    assert rows == [
        EntryRow(row_number=2, full_name="Lý Thị Mai", birth_year=1988, sex="female",
                 commune_text="Xã Hoàng Đồng", village_text="Thôn 1", amount_vnd=200_000,
                 delivered_on=dt.date(2025, 1, 20)),
        EntryRow(row_number=3, full_name="Nông Văn Dũng", birth_on=dt.date(1975, 2, 3),
                 birth_year=1975, id_number="020075004321", sex="male",
                 delivered_on=dt.date(2025, 1, 21)),
        EntryRow(row_number=4, full_name="Hoàng Thị Hương", birth_on=dt.date(1990, 5, 17),
                 birth_year=1990),
    ]  # fmt: skip


def test_an_excel_list_reads_like_a_csv() -> None:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Ho_Ten", "ngay_sinh", "so_tien"])
    sheet.write_row(1, 0, ["Triệu Văn Phấu", "1955", "300000"])
    book.close()
    assert rows_parse(out.getvalue(), "ds.xlsx") == [
        EntryRow(row_number=2, full_name="Triệu Văn Phấu", birth_year=1955, amount_vnd=300_000)
    ]


def test_every_problem_is_named_by_row_and_column_and_nothing_is_read() -> None:
    rejected = _rejected(_csv(
        "Lý Thị Mai,31/02/1988,,,,,200000,",
        ",1990,,,,,,",
        "Nông Dũng,,,,,,-5,hôm qua",
        "Hoàng Hương,,,,,,1.000.000,",
    ))  # fmt: skip
    assert rejected.problems == [
        Problem(row=2, column="ngay_sinh",
                reason="ngày sinh không hợp lệ (dd/mm/yyyy, yyyy-mm-dd hoặc chỉ năm yyyy)"),
        Problem(row=3, column="ho_ten", reason="thiếu họ tên"),
        Problem(row=4, column="so_tien", reason="số tiền không phải số nguyên không âm"),
        Problem(row=4, column="ngay_nhan",
                reason="ngày nhận không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)"),
    ]  # fmt: skip
    assert rejected.total == 4
    assert rejected.messages == [
        "Tệp có 4 lỗi; không nhập dòng nào. Lỗi đầu tiên: dòng 2, cột ngay_sinh: ngày sinh "
        "không hợp lệ (dd/mm/yyyy, yyyy-mm-dd hoặc chỉ năm yyyy)."
    ]


def test_a_missing_name_column_is_a_problem_of_row_1() -> None:
    rejected = _rejected(b"ten,ngay_sinh\nMai,1988\n")
    assert rejected.problems == [Problem(row=1, column="ho_ten", reason="thiếu cột bắt buộc")]


def test_a_file_that_cannot_be_read_is_named() -> None:
    with pytest.raises(ValidationError) as caught:
        rows_parse(b"\x00\x01 not a workbook", "quà tết.xlsx")
    assert caught.value.messages == [
        "Tệp quà tết.xlsx: không đọc được tệp (CSV hoặc Excel, dòng 1 là tên cột)."
    ]


def test_the_workbook_lists_the_first_problems_of_a_long_file() -> None:
    rejected = _rejected(_csv(*[",1990,,,,,,"] * (MAX_PROBLEMS + 5)))
    assert (len(rejected.problems), rejected.total) == (MAX_PROBLEMS, MAX_PROBLEMS + 5)
    content = problems_xlsx(rejected.problems, total=rejected.total, filename="ds.csv")
    title = pl.read_excel(io.BytesIO(content), has_header=False).item(0, 0)
    assert title == (
        f"Lỗi trong tệp ds.csv: {MAX_PROBLEMS + 5} lỗi, không nhập dòng nào "
        f"(liệt kê {MAX_PROBLEMS} lỗi đầu tiên)"
    )
    sheet = pl.read_excel(io.BytesIO(content), read_options={"header_row": 2},
                          infer_schema_length=0)  # fmt: skip
    assert sheet.columns == ["STT", "Dòng", "Cột", "Lỗi"]
    assert sheet.height == MAX_PROBLEMS
    assert sheet.row(0) == ("1", "2", "ho_ten", "thiếu họ tên")
    assert sheet["Dòng"].to_list()[-1] == str(MAX_PROBLEMS + 1)
