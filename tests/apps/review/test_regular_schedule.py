"""The scheduled opening of the monthly regular review (``giamngheo review open-regular``)."""

from __future__ import annotations

import datetime as dt

from tests.apps.review.review_support import Place
from typer.testing import CliRunner

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Province
from giamngheo.apps.review.models import CampaignKind, ReviewCampaign
from giamngheo.apps.review.services import regular_campaigns_open_due
from giamngheo.cli.main import app

D = dt.date


def _regular() -> list[ReviewCampaign]:
    return list(ReviewCampaign.objects.filter(kind=CampaignKind.REGULAR))


def test_opens_the_month_once_in_each_province_holding_households(place: Place) -> None:
    province = place.commune.province
    assert regular_campaigns_open_due(on=D(2026, 11, 14)).opened == []  # before the 15th

    first = regular_campaigns_open_due(on=D(2026, 11, 15))
    assert [c.province for c in first.opened] == [province]  # the only province with households
    (campaign,) = _regular()
    assert (campaign.opens_on, campaign.closes_on) == (D(2026, 11, 15), D(2026, 11, 29))
    assert (campaign.year, campaign.standard_id, campaign.request_form) == (
        2026,
        "vn-2022-2025",
        "04",
    )
    assert AuditEvent.objects.filter(summary=f"Mở theo lịch {campaign}").count() == 1

    again = regular_campaigns_open_due(on=D(2026, 11, 28))
    assert (again.opened, again.existing) == ([], [province])
    assert len(_regular()) == 1

    december = regular_campaigns_open_due(on=D(2026, 12, 15))
    assert [c.opens_on for c in december.opened] == [D(2026, 12, 15)]


def test_named_provinces_only_and_a_year_without_a_standard_is_refused(place: Place) -> None:
    other = Province.objects.exclude(pk=place.commune.province_id).order_by("code").first()
    assert other is not None
    named = regular_campaigns_open_due(on=D(2026, 11, 20), provinces=[other])
    assert [c.province for c in named.opened] == [other]  # named, even without households

    refused = regular_campaigns_open_due(on=D(2040, 1, 20))
    assert refused.opened == []
    assert [(p, "2040" in reason) for p, reason in refused.refused] == [
        (place.commune.province, True)
    ]


def test_the_command(place: Place) -> None:
    runner = CliRunner()
    early = runner.invoke(app, ["review", "open-regular", "--on", "2026-11-03"])
    assert early.exit_code == 0, early.output
    assert "Chưa đến ngày 15/11/2026" in early.output
    assert _regular() == []

    opened = runner.invoke(app, ["review", "open-regular", "--on", "2026-11-16"])
    assert opened.exit_code == 0, opened.output
    assert "Đã mở" in opened.output
    assert "29/11/2026" in opened.output
    assert len(_regular()) == 1
    event = AuditEvent.objects.get(summary__startswith="Mở theo lịch")
    assert event.actor_label == "cli:review-open-regular"

    rerun = runner.invoke(app, ["review", "open-regular", "--on", "2026-11-17"])
    assert rerun.exit_code == 0
    assert "đã có đợt" in rerun.output

    assert runner.invoke(app, ["review", "open-regular", "--on", "16/11/2026"]).exit_code == 2
    unknown = runner.invoke(
        app, ["review", "open-regular", "--on", "2026-11-16", "--province", "Atlantis"]
    )
    assert unknown.exit_code == 2
    assert "Atlantis" in unknown.output
