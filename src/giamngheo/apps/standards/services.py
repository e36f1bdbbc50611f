"""Classifying the surveys of a year, for a province or a commune, under every applicable
standard in one set-based operation (read → vectorised engine → bulk write), directly or as a
background job that reports its progress."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from giamngheo.analytics.classify import classify_lazy, output_columns
from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, scope_require
from giamngheo.apps.audit.services import audit_bulk_record, audited_save
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import Progress, job_create, job_run, progress_ignored
from giamngheo.apps.monitoring.refresh import aggregates_request
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.apps.standards.models import StandardAdoption, SurveyClassification
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.db.bulk import bulk_insert_frame
from giamngheo.domain.explain import STATUS_LABELS
from giamngheo.domain.model import Standard

CLASSIFY_STEPS = 3  # read, classify, store
CHUNK = 10_000

type Results = list[tuple[Standard, pl.DataFrame]]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassifyRun:
    year: int
    surveys: int
    standards: tuple[str, ...]
    counts: dict[str, dict[str, int]]


def surveys_classify(
    *,
    year: int,
    province: Province,
    commune: Commune | None = None,
    progress: Progress = progress_ignored,
) -> ClassifyRun:
    """Store status, deprivation count and deprived indicators for every survey of ``year`` in
    the province (or one commune) under each applicable standard; earlier results of the same
    standard version for those surveys are replaced.

    Reads and classifies first, then stores every result in one durable transaction (all or
    nothing). ``progress`` is told between these phases: inside the write transaction no other
    process could see it (see :mod:`giamngheo.apps.jobs.services`). ``ValidationError`` when
    no standard applies to the year.
    """
    where = commune.name if commune else province.name
    progress(done=0, total=CLASSIFY_STEPS, message=f"Đang đọc phiếu rà soát năm {year} ({where})")
    standards = _standards_required(province=province, year=year)
    surveys = _surveys_frame(year=year, province=province, commune=commune)
    n = f"{surveys.height:,}".replace(",", ".")
    progress(
        done=1,
        total=CLASSIFY_STEPS,
        message=f"Đang phân loại {n} phiếu theo {len(standards)} chuẩn",
    )
    results = [(s, _classified(surveys, s)) for s in standards]
    progress(done=2, total=CLASSIFY_STEPS, message="Đang lưu kết quả phân loại")
    stored, results = _store(
        results,
        read=surveys.get_column("survey_id").to_list(),
        units=(province, commune),
        what=f"năm {year} ({where})",
    )
    return ClassifyRun(
        year=year,
        surveys=stored,
        standards=tuple(s.label for s in standards),
        counts={s.label: _counts(r) for s, r in results},
    )


def classification_request(
    *, actor: User, year: int, province: Province, commune: Commune | None = None
) -> JobRun:
    """Queue the classification of ``year``'s surveys in the province (or one commune) as a
    job its requester can follow. A commune officer may classify their own commune, a
    provincial officer their province; the task is enqueued once the job is committed."""
    _classify_allowed(actor, province=province, commune=commune)
    with transaction.atomic(durable=True):
        job = job_create(
            actor=actor,
            kind="classification",
            label=f"Phân loại phiếu rà soát năm {year} ({commune or province})",
            province=province,
            commune=commune,
        )
        args = (str(job.pk), year, province.code, commune.code if commune else None)
        transaction.on_commit(lambda: surveys_classify_task.enqueue(*args))
    return job


@task()
def surveys_classify_task(
    job_id: str, year: int, province_code: str, commune_code: str | None = None
) -> dict[str, Any]:
    """Background form of :func:`surveys_classify` for the job ``job_id`` (``giamngheo
    worker`` runs it): reports its phases, stores the counts as the job's result; a failure
    marks the job failed."""

    def work(progress: Progress) -> dict[str, Any]:
        province = Province.objects.get(code=province_code)
        commune = Commune.objects.get(code=commune_code) if commune_code else None
        run = surveys_classify(year=year, province=province, commune=commune, progress=progress)
        return _job_result(run)

    return dict(job_run(job_id=job_id, work=work))


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


def _classify_allowed(actor: User, *, province: Province, commune: Commune | None) -> None:
    scope = scope_require(actor, Capability.CLASSIFY_RUN)
    if commune is not None and commune.province_id != province.pk:
        raise ValidationError(f"{commune.name} không thuộc {province.name}.")
    if not _scope_covers(scope, province=province, commune=commune):
        raise PermissionDenied("Ngoài phạm vi được giao.")


def _scope_covers(scope: Scope, *, province: Province, commune: Commune | None) -> bool:
    """A province-wide run needs a country or province scope; a commune run, one holding it."""
    match scope.level:
        case ScopeLevel.COUNTRY:
            return True
        case ScopeLevel.PROVINCE:
            return scope.province_id == province.pk
        case ScopeLevel.COMMUNE:
            return commune is not None and scope.commune_id == commune.pk
    return False


def _standards_required(*, province: Province, year: int) -> list[Standard]:
    standards = standards_applicable(province=province, year=year)
    if not standards:
        raise ValidationError(f"Không có chuẩn nghèo nào áp dụng cho năm {year} tại {province}.")
    return standards


def _classified(surveys: pl.DataFrame, standard: Standard) -> pl.DataFrame:
    measured = surveys.filter(pl.col(standard.measure_column).is_not_null())
    status, count, deprived = output_columns(standard)
    return (
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


@transaction.atomic(durable=True)
def _store(
    results: Results, *, read: Sequence[int], units: tuple[Province, Commune | None], what: str
) -> tuple[int, Results]:
    """Replace the stored results and audit them, in one transaction. Surveys deleted since
    they were read are skipped; returns how many surveys were classified, and their results."""
    present = _surveys_present(read)
    kept = [(s, r.filter(pl.col("survey_id").is_in(present))) for s, r in results]
    for standard, result in kept:
        _replace(result, standard)
    province, commune = units
    aggregates_request(province=province)
    audit_bulk_record(
        target_type="standards.surveyclassification",
        count=len(present) * len(kept),
        province_id=province.pk,
        commune_id=commune.pk if commune else None,
        summary=f"Phân loại {len(present)} phiếu {what} theo {len(kept)} chuẩn",
    )
    return len(present), kept


def _surveys_present(survey_ids: Sequence[int]) -> list[int]:
    present: list[int] = []
    for start in range(0, len(survey_ids), CHUNK):
        chunk = survey_ids[start : start + CHUNK]
        present += Survey.objects.filter(pk__in=chunk).values_list("pk", flat=True)
    return present


def _replace(result: pl.DataFrame, standard: Standard) -> None:
    ids: Sequence[int] = result.get_column("survey_id").to_list()
    for start in range(0, len(ids), CHUNK):
        SurveyClassification.objects.filter(
            survey_id__in=ids[start : start + CHUNK],
            standard_id=standard.id,
            standard_version=standard.version,
        ).delete()
    bulk_insert_frame(SurveyClassification, result)


def _counts(result: pl.DataFrame) -> dict[str, int]:
    return dict(result.group_by("status").len().iter_rows())


def _job_result(run: ClassifyRun) -> dict[str, Any]:
    """The run's counts, with a summary and one line per standard for the progress widget."""
    summary = f"Đã phân loại {run.surveys} phiếu năm {run.year} theo {len(run.standards)} chuẩn."
    return {
        "year": run.year,
        "surveys": run.surveys,
        "standards": list(run.standards),
        "counts": run.counts,
        "summary": summary,
        "details": [_counts_line(label, counts) for label, counts in run.counts.items()],
    }


def _counts_line(standard_label: str, counts: dict[str, int]) -> str:
    """``vn-2022-2025@v1 — Hộ nghèo: 12; Hộ cận nghèo: 30; …`` in the order of the statuses."""
    parts = [f"{vi}: {counts[s]}" for s, (vi, _en) in STATUS_LABELS.items() if s in counts]
    return f"{standard_label} — " + "; ".join(parts)
