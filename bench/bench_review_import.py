"""Benchmark: import 50,000 survey forms of a review campaign from one Excel file.

Target (issue 5): a good file of 50,000 rows imports in under 60 s. Measures the import
service the background job runs (read with calamine, check every cell, check against the
database, insert the surveys, link them to the listed households, audit) on a fresh SQLite
database, or on PostgreSQL when ``DATABASE_URL`` names one (``scripts/with-postgres``).
Writes its figures into ``bench/results/review_import.json`` under the database's name.

    python bench/bench_review_import.py [--rows 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "review_import.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GIAMNGHEO_VAR"] = tmp
        if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        result = _run(args.rows, Path(tmp))
    RESULTS.parent.mkdir(exist_ok=True)
    known = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    known[str(result["database"])] = result  # one entry per database measured
    RESULTS.write_text(json.dumps(known, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _run(rows: int, tmp: Path) -> dict[str, object]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from giamngheo.apps.review import dates
    from giamngheo.apps.review.models import ReviewEntry
    from giamngheo.apps.review.services.imports import survey_import

    call_command("migrate", verbosity=0)
    dates.today = lambda: dt.date(2026, 10, 1)  # inside the 2026 periodic window
    campaign, commune, officer = _setup(rows)
    started = time.perf_counter()
    path = _file(rows, tmp, campaign)
    written = time.perf_counter()
    result = survey_import(actor=officer, campaign=campaign, commune=commune, path=path)
    done = time.perf_counter()
    linked = ReviewEntry.objects.filter(campaign=campaign, survey__isnull=False).count()
    seconds = done - written
    return {
        "benchmark": "review_import",
        "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "database": connection.vendor,
        "rows": rows,
        "file_mb": round(path.stat().st_size / 1e6, 2),
        "write_file_seconds": round(written - started, 2),
        "import_seconds": round(seconds, 2),
        "imported": result["imported"],
        "entries_linked": linked,
        "target_seconds": 60,
        "meets_target": seconds < 60 and linked == rows,
    }  # fmt: skip


def _setup(rows: int) -> tuple[object, object, object]:
    from giamngheo.apps.accounts.models import User
    from giamngheo.apps.accounts.roles import Role
    from giamngheo.apps.geo.models import Commune, Village
    from giamngheo.apps.geo.services import geo_units_load
    from giamngheo.apps.registry.models import Household
    from giamngheo.apps.review.models import ReviewCampaign, ReviewEntry

    geo_units_load()
    commune = Commune.objects.get(code="05977")
    villages = [Village.objects.create(commune=commune, code=f"B-{n}", name=f"Thôn {n}")
                for n in range(20)]  # fmt: skip
    Household.objects.bulk_create(
        (Household(province=commune.province, code=f"{n:07d}", village=villages[n % 20],
                   area="urban") for n in range(rows)),
        batch_size=5_000,
    )  # fmt: skip
    officer = User(username="canbo", role=Role.COMMUNE_OFFICER)
    officer.scope_set(commune)
    officer.set_unusable_password()
    officer.full_clean()
    officer.save()
    campaign = ReviewCampaign.objects.create(
        province=commune.province, year=2026, kind="periodic", opens_on=dt.date(2026, 9, 1),
        closes_on=dt.date(2026, 12, 14), standard_id="vn-2022-2025",
    )  # fmt: skip
    ReviewEntry.objects.bulk_create(
        (ReviewEntry(campaign=campaign, household_id=h, source="current_list")
         for h in Household.objects.values_list("id", flat=True)),
        batch_size=5_000,
    )  # fmt: skip
    return campaign, commune, officer


def _file(rows: int, tmp: Path, campaign: object) -> Path:
    import numpy as np
    import polars as pl

    from giamngheo.apps.review.imports import CODE, DAY, Layout
    from giamngheo.domain.standards import standard_get

    layout = Layout(standard=standard_get("vn-2022-2025"))
    rng = np.random.default_rng(1)
    data = {
        CODE: [f"{n:07d}" for n in range(rows)],
        DAY: ["25/09/2026"] * rows,
        layout.measure[0]: rng.integers(500_000, 6_000_000, rows),
    }
    data |= {h: rng.integers(0, 2, rows) for h in layout.flags}
    path = tmp / "phieu.xlsx"
    pl.DataFrame(data).write_excel(path, autofit=False)
    return path


if __name__ == "__main__":
    main()
