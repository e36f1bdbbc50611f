"""Benchmark: generate and load the demo province into a fresh SQLite database.

Target (issue 2): 200,000 households × 5 survey years in under 60 s on this machine.
Writes ``bench/results/demo_data.json`` with generation and load times, row counts and the
generated poor / near-poor rates per year under the 2022–2025 standard.

    python bench/bench_demo_data.py [--households 200000] [--years 2021-2025]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "demo_data.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--years", default="2021-2025")
    args = parser.parse_args()
    first, last = (int(y) for y in args.years.split("-"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GIAMNGHEO_VAR"] = tmp
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        result = _run(args.households, range(first, last + 1))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _run(households: int, years: range) -> dict[str, object]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from giamngheo.apps.geo.selectors import province_find
    from giamngheo.apps.geo.services import geo_units_load
    from giamngheo.apps.registry.loading import demo_province_load
    from giamngheo.demo import demo_generate, demo_rates

    call_command("migrate", verbosity=0)
    geo_units_load()
    province = province_find("Lạng Sơn")
    started = time.perf_counter()
    data = demo_generate(
        province_code=int(province.code), households=households, years=years, seed=1
    )
    generated = time.perf_counter()
    loaded = demo_province_load(province=province, data=data)
    done = time.perf_counter()
    total = done - started
    return {
        "benchmark": "demo_data",
        "machine": {
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "database": "sqlite (WAL, fresh file)",
        "households": loaded.households,
        "members": loaded.members,
        "surveys": loaded.surveys,
        "villages": loaded.villages,
        "years": [years.start, years.stop - 1],
        "generate_seconds": round(generated - started, 2),
        "load_seconds": round(done - generated, 2),
        "total_seconds": round(total, 2),
        "target_seconds": 60,
        "meets_target": total < 60,
        "rates_vn_2022_2025": demo_rates(data),
    }


if __name__ == "__main__":
    main()
