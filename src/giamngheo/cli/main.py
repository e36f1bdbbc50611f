"""The ``giamngheo`` command. Django is set up only by the commands that need it, so the
analytics commands (classify, mpi, standards, link) run without a database."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Console

from giamngheo.cli import analysis, ledger, linkage, review

app = typer.Typer(
    name="giamngheo",
    help="Hệ thống quản lý giảm nghèo — poverty-reduction management.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
console = Console(stderr=True)
analysis.register(app)
ledger.register(app)
linkage.register(app)
review.register(app)


def django_setup(actor_label: str = "cli") -> None:
    """Configure Django for a command and mark audit records as made by it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.config.settings")
    import django

    django.setup()
    from giamngheo.apps.audit.context import ActorContext, actor_set_for_process

    actor_set_for_process(ActorContext(label=actor_label))


# The npm packages ship every build of ECharts and HTMX (≈ 50 MB); copying and compressing
# all of them made each start take minutes. The pages use only the minified builds.
UNUSED_ASSETS = [
    "*.map", "*.d.ts", "*.gz", "*.mjs", "package.json", "extension", "ext",
    "echarts.js", "echarts.common*", "echarts.esm*", "echarts.simple*",
    "htmx.js", "htmx.amd.js", "htmx.cjs.js", "htmx.esm*",
]  # fmt: skip


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Chạy lệnh quản trị Django (migrate, createsuperuser, …) — Django management commands."""
    django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["giamngheo manage", *ctx.args])


@app.command()
def serve(
    port: Annotated[int, typer.Option(envvar="PORT", help="Cổng / port")] = 8000,
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    workers: Annotated[int, typer.Option(help="Số tiến trình / worker processes")] = 2,
) -> None:
    """Chạy máy chủ web (gunicorn) — serve the web application."""
    django_setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=UNUSED_ASSETS)
    console.print(f"[bold green]giamngheo[/] http://{host}:{port}")
    os.execvp(  # noqa: S606 - replaces this process with the server
        sys.executable,
        [sys.executable, "-m", "gunicorn", "giamngheo.config.wsgi:application",
         "--bind", f"{host}:{port}", "--workers", str(workers), "--access-logfile", "-"],
    )  # fmt: skip


@app.command()
def worker() -> None:
    """Chạy tiến trình xử lý công việc nền — run the background task worker."""
    django_setup(actor_label="worker")
    from django.core.management import call_command

    call_command("db_worker")


def _register_django_commands() -> None:
    from giamngheo.cli import demo_data

    demo_data.register(app, django_setup)


_register_django_commands()
