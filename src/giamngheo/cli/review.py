"""``giamngheo review open-regular``: open the month's regular review (QĐ 24/2021: from the 15th,
decided within 15 days) in every province that holds households.

Meant to run daily from the system's scheduler (cron or a systemd timer, see
``docs/deployment.md``): before the 15th it opens nothing, and a month's campaign is opened
once, so a missed day is caught up by the next run.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True)
REFUSED = 1


def register(app: typer.Typer) -> None:
    """Add the ``review`` group to ``app``."""
    review_app = typer.Typer(
        help="Rà soát hộ nghèo, hộ cận nghèo — poverty review", no_args_is_help=True,
        rich_markup_mode="rich",
    )  # fmt: skip
    review_app.command("open-regular")(open_regular)
    app.add_typer(review_app, name="review")


def open_regular(
    on: Annotated[
        str | None,
        typer.Option(help="Ngày chạy YYYY-MM-DD (mặc định: hôm nay) — the day to run as"),
    ] = None,
    province: Annotated[
        list[str] | None,
        typer.Option(help="Chỉ tỉnh này (tên hoặc mã, lặp lại được) — only this province"),
    ] = None,
) -> None:
    """Mở đợt rà soát thường xuyên của tháng — open the month's regular review campaigns."""
    from giamngheo.cli.main import django_setup

    django_setup(actor_label="cli:review-open-regular")
    from giamngheo.apps.geo.models import Province
    from giamngheo.apps.geo.selectors import province_find
    from giamngheo.apps.review import dates
    from giamngheo.apps.review.services import regular_campaigns_open_due

    day = _day(on) if on else dates.today()
    try:
        provinces = [province_find(name) for name in province] if province else None
    except Province.DoesNotExist as error:
        err.print(f"[red]✗[/] {error}")
        raise typer.Exit(2) from None
    if day.day < dates.REGULAR_START_DAY:
        out.print(f"Chưa đến ngày {dates.REGULAR_START_DAY}/{day:%m/%Y}: chưa mở đợt nào.")
        return
    result = regular_campaigns_open_due(on=day, provinces=provinces)
    for campaign in result.opened:
        out.print(f"[green]✓[/] Đã mở: {campaign} (đến {campaign.closes_on:%d/%m/%Y})")
    for unit in result.existing:
        out.print(f"· {unit}: đã có đợt rà soát thường xuyên tháng {day:%m/%Y}")
    for unit, reason in result.refused:
        err.print(f"[red]✗[/] {unit}: {reason}")
    if result.refused:
        raise typer.Exit(REFUSED)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        err.print(f"[red]✗[/] --on: ngày không hợp lệ «{text}» (cần dạng YYYY-MM-DD)")
        raise typer.Exit(2) from None
