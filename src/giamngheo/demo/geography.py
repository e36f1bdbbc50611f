"""Communes of a province from the ``vietnam-provinces`` package, with demo policy flags.

The commune list, names and codes are official (post-July-2025 structure). The policy flags
``border``, ``extremely_difficult`` and ``poor_commune`` and the latent ``hardship`` that
drives remoteness and welfare are **synthetic demo values**, drawn from the seed; only the
rule "every xã of a northern mountainous province is ethnic-minority & mountainous" and the
list of former border districts of Lạng Sơn are taken from the real situation.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import polars as pl
from vietnam_provinces import Province, ProvinceCode, Ward

from giamngheo.demo._random import sigmoid

# Northern midlands and mountains (post-2025 codes): every xã there counts as an
# ethnic-minority & mountainous area for the demo.
MOUNTAINOUS_PROVINCES: frozenset[int] = frozenset({4, 8, 11, 12, 14, 15, 19, 20, 25})

# Former districts (pre-2025 codes) on the border with China, per province: Lạng Sơn's
# Tràng Định, Văn Lãng, Cao Lộc, Lộc Bình and Đình Lập.
_BORDER_DISTRICTS: dict[int, frozenset[int]] = {20: frozenset({180, 182, 183, 188, 189})}

# Demo assumption: how hard to reach the former districts of Lạng Sơn are (added to the
# commune's random hardship; positive = harder). Bình Gia and Đình Lập hardest, Hữu Lũng easiest.
_DISTRICT_HARDSHIP: dict[int, dict[int, float]] = {
    20: {181: 0.6, 189: 0.6, 184: 0.4, 180: 0.4, 185: 0.3, 182: 0.2, 188: 0.2, 186: -0.3}
}

# The standard applies by residence: xã rural, phường urban. The area of a special zone
# (đặc khu) is not settled; the demo treats it as rural (the geo app makes it configurable).
_AREA_BY_DIVISION = {"xã": "rural", "phường": "urban", "đặc khu": "rural"}


def demo_province_code(name: str) -> int:
    """Code of the province called ``name`` (with or without "Tỉnh"/"Thành phố", any case,
    diacritics optional).

    >>> demo_province_code("Lạng Sơn"), demo_province_code("tỉnh lạng sơn")
    (20, 20)
    """
    key = _name_fold(name)
    for province in Province.iter_all():
        if _name_fold(province.name) == key:
            return int(province.code)
    raise KeyError(name)


def _name_fold(name: str) -> str:
    folded = _strip_accents(name).casefold().strip()
    for prefix in ("tinh ", "thanh pho ", "tp. ", "tp "):
        folded = folded.removeprefix(prefix)
    return "".join(folded.split())


def _ward_rows(province_code: int) -> list[dict[str, object]]:
    border = _BORDER_DISTRICTS.get(province_code, frozenset())
    hardship = _DISTRICT_HARDSHIP.get(province_code, {})
    rows: list[dict[str, object]] = []
    try:
        code = ProvinceCode(province_code)
    except ValueError:
        raise KeyError(f"no province with code {province_code}") from None
    for ward in Ward.iter_by_province(code):
        districts = [int(s.district_code) for s in ward.get_legacy_sources()]
        rows.append(
            {
                "ward_code": int(ward.code),
                "ward_name": ward.name[:1].upper() + ward.name[1:],  # the package has "xã Bắc Sơn"
                "division": str(ward.division_type.value),
                "border_district": any(d in border for d in districts),
                "district_hardship": max((hardship.get(d, 0.0) for d in districts), default=0.0),
            }
        )
    return rows


def wards_build(province_code: int, rng: np.random.Generator) -> pl.DataFrame:
    """One row per commune-level unit with public flags and internal drivers.

    Internal columns: ``ward_name``, ``division``, ``hardship`` (≈ N(0, 1) for xã, −2 for
    phường), ``weight`` (relative number of households).
    """
    rows = _ward_rows(province_code)
    frame = pl.DataFrame(rows).sort("ward_code")
    rural = frame["division"].to_numpy() != "phường"
    n = frame.height
    hardship = np.where(
        rural, rng.normal(0.0, 0.8, n) + frame["district_hardship"].to_numpy(), -2.0
    )
    from_top = n - hardship.argsort().argsort()
    size = rng.lognormal(0.0, 0.3, n) * np.where(rural, 1.0, 2.6)
    border_draw = rng.random(n) < 0.6
    return frame.with_columns(
        pl.col("ward_code").cast(pl.Int32),
        pl.col("division").replace_strict(_AREA_BY_DIVISION).alias("area"),
        pl.Series("ethnic_minority_mountainous", rural & (province_code in MOUNTAINOUS_PROVINCES)),
        pl.Series("border", rural & frame["border_district"].to_numpy() & border_draw),
        pl.Series("extremely_difficult", rural & (from_top <= 0.4 * rural.sum())),
        pl.Series("poor_commune", rural & (from_top <= 0.12 * rural.sum())),
        pl.Series("hardship", hardship),
        pl.Series("weight", size),
        pl.Series("remote_share", np.where(rural, sigmoid(1.3 * hardship - 0.7), 0.0)),
    ).drop("border_district", "district_hardship")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
