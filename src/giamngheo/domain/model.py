"""Values that describe a poverty standard (chuẩn nghèo). Pure Python: no Django, no Polars.

A :class:`Standard` is built from one TOML file under ``giamngheo/standards`` by
:mod:`giamngheo.domain.standard_loader`; every result it produces names ``id`` and ``version``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

Area = Literal["rural", "urban"]
Status = Literal["poor", "near_poor", "average", "not_poor"]
Measure = Literal["income", "score"]
Lang = Literal["vi", "en"]

AREAS: tuple[Area, ...] = ("rural", "urban")
STATUSES: tuple[Status, ...] = ("poor", "near_poor", "average", "not_poor")
MEASURES: tuple[Measure, ...] = ("income", "score")
MEASURE_COLUMNS: dict[Measure, str] = {"income": "income", "score": "income_score"}
DEP_PREFIX = "dep_"


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """A text in Vietnamese and English."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaAmounts:
    """One amount per area: VND per person per month, or income-score points."""

    rural: int
    urban: int
    confirmed: bool = True

    def for_area(self, area: Area) -> int:
        """The amount that applies in ``area``."""
        return self.rural if area == "rural" else self.urban


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalBasis:
    """The instrument a standard comes from, e.g. ``07/2021/NĐ-CP``."""

    code: str
    title: Text
    confirmed: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Dimension:
    """A service dimension (dịch vụ xã hội cơ bản) grouping indicators."""

    id: str
    label: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    """A deprivation indicator (chỉ số thiếu hụt); input column ``dep_<id>``."""

    id: str
    dimension: Dimension
    label: Text
    definition: Text
    confirmed: bool

    @property
    def column(self) -> str:
        """The survey-table column holding this indicator's 0/1 flag."""
        return DEP_PREFIX + self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreForm:
    """TT07 score form: points per deprived indicator and the poor threshold on points."""

    points_per_deprivation: int
    poor_min_points: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Standard:
    """A versioned poverty standard: income lines, indicators and the deprivation cut-off.

    With ``measure == "income"`` the lines are VND per person per month and the input column is
    ``income``; with ``measure == "score"`` they are income-score points (điểm A) read from
    ``income_score`` and the deprivation rule is stated in points (``score``).
    """

    id: str
    version: int
    name: Text
    legal_basis: LegalBasis
    parent: str | None
    measure: Measure
    valid_from: date
    valid_to: date | None
    income_line: AreaAmounts
    average_line: AreaAmounts | None
    indicators: tuple[Indicator, ...]
    deprivation_cutoff: int
    score: ScoreForm | None
    caveats: tuple[Text, ...]
    source: str

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        """Indicator ids in the standard's order."""
        return tuple(i.id for i in self.indicators)

    @property
    def dep_columns(self) -> tuple[str, ...]:
        """The ``dep_<id>`` input columns this standard reads."""
        return tuple(i.column for i in self.indicators)

    @property
    def measure_column(self) -> str:
        """``income`` or ``income_score``."""
        return MEASURE_COLUMNS[self.measure]

    @property
    def min_deprivations(self) -> int:
        """Smallest number of deprived indicators that makes an income-poor household poor."""
        if self.score is None:
            return self.deprivation_cutoff
        return math.ceil(self.score.poor_min_points / self.score.points_per_deprivation)

    @property
    def confirmed(self) -> bool:
        """True when every value is confirmed against the legal text and no caveat is open."""
        parts = [self.legal_basis.confirmed, self.income_line.confirmed]
        parts += [i.confirmed for i in self.indicators]
        if self.average_line is not None:
            parts.append(self.average_line.confirmed)
        return all(parts) and not self.caveats

    @property
    def label(self) -> str:
        """``id@vN``, the name stored with every result."""
        return f"{self.id}@v{self.version}"

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with ``indicator_id``; KeyError when the standard has none."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)
