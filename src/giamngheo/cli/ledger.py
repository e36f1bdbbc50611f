"""``giamngheo ledger verify``: recompute the fund ledger's hash chain and cross-checks.

Exit code 0 when the ledger is intact, 1 when an entry or a balance was changed behind the
application's back (the first broken entry is named).
"""

from __future__ import annotations

import typer
from rich.console import Console

from giamngheo.domain.explain import format_number

out = Console()
err = Console(stderr=True)
BROKEN = 1


def register(app: typer.Typer) -> None:
    """Add the ``ledger`` group to ``app``."""
    ledger_app = typer.Typer(
        help="Sổ cái nguồn vốn — fund ledger", no_args_is_help=True, rich_markup_mode="rich"
    )
    ledger_app.command("verify")(verify)
    app.add_typer(ledger_app, name="ledger")


def verify() -> None:
    """Kiểm tra chuỗi mã băm của sổ cái — verify the ledger's hash chain."""
    from giamngheo.cli.main import django_setup

    django_setup(actor_label="cli:ledger-verify")
    from giamngheo.apps.funds.verify import ledger_verify

    report = ledger_verify()
    if report.ok:
        out.print(f"[green]✓[/] Sổ cái nguyên vẹn: {format_number(report.entries)} bút toán.")
        return
    if report.broken is not None:
        err.print(f"[red]✗[/] {report.broken.message}")
    for problem in report.problems:
        err.print(f"[red]✗[/] {problem}")
    raise typer.Exit(BROKEN)
