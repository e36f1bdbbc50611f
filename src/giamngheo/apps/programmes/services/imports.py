"""Importing support records from Excel or CSV, all or nothing.

Every cell is checked by vectorised Polars expressions (no loop over rows); every problem is
reported as (row, column, reason) with rows counted as in a spreadsheet (header = row 1), and
nothing is written unless the whole file is clean. The same rules as for one record apply:
scope, level eligibility and amount, housing stage order, campaign dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from giamngheo.analytics.eligibility import ELIGIBLE
from giamngheo.apps.accounts.roles import Capability, Role
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.monitoring.refresh import aggregates_request
from giamngheo.apps.programmes.choices import (
    HOUSING_STAGE_DATES,
    AmountRule,
    FundSource,
    HousingKind,
    HousingStage,
    SupportType,
)
from giamngheo.apps.programmes.facts import eligible_frame, rows_frame
from giamngheo.apps.programmes.levels import eligibility_rule, level_amount_expr, level_priorities
from giamngheo.apps.programmes.models import Campaign, SupportLevel, SupportRecord
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import households_visible
from giamngheo.db.bulk import bulk_insert_frame

REQUIRED = ("household_code", "support_type", "delivered_on", "source")
OPTIONAL = (
    "amount", "quantity", "level", "detail", "giver_state", "lender", "loan_term_months",
    "housing_kind", "housing_stage", *HOUSING_STAGE_DATES.values(),
)  # fmt: skip
DATES = ("delivered_on", *HOUSING_STAGE_DATES.values())
INTEGERS = ("amount", "quantity", "loan_term_months")
FIRST_ROW = 2
SHOWN = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"Dòng {self.row}, cột {self.column}: {self.reason}"


class SupportImportError(ValidationError):
    """The file was refused; ``problems`` lists every (row, column, reason) found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = [str(p) for p in problems[:SHOWN]]
        if len(problems) > SHOWN:
            shown.append(f"… và {len(problems) - SHOWN} lỗi khác.")
        super().__init__(shown)


def support_table_read(path: Path) -> pl.DataFrame:
    """Every cell as text (codes keep their leading zeros)."""
    if path.suffix.lower() == ".csv":
        return pl.read_csv(path, infer_schema=False)
    return pl.read_excel(path, engine="calamine", infer_schema_length=0)


@transaction.atomic(durable=True)
def support_import(*, actor: Any, table: pl.DataFrame, campaign: Campaign | None = None) -> int:
    """Check the whole table and store it, or raise :class:`SupportImportError`."""
    scope_require(actor, Capability.SUPPORT_RECORD)
    frame, problems = _parsed(actor, table, campaign)
    if problems:
        raise SupportImportError(problems)
    rows = _rows(actor, frame, campaign)
    bulk_insert_frame(SupportRecord, rows)
    for province_id in _provinces(actor, campaign, rows):
        aggregates_request(province=province_id)
    audit_bulk_record(
        target_type="programmes.supportrecord", count=rows.height,
        province_id=_province_id(actor, campaign),
        summary=f"Nhập {rows.height} bản ghi hỗ trợ" + (f" ({campaign.name})" if campaign else ""),
    )  # fmt: skip
    return rows.height


def _provinces(actor: Any, campaign: Campaign | None, rows: pl.DataFrame) -> list[int]:
    """The provinces whose dashboards the import changes (one, unless a country-wide user
    imported without a campaign)."""
    known = _province_id(actor, campaign)
    if known is not None:
        return [known]
    ids = rows.get_column("household_id").unique().to_list()
    return list(
        Household.objects.filter(pk__in=ids).values_list("province_id", flat=True).distinct()
    )


def _parsed(
    actor: Any, table: pl.DataFrame, campaign: Campaign | None
) -> tuple[pl.DataFrame, list[Problem]]:
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        return table, [Problem(row=1, column=c, reason="thiếu cột bắt buộc") for c in missing]
    frame = _typed(_padded(table), actor, campaign)
    problems = _problems(frame, _checks(frame, campaign))
    if problems:
        return frame, problems
    frame = _with_levels(frame)
    return frame, _problems(frame, _level_checks())


def _padded(table: pl.DataFrame) -> pl.DataFrame:
    absent = [pl.lit(None, pl.String).alias(c) for c in OPTIONAL if c not in table.columns]
    text = table.select(
        pl.col(c).cast(pl.String).str.strip_chars()
        for c in (*REQUIRED, *OPTIONAL)
        if c in table.columns
    )
    return (
        text.with_columns(absent)
        .with_row_index("row", offset=FIRST_ROW)
        .with_columns(pl.col(pl.String).replace("", None))
    )


def _typed(frame: pl.DataFrame, actor: Any, campaign: Campaign | None) -> pl.DataFrame:
    households = _households(actor, campaign)
    parsed = [_date(c).alias(f"{c}__date") for c in DATES]
    parsed += [_integer(c).alias(f"{c}__int") for c in INTEGERS]
    return frame.with_columns(parsed).join(
        households, left_on="household_code", right_on="code", how="left", maintain_order="left"
    )


