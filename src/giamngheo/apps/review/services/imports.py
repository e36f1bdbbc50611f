"""Importing a commune's survey forms for a campaign from Excel or CSV, as a background job.

The file is checked whole before anything is written: the layout and every cell
(:mod:`giamngheo.apps.review.imports`), then against the database (household of the commune,
listed in the campaign, no survey yet, village not yet agreed, date inside the campaign and
not in the future). Any problem rejects the file, and the job's result carries the error
report. A good file is stored in one transaction: surveys by set-based insert, then each
entry linked to its survey by one ``UPDATE``, and one audit event.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Subquery
from django.tasks import task
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import (
    JobError,
    Progress,
    job_create,
    job_run,
    progress_ignored,
)
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.apps.review import dates
from giamngheo.apps.review.access import require_in_commune
from giamngheo.apps.review.imports import (
    CODE,
    DAY,
    ImportRejectedError,
    Layout,
    checked,
    rows_refused,
    table_read,
)
from giamngheo.apps.review.models import ReviewCampaign, ReviewEntry, VillageMeeting
from giamngheo.apps.review.services.common import not_decided, refuse
from giamngheo.db.bulk import bulk_insert_frame
from giamngheo.domain.standards import standard_get

STEPS = 4  # read, check, store, link
SUFFIXES = (".xlsx", ".csv")
TEXT_FIELDS = ("wall_material", "column_material", "roof_material", "water_source",
               "latrine_type", "devices", "waste_handling")  # fmt: skip


def import_dir() -> Path:
    return Path(settings.VAR_DIR) / "imports"


def survey_import(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    commune: Commune,
    path: Path,
    progress: Progress = progress_ignored,
) -> dict[str, Any]:
    """Import the file; ``ImportRejectedError`` (nothing written) when any row is bad."""
    import_check(actor, campaign, commune)
    layout = Layout(standard=standard_get(campaign.standard_id))
    progress(done=0, total=STEPS, message=_("Đang đọc tệp"))
    df = table_read(path)
    progress(done=1, total=STEPS, message=_("Đang kiểm tra %(n)s dòng") % {"n": df.height})
    typed = _matched(checked(df, layout), campaign, commune)
    progress(done=2, total=STEPS, message=_("Đang lưu %(n)s phiếu") % {"n": typed.height})
    stored = _store(typed, campaign, commune, layout)
    return {
        "summary": _("Đã nhập %(n)s phiếu rà soát.") % {"n": stored},
        "imported": stored,
        "errors": [],
    }


def import_check(actor: Any, campaign: ReviewCampaign, commune: Commune) -> None:
    require_in_commune(actor, Capability.REVIEW_MANAGE, commune=commune)
    if commune.province_id != campaign.province_id:
        refuse(_("Xã không thuộc tỉnh của đợt rà soát."))
    not_decided(campaign, commune)


def _matched(typed: pl.DataFrame, campaign: ReviewCampaign, commune: Commune) -> pl.DataFrame:
    """Add ``household_id`` and ``entry_id``; reject rows the database refuses."""
    entries = ReviewEntry.objects.filter(campaign=campaign, household__village__commune=commune)
    agreed = VillageMeeting.objects.filter(campaign=campaign, passed=True).values("village_id")
    periodic = Survey.objects.filter(
        household=OuterRef("household_id"), year=campaign.year, kind="periodic"
    )
    rows = entries.annotate(
        agreed=Exists(agreed.filter(village_id=OuterRef("household__village_id"))),
        other=Exists(periodic) if campaign.kind == "periodic" else Exists(periodic.none()),
    ).values_list("household__code", "household_id", "id", "survey_id", "agreed", "other")
    known = pl.DataFrame(
        list(rows),
        schema={"household_code": pl.String, "household_id": pl.Int64, "entry_id": pl.Int64,
                "survey_id": pl.Int64, "agreed": pl.Boolean, "other": pl.Boolean},
        orient="row",
    )  # fmt: skip
    joined = typed.join(known, on="household_code", how="left", maintain_order="left")
    _reject(joined, campaign)
    return joined


def _reject(joined: pl.DataFrame, campaign: ReviewCampaign) -> None:
    today = dates.today()
    day = pl.col("surveyed_on")
    problems = [
        (pl.col("entry_id").is_null(), CODE, "hộ không có trong danh sách rà soát của xã",
         "household_code"),
        (pl.col("survey_id").is_not_null() | pl.col("other").fill_null(False), CODE,
         "hộ đã có phiếu rà soát năm này", "household_code"),
        (pl.col("agreed").fill_null(False), CODE, "thôn đã họp dân thông qua", "household_code"),
        ((day < campaign.opens_on) | (day > campaign.closes_on), DAY,
         "ngày ngoài thời gian đợt rà soát", "surveyed_on"),
        (day > today, DAY, "ngày sau hôm nay", "surveyed_on"),
    ]  # fmt: skip
    errors = pl.concat(
        [rows_refused(joined, bad.fill_null(False), column=c, reason=r, value=v)
         for bad, c, r, v in problems]
    ).sort("row", maintain_order=True)  # fmt: skip
    if errors.height:
        raise ImportRejectedError(errors.head(1_000), errors.height)


def _survey_frame(typed: pl.DataFrame, campaign: ReviewCampaign, layout: Layout) -> pl.DataFrame:
    measure = layout.measure[1]
    other = "income_score" if measure == "income_vnd" else "income_vnd"
    flags = set(layout.flags.values())
    return typed.select(
        "household_id",
        pl.lit(campaign.year).alias("year"),
        pl.lit(campaign.kind).alias("kind"),
        "surveyed_on",
        pl.col(measure),
        pl.lit(None, dtype=pl.Int64).alias(other),
        *[pl.lit("").alias(f) for f in TEXT_FIELDS],
        pl.lit(None, dtype=pl.Int64).alias("floor_area_m2"),
        pl.lit(None, dtype=pl.Boolean).alias("internet_use"),
        pl.lit(dates.now()).alias("created_at"),
        *[
            pl.col(f"dep_{i}") if f"dep_{i}" in flags
            else pl.lit(None, dtype=pl.Boolean).alias(f"dep_{i}")
            for i in INDICATOR_IDS
        ],
    )  # fmt: skip


@transaction.atomic(durable=True)
def _store(typed: pl.DataFrame, campaign: ReviewCampaign, commune: Commune, layout: Layout) -> int:
    frame = _survey_frame(typed, campaign, layout)
    before = Survey.objects.aggregate(last=Max("id"))["last"] or 0
    count = bulk_insert_frame(Survey, frame)
    new = Survey.objects.filter(
        household=OuterRef("household_id"), year=campaign.year, kind=campaign.kind,
        id__gt=before,
    ).order_by("-id")  # fmt: skip
    ReviewEntry.objects.filter(
        campaign=campaign, household__village__commune=commune, survey__isnull=True
    ).filter(Exists(new)).update(survey_id=Subquery(new.values("id")[:1]))
    summary = f"Nhập {count} phiếu rà soát {campaign.year}, {commune.name}"
    audit_bulk_record(
        target_type="registry.survey", count=count, province_id=campaign.province_id,
        commune_id=commune.pk, summary=summary,
    )  # fmt: skip
    return count


def survey_import_request(
    *, actor: User, campaign: ReviewCampaign, commune: Commune, name: str, content: bytes
) -> JobRun:
    """Keep the uploaded file and queue its import as a job (the file is removed after)."""
    import_check(actor, campaign, commune)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        refuse(_("Chỉ nhận tệp .xlsx hoặc .csv."))
    import_dir().mkdir(parents=True, exist_ok=True)
    path = import_dir() / f"{uuid.uuid4().hex}{suffix}"
    path.write_bytes(content)
    with transaction.atomic(durable=True):
        job = job_create(
            actor=actor, kind="review-import", commune=commune,
            label=_("Nhập phiếu rà soát %(year)s từ tệp %(name)s, %(commune)s")
            % {"year": campaign.year, "name": Path(name).name[:80], "commune": commune.name},
        )  # fmt: skip
        args = (str(job.pk), campaign.pk, commune.code, str(path))
        transaction.on_commit(lambda: survey_import_task.enqueue(*args))
    return job


@task()
def survey_import_task(
    job_id: str, campaign_id: int, commune_code: str, path: str
) -> dict[str, Any]:
    """Background form of :func:`survey_import`. A rejected file fails the job with a short
    message; the error report is kept in the job's result for download."""
    campaign = ReviewCampaign.objects.select_related("province").get(pk=campaign_id)
    commune = Commune.objects.get(code=commune_code)
    job = JobRun.objects.get(pk=job_id)

    def work(progress: Progress) -> dict[str, Any]:
        try:
            return survey_import(
                actor=job.created_by, campaign=campaign, commune=commune, path=Path(path),
                progress=progress,
            )  # fmt: skip
        except ImportRejectedError as rejected:
            _keep_errors(job_id, rejected)
            raise JobError(str(rejected)) from None

    try:
        return dict(job_run(job_id=job_id, work=work))
    finally:
        Path(path).unlink(missing_ok=True)


def _keep_errors(job_id: str, rejected: ImportRejectedError) -> None:
    errors = rejected.errors.to_dicts()
    with transaction.atomic(durable=True):
        JobRun.objects.filter(pk=job_id).update(
            result={"errors": errors, "error_total": rejected.total}
        )
