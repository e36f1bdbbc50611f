"""The 54 ethnic groups of Viet Nam with the statistics office's two-digit codes.

Codes follow the official list used by the General Statistics Office (01 Kinh … 54 Rơ Măm).
Every group other than Kinh counts as an ethnic minority for policy purposes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class EthnicGroup:
    code: str
    name: str

    @property
    def is_minority(self) -> bool:
        return self.code != KINH


KINH = "01"

_NAMES = (
    "Kinh", "Tày", "Thái", "Hoa", "Khơ Me", "Mường", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ngái", "Ê Đê", "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Mnông",
    "Raglay", "Xtiêng", "Bru Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Gié Triêng", "Mạ", "Khơ Mú",
    "Co", "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "La Ha",
    "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y",
    "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
)  # fmt: skip

ETHNIC_GROUPS: tuple[EthnicGroup, ...] = tuple(
    EthnicGroup(code=f"{i:02d}", name=name) for i, name in enumerate(_NAMES, start=1)
)
ETHNIC_GROUPS_BY_CODE: dict[str, EthnicGroup] = {g.code: g for g in ETHNIC_GROUPS}


def ethnic_group_by_name(name: str) -> EthnicGroup:
    """Find a group by its Vietnamese name (case-insensitive, spaces/hyphens ignored).

    >>> ethnic_group_by_name("h'mông").code
    '08'
    """
    key = _fold(name)
    for group in ETHNIC_GROUPS:
        if _fold(group.name) == key:
            return group
    if key in _ALIASES:
        return ETHNIC_GROUPS_BY_CODE[_ALIASES[key]]
    raise KeyError(name)


def _fold(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch not in " -'’")


_ALIASES = {"hmông": "08", "khmer": "05", "êđê": "12", "ragla": "21", "mơnông": "20"}
