"""Importing another giver's list: every row stored as written, the commune text resolved to
current codes, in one durable, audited transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_record
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.linkage import records
from giamngheo.apps.linkage.models import ImportedList, ListEntry
from giamngheo.apps.linkage.services.common import unit_require
from giamngheo.linkage.normalise import communes_resolve


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryRow:
    """One person of an imported list, as parsed from the file."""

    row_number: int
    full_name: str
    birth_on: dt.date | None = None
    birth_year: int | None = None
    id_number: str = ""
    sex: str = ""
    commune_text: str = ""
    village_text: str = ""
    amount_vnd: int | None = None
    delivered_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListHeader:
    province: Province
    commune: Commune | None
    name: str
    kind: str
    giver: str
    support_type: str
    starts_on: dt.date
    ends_on: dt.date
    organisation: Organisation | None = None


def list_import_check(*, actor: Any, header: ListHeader) -> None:
    """Refuse (``PermissionDenied``) before a file is read when ``actor`` may not import a
    list for the header's unit."""
    unit_require(actor, Capability.SUPPORT_RECORD, header.province, header.commune)


@transaction.atomic(durable=True)
def list_import(*, actor: Any, header: ListHeader, rows: Sequence[EntryRow]) -> ImportedList:
    """Store a list as written (the commune text resolved to current codes)."""
    list_import_check(actor=actor, header=header)
    if not rows:
        raise ValidationError("Danh sách không có dòng nào.")
    imported = ImportedList(
        province=header.province, commune=header.commune, name=header.name, kind=header.kind,
        giver=header.giver, organisation=header.organisation, support_type=header.support_type,
        starts_on=header.starts_on, ends_on=header.ends_on, rows=len(rows), imported_by=actor,
    )  # fmt: skip
    imported.full_clean()
    imported.save()
    codes = _resolve(header, rows)
    communes = dict(Commune.objects.filter(province=header.province).values_list("code", "id"))
    ListEntry.objects.bulk_create(
        _entry(imported, row, found, communes) for row, found in zip(rows, codes, strict=True)
    )
    audit_record(action=AuditAction.CREATE, target=imported,
                 changes={"name": [None, header.name], "rows": [None, len(rows)]},
                 summary=f"Nhập danh sách {header.name} ({len(rows)} dòng)")  # fmt: skip
    return imported


def _resolve(header: ListHeader, rows: Sequence[EntryRow]) -> list[list[str]]:
    lookup = records.commune_lookup(header.province)
    default = [header.commune.code] if header.commune else []
    texts = pl.Series("t", [r.commune_text for r in rows], dtype=pl.String)
    found = communes_resolve(texts, lookup).to_list()
    return [f or (default if not r.commune_text else []) for r, f in zip(rows, found, strict=True)]


def _entry(imported: ImportedList, row: EntryRow, codes: list[str],
           communes: dict[str, int]) -> ListEntry:  # fmt: skip
    commune_id = communes.get(codes[0]) if len(codes) == 1 else None
    return ListEntry(
        imported_list=imported, row_number=row.row_number, full_name=row.full_name[:100],
        birth_on=row.birth_on, birth_year=row.birth_on.year if row.birth_on else row.birth_year,
        id_number=row.id_number[:12], sex=row.sex, commune_text=row.commune_text[:100],
        village_text=row.village_text[:100], commune_id=commune_id, commune_codes=codes,
        amount_vnd=row.amount_vnd, delivered_on=row.delivered_on,
    )  # fmt: skip