def _date(column: str) -> pl.Expr:
    text = pl.col(column)
    return pl.coalesce(
        text.str.to_date("%Y-%m-%d", strict=False), text.str.to_date("%d/%m/%Y", strict=False)
    )


def _integer(column: str) -> pl.Expr:
    return pl.col(column).str.replace_all(r"[.,\s]", "").cast(pl.Int64, strict=False)


def _households(actor: Any, campaign: Campaign | None) -> pl.DataFrame:
    rows = households_visible(user=actor)
    if campaign is not None:
        rows = rows.filter(province_id=campaign.province_id)
    fields = {"code": "code", "household_id": "id", "province_id": "province_id",
              "commune_name": "village__commune__name"}  # fmt: skip
    schema = {"code": pl.String, "household_id": pl.Int64, "province_id": pl.Int64,
              "commune_name": pl.String}  # fmt: skip
    return rows_frame(rows, fields, schema).unique("code", keep="none")


type Check = tuple[str, pl.Expr, str]  # column, bad rows, reason


def _checks(frame: pl.DataFrame, campaign: Campaign | None) -> list[Check]:
    c = pl.col
    present = [(col, c(col).is_null(), "để trống") for col in REQUIRED]
    housing = c("support_type") == SupportType.HOUSING
    checks: list[Check] = [
        *present,
        ("household_code", c("household_code").is_not_null() & c("household_id").is_null(),
         "không có hộ này trong phạm vi được giao"),
        ("support_type", ~c("support_type").is_in(SupportType.values), _one_of(SupportType)),
        ("source", ~c("source").is_in(FundSource.values), _one_of(FundSource)),
        ("housing_kind", _not_in("housing_kind", HousingKind.values), _one_of(HousingKind)),
        ("housing_stage", _not_in("housing_stage", HousingStage.values), _one_of(HousingStage)),
        ("housing_kind", housing & c("housing_kind").is_null(), "ghi loại nhà: new hoặc repaired"),
    ]  # fmt: skip
    for col in DATES:
        bad_date = c(col).is_not_null() & c(f"{col}__date").is_null()
        checks.append((col, bad_date, "ngày không hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)"))
    for col in INTEGERS:
        bad_number = c(col).is_not_null() & ~(c(f"{col}__int") >= 0).fill_null(False)
        checks.append((col, bad_number, "phải là số nguyên không âm"))
    checks += _housing_checks()
    if campaign is not None:
        checks += _campaign_checks(campaign)
    return checks


def _housing_checks() -> list[Check]:
    housing = pl.col("support_type") == SupportType.HOUSING
    stages = list(HOUSING_STAGE_DATES.items())
    stage = pl.col("housing_stage").fill_null(HousingStage.APPROVED)
    checks: list[Check] = []
    for i, (name, column) in enumerate(stages):
        reached = stage.is_in([s for s, _ in stages[i:]])
        checks.append((column, housing & reached & pl.col(f"{column}__date").is_null(),
                       f"giai đoạn này cần ngày {HousingStage(name).label.lower()}"))  # fmt: skip
        if i:
            before = pl.col(f"{stages[i - 1][1]}__date")
            after = pl.col(f"{column}__date")
            bad = after.is_not_null() & (before.is_null() | (after < before))
            label = HousingStage(stages[i - 1][0]).label.lower()
            checks.append((column, bad, f"không thể trước ngày {label}"))
    return checks


def _campaign_checks(campaign: Campaign) -> list[Check]:
    day = pl.col("delivered_on__date")
    checks: list[Check] = [
        ("delivered_on", ~day.is_between(campaign.starts_on, campaign.ends_on).fill_null(True),
         f"ngoài thời gian của {campaign.name}")
    ]  # fmt: skip
    if campaign.support_type:
        checks.append(("support_type", pl.col("support_type") != campaign.support_type,
                       f"{campaign.name} không nhận loại hỗ trợ này"))  # fmt: skip
    return checks


def _not_in(column: str, values: list[str]) -> pl.Expr:
    return pl.col(column).is_not_null() & ~pl.col(column).is_in(values)


def _one_of(choices: Any) -> str:
    return "phải là một trong: " + ", ".join(choices.values)


def _problems(frame: pl.DataFrame, checks: list[Check]) -> list[Problem]:
    found = frame.select(
        [
            pl.col("row").filter(bad.fill_null(False)).implode().alias(str(i))
            for i, (_, bad, _) in enumerate(checks)
        ]
    ).row(0)
    problems = [
        Problem(row=row, column=column, reason=reason)
        for rows, (column, _, reason) in zip(found, checks, strict=True)
        for row in rows
    ]
    return sorted(problems, key=lambda p: (p.row, p.column))


