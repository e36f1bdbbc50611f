"""Vectorised checks of a survey table against the data contract (no loop over rows).

Every check is a boolean expression; one query finds the first offending row of each, and the
earliest is reported as :class:`~giamngheo.analytics.errors.SurveyInputError`. The checked table
is then cast to typed columns (``area`` Enum, measures Int64, flags UInt8).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from giamngheo.analytics.errors import ErrorKind, SurveyInputError
from giamngheo.domain.model import AREAS, DEP_PREFIX

AREA_DTYPE = pl.Enum(list(AREAS))
ID_COLUMN = "household_id"
FIRST_DATA_ROW = 2  # header = spreadsheet row 1
_TRUE_TEXT = ("1", "true")
_FALSE_TEXT = ("0", "false")


@dataclass(frozen=True, slots=True, kw_only=True)
class Contract:
    """What a table must hold: measure columns (``income``…), flag columns, an id column."""

    measures: tuple[str, ...]
    flags: tuple[str, ...]
    area: bool = True
    household_id: bool = True
    flag_prefix_closed: bool = True  # an unknown ``dep_*`` column is an error
    extra: tuple[str, ...] = ()  # required but not checked (e.g. a grouping column)

    @property
    def required(self) -> tuple[str, ...]:
        """Columns that must be present."""
        head = ((ID_COLUMN,) if self.household_id else ()) + (("area",) if self.area else ())
        return (*head, *self.measures, *self.flags, *self.extra)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Check:
    kind: ErrorKind
    column: str
    bad: pl.Expr


def survey_validate(df: pl.DataFrame, contract: Contract, *, file: str) -> pl.DataFrame:
    """Raise :class:`SurveyInputError` for the first problem; else return the typed table."""
    columns_check(df.columns, contract, file=file)
    checks = _row_checks(df.schema, contract, ids_distinct=_ids_distinct(df, contract))
    if checks:
        _raise_first(df, checks, file=file)
    return df.with_columns(_casts(df.schema, contract))


def survey_typed(lf: pl.LazyFrame, contract: Contract) -> pl.LazyFrame:
    """The typed columns :func:`survey_validate` returns, for a table already validated
    (e.g. each partition of a table a Spark job reads after the driver validated it)."""
    return lf.with_columns(_casts(lf.collect_schema(), contract))


def columns_check(columns: Sequence[str], contract: Contract, *, file: str) -> None:
    """Missing required columns and unknown ``dep_`` columns (reported on header row 1)."""
    for name in contract.required:
        if name not in columns:
            raise SurveyInputError(kind="missing_column", file=file, row=1, column=name)
    if contract.flag_prefix_closed:
        for name in columns:
            if name.startswith(DEP_PREFIX) and name not in contract.flags:
                raise SurveyInputError(kind="unknown_column", file=file, row=1, column=name)


def _ids_distinct(df: pl.DataFrame, contract: Contract) -> bool:
    """Fast path: distinct 64-bit hashes prove distinct ids (collisions fall back to exact)."""
    if not contract.household_id:
        return True
    hashes = df.lazy().select(pl.col(ID_COLUMN).cast(pl.String).hash().n_unique()).collect()
    return bool(hashes.item() == df.height)


def _row_checks(schema: pl.Schema, contract: Contract, *, ids_distinct: bool) -> list[_Check]:
    checks: list[_Check] = []
    if contract.household_id:
        checks += _id_checks(ids_distinct=ids_distinct)
    if contract.area:
        area = pl.col("area").cast(pl.String)
        checks.append(
            _Check(kind="bad_area", column="area", bad=~area.is_in(AREAS).fill_null(False))
        )
    for name in contract.measures:
        checks += _integer_checks(name, schema[name])
    checks += [
        _Check(kind="bad_flag", column=f, bad=_flag_bad(f, schema[f])) for f in contract.flags
    ]
    return checks


def _id_checks(*, ids_distinct: bool) -> list[_Check]:
    ident = pl.col(ID_COLUMN).cast(pl.String)
    empty = ident.is_null() | (ident.str.strip_chars() == "")
    checks = [_Check(kind="empty_id", column=ID_COLUMN, bad=empty)]
    if not ids_distinct:
        later = ~ident.is_first_distinct()
        checks.append(_Check(kind="duplicate_id", column=ID_COLUMN, bad=later & ~empty))
    return checks


def _integer_checks(name: str, dtype: pl.DataType) -> list[_Check]:
    col = pl.col(name)
    if dtype == pl.String:
        text = col.str.strip_chars()
        empty = col.is_null() | (text == "")
        negative = text.str.contains(r"^-\d+$")
        integer = text.str.contains(r"^\d{1,18}$")
        return _income_checks(name, empty, negative, ~(empty | negative | integer))
    if dtype.is_integer():
        return _income_checks(name, col.is_null(), col < 0, pl.lit(False))
    if dtype.is_float():
        empty = col.is_null() | col.is_nan()
        fraction = ~col.is_finite() | (col != col.floor()) | (col.abs() >= 2.0**53)
        return _income_checks(name, empty, ~empty & (col < 0), ~empty & fraction)
    return _income_checks(name, col.is_null(), pl.lit(False), col.is_not_null())


def _income_checks(name: str, empty: pl.Expr, negative: pl.Expr, other: pl.Expr) -> list[_Check]:
    return [
        _Check(kind="empty_income", column=name, bad=empty),
        _Check(kind="negative_income", column=name, bad=negative.fill_null(False)),
        _Check(kind="non_integer_income", column=name, bad=other.fill_null(False)),
    ]


def _flag_bad(name: str, dtype: pl.DataType) -> pl.Expr:
    col = pl.col(name)
    if dtype == pl.Boolean:
        return col.is_null()
    if dtype == pl.String:
        ok = col.str.strip_chars().str.to_lowercase().is_in([*_TRUE_TEXT, *_FALSE_TEXT])
    elif dtype.is_numeric():
        ok = col.is_in([0, 1])
    else:
        return pl.lit(True)
    return ~ok.fill_null(False)


def _raise_first(df: pl.DataFrame, checks: Sequence[_Check], *, file: str) -> None:
    """One pass computes every check; ``arg_max`` finds each first offending row."""
    flags = df.lazy().select(c.bad.fill_null(True).alias(str(n)) for n, c in enumerate(checks))
    found = (
        flags.select(
            pl.struct(hit=pl.col(str(n)).any(), row=pl.col(str(n)).arg_max()).alias(str(n))
            for n in range(len(checks))
        )
        .collect()
        .row(0)
    )
    hits = [(hit["row"], n) for n, hit in enumerate(found) if hit["hit"]]
    if hits:
        row, n = min(hits)
        check = checks[n]
        value = df[check.column].cast(pl.String)[row]
        raise SurveyInputError(
            kind=check.kind, file=file, row=row + FIRST_DATA_ROW, column=check.column, value=value
        )


def _casts(schema: pl.Schema, contract: Contract) -> list[pl.Expr]:
    exprs = [_measure_cast(m, schema[m]) for m in contract.measures]
    exprs += [_flag_cast(f, schema[f]) for f in contract.flags]
    if contract.area:
        exprs.append(pl.col("area").cast(pl.String).cast(AREA_DTYPE))
    return exprs


def _measure_cast(name: str, dtype: pl.DataType) -> pl.Expr:
    col = pl.col(name)
    return (col.str.strip_chars() if dtype == pl.String else col).cast(pl.Int64)


def _flag_cast(name: str, dtype: pl.DataType) -> pl.Expr:
    col = pl.col(name)
    if dtype == pl.String:
        col = col.str.strip_chars().str.to_lowercase().is_in(_TRUE_TEXT)
    return col.cast(pl.UInt8)
