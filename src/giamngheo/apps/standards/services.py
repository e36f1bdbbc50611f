"""Classifying the surveys of a year, for a province or a commune, under every applicable
standard in one set-based operation (read → vectorised engine → bulk write)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from giamngheo.analytics.classify import classify_lazy, output_columns
from giamngheo.apps.audit.services import audit_bulk_record, audited_save
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.apps.standards.models import StandardAdoption, SurveyClassification
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.db.bulk import bulk_insert_frame
from giamngheo.domain.model import Standard


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassifyRun:
    year: int
    surveys: int
    standards: tuple[str, ...]
    counts: dict[str, dict[str, int]]


@transaction.atomic(durable=True)
def surveys_classify(
    *, year: int, province: Province, commune: Commune | None = None
) -> ClassifyRun:
    """Store status, deprivation count and deprived indicators for every survey of ``year`` in
    the province (or one commune) under each applicable standard; earlier results of the same
    standard version for those surveys are replaced."""
    standards = standards_applicable(province=province, year=year)
    surveys = _surveys_frame(year=year, province=province, commune=commune)
    counts = {s.label: _classify_one(surveys, s) for s in standards}
    scope = commune.name if commune else province.name
    n = surveys.height
    audit_bulk_record(
        target_type="standards.surveyclassification",
        count=n * len(standards),
        province_id=province.pk,
        commune_id=commune.pk if commune else None,
        summary=f"Phân loại {n} phiếu năm {year} ({scope}) theo {len(standards)} chuẩn",
    )
    return ClassifyRun(
        year=year,
        surveys=surveys.height,
        standards=tuple(s.label for s in standards),
        counts=counts,
    )


@task()
def surveys_classify_task(
    year: int, province_code: str, commune_code: str | None = None
) -> dict[str, object]:
    """Background form of :func:`surveys_classify` (``giamngheo worker`` runs it)."""
    province = Province.objects.get(code=province_code)
    commune = Commune.objects.get(code=commune_code) if commune_code else None
    run = surveys_classify(year=year, province=province, commune=commune)
    return {"year": run.year, "surveys": run.surveys, "counts": run.counts}


@transaction.atomic(durable=True)
def standard_adopt(*, province: Province, standard: Standard) -> StandardAdoption:
    adoption = StandardAdoption(province=province, standard_id=standard.id)
    audited_save(instance=adoption, summary=f"{province.name} áp dụng {standard.label}")
    return adoption


def _surveys_frame(*, year: int, province: Province, commune: Commune | None) -> pl.DataFrame:
    rows = Survey.objects.filter(year=year, household__province=province)
    if commune is not None:
        rows = rows.filter(household__village__commune=commune)
    columns = [
        "id",
        "household__area",
        "income_vnd",
        "income_score",
        *[f"dep_{i}" for i in INDICATOR_IDS],
    ]
    frame = pl.DataFrame(list(rows.values_list(*columns)), schema=columns, orient="row")
    return frame.rename(
        {"household__area": "area", "income_vnd": "income", "id": "survey_id"}
    ).with_columns(pl.col("^dep_.*$").fill_null(False).cast(pl.Boolean))


def _classify_one(surveys: pl.DataFrame, standard: Standard) -> dict[str, int]:
    measured = surveys.filter(pl.col(standard.measure_column).is_not_null())
    status, count, deprived = output_columns(standard)
    result = (
        classify_lazy(measured.lazy(), [standard])
        .select(
            "survey_id",
            pl.lit(standard.id).alias("standard_id"),
            pl.lit(standard.version).alias("standard_version"),
            pl.col(status).cast(pl.Utf8).alias("status"),
            pl.col(count).cast(pl.Int16).alias("deprivations"),
            pl.col(deprived).cast(pl.Utf8).alias("deprived"),
            pl.lit(timezone.now()).alias("classified_at"),
        )
        .collect()
    )
    _replace(result, standard)
    return dict(result.group_by("status").len().iter_rows())


def _replace(result: pl.DataFrame, standard: Standard) -> None:
    ids: Sequence[int] = result.get_column("survey_id").to_list()
    for start in range(0, len(ids), 10_000):
        SurveyClassification.objects.filter(
            survey_id__in=ids[start : start + 10_000],
            standard_id=standard.id,
            standard_version=standard.version,
        ).delete()
    bulk_insert_frame(SurveyClassification, result)
