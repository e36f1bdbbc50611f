"""Read and write survey tables as CSV, Parquet or XLSX, chosen by the file extension.

CSV and XLSX are read as text so that codes keep their leading zeros and every cell can be
checked by :mod:`giamngheo.analytics.validate`; Parquet keeps its own types, and a directory
named ``*.parquet`` (a dataset Spark wrote) is read as one table. Writing goes to a
temporary file in the target directory that is renamed into place only when complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal

import polars as pl

from giamngheo.analytics.errors import SurveyInputError

Format = Literal["csv", "parquet", "xlsx"]
_FORMATS: dict[str, Format] = {".csv": "csv", ".parquet": "parquet", ".xlsx": "xlsx"}


def table_format(path: Path) -> Format:
    """The format named by the extension; ValueError for any other."""
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"{path.name}: use .csv, .parquet or .xlsx") from None


def table_scan(path: Path) -> pl.LazyFrame:
    """A lazy view of the table (CSV as text, Excel loaded eagerly then made lazy)."""
    fmt = table_format(path)
    dataset = fmt == "parquet" and path.is_dir()
    if not (path.is_file() or dataset):
        raise SurveyInputError(kind="unreadable", file=path.name, row=None, column=None)
    try:
        if fmt == "csv":
            return pl.scan_csv(path, infer_schema=False, encoding="utf8")
        if fmt == "parquet":
            return pl.scan_parquet(path / "**" / "*.parquet" if dataset else path)
        return _excel_read(path).lazy()
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise _unreadable(path, exc) from exc


def table_read(path: Path) -> pl.DataFrame:
    """Read the whole table into memory."""
    try:
        return table_scan(path).collect()
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise _unreadable(path, exc) from exc


def _excel_read(path: Path) -> pl.DataFrame:
    """First sheet, every cell as text (fastexcel would turn codes into floats)."""
    return pl.read_excel(path, engine="calamine", infer_schema_length=0, drop_empty_rows=False)


def _unreadable(path: Path, exc: Exception) -> SurveyInputError:
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return SurveyInputError(
        kind="unreadable", file=path.name, row=None, column=None, note=first_line
    )


def table_write(df: pl.DataFrame | pl.LazyFrame, path: Path) -> None:
    """Write ``df`` to ``path`` atomically (temporary file + rename)."""
    fmt = table_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _write(df, tmp, fmt)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _write(df: pl.DataFrame | pl.LazyFrame, tmp: Path, fmt: Format) -> None:
    if isinstance(df, pl.LazyFrame):
        if fmt == "parquet":
            df.sink_parquet(tmp)
            return
        if fmt == "csv":
            df.sink_csv(tmp)
            return
        df = df.collect()
    if fmt == "parquet":
        df.write_parquet(tmp)
    elif fmt == "csv":
        df.write_csv(tmp)
    else:
        df.write_excel(tmp, autofit=False)
