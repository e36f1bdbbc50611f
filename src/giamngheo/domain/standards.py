"""The registry of poverty standards shipped as TOML files in ``giamngheo/standards``.

>>> standard_get("vn-2022-2025").income_line.rural
1500000
>>> [s.id for s in standards_all()][:2]
['quangninh-2023-2025', 'vn-2022-2025']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from giamngheo.domain.model import Standard
from giamngheo.domain.standard_loader import StandardFileError, raw_read, raws_resolve

STANDARDS_DIR = Path(__file__).resolve().parent.parent / "standards"

__all__ = [
    "STANDARDS_DIR",
    "Standard",
    "StandardFileError",
    "StandardNotFoundError",
    "standard_get",
    "standards_all",
    "standards_load",
]


class StandardNotFoundError(KeyError):
    """No standard has the requested id."""

    def __str__(self) -> str:
        known = ", ".join(s.id for s in standards_all())
        return f"no standard {self.args[0]!r}; known: {known}"


def standards_load(directory: Path) -> dict[str, Standard]:
    """Load and validate every ``*.toml`` in ``directory``, resolving parents."""
    raws = {}
    for path in sorted(directory.glob("*.toml")):
        raw = raw_read(path)
        standard_id = raw.get("id")
        if not isinstance(standard_id, str):
            raise StandardFileError(path.name, "id", "missing or not a string")
        if standard_id in raws:
            raise StandardFileError(path.name, "id", f"{standard_id!r} already defined")
        raws[standard_id] = (path.name, raw)
    return raws_resolve(raws)


@cache
def _registry() -> dict[str, Standard]:
    return standards_load(STANDARDS_DIR)


def standard_get(standard_id: str) -> Standard:
    """The shipped standard with ``standard_id``; :class:`StandardNotFoundError` otherwise."""
    try:
        return _registry()[standard_id]
    except KeyError:
        raise StandardNotFoundError(standard_id) from None


def standards_all() -> list[Standard]:
    """Every shipped standard, sorted by id."""
    return sorted(_registry().values(), key=lambda s: s.id)
