"""Set-based inserts of Polars frames: ``COPY`` on PostgreSQL, ``executemany`` on SQLite.

Used for demo data and imports, where per-row ``save()`` would be orders of magnitude slower.
Runs on the caller's connection and transaction, so a failure leaves nothing written.
"""

from __future__ import annotations

import polars as pl
from django.db import connection, models


def bulk_insert_frame(model: type[models.Model], frame: pl.DataFrame) -> int:
    """Insert every row of ``frame`` (columns named after the model's ``attname``s)."""
    if frame.is_empty():
        return 0
    table = model._meta.db_table
    columns = [_column(model, c) for c in frame.columns]
    if connection.vendor == "postgresql":
        _copy_postgresql(table, columns, frame)
    else:
        _executemany(table, columns, frame)
    return frame.height


def _column(model: type[models.Model], attname: str) -> str:
    for field in model._meta.concrete_fields:
        if field.attname == attname and field.column:
            return field.column
    raise KeyError(f"{model._meta.label} has no column for '{attname}'")


def _copy_postgresql(table: str, columns: list[str], frame: pl.DataFrame) -> None:
    quote = connection.ops.quote_name
    sql = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN WITH (FORMAT csv)"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for chunk in frame.iter_slices(200_000):
            copy.write(chunk.write_csv(include_header=False, null_value=""))


def _executemany(table: str, columns: list[str], frame: pl.DataFrame) -> None:
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES ({marks})"  # noqa: S608 - names from model metadata
    with connection.cursor() as cursor:
        for chunk in frame.iter_slices(100_000):
            cursor.executemany(sql, chunk.rows())
