"""Read standard TOML files into :class:`~giamngheo.domain.model.Standard` values.

A file names its ``parent`` and overrides top-level keys of it; ``caveats`` accumulate and
``drop = ["average_line"]`` removes an inherited optional table. Every problem raises
:class:`StandardFileError` naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from giamngheo.domain.model import (
    MEASURES,
    AreaAmounts,
    Dimension,
    Indicator,
    LegalBasis,
    Measure,
    ScoreForm,
    Standard,
    Text,
)

Raw = Mapping[str, Any]

OWN_KEYS = ("id", "version", "name", "legal_basis")
TOP_KEYS = (
    *OWN_KEYS, "parent", "drop", "measure", "valid_from", "valid_to", "deprivation_cutoff",
    "income_line", "average_line", "dimensions", "indicators", "score", "caveats",
)  # fmt: skip
DROPPABLE = ("average_line", "score", "valid_to")
MAX_INDICATORS = 16
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_INDICATOR_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class StandardFileError(ValueError):
    """A standard file is malformed; ``source`` and ``key`` say where."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.source = source
        self.key = key
        self.problem = problem


def raw_read(path: Path) -> dict[str, Any]:
    """Parse one TOML file; syntax errors become :class:`StandardFileError`."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise StandardFileError(path.name, "(toml)", str(exc)) from exc


def raws_resolve(raws: Mapping[str, tuple[str, Raw]]) -> dict[str, Standard]:
    """Build every standard from ``{id: (source, raw)}``, resolving parents."""
    for source, raw in raws.values():
        own_check(raw, source=source)
    merged: dict[str, dict[str, Any]] = {}
    for standard_id in raws:
        _merged(standard_id, raws, merged, ())
    return {sid: standard_build(data, source=raws[sid][0]) for sid, data in merged.items()}


def _merged(
    sid: str,
    raws: Mapping[str, tuple[str, Raw]],
    done: dict[str, dict[str, Any]],
    chain: tuple[str, ...],
) -> dict[str, Any]:
    if sid in done:
        return done[sid]
    source, raw = raws[sid]
    parent_id = raw.get("parent")
    if parent_id is None:
        done[sid] = dict(raw)
        return done[sid]
    if parent_id in (*chain, sid):
        raise StandardFileError(source, "parent", f"cycle through {parent_id!r}")
    if parent_id not in raws:
        raise StandardFileError(source, "parent", f"no standard with id {parent_id!r}")
    parent = _merged(parent_id, raws, done, (*chain, sid))
    done[sid] = merge(parent, raw)
    return done[sid]


def merge(parent: Raw, child: Raw) -> dict[str, Any]:
    """The child's keys over the parent's; caveats accumulate; ``drop`` removes keys."""
    out = {k: v for k, v in parent.items() if k not in ("drop", "parent")}
    out.update(child)
    out["caveats"] = [*parent.get("caveats", []), *child.get("caveats", [])]
    for key in child.get("drop", []):
        out.pop(key, None)
    return out


def own_check(raw: Raw, *, source: str) -> None:
    """Checks a file on its own: known keys, the keys it must state itself, ``drop``."""
    _known(raw, TOP_KEYS, "", source)
    for key in OWN_KEYS:
        if key not in raw:
            raise StandardFileError(source, key, "missing")
    standard_id = _get(raw, "id", str, "", source)
    if not _ID.match(standard_id):
        raise StandardFileError(source, "id", "use lower-case letters, digits, - and _")
    if source.endswith(".toml") and Path(source).stem != standard_id:
        raise StandardFileError(source, "id", f"{standard_id!r} differs from the file name")
    parent = _opt(raw, "parent", str, "", source)
    drop = _opt(raw, "drop", list, "", source) or []
    if drop and parent is None:
        raise StandardFileError(source, "drop", "only a standard with a parent can drop keys")
    for item in drop:
        if item not in DROPPABLE:
            raise StandardFileError(source, "drop", f"cannot drop {item!r}")


def standard_build(data: Raw, *, source: str) -> Standard:
    """Validate a merged mapping and build the :class:`Standard`."""
    measure = _measure(data, source)
    income_line = _amounts(_get(data, "income_line", dict, "", source), "income_line", source)
    average_table = _opt(data, "average_line", dict, "", source)
    average_line = _amounts(average_table, "average_line", source) if average_table else None
    if average_line is not None:
        _average_above_line(income_line, average_line, source)
    valid_from = _get(data, "valid_from", date, "", source)
    valid_to = _opt(data, "valid_to", date, "", source)
    if valid_to is not None and valid_to < valid_from:
        raise StandardFileError(source, "valid_to", "earlier than valid_from")
    dimensions = _dimensions(data, source)
    score = _score(data, measure, source)
    return Standard(
        id=_get(data, "id", str, "", source),
        version=_positive(data, "version", "", source),
        name=_text(data, "name", "", source),
        legal_basis=_legal_basis(data, source),
        parent=_opt(data, "parent", str, "", source),
        measure=measure,
        valid_from=valid_from,
        valid_to=valid_to,
        income_line=income_line,
        average_line=average_line,
        indicators=_indicators(data, dimensions, source),
        deprivation_cutoff=_positive(data, "deprivation_cutoff", "", source),
        score=score,
        caveats=tuple(_texts(data, source)),
        source=source,
    )


def _measure(data: Raw, source: str) -> Measure:
    value = _get(data, "measure", str, "", source)
    for measure in MEASURES:
        if value == measure:
            return measure
    raise StandardFileError(source, "measure", f"{value!r} is not one of {', '.join(MEASURES)}")


def _amounts(table: Raw, key: str, source: str) -> AreaAmounts:
    _known(table, ("rural", "urban", "confirmed"), key, source)
    return AreaAmounts(
        rural=_positive(table, "rural", key, source),
        urban=_positive(table, "urban", key, source),
        confirmed=_opt(table, "confirmed", bool, key, source) is not False,
    )


def _average_above_line(line: AreaAmounts, average: AreaAmounts, source: str) -> None:
    for area in ("rural", "urban"):
        if average.for_area(area) <= line.for_area(area):
            raise StandardFileError(source, f"average_line.{area}", "must exceed income_line")


def _legal_basis(data: Raw, source: str) -> LegalBasis:
    table = _get(data, "legal_basis", dict, "", source)
    _known(table, ("code", "vi", "en", "confirmed"), "legal_basis", source)
    return LegalBasis(
        code=_get(table, "code", str, "legal_basis", source),
        title=_text_of(table, "legal_basis", source, only=False),
        confirmed=_opt(table, "confirmed", bool, "legal_basis", source) is not False,
    )


def _dimensions(data: Raw, source: str) -> dict[str, Dimension]:
    table = _get(data, "dimensions", dict, "", source)
    if not table:
        raise StandardFileError(source, "dimensions", "empty")
    return {key: Dimension(id=key, label=_text(table, key, "dimensions", source)) for key in table}


def _indicators(data: Raw, dims: Mapping[str, Dimension], source: str) -> tuple[Indicator, ...]:
    items = _get(data, "indicators", list, "", source)
    if not 0 < len(items) <= MAX_INDICATORS:
        raise StandardFileError(source, "indicators", f"need 1 to {MAX_INDICATORS} indicators")
    out = [_indicator(item, f"indicators[{n}]", dims, source) for n, item in enumerate(items)]
    seen: set[str] = set()
    for n, indicator in enumerate(out):
        if indicator.id in seen:
            raise StandardFileError(source, f"indicators[{n}].id", f"{indicator.id!r} repeated")
        seen.add(indicator.id)
    return tuple(out)


def _indicator(item: Any, where: str, dims: Mapping[str, Dimension], source: str) -> Indicator:
    if not isinstance(item, dict):
        raise StandardFileError(source, where, "must be a table")
    _known(item, ("id", "dimension", "label", "definition", "confirmed"), where, source)
    indicator_id = _get(item, "id", str, where, source)
    if not _INDICATOR_ID.match(indicator_id):
        raise StandardFileError(source, f"{where}.id", "use lower-case letters, digits and _")
    dimension = _get(item, "dimension", str, where, source)
    if dimension not in dims:
        raise StandardFileError(source, f"{where}.dimension", f"{dimension!r} not in dimensions")
    return Indicator(
        id=indicator_id,
        dimension=dims[dimension],
        label=_text(item, "label", where, source),
        definition=_text(item, "definition", where, source),
        confirmed=_get(item, "confirmed", bool, where, source),
    )


def _score(data: Raw, measure: Measure, source: str) -> ScoreForm | None:
    table = _opt(data, "score", dict, "", source)
    if measure == "income":
        if table is not None:
            raise StandardFileError(source, "score", "only for measure = 'score'")
        return None
    if table is None:
        raise StandardFileError(source, "score", "missing (measure = 'score')")
    _known(table, ("points_per_deprivation", "poor_min_points"), "score", source)
    return ScoreForm(
        points_per_deprivation=_positive(table, "points_per_deprivation", "score", source),
        poor_min_points=_positive(table, "poor_min_points", "score", source),
    )


def _texts(data: Raw, source: str) -> list[Text]:
    items = _opt(data, "caveats", list, "", source) or []
    return [_text_of(_table(item, f"caveats[{n}]", source), f"caveats[{n}]", source)
            for n, item in enumerate(items)]  # fmt: skip


def _text(table: Raw, key: str, where: str, source: str) -> Text:
    path = _path(where, key)
    return _text_of(_get(table, key, dict, where, source), path, source)


def _text_of(table: Raw, where: str, source: str, *, only: bool = True) -> Text:
    if only:
        _known(table, ("vi", "en"), where, source)
    return Text(vi=_get(table, "vi", str, where, source), en=_get(table, "en", str, where, source))


def _table(item: Any, where: str, source: str) -> Raw:
    if not isinstance(item, dict):
        raise StandardFileError(source, where, "must be a table")
    return item


def _positive(table: Raw, key: str, where: str, source: str) -> int:
    value = _get(table, key, int, where, source)
    if value <= 0:
        raise StandardFileError(
            source, _path(where, key), f"must be a positive integer, not {value}"
        )
    return value


def _get[T](table: Raw, key: str, kind: type[T], where: str, source: str) -> T:
    if key not in table:
        raise StandardFileError(source, _path(where, key), "missing")
    value = _opt(table, key, kind, where, source)
    assert value is not None
    return value


def _opt[T](table: Raw, key: str, kind: type[T], where: str, source: str) -> T | None:
    value = table.get(key)
    if value is None:
        return None
    wrong_bool = isinstance(value, bool) and kind is not bool
    if wrong_bool or not isinstance(value, kind) or (kind is date and _is_datetime(value)):
        shown = type(value).__name__
        raise StandardFileError(source, _path(where, key), f"expected {kind.__name__}, got {shown}")
    return value


def _is_datetime(value: object) -> bool:
    return isinstance(value, datetime)


def _known(table: Raw, allowed: tuple[str, ...], where: str, source: str) -> None:
    for key in table:
        if key not in allowed:
            raise StandardFileError(source, _path(where, key), "unknown key")


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
