"""Benchmark: whole-province enrolment preview on the 200,000-household demo province, and
the compiled Polars rule against the one-household evaluator on the same data.

Builds a fresh SQLite database (demo province Lạng Sơn, 5 survey years, classified), then
times ``enrolment_preview`` for the default housing level (status only) and for a level whose
rule reads every kind of fact (status, ethnicity, member ages, months since escape, area
flags, priorities). The rule comparison runs both engines on one loaded frame in one run.
Writes ``bench/results/enrolment.json``.

    python bench/bench_enrolment.py [--households 200000]
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
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "enrolment.json"
RICH_RULE = (
    'status in ("poor", "near_poor") and (minority or remote_village or border) '
    "and (members_under(16) > 0 or members_aged(60) >= 1) "
    'or months_since_escape <= 36 and deprived("housing_quality")'
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["GIAMNGHEO_VAR"] = tmp
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        result = _run(args.households)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _run(households: int) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.config.settings")
    import django

    django.setup()
    setup = _province(households)
    officer, province = setup.pop("officer"), setup.pop("province")
    levels = _levels(officer, province)
    previews = {code: _preview(officer, level) for code, level in levels.items()}
    return {
        "benchmark": "enrolment",
        "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "database": "sqlite (WAL, fresh file)",
        **setup,
        "rich_rule": RICH_RULE,
        "preview": previews,
        "rule_engines": _engines(province, levels["bench-rich"]),
    }  # fmt: skip


def _province(households: int) -> dict[str, Any]:
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from giamngheo.apps.accounts.models import User
    from giamngheo.apps.accounts.roles import Role
    from giamngheo.apps.geo.selectors import province_find
    from giamngheo.apps.geo.services import geo_units_load
    from giamngheo.apps.registry.loading import demo_province_load
    from giamngheo.apps.standards.services import surveys_classify
    from giamngheo.demo import demo_generate

    call_command("migrate", verbosity=0)
    geo_units_load()
    province = province_find("Lạng Sơn")
    started = time.perf_counter()
    years = range(2021, 2026)
    data = demo_generate(
        province_code=int(province.code), households=households, years=years, seed=1
    )
    loaded = demo_province_load(province=province, data=data)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    classified = []
    for year in years:
        try:
            surveys_classify(year=year, province=province)
        except ValidationError:  # no standard shipped for the year (2021)
            continue
        classified.append(year)
    officer = User(username="bench", role=Role.PROVINCE_OFFICER, scope_province=province)
    officer.save()
    return {
        "province": province, "officer": officer, "households": loaded.households,
        "members": loaded.members, "surveys": loaded.surveys, "classified_years": classified,
        "setup_seconds": {"generate_and_load": round(load_seconds, 1),
                          "classify": round(time.perf_counter() - started, 1)},
    }  # fmt: skip


def _levels(officer: Any, province: Any) -> dict[str, Any]:
    from giamngheo.apps.programmes.services import (
        eligibility_rule_publish,
        levels_template_load,
        support_level_publish,
    )

    default = {lv.code: lv for lv in levels_template_load(actor=officer, province=province)}
    rule = eligibility_rule_publish(
        actor=officer, province=province, code="bench-rich", name="bench", expression=RICH_RULE,
        standard_id="vn-2022-2025",
    )  # fmt: skip
    rich = support_level_publish(
        actor=officer, province=province, code="bench-rich", eligibility=rule, name="bench",
        support_type="cash", unit="vnd", central_amount=1_000_000, multiplier_permille=1300,
        priorities=[{"when": "minority", "add_permille": 100},
                    {"when": "remote_village or border or island", "add": 200_000}],
    )  # fmt: skip
    return {"nha-xay-moi": default["nha-xay-moi"], "bench-rich": rich}


def _preview(officer: Any, level: Any) -> dict[str, Any]:
    from giamngheo.apps.programmes.services import enrolment_preview

    runs = []
    for _ in range(3):
        started = time.perf_counter()
        preview = enrolment_preview(actor=officer, level=level, year=2026)
        runs.append(time.perf_counter() - started)
    return {
        "level": preview.level, "eligible_households": preview.households,
        "communes": len(preview.communes), "amount_vnd": preview.amount,
        "seconds_best": round(min(runs), 3), "seconds_runs": [round(r, 3) for r in runs],
    }  # fmt: skip


def _engines(province: Any, level: Any) -> dict[str, Any]:
    """Load the frame once, then time the compiled rule and the oracle on it."""
    import polars as pl

    from giamngheo.analytics.eligibility import eligible_lazy, frames_facts
    from giamngheo.apps.programmes.facts import facts_load
    from giamngheo.apps.programmes.levels import eligibility_rule
    from giamngheo.apps.registry.models import Household
    from giamngheo.domain.eligibility import rule_evaluate

    rule = eligibility_rule(level.eligibility)
    as_of = __import__("datetime").date(2026, 1, 1)
    started = time.perf_counter()
    frame, members = facts_load(Household.objects.filter(province=province), [rule], as_of=as_of)
    load = time.perf_counter() - started
    started = time.perf_counter()
    compiled = eligible_lazy(frame.lazy(), members.lazy(), rule, as_of=as_of).collect()
    polars_seconds = time.perf_counter() - started
    started = time.perf_counter()
    facts = frames_facts(frame, members, [rule.standard], as_of=as_of)
    convert = time.perf_counter() - started
    started = time.perf_counter()
    oracle = [rule_evaluate(rule, f) for f in facts]
    oracle_seconds = time.perf_counter() - started
    agree = compiled.get_column("eligible").to_list() == oracle
    return {
        "households": frame.height, "members": members.height,
        "load_facts_seconds": round(load, 3), "polars_seconds": round(polars_seconds, 4),
        "facts_to_python_seconds": round(convert, 3), "oracle_seconds": round(oracle_seconds, 3),
        "oracle_over_polars": round(oracle_seconds / polars_seconds, 1),
        "eligible": int(compiled.get_column("eligible").sum()), "engines_agree": agree,
        "polars_version": pl.__version__,
    }  # fmt: skip


if __name__ == "__main__":
    main()
