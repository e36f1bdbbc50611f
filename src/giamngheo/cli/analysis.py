"""Analytics commands: ``classify``, ``mpi`` and ``standards list|show``. No Django needed.

Edges only: parse the options, call :mod:`giamngheo.analytics.pipeline`, render. Bad input
exits with code 2 and a message (file, row, column) on stderr; nothing is written.
``--engine spark [--master local[2]] [--conf key=value]`` runs the same kernels on Spark
(Parquet in and out; needs the ``spark`` extra).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Annotated, NoReturn, get_args

import typer
from rich.console import Console
from rich.table import Column, Table

from giamngheo.analytics.errors import SurveyInputError
from giamngheo.analytics.mpi import MpiSpec
from giamngheo.analytics.pipeline import (
    Engine,
    EngineOptions,
    EngineUnavailableError,
    classify_file,
    mpi_file,
)
from giamngheo.domain.explain import format_number
from giamngheo.domain.model import Standard
from giamngheo.domain.standards import StandardFileError, StandardNotFoundError, standard_get
from giamngheo.domain.standards import standards_all as _standards_all

BAD_INPUT = 2
out = Console()
err = Console(stderr=True)

InputArg = Annotated[
    Path, typer.Argument(help="Tệp khảo sát .csv, .parquet hoặc .xlsx — survey table")
]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Tệp kết quả — output file")]
EngineOpt = Annotated[
    str, typer.Option(help="Bộ máy tính: local (Polars) hoặc spark — local | spark")
]
MasterOpt = Annotated[
    str | None,
    typer.Option(help="Spark master, ví dụ local[2], yarn — Spark master (with --engine spark)"),
]
ConfOpt = Annotated[
    list[str] | None,
    typer.Option("--conf", help="Cấu hình Spark key=value, lặp lại được — Spark setting"),
]


def register(app: typer.Typer) -> None:
    """Add ``classify``, ``mpi`` and the ``standards`` group to ``app``."""
    app.command("classify")(classify)
    app.command("mpi")(mpi)
    standards_app = typer.Typer(
        help="Chuẩn nghèo — poverty standards", no_args_is_help=True, rich_markup_mode="rich"
    )
    standards_app.command("list")(standards_list)
    standards_app.command("show")(standards_show)
    app.add_typer(standards_app, name="standards")


def classify(
    input_path: InputArg,
    out_path: OutOpt,
    standard: Annotated[
        list[str], typer.Option("--standard", "-s", help="Mã chuẩn, lặp lại được — standard id")
    ],
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    conf: ConfOpt = None,
) -> None:
    """Phân loại hộ theo một hay nhiều chuẩn nghèo — classify households."""
    standards = [_standard(s) for s in dict.fromkeys(standard)]
    options = engine_options(engine, master, conf)
    rows = run(lambda: classify_file(input_path, standards, out_path, engine=options))
    ids = ", ".join(s.label for s in standards)
    out.print(f"[green]✓[/] {format_number(rows)} hộ · {ids} → {out_path}")


def mpi(
    input_path: InputArg,
    out_path: OutOpt,
    standard: Annotated[str | None, typer.Option("--standard", "-s", help="Mã chuẩn")] = None,
    indicators: Annotated[
        str | None, typer.Option(help="Các cột 0/1, cách nhau bởi dấu phẩy — a,b,c")
    ] = None,
    weights: Annotated[str | None, typer.Option(help="Trọng số — e.g. 1,1,2")] = None,
    k: Annotated[str | None, typer.Option("--k", help="Ngưỡng k (0.25, 3/12)")] = None,
    by: Annotated[str | None, typer.Option(help="Cột phân nhóm — group column")] = None,
    engine: EngineOpt = "local",
    master: MasterOpt = None,
    conf: ConfOpt = None,
) -> None:
    """Chỉ số nghèo đa chiều Alkire–Foster (H, A, M0) — Alkire–Foster MPI."""
    spec = _mpi_spec(standard, indicators, weights, k)
    options = engine_options(engine, master, conf)
    survey = standard is not None
    table = run(lambda: mpi_file(input_path, spec, out_path, by=by, survey=survey, engine=options))
    everyone = table.row(table.height - 1, named=True)
    out.print(
        f"[green]✓[/] n={everyone['n']} q={everyone['q']} H={everyone['H']:.4f} "
        f"A={everyone['A'] or 0:.4f} M0={everyone['M0']:.4f} → {out_path}"
    )


def standards_list() -> None:
    """Liệt kê các chuẩn nghèo — list the poverty standards."""
    table = Table(
        Column("id", no_wrap=True),
        "v",
        "Tên / name",
        "Hiệu lực",
        "Chuẩn (NT/TT)",
        "TB (NT/TT)",
        "Chỉ số",
        "",
    )
    for s in _standards():
        band = s.average_line
        line = _pair(s.income_line.rural, s.income_line.urban)
        average = _pair(band.rural, band.urban) if band else "—"
        table.add_row(
            s.id, str(s.version), s.name.vi, _period(s), line, average, str(len(s.indicators)),
            _confirmed(s.confirmed),
        )  # fmt: skip
    out.print(table)


def standards_show(standard_id: Annotated[str, typer.Argument(help="Mã chuẩn")]) -> None:
    """Chi tiết một chuẩn nghèo — show one standard with its indicators."""
    s = _standard(standard_id)
    out.print(f"[bold]{s.name.vi}[/] ({s.label})\n{s.name.en}")
    out.print(f"Căn cứ / legal basis: {s.legal_basis.code} — {s.legal_basis.title.vi}")
    out.print(f"Hiệu lực / valid: {_period(s)} · đo bằng / measure: {s.measure_column}")
    if s.parent:
        out.print(f"Kế thừa / parent: {s.parent}")
    _print_lines(s)
    out.print(_indicator_table(s))
    for caveat in s.caveats:
        out.print(f"[yellow]⚠ chưa xác nhận / not confirmed:[/] {caveat.vi} / {caveat.en}")


def _print_lines(s: Standard) -> None:
    unit = "đ/người/tháng" if s.measure == "income" else "điểm"
    line = s.income_line
    out.print(
        f"Chuẩn thu nhập / income line: nông thôn {format_number(line.rural)}, "
        f"thành thị {format_number(line.urban)} {unit} {_confirmed(line.confirmed)}"
    )
    band = s.average_line
    if band is None:
        out.print("Mức sống trung bình / average band: không có / none")
    else:
        out.print(
            f"Mức sống trung bình / average band: ≤ {format_number(band.rural)} / "
            f"{format_number(band.urban)} {unit} {_confirmed(band.confirmed)}"
        )
    rule = f"≥ {s.min_deprivations} chỉ số thiếu hụt / deprivations"
    if s.score is not None:
        rule = f"điểm B ≥ {s.score.poor_min_points} ({s.score.points_per_deprivation} điểm/chỉ số)"
    out.print(f"Hộ nghèo / poor: thu nhập ≤ chuẩn và {rule}")


def _indicator_table(s: Standard) -> Table:
    table = Table(
        Column("id", no_wrap=True),
        "Nhóm / dimension",
        "Chỉ số / indicator",
        "Định nghĩa / definition",
        "",
    )
    for i in s.indicators:
        table.add_row(
            i.id, i.dimension.label.vi, f"{i.label.vi}\n{i.label.en}",
            f"{i.definition.vi}\n[dim]{i.definition.en}[/]", _confirmed(i.confirmed),
        )  # fmt: skip
    return table


def _mpi_spec(
    standard: str | None, indicators: str | None, weights: str | None, k: str | None
) -> MpiSpec:
    if (standard is None) == (indicators is None):
        _fail("Chọn đúng một trong --standard hoặc --indicators / give --standard or --indicators")
    try:
        w = [Fraction(x.strip()) for x in weights.split(",")] if weights else None
        cut = Fraction(k) if k else None
        if standard is not None:
            return MpiSpec.for_standard(_standard(standard), weights=w, k=cut)
        ids = [x.strip() for x in (indicators or "").split(",") if x.strip()]
        return MpiSpec.of(indicators=ids, weights=w, k=cut)
    except (ValueError, ZeroDivisionError) as exc:
        _fail(f"Tham số không hợp lệ / invalid option: {exc}")


def engine_options(engine: str, master: str | None, conf: list[str] | None) -> EngineOptions:
    """``--engine``, ``--master`` and ``--conf key=value`` as :class:`EngineOptions`."""
    engines: tuple[Engine, ...] = get_args(Engine)
    chosen = next((e for e in engines if e == engine), None)
    if chosen is None:
        _fail(f"--engine phải là local hoặc spark / --engine must be local or spark: {engine}")
    if chosen == "local" and (master or conf):
        _fail("--master và --conf chỉ dùng với --engine spark / only with --engine spark")
    pairs = [item.partition("=") for item in conf or []]
    if any(not key or not sep for key, sep, _ in pairs):
        _fail("--conf cần dạng key=value / --conf takes key=value")
    return EngineOptions(engine=chosen, master=master, conf=tuple((k, v) for k, _, v in pairs))


def run[T](action: Callable[[], T]) -> T:
    """Run a file operation; bad input becomes exit code 2 with the message on stderr."""
    try:
        return action()
    except SurveyInputError as exc:
        _fail(exc.message("vi"), exc.message("en"))
    except (StandardFileError, ValueError, EngineUnavailableError) as exc:
        _fail(str(exc))


def _fail(message: str, english: str | None = None) -> NoReturn:
    err.print(f"Lỗi: {message}", markup=False, highlight=False, soft_wrap=True)
    if english:
        err.print(f"Error: {english}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(BAD_INPUT)


def _standard(standard_id: str) -> Standard:
    try:
        return standard_get(standard_id)
    except StandardNotFoundError as exc:
        _fail(str(exc))
    except StandardFileError as exc:
        _fail(str(exc))


def _standards() -> list[Standard]:
    try:
        return _standards_all()
    except StandardFileError as exc:
        _fail(str(exc))


def _period(s: Standard) -> str:
    end = s.valid_to.isoformat() if s.valid_to else "…"
    return f"{s.valid_from.isoformat()} – {end}"


def _pair(rural: int, urban: int) -> str:
    return f"{format_number(rural)} / {format_number(urban)}"


def _confirmed(flag: bool) -> str:
    return "[green]đã xác nhận[/]" if flag else "[yellow]chưa xác nhận[/]"
