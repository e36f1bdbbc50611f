"""Django's SQLite engine, with :func:`giamngheo.db.search.search_key` registered on every
connection, so that searches ignore case and diacritics in SQL (as on PostgreSQL)."""

from __future__ import annotations

import sqlite3
from typing import Any

from django.db.backends.sqlite3 import base

from giamngheo.db.search import SQLITE_FUNCTION, search_key_sqlite


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> sqlite3.Connection:
        connection: sqlite3.Connection = super().get_new_connection(conn_params)
        connection.create_function(SQLITE_FUNCTION, 1, search_key_sqlite, deterministic=True)
        return connection
