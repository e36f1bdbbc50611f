"""Vietnamese personal names drawn per ethnic group (surname + middle name + given name).

The pools are written for this generator: surnames common in each community of the northern
mountains (a name repeated in a pool is drawn more often), "Văn"/"Thị" as the usual middle
names (Mông men "A", "Seo"), and given names typical of each group. Younger Kinh women and men
get more varied middle names.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Floats, Ints
from giamngheo.demo.ethnic_mix import GROUP_NAMES

PoolKind = Literal["surname", "male", "female", "middle_male", "middle_female"]

_TAY_NUNG_SURNAMES = (
    "Hoàng", "Hoàng", "Hoàng", "Nông", "Nông", "Lương", "Lương", "Vi", "Vi", "Lộc", "Chu", "Lăng",
    "Hà", "Triệu", "Mã", "Hứa", "Ma", "Bế", "Lý", "La", "Dương", "Đinh", "Sầm", "Đàm", "Tô",
    "Mạc", "Lành", "Nguyễn", "Lâm", "Nịnh",
)  # fmt: skip
_KINH_SURNAMES = (
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
    "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Đinh", "Phan", "Hồ", "Đào", "Trịnh",
)  # fmt: skip
_TAY_NUNG_MALE = (
    "Páo", "Sáng", "Slình", "Pín", "Thành", "Chiến", "Cường", "Hùng", "Dũng", "Lâm", "Quyết",
    "Thắng", "Tuấn", "Khánh", "Sơn", "Đông", "Hòa", "Lực", "Mạnh", "Nghĩa", "Phong", "Quân",
    "Tùng", "Vinh", "Tiến", "Hải", "Hưng", "Lợi", "Chung", "Slằng", "Khoa", "Bình",
)  # fmt: skip
_TAY_NUNG_FEMALE = (
    "Hoa", "Mai", "Lan", "Thoa", "Phượng", "Nhung", "Liên", "Hiền", "Hương", "Huyền", "Thảo",
    "Thủy", "Ngân", "Nga", "Dung", "Duyên", "Hằng", "Sâm", "Sinh", "Nhàn", "Ngoan", "Mến",
    "Xuân", "Chiêm", "Hiện", "Chuyên", "Pằn", "Slao", "Dịu", "Thơm",
)  # fmt: skip
_KINH_MALE = (
    "Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Long",
    "Minh", "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thành", "Trung", "Tuấn", "Việt", "Vinh",
    "Hoàng", "Đạt", "Kiên", "Phúc", "Toàn",
)  # fmt: skip
_KINH_FEMALE = (
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan", "Linh",
    "Mai", "Ngọc", "Nhung", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Loan", "My", "Vy",
)  # fmt: skip

_POOLS: dict[str, dict[PoolKind, tuple[str, ...]]] = {
    "Tày": {"surname": _TAY_NUNG_SURNAMES, "male": _TAY_NUNG_MALE, "female": _TAY_NUNG_FEMALE},
    "Nùng": {"surname": _TAY_NUNG_SURNAMES, "male": _TAY_NUNG_MALE, "female": _TAY_NUNG_FEMALE},
    "Kinh": {
        "surname": _KINH_SURNAMES,
        "male": _KINH_MALE,
        "female": _KINH_FEMALE,
        "middle_male": ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Thanh"),
        "middle_female": ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Khánh"),
    },
    "Dao": {
        "surname": (
            "Triệu",
            "Triệu",
            "Triệu",
            "Bàn",
            "Bàn",
            "Bàn",
            "Lý",
            "Lý",
            "Đặng",
            "Đặng",
            "Chảo",
            "Phùng",
            "Dương",
            "Hoàng",
            "Tẩn",
        ),
        "male": (
            "Phấu",
            "Chòi",
            "Quẩy",
            "Tòn",
            "Vượng",
            "Sểnh",
            "Phù",
            "Chàn",
            "Kiềm",
            "Sinh",
            "Quý",
            "Lìn",
            "Kiên",
            "Vần",
            "Chiêu",
        ),
        "female": (
            "Mùi",
            "Chạn",
            "Liều",
            "Nải",
            "Dinh",
            "Phây",
            "Mẩy",
            "Sếnh",
            "Lai",
            "Xuân",
            "Hoa",
            "Mai",
            "Siểu",
        ),
    },
    "Mông": {
        "surname": (
            "Giàng",
            "Giàng",
            "Vàng",
            "Vàng",
            "Sùng",
            "Thào",
            "Hầu",
            "Lầu",
            "Lý",
            "Mua",
            "Hạng",
            "Tráng",
        ),
        "male": (
            "Páo",
            "Chư",
            "Pó",
            "Dình",
            "Súa",
            "Sử",
            "Chá",
            "Tủa",
            "Lử",
            "Sính",
            "Chía",
            "Vảng",
            "Khua",
        ),
        "female": ("Mỷ", "Dợ", "Pà", "Máy", "Sua", "Say", "Xí", "Dính", "Mai", "Chá", "Lan", "Di"),
        "middle_male": ("A", "A", "Seo", "Văn"),
        "middle_female": ("Thị", "Thị", "Thị", "Mí"),
    },
    "Hoa": {
        "surname": (
            "Lý",
            "Hoàng",
            "Trương",
            "Lưu",
            "Dương",
            "Tăng",
            "Lâm",
            "Mạc",
            "Quách",
            "Diệp",
            "Vương",
        ),
        "male": ("Dìn", "Sáng", "Phúc", "Tài", "Cường", "Hòa", "Phát", "Thắng", "Vinh", "Chỉnh"),
        "female": ("Mùi", "Muội", "Lan", "Liên", "Phượng", "Xuân", "Thu", "Hoa", "Mỹ", "Linh"),
    },
    "Sán Chay": {
        "surname": ("Hoàng", "Lâm", "Lý", "Trương", "Dương", "Nịnh", "Chu", "Vi", "Hà", "Lục"),
        "male": _TAY_NUNG_MALE,
        "female": _TAY_NUNG_FEMALE,
    },
    "Mường": {"surname": ("Bùi", "Bùi", "Đinh", "Quách", "Hà", "Xa", "Nguyễn")},
    "Thái": {"surname": ("Lò", "Lường", "Cầm", "Vi", "Hà", "Tòng", "Quàng")},
    "Sán Dìu": {"surname": ("Trần", "Diệp", "Lý", "Trương", "Đặng", "Lam", "Phan")},
}
_DEFAULT: dict[PoolKind, tuple[str, ...]] = {
    "surname": _KINH_SURNAMES,
    "male": _KINH_MALE,
    "female": _KINH_FEMALE,
    "middle_male": ("Văn",) * 9 + ("Đức",),
    "middle_female": ("Thị",) * 9 + ("Thu",),
}


def _pool(group: str, kind: PoolKind) -> tuple[str, ...]:
    return _POOLS.get(group, {}).get(kind, _DEFAULT[kind])


def _flat(kind: PoolKind) -> tuple[pl.Series, Ints, Ints]:
    pools = [_pool(group, kind) for group in GROUP_NAMES]
    sizes = np.array([len(p) for p in pools], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    return pl.Series([name for pool in pools for name in pool], dtype=pl.String), offsets, sizes


def names_draw(kind: PoolKind, group: Ints, u: Floats) -> pl.Series:
    """Draw one name of ``kind`` per person from their group's pool (``u`` uniform in [0, 1))."""
    flat, offsets, sizes = _flat(kind)
    index = offsets[group] + np.minimum((u * sizes[group]).astype(np.int64), sizes[group] - 1)
    return flat.gather(pl.Series(index))


