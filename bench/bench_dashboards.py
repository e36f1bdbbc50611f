"""Benchmark: the dashboards of the 200,000-household demo province, under load.

Target (issue 9): the p95 time of every dashboard request under 300 ms on the demo province.
On a fresh database (SQLite by default, PostgreSQL when ``DATABASE_URL`` names one, e.g.
``scripts/with-postgres``) it does what ``make demo`` does (migrate, ``demo-data`` of Lạng Sơn
with 200,000 households and five survey years, ``demo-users``), times one more rebuild of the
pre-aggregated tables (``aggregates_refresh``), starts the real server (gunicorn, two sync
workers, DEBUG off), signs in as the province officer, a commune officer and a village head,
and sends every dashboard page they can open (province page per year × standard, commune and
village pages, targets, reports, the ``/theo-doi/`` redirect) from a load generator in a
second process on loopback (``bench/loadgen.py``). Downloads (.xlsx, .pdf) are not dashboards
and are not measured.

Two times per request: the client's (send → whole body read, on loopback: the conservative
figure, which also holds the load generator's own share of the two cores) and the server's
(gunicorn's request time from its access log: parse → response written, without the wait in
the listen queue). The target is judged on the client's p95.

Writes ``bench/results/dashboards.json`` under the database's name.

    python bench/bench_dashboards.py [--requests 80] [--concurrency 2] [--reuse DIR]

``--reuse DIR`` keeps the database in DIR and loads it only when empty, so that a second run
skips the load (for working on a page; results from such a run are not written).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "dashboards.json"
TARGET_MS = 300
PROVINCE = "Lạng Sơn"
PASSWORD = "giamngheo-demo"
LOG_FORMAT = "%({x-bench-key}i)s|%(s)s|%(D)s"  # gunicorn: request time in microseconds


@dataclass(frozen=True, slots=True)
class Page:
    key: str  # "<user> <what>", unique
    user: str
    path: str
    expect: int = 200
    location: str | None = None  # for a redirect: where it must point


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=80, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests per page")
    parser.add_argument("--concurrency", type=int, default=2, help="client connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--reuse", type=Path, help="keep the database in this directory")
    args = parser.parse_args()
    if args.requests < 2:
        parser.error("--requests: at least 2 (percentiles)")
    if args.reuse is not None:
        args.reuse.mkdir(parents=True, exist_ok=True)
        result = _in_dir(args, args.reuse.resolve())
        print(json.dumps(result, indent=2, ensure_ascii=False))
        print("(--reuse: results not written)", file=sys.stderr)
        _summary(result)
        return
    with tempfile.TemporaryDirectory() as tmp:
        result = _in_dir(args, Path(tmp))
    RESULTS.parent.mkdir(exist_ok=True)
    known = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    known[str(result["database"])] = result  # one entry per database measured
    RESULTS.write_text(json.dumps(known, indent=2, ensure_ascii=False) + "\n")
    _summary(result)
    if not result["meets_target"]:
        print(f"p95 of some page ≥ {TARGET_MS} ms", file=sys.stderr)


def _in_dir(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    os.environ["GIAMNGHEO_VAR"] = str(tmp)
    os.environ.pop("DEBUG", None)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    return _run(args, tmp)


def _say(message: str) -> None:
    print(f"[bench_dashboards] {message}", file=sys.stderr, flush=True)


def _cli(*arguments: str) -> float:
    """Run ``giamngheo …`` as ``make demo`` does; the seconds it took."""
    command = [str(Path(sys.executable).with_name("giamngheo")), *arguments]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def _run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    demo = ["demo-data", "--province", PROVINCE, "--households", str(args.households),
            "--years", "2021-2025", "--seed", "1", "--if-empty"]  # fmt: skip
    load = {
        "migrate_seconds": _cli("manage", "migrate", "--no-input", "-v", "0"),
        "demo_data_seconds": _cli(*demo),
        "demo_users_seconds": _cli("demo-users"),
    }
    from giamngheo.cli.main import django_setup

    django_setup()
    from django.db import connection, connections

    from giamngheo.apps.geo.selectors import province_find
    from giamngheo.apps.monitoring.refresh import aggregates_refresh
    from giamngheo.apps.registry.models import Household

    province = province_find(PROVINCE)
    _say("aggregates_refresh …")
    started = time.perf_counter()
    state = aggregates_refresh(province=province)
    refresh = {
        "seconds": round(time.perf_counter() - started, 2),
        "rows": state.rows,
        "households": Household.objects.filter(province=province).count(),
    }
    pages = _pages(province)
    database = connection.vendor
    connections.close_all()

    port = _free_port()
    log = tmp / "access.log"
    _say(f"gunicorn on 127.0.0.1:{port}, {len(pages)} pages …")
    server = _server_start(port, args.workers, tmp, log)
    try:
        cookies = {u: _sign_in(port, u) for u in sorted({p.user for p in pages})}
        for page in pages:
            _check(port, page, cookies[page.user])
        plan = {"host": "127.0.0.1", "port": port, "concurrency": args.concurrency, "seed": 1,
                "requests": [{"key": p.key, "path": p.path, "cookie": cookies[p.user],
                              "expect": p.expect} for p in pages]}  # fmt: skip
        _say(f"warm-up, then {args.requests} requests per page …")
        if args.warmup:
            _load(plan | {"repeat": args.warmup})
        offset = log.stat().st_size
        load_before = os.getloadavg()
        measured = _load(plan | {"repeat": args.requests})
        load_after = os.getloadavg()
        time.sleep(0.5)  # the workers write their last log lines after the response
        server_ms = _server_times(log, offset)
    finally:
        _server_stop(server)

    by_key: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter[int]] = defaultdict(Counter)
    sizes: dict[str, int] = {}
    for key, status, ms, size in measured["samples"]:
        by_key[key].append(ms)
        statuses[key][status] += 1
        sizes[key] = size
    bad = [f"{p.key} {p.path}: {dict(statuses[p.key])}" for p in pages
           if set(statuses[p.key]) != {p.expect}]  # fmt: skip
    if measured["errors"] or bad:
        raise SystemExit("Requests failed:\n  " + "\n  ".join(measured["errors"] + bad))
    rows = []
    for page in pages:
        row = {"key": page.key, "path": page.path, "status": page.expect,
               "count": len(by_key[page.key]), "bytes": sizes[page.key],
               "client_ms": _percentiles(by_key[page.key])}  # fmt: skip
        if server_ms.get(page.key):
            row["server_ms"] = _percentiles(server_ms[page.key])
        rows.append(row)
    every = [ms for values in by_key.values() for ms in values]
    every_server = [ms for values in server_ms.values() for ms in values]
    worst = max(rows, key=lambda r: r["client_ms"]["p95"])
    total = len(every)
    return {
        "benchmark": "dashboards",
        "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "database": database,
        "commit": _commit(),
        "province": PROVINCE,
        "households": refresh["households"],
        "load": {k: round(v, 1) for k, v in load.items()},
        "aggregates_refresh": refresh,
        "server": f"gunicorn, {args.workers} sync workers, DEBUG off, 127.0.0.1",
        "load_tool": (f"bench/loadgen.py in its own process: {args.concurrency} keep-alive "
                      f"connections (gunicorn's sync workers close each one), every page "
                      f"{args.warmup}× to warm up then {args.requests}× measured, shuffled"),
        "measure": ("client_ms: send → body read on loopback (the target is judged on it); "
                    "server_ms: gunicorn's own request time (%(D)s in its access log), "
                    "without the listen-queue wait; the app adds no Server-Timing header"),
        "static_files": ("not collected and not requested: the pages' HTML only (`giamngheo "
                         "serve` runs collectstatic first, which does not change page times)"),
        "machine_load_average": {"before": [round(x, 2) for x in load_before],
                                 "after": [round(x, 2) for x in load_after],
                                 "note": "1/5/15-minute load averages of the 2 cores around "
                                         "the measured run, other sessions' work included"},
        "pages": len(pages),
        "requests": total,
        "requests_per_second": round(total / measured["seconds"], 1),
        "overall_client_ms": _percentiles(every),
        "overall_server_ms": _percentiles(every_server) if every_server else None,
        "slowest_page": {"key": worst["key"], "path": worst["path"],
                         "p95_ms": worst["client_ms"]["p95"]},
        "target_p95_ms": TARGET_MS,
        "meets_target": all(r["client_ms"]["p95"] < TARGET_MS for r in rows),
        "urls": rows,
    }  # fmt: skip


def _pages(province: Any) -> list[Page]:
    """The dashboard pages the province officer (tinh), the commune officer (xa) and the
    village head (thon) open: their own unit per year and standard, the largest units below,
    targets, reports and the redirect to their own unit."""
    from giamngheo.apps.accounts.models import User
    from giamngheo.apps.monitoring.models import StatusAggregate

    rows = StatusAggregate.objects.filter(province=province)
    years = sorted(set(rows.values_list("year", flat=True)))
    standards = sorted(set(rows.values_list("standard_id", flat=True)))
    if not years:
        raise SystemExit("No aggregate rows: was aggregates_refresh run?")
    last = years[-1]

    def largest(level: str, n: int, **where: Any) -> list[str]:
        code = f"{level}__code"
        ordered = rows.filter(level=level, year=last, **where).order_by("-households", code)
        found = dict.fromkeys(ordered.values_list(code, flat=True))  # one per unit
        return list(found)[:n]

    xa = User.objects.select_related("scope_commune").get(username="xa").scope_commune
    thon = User.objects.select_related("scope_village").get(username="thon").scope_village
    assert xa is not None
    assert thon is not None
    pages: list[Page] = []

    def unit_pages(user: str, level: str, code: str, every_year: bool) -> None:
        base = f"/theo-doi/{level}/{code}/"
        pages.append(Page(f"{user} {level} {code}", user, base))
        if not every_year:
            return
        for year in years:
            for standard in standards:
                query = urlencode({"nam": year, "chuan": standard})
                pages.append(Page(f"{user} {level} {code} {year} {standard}", user,
                                  f"{base}?{query}"))  # fmt: skip

    def own(user: str, level: str, code: str) -> None:
        url_level = {"province": "tinh", "commune": "xa", "village": "thon"}[level]
        target = f"/theo-doi/{url_level}/{code}/"
        pages.append(Page(f"{user} /theo-doi/", user, "/theo-doi/", 302, target))
        unit_pages(user, url_level, code, every_year=True)
        pages.append(Page(f"{user} chi-tieu", user, "/theo-doi/chi-tieu/"))
        pages.append(Page(f"{user} chi-tieu {last - 1}", user,
                          f"/theo-doi/chi-tieu/?{urlencode({'nam': last - 1})}"))  # fmt: skip
        pages.append(Page(f"{user} bao-cao", user, f"/theo-doi/bao-cao/{level}/{code}/"))

    own("tinh", "province", province.code)
    for code in largest("commune", 3):
        unit_pages("tinh", "xa", code, every_year=False)
    for code in largest("village", 2):
        unit_pages("tinh", "thon", code, every_year=False)
    pages.append(Page("tinh bao-cao commune", "tinh",
                      f"/theo-doi/bao-cao/commune/{largest('commune', 1)[0]}/"))  # fmt: skip
    own("xa", "commune", xa.code)
    for code in largest("village", 3, commune=xa):
        unit_pages("xa", "thon", code, every_year=False)
    own("thon", "village", thon.code)
    return pages


def _commit() -> str:
    """The checked-out commit, and whether the code measured (outside bench/) differs."""
    git = ["git", "-C", str(HERE.parent)]
    try:
        head = _output([*git, "rev-parse", "--short", "HEAD"])
        dirty = _output([*git, "status", "--porcelain", "--", ".", ":!bench"])
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} + uncommitted changes outside bench/" if dirty else head


def _output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_start(port: int, workers: int, tmp: Path, log: Path) -> subprocess.Popen[bytes]:
    """gunicorn as ``giamngheo serve`` starts it, with the request time in its access log."""
    command = [
        sys.executable, "-m", "gunicorn", "giamngheo.config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--access-logfile", str(log), "--access-logformat", LOG_FORMAT,
        "--error-logfile", str(tmp / "server.log"),
    ]  # fmt: skip
    server = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{(tmp / 'server.log').read_text()}")
        try:
            status, _, _ = _get(port, "/dang-nhap/")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    _server_stop(server)
    raise SystemExit("gunicorn did not answer within 60 s")


def _server_stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # the master stops its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get(
    port: int, path: str, cookie: str = "", method: str = "GET", body: str | None = None
) -> tuple[int, http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie, "Accept-Language": "vi"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response, response.read()
    finally:
        connection.close()


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, value = header.split(";", 1)[0].partition("=")
        found[name.strip()] = value.strip()
    return found


def _sign_in(port: int, username: str) -> str:
    """Sign in through the login form; the session cookie."""
    status, response, page = _get(port, "/dang-nhap/")
    jar = _cookies(response)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or match is None or "csrftoken" not in jar:
        raise SystemExit(f"/dang-nhap/ answered {status} without a CSRF token")
    form = urlencode({"csrfmiddlewaretoken": match.group(1).decode(), "username": username,
                      "password": PASSWORD, "next": ""})  # fmt: skip
    status, response, _ = _get(port, "/dang-nhap/", f"csrftoken={jar['csrftoken']}", "POST", form)
    session = _cookies(response).get("sessionid")
    if status != 302 or not session:
        raise SystemExit(f"sign-in as {username} failed: {status}")
    return f"sessionid={session}"


def _check(port: int, page: Page, cookie: str) -> None:
    """One request per page before the load, to fail early and clearly."""
    status, response, _ = _get(port, page.path, cookie)
    location = response.headers.get("Location")
    if status != page.expect or (page.location and location != page.location):
        raise SystemExit(
            f"{page.key}: GET {page.path} answered {status} {location or ''}; expected "
            f"{page.expect} {page.location or ''}"
        )


def _load(plan: dict[str, Any]) -> dict[str, Any]:
    """Run the load generator in its own process."""
    done = subprocess.run(
        [sys.executable, str(HERE / "loadgen.py")],
        input=json.dumps(plan), capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _server_times(log: Path, offset: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    with log.open("rb") as lines:
        lines.seek(offset)
        for line in lines.read().decode().splitlines():
            parts = line.rsplit("|", 2)
            if len(parts) == 3 and parts[0] != "-":
                times[parts[0]].append(int(parts[2]) / 1000)
    return times


def _percentiles(values: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": round(statistics.median(values), 1), "p95": round(cuts[94], 1),
            "p99": round(cuts[98], 1), "max": round(max(values), 1)}  # fmt: skip


def _summary(result: dict[str, Any]) -> None:
    refresh = result["aggregates_refresh"]
    print(f"\n{result['database']}: {result['households']:,} households; load "
          f"{result['load']['demo_data_seconds']} s; aggregates_refresh {refresh['seconds']} s "
          f"({refresh['rows']} rows)")  # fmt: skip
    print(f"{'page':<52} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'srv p95':>8}")
    for row in result["urls"]:
        c = row["client_ms"]
        server = row.get("server_ms", {}).get("p95", "")
        print(f"{row['key'][:52]:<52} {row['count']:>4} {c['p50']:>7} {c['p95']:>7} "
              f"{c['p99']:>7} {c['max']:>7} {server:>8}")  # fmt: skip
    overall = result["overall_client_ms"]
    print(f"overall: p50 {overall['p50']} ms, p95 {overall['p95']} ms, p99 {overall['p99']} ms;"
          f" {result['requests_per_second']} requests/s; every page p95 < {TARGET_MS} ms: "
          f"{result['meets_target']}")  # fmt: skip


if __name__ == "__main__":
    main()
