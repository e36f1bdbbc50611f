"""``python -m giamngheo`` (and ``spark-submit path/to/giamngheo/__main__.py …``)."""

from giamngheo.cli.main import app

app()
