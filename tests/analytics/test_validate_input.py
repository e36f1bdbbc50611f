"""Vectorised input checks: each error class names the spreadsheet row and the column."""

from __future__ import annotations

import polars as pl
import pytest

from giamngheo.analytics.errors import SurveyInputError
from giamngheo.analytics.pipeline import classification_contract
from giamngheo.analytics.validate import survey_validate
from giamngheo.domain.standards import standard_get

STANDARD = standard_get("vn-2022-2025")
CONTRACT = classification_contract([STANDARD])


def _text_table(rows: int = 4) -> dict[str, list[str | None]]:
    data: dict[str, list[str | None]] = {
        "household_id": [f"{n:05d}" for n in range(rows)],
        "area": ["rural", "urban"] * (rows // 2),
        "income": ["1500000"] * rows,
    }
    data.update({c: ["0"] * rows for c in STANDARD.dep_columns})
    return data


@pytest.mark.parametrize(
    ("column", "index", "value", "kind"),
    [
        ("income", 2, "", "empty_income"),
        ("income", 2, None, "empty_income"),
        ("income", 1, "1.500.000", "non_integer_income"),
        ("income", 3, "12.5", "non_integer_income"),
        ("income", 0, "-3", "negative_income"),
        ("area", 2, "town", "bad_area"),
        ("area", 1, None, "bad_area"),
        ("dep_water", 3, "2", "bad_flag"),
        ("dep_water", 0, "", "bad_flag"),
        ("household_id", 3, "00001", "duplicate_id"),
        ("household_id", 1, " ", "empty_id"),
    ],
)
def test_text_table_errors(column: str, index: int, value: str | None, kind: str) -> None:
    data = _text_table()
    data[column][index] = value
    with pytest.raises(SurveyInputError) as caught:
        survey_validate(pl.DataFrame(data), CONTRACT, file="x.csv")
    error = caught.value
    assert (error.kind, error.row, error.column, error.file) == (kind, index + 2, column, "x.csv")
    assert f"dòng {index + 2}, cột {column}" in str(error)
    assert f"row {index + 2}, column {column}" in error.message("en")


def test_first_problem_in_row_order_is_reported() -> None:
    data = _text_table(6)
    data["dep_latrine"][4] = "x"
    data["income"][2] = "abc"
    with pytest.raises(SurveyInputError) as caught:
        survey_validate(pl.DataFrame(data), CONTRACT, file="x.csv")
    assert (caught.value.row, caught.value.column) == (4, "income")


@pytest.mark.parametrize(
    ("drop", "add"), [("dep_water", None), ("income", None), (None, "dep_waste")]
)
def test_column_errors(drop: str | None, add: str | None) -> None:
    df = pl.DataFrame(_text_table())
    if drop:
        df = df.drop(drop)
    if add:
        df = df.with_columns(pl.lit("0").alias(add))
    with pytest.raises(SurveyInputError) as caught:
        survey_validate(df, CONTRACT, file="x.csv")
    expected = ("missing_column", drop) if drop else ("unknown_column", add)
    assert (caught.value.kind, caught.value.column, caught.value.row) == (*expected, 1)


def test_typed_table_errors() -> None:
    df = pl.DataFrame(_text_table()).with_columns(
        pl.Series("income", [1, 2, -5, 4], dtype=pl.Int64),
        pl.col("^dep_.*$").cast(pl.Int8),
    )
    with pytest.raises(SurveyInputError) as caught:
        survey_validate(df, CONTRACT, file="x.parquet")
    assert (caught.value.kind, caught.value.row) == ("negative_income", 4)
    floats = df.with_columns(pl.Series("income", [1.0, 2.5, 3.0, 4.0]))
    with pytest.raises(SurveyInputError, match="dòng 3, cột income"):
        survey_validate(floats, CONTRACT, file="x.parquet")


def test_valid_table_is_typed() -> None:
    out = survey_validate(pl.DataFrame(_text_table()), CONTRACT, file="x.csv")
    assert out["income"].dtype == pl.Int64
    assert out["dep_water"].dtype == pl.UInt8
    assert out["household_id"].to_list()[0] == "00000"
