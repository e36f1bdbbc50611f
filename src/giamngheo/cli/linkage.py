"""``giamngheo link``: score candidate pairs of person records with the shipped model and,
with ``--clusters``, group the records into clusters (one per person).

Edges only: parse the options, call :func:`giamngheo.linkage.files.link_file`, render. No
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
from giamngheo.linkage.files import CLUSTER_FROM, Linked, LinkTargets, link_file

out = Console()

ClustersOpt = Annotated[
    Path | None,
    typer.Option(
        "--clusters",
        help="Tệp nhóm .parquet (cluster_id, record_id): mỗi nhóm là một người — "
        "also write clusters; a cluster is named by its smallest record_id",
    ),
]
ClusterThresholdOpt = Annotated[
    float,
    typer.Option(
        min=0.0, max=1.0,
        help="Xác suất để hai bản ghi vào cùng nhóm (≥ --threshold) — "
        "pairs at or above join one cluster",
    ),
]  # fmt: skip


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
    clusters: ClustersOpt = None,
    cluster_threshold: ClusterThresholdOpt = CLUSTER_FROM,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    conf: ConfOpt = None,
) -> None:
    """Tìm các cặp bản ghi có thể là cùng một người — score candidate duplicate pairs."""
    options = engine_options(engine, master, conf)
    model = model_load()
    targets = LinkTargets(pairs=out_path, clusters=clusters, cluster_threshold=cluster_threshold)
    linked = run(
        lambda: link_file(input_path, targets, threshold=threshold, engine=options, model=model)
    )
    out.print(
        f"[green]✓[/] {format_number(linked.pairs)} cặp (pairs) ≥ {threshold} · "
        f"{model_label(model)} → {out_path}"
    )
    if clusters is not None:
        _clusters_print(linked, targets)


def _clusters_print(linked: Linked, targets: LinkTargets) -> None:
    out.print(
        f"[green]✓[/] {format_number(linked.clusters or 0)} nhóm (clusters) của "
        f"{format_number(linked.records or 0)} bản ghi (records) ≥ {targets.cluster_threshold} "
        f"→ {targets.clusters}"
    )
