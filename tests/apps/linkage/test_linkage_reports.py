"""Overlap and omission reports across recorded support and linked lists."""

from __future__ import annotations

import io

import polars as pl
import pytest
from tests.apps.linkage.linkage_support import HOME, officer, scenario

from giamngheo.apps.linkage.exports import omission_xlsx, overlap_xlsx
from giamngheo.apps.linkage.selectors import omission_report, overlap_report

pytestmark = pytest.mark.django_db


def test_overlap_joins_recorded_support_and_linked_list_entries() -> None:
    actor = officer()
    people = scenario(actor)
    rows = overlap_report(user=actor, year=2025)
    assert [(r.household_code, r.givers) for r in rows] == [
        (people["huong"].code, ["UBND xã", "Ủy ban MTTQ xã"])
    ]
    assert overlap_report(user=actor, year=2024) == []
    assert overlap_report(user=officer("05983"), year=2025) == []


def test_omission_lists_poor_households_that_got_nothing() -> None:
    actor = officer()
    people = scenario(actor)
    rows = omission_report(user=actor, year=2025)
    assert [(r.household_code, r.reason) for r in rows] == [(people["lan"].code, "Hộ nghèo")]
    assert {r.household_code for r in omission_report(user=actor, year=2024)} == {
        people["lan"].code,
        people["huong"].code,
    }


def _sheet(content: bytes) -> pl.DataFrame:
    return pl.read_excel(io.BytesIO(content), read_options={"header_row": 2}, infer_schema_length=0)


def test_reports_export_to_excel() -> None:
    actor = officer()
    people = scenario(actor)
    overlaps = _sheet(overlap_xlsx(overlap_report(user=actor, year=2025), year=2025))
    assert overlaps["Mã hộ"].to_list() == [people["huong"].code]
    assert overlaps["Các bên hỗ trợ"].to_list() == ["UBND xã, Ủy ban MTTQ xã"]
    omissions = _sheet(omission_xlsx(omission_report(user=actor, year=2025), year=2025))
    assert omissions["Lý do cần hỗ trợ"].to_list() == ["Hộ nghèo"]
    assert HOME == "05977"
