"""``giamngheo demo-data`` and ``giamngheo geo-load``: administrative units and a demo province."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

console = Console(stderr=True)


def register(app: typer.Typer, django_setup: Callable[..., None]) -> None:
    @app.command("geo-load")
    def geo_load() -> None:
        """Nạp 34 tỉnh và 3.321 xã/phường/đặc khu — load administrative units."""
        django_setup()
        _geo_load()

    @app.command("demo-users")
    def demo_users() -> None:
        """Tạo và in các tài khoản mẫu — create and print the demo logins."""
        django_setup()
        from giamngheo.apps.accounts.services import demo_users_ensure

        try:
            logins = demo_users_ensure()
        except LookupError as error:
            console.print(f"[red]{error}[/]")
            raise typer.Exit(1) from error
        for login in logins:
            console.print(
                f"  {login.role} ({login.scope}): [bold]{login.username}[/] / {login.password}"
            )

    @app.command("demo-data")
    def demo_data(
        province: Annotated[
            str, typer.Option(help='Tỉnh, ví dụ "Lạng Sơn" / province')
        ] = "Lạng Sơn",
        households: Annotated[int, typer.Option(min=1, help="Số hộ / households")] = 200_000,
        years: Annotated[
            str, typer.Option(help="Các năm, ví dụ 2021-2025 / survey years")
        ] = "2021-2025",
        seed: Annotated[int, typer.Option(help="Hạt giống ngẫu nhiên / random seed")] = 1,
        if_empty: Annotated[
            bool,
            typer.Option(
                "--if-empty", help="Chỉ nạp khi chưa có hộ nào / only into an empty registry"
            ),
        ] = False,
    ) -> None:
        """Sinh và nạp một tỉnh mẫu — generate and load a demo province."""
        django_setup()
        _demo_data(province, households, _years(years), seed, if_empty)


def _years(text: str) -> range:
    first, _, last = text.partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise typer.BadParameter(
            f"'{text}': cần dạng 2021-2025 / expected e.g. 2021-2025"
        ) from None
    if end < start:
        raise typer.BadParameter(f"'{text}': năm cuối trước năm đầu / last year before first")
    return range(start, end + 1)


def _geo_load() -> None:
    from giamngheo.apps.geo.services import geo_units_load

    result = geo_units_load()
    console.print(
        f"Đã nạp {result.provinces} tỉnh, {result.communes} xã/phường/đặc khu, "
        f"{result.legacy_communes} đơn vị cấp xã trước 7/2025."
    )


def _demo_data(
    province_name: str, households: int, years: range, seed: int, if_empty: bool
) -> None:
    from giamngheo.apps.geo.models import Province
    from giamngheo.apps.geo.selectors import province_find
    from giamngheo.apps.registry.loading import demo_province_load
    from giamngheo.apps.registry.models import Household
    from giamngheo.demo import demo_generate

    if if_empty and Household.objects.exists():
        console.print("Đã có dữ liệu hộ gia đình; bỏ qua nạp dữ liệu mẫu.")
        return
    if not Province.objects.exists():
        _geo_load()
    province = province_find(province_name)
    if Household.objects.filter(province=province).exists():
        raise typer.BadParameter(
            f"{province.name} đã có hộ gia đình; dùng một cơ sở dữ liệu trống."
        )
    started = time.perf_counter()
    data = demo_generate(
        province_code=int(province.code), households=households, years=years, seed=seed
    )
    generated = time.perf_counter()
    result = demo_province_load(province=province, data=data)
    done = time.perf_counter()
    console.print(
        f"{province.name}: {result.villages} thôn, {result.households} hộ, "
        f"{result.members} nhân khẩu, {result.surveys} phiếu ({years.start}–{years.stop - 1}). "
        f"Sinh {generated - started:.1f} s, ghi {done - generated:.1f} s."
    )
    _classify_years(province, years)
    _aggregates(province)


def _aggregates(province: Any) -> None:
    """Build the dashboards' tables now rather than waiting for a worker."""
    from giamngheo.apps.monitoring.refresh import aggregates_refresh

    state = aggregates_refresh(province=province)
    console.print(f"Tổng hợp số liệu theo dõi: {state.rows} dòng, {state.seconds or 0:.1f} s.")


def _classify_years(province: Any, years: range) -> None:
    """Classify each loaded year under the standards in force then, as a commune would."""
    from giamngheo.apps.standards.selectors import standards_applicable
    from giamngheo.apps.standards.services import surveys_classify

    for year in years:
        if not standards_applicable(province=province, year=year):
            console.print(f"{year}: chưa có chuẩn nghèo áp dụng; không phân loại.")
            continue
        run = surveys_classify(year=year, province=province)
        poor = {s: counts.get("poor", 0) for s, counts in run.counts.items() if counts}
        console.print(f"{year}: đã phân loại {run.surveys} phiếu; hộ nghèo {poor}.")