# -- levels: eligibility and amount ------------------------------------------------------------
def _with_levels(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``level_id``, ``level_ok`` (known, same type), ``eligible`` and ``allowed``."""
    empty = frame.with_columns(
        pl.lit(None, pl.Int64).alias("level_id"), pl.lit(True).alias("level_ok"),
        pl.lit(True).alias(ELIGIBLE), pl.lit(None, pl.Int64).alias("allowed"),
        pl.lit(None, pl.String).alias("amount_rule"),
    )  # fmt: skip
    parts = [empty.filter(pl.col("level").is_null())]
    for (code, province_id, day), group in empty.filter(pl.col("level").is_not_null()).group_by(
        "level", "province_id", "delivered_on__date"
    ):
        parts.append(_level_group(group, str(code), int(province_id), day))
    return pl.concat(parts).sort("row")


def _level_group(group: pl.DataFrame, code: str, province_id: int, day: dt.date) -> pl.DataFrame:
    level = _level_find(code, province_id)
    if level is None or level.support_type != group.item(0, "support_type"):
        return group.with_columns(pl.lit(False).alias("level_ok"))
    households = households_ids(group.get_column("household_id").to_list())
    priorities = [p.when for p in level_priorities(level)]
    rule = eligibility_rule(level.eligibility)
    checked = eligible_frame(households, rule, as_of=day, extra=priorities)
    checked = checked.select(
        "household_id", ELIGIBLE, level_amount_expr(level, as_of=day).alias("allowed")
    )
    joined = group.drop(ELIGIBLE, "allowed").join(checked, on="household_id", how="left")
    return joined.with_columns(
        pl.lit(level.pk, pl.Int64).alias("level_id"),
        pl.lit(level.amount_rule).alias("amount_rule"),
        pl.col(ELIGIBLE).fill_null(False),
    ).select(group.columns)


def households_ids(ids: list[int]) -> Any:
    from giamngheo.apps.registry.models import Household

    return Household.objects.filter(pk__in=ids)


def _level_find(code: str, province_id: int) -> SupportLevel | None:
    """``code@vN`` names a version; a bare code means the latest one."""
    name, _, version = code.partition("@v")
    rows = SupportLevel.objects.filter(province_id=province_id, code=name).select_related(
        "eligibility"
    )
    if version:
        rows = rows.filter(version=int(version)) if version.isdigit() else rows.none()
    return rows.order_by("-version").first()


def _level_checks() -> list[Check]:
    amount = pl.col("amount__int")
    allowed = pl.col("allowed")
    exact = pl.col("amount_rule") == AmountRule.EXACT
    breaks = amount.is_not_null() & ((exact & (amount != allowed)) | (amount > allowed))
    ok = pl.col("level_ok")
    ceiling = pl.col("amount_rule") == AmountRule.CEILING
    return [
        ("level", ~ok, "không có mức hỗ trợ này cho loại hỗ trợ đã ghi"),
        ("level", ok & ~pl.col(ELIGIBLE), "hộ không thuộc đối tượng của mức hỗ trợ"),
        ("amount", ok & pl.col(ELIGIBLE) & breaks, "số tiền không đúng mức hỗ trợ"),
        ("amount", ok & ceiling & amount.is_null(), "ghi số tiền"),
    ]


# -- rows to insert ----------------------------------------------------------------------------
def _rows(actor: Any, frame: pl.DataFrame, campaign: Campaign | None) -> pl.DataFrame:
    organisation = (
        actor.organisation_id if getattr(actor, "role", "") == Role.ORGANISATION_OFFICER else None
    )
    state = pl.coalesce(pl.col("giver_state"), pl.lit("UBND ") + pl.col("commune_name"))
    housing = pl.col("support_type") == SupportType.HOUSING
    return frame.select(
        "household_id", "support_type", "level_id",
        pl.lit(campaign.pk if campaign else None, pl.Int64).alias("campaign_id"),
        pl.lit(None, pl.Int64).alias("livelihood_model_id"),
        pl.coalesce(pl.col("amount__int"), pl.col("allowed")).alias("amount"),
        pl.col("quantity__int").alias("quantity"),
        pl.col("delivered_on__date").alias("delivered_on"),
        pl.lit(organisation, pl.Int64).alias("giver_organisation_id"),
        (pl.lit("") if organisation else state).alias("giver_state"),
        "source", pl.col("detail").fill_null(""), pl.col("lender").fill_null(""),
        pl.lit(None, pl.Int64).alias("loan_rate_bp"),
        pl.col("loan_term_months__int").alias("loan_term_months"),
        pl.col("housing_kind").fill_null(""),
        pl.when(housing).then(pl.col("housing_stage").fill_null(HousingStage.APPROVED)).otherwise(pl.lit("")).alias("housing_stage"),
        *[pl.col(f"{c}__date").alias(c) for c in HOUSING_STAGE_DATES.values()],
        pl.lit(actor.pk, pl.Int64).alias("recorded_by_id"),
        pl.lit(timezone.now()).alias("recorded_at"),
    )  # fmt: skip


def _province_id(actor: Any, campaign: Campaign | None) -> int | None:
    return campaign.province_id if campaign else getattr(actor, "scope_province_id", None)
