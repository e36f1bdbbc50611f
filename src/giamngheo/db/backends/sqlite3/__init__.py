"""Django's SQLite engine, with the functions our queries call registered on every connection
(``ENGINE = "giamngheo.db.backends.sqlite3"``)."""
