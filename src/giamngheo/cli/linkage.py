"""``giamngheo link``: score candidate pairs of person records with the shipped model.

Edges only: parse the options, call :func:`giamngheo.linkage.files.pairs_file`, render. No
Django needed. Bad input exits with code 2 and a message on stderr; nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from giamngheo.cli.analysis import ConfOpt, EngineOpt, MasterOpt, OutOpt, engine_options, run
from giamngheo.domain.explain import format_number
from giamngheo.linkage.engine import model_label, model_load
from giamngheo.linkage.files import pairs_file

out = Console()


def register(app: typer.Typer) -> None:
    """Add ``link`` to ``app``."""
    app.command("link")(link)


def link(
    input_path: Annotated[
        Path, typer.Argument(help="Danh sách nhân khẩu .parquet — person records")
    ],
    out_path: OutOpt,
    threshold: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Xác suất trùng tối thiểu — minimum probability"),
    ] = 0.5,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    conf: ConfOpt = None,
) -> None:
    """Tìm các cặp bản ghi có thể là cùng một người — score candidate duplicate pairs."""
    options = engine_options(engine, master, conf)
    model = model_load()
    pairs = run(
        lambda: pairs_file(input_path, out_path, threshold=threshold, engine=options, model=model)
    )
    out.print(
        f"[green]✓[/] {format_number(pairs)} cặp (pairs) ≥ {threshold} · {model_label(model)} "
        f"→ {out_path}"
    )
