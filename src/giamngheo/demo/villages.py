"""Villages (thôn, bản) of communes and residential groups (khối, tổ dân phố) of wards.

Names are synthetic: Tày–Nùng style place names made of two syllables common in the
toponymy of the northern mountains (Nà "rice field", Khuổi "stream", Pác "mouth", Còn,
Phiêng …), plus a few Sino-Vietnamese names of the kind given to resettled villages.
"""

from __future__ import annotations

import numpy as np
import polars as pl

_FIRST = (
    "Nà", "Khuổi", "Pác", "Còn", "Cốc", "Khòn", "Pò", "Phiêng", "Lũng", "Bản", "Hang", "Kéo",
    "Nặm", "Tà", "Khau", "Vằng", "Bó", "Pàn", "Khun", "Pắc", "Co", "Mỏ", "Tồng", "Piềng", "Lùng",
)  # fmt: skip
_SECOND = (
    "Pàn", "Luông", "Slam", "Mò", "Lầy", "Tèo", "Sla", "Hẩu", "Khang", "Chè", "Mạ", "Cáy", "Rụ",
    "Nưa", "Tẳng", "Phai", "Lèng", "Pất", "Nghiều", "Ngần", "Hin", "Sầm", "Quang", "Làng",
    "Thin", "Pựt", "Dạ", "Mười", "Tao", "Cải", "Sảo", "Mu", "Tổng", "Riềng", "Lạn", "Càng",
)  # fmt: skip
_SINO_VIETNAMESE = (
    "Tân Lập", "Đoàn Kết", "Thống Nhất", "Hòa Bình", "Trung Tâm", "Tân Tiến", "Hợp Thành",
    "Đồng Tâm", "Tiến Bộ", "Quyết Thắng", "Phố Mới", "Bình Minh", "Thanh Sơn", "Tân Hoa",
)  # fmt: skip
_RURAL_NAMES = tuple(f"{a} {b}" for a in _FIRST for b in _SECOND if a != b)

VILLAGES_PER_COMMUNE = (20, 35)


def _rural_names(count: int, rng: np.random.Generator) -> list[str]:
    sino = int(rng.binomial(count, 0.12))
    names = list(rng.choice(_RURAL_NAMES, size=count - sino, replace=False))
    names += list(
        rng.choice(_SINO_VIETNAMESE, size=min(sino, len(_SINO_VIETNAMESE)), replace=False)
    )
    prefix = "Bản" if rng.random() < 0.2 else "Thôn"
    while len(names) < count:  # more Sino-Vietnamese slots than names: number the rest
        names.append(f"{len(names) + 1}")
    return [f"{prefix} {name}" for name in rng.permutation(names)]


def _urban_names(count: int, rng: np.random.Generator) -> list[str]:
    prefix = "Khối" if rng.random() < 0.7 else "Tổ dân phố"
    return [f"{prefix} {i}" for i in range(1, count + 1)]


def _commune_villages(ward: dict[str, object], rng: np.random.Generator) -> pl.DataFrame:
    count = int(rng.integers(VILLAGES_PER_COMMUNE[0], VILLAGES_PER_COMMUNE[1] + 1))
    urban = ward["area"] == "urban"
    names = _urban_names(count, rng) if urban else _rural_names(count, rng)
    remote_share = float(ward["remote_share"])  # type: ignore[arg-type]
    ward_code = int(ward["ward_code"])  # type: ignore[call-overload]
    weight = float(ward["weight"]) / count * rng.lognormal(0.0, 0.45, count)  # type: ignore[arg-type]
    return pl.DataFrame(
        {
            "ward_code": [ward_code] * count,
            "code": [f"{ward_code:05d}-{i:03d}" for i in range(1, count + 1)],
            "name": names,
            "remote": rng.random(count) < remote_share,
            "weight": weight,
        },
        schema_overrides={"ward_code": pl.Int32},
    )


def villages_build(wards: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """Villages of every commune: public columns plus the internal ``weight`` (share of the
    province's households, summing to one)."""
    frames = [_commune_villages(ward, rng) for ward in wards.iter_rows(named=True)]
    villages = pl.concat(frames)
    return villages.with_columns(pl.col("weight") / pl.col("weight").sum())
