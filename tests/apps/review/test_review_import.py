"""Importing survey forms from Excel/CSV: the template round-trips, a good file fills the
listed households' surveys, a file with any bad row is rejected whole with every problem
named (row, column, reason), and the job keeps the error report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from tests.apps.review.review_support import Place

from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.registry.models import Survey
from giamngheo.apps.review import services
from giamngheo.apps.review.imports import CODE, DAY, INCOME, ImportRejectedError, Layout
from giamngheo.apps.review.imports import template_xlsx as template
from giamngheo.apps.review.models import ReviewEntry
from giamngheo.apps.review.services.imports import survey_import, survey_import_request
from giamngheo.domain.standards import standard_get

pytestmark = pytest.mark.django_db
LAYOUT = Layout(standard=standard_get("vn-2022-2025"))


def _rows(rows: dict[str, tuple[str, str]]) -> pl.DataFrame:
    """One row per household code: (date, income); every flag 0 except water for H-C."""
    data: dict[str, list[str]] = {h: [] for h in LAYOUT.headers}
    for code, (day, income) in rows.items():
        data[CODE].append(code)
        data[DAY].append(day)
        data[INCOME].append(income)
        for header, field in LAYOUT.flags.items():
            data[header].append("1" if code == "H-C" and field == "dep_water" else "0")
    return pl.DataFrame(data)


def _listed(place: Place) -> None:
    assert place.campaign is not None
    services.campaign_listing(actor=place.head, campaign=place.campaign, village=place.village)
    services.request_receive(
        actor=place.officer, campaign=place.campaign, household=place.households["C"],
        received_on=dt.date(2026, 9, 20), reason="Đề nghị xét hộ nghèo",
    )  # fmt: skip


GOOD = {"H-A": ("25/09/2026", "5000000"), "H-B": ("2026-09-25", "1300000"),
        "H-C": ("25/09/2026", "1200000"), "H-D": ("25/09/2026", "900000")}  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_good_file_fills_every_listed_survey(place: Place, tmp_path: Path, suffix: str) -> None:
    _listed(place)
    path = tmp_path / f"phieu{suffix}"
    frame = _rows(GOOD)
    frame.write_excel(path) if suffix == ".xlsx" else frame.write_csv(path)
    result = survey_import(actor=place.officer, campaign=place.campaign, commune=place.commune,
                           path=path)  # fmt: skip
    assert result["imported"] == 4
    assert not ReviewEntry.objects.filter(survey__isnull=True).exists()
    survey = Survey.objects.get(household__code="H-C", year=2026)
    assert (survey.income_vnd, survey.dep_water, survey.dep_latrine, survey.dep_waste) == (
        1_200_000, True, False, None,
    )  # fmt: skip


def test_a_file_with_bad_rows_is_rejected_whole(place: Place, tmp_path: Path) -> None:
    _listed(place)
    bad = dict(GOOD) | {"H-B": ("31/02/2026", "1300000"), "H-D": ("25/09/2026", "-5"),
                        "H-X": ("25/09/2026", "abc")}  # fmt: skip
    frame = _rows(bad).with_columns(
        pl.when(pl.col(CODE) == "H-A").then(pl.lit("2")).otherwise(pl.col("Việc làm"))
        .alias("Việc làm")
    )  # fmt: skip
    path = tmp_path / "phieu.xlsx"
    frame.write_excel(path)
    with pytest.raises(ImportRejectedError) as rejected:
        survey_import(actor=place.officer, campaign=place.campaign, commune=place.commune,
                      path=path)  # fmt: skip
    errors = {(e["row"], e["column"], e["reason"]) for e in rejected.value.errors.to_dicts()}
    assert errors == {
        (2, "Việc làm", "phải là 0 hoặc 1"),
        (3, DAY, "ngày rà soát không đúng dạng dd/mm/yyyy"),
        (5, INCOME, "âm"),
        (6, INCOME, "không phải số nguyên"),
    }
    assert not Survey.objects.filter(year=2026).exists()


def test_rows_the_database_refuses_are_reported(place: Place, tmp_path: Path) -> None:
    _listed(place)
    rows = dict(GOOD) | {"H-Z": ("25/09/2026", "1"), "H-B": ("25/08/2026", "1300000")}
    path = tmp_path / "phieu.csv"
    _rows(rows).write_csv(path)
    with pytest.raises(ImportRejectedError) as rejected:
        survey_import(actor=place.officer, campaign=place.campaign, commune=place.commune,
                      path=path)  # fmt: skip
    reasons = {(e["row"], e["reason"]) for e in rejected.value.errors.to_dicts()}
    assert reasons == {(3, "ngày ngoài thời gian đợt rà soát"),
                       (6, "hộ không có trong danh sách rà soát của xã")}  # fmt: skip


def test_missing_columns_are_named(place: Place, tmp_path: Path) -> None:
    _listed(place)
    path = tmp_path / "phieu.csv"
    _rows(GOOD).drop(INCOME).write_csv(path)
    with pytest.raises(ImportRejectedError) as rejected:
        survey_import(actor=place.officer, campaign=place.campaign, commune=place.commune,
                      path=path)  # fmt: skip
    assert rejected.value.errors.to_dicts() == [
        {"row": 1, "column": INCOME, "reason": "thiếu cột", "value": ""}
    ]


def test_the_template_holds_the_headers(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    path.write_bytes(template(LAYOUT))
    assert pl.read_excel(path, engine="calamine", infer_schema_length=0).columns == LAYOUT.headers


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_import_job_keeps_the_error_report(
    clock: object, run_worker: Callable[[], None], tmp_path: Path
) -> None:
    from tests.apps.review.review_support import campaign_make, place_make

    place = place_make()
    campaign_make(place)
    _listed(place)
    path = tmp_path / "phieu.csv"
    _rows(dict(GOOD) | {"H-A": ("25/09/2026", "x")}).write_csv(path)
    job = survey_import_request(actor=place.officer, campaign=place.campaign,
                                commune=place.commune, name="phieu.csv",
                                content=path.read_bytes())  # fmt: skip
    run_worker()
    job.refresh_from_db()
    assert job.state == "failed"
    assert "1 lỗi" in job.error
    assert job.result["errors"][0]["row"] == 2
    _rows(GOOD).write_csv(path)
    job = survey_import_request(actor=place.officer, campaign=place.campaign,
                                commune=place.commune, name="phieu.csv",
                                content=path.read_bytes())  # fmt: skip
    run_worker()
    assert JobRun.objects.get(pk=job.pk).result["imported"] == 4