def full_names(
    *, surname: pl.Series, group: Ints, male: Bools, birth_year: Ints, rng: np.random.Generator
) -> pl.Series:
    """Whole names "Surname Middle Given"; people born before about 1980 keep the plain
    "Văn"/"Thị" middle names (Mông men keep "A"/"Seo")."""
    n = group.size
    modern = rng.random(n) < np.clip((birth_year - 1975) / 40, 0.0, 0.8)
    mong = group == GROUP_NAMES.index("Mông")
    frame = pl.DataFrame(
        {
            "surname": surname,
            "middle_m": names_draw("middle_male", group, rng.random(n)),
            "middle_f": names_draw("middle_female", group, rng.random(n)),
            "given_m": names_draw("male", group, rng.random(n)),
            "given_f": names_draw("female", group, rng.random(n)),
            "male": male,
            "plain_m": ~modern & ~mong,
            "plain_f": ~modern,
        }
    )
    middle_m = pl.when("plain_m").then(pl.lit("Văn")).otherwise("middle_m")
    middle_f = pl.when("plain_f").then(pl.lit("Thị")).otherwise("middle_f")
    return frame.select(
        pl.concat_str(
            "surname",
            pl.when("male").then(middle_m).otherwise(middle_f),
            pl.when("male").then("given_m").otherwise("given_f"),
            separator=" ",
        ).alias("full_name")
    ).to_series()
