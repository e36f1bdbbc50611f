"""Standards as data: the shipped files, inheritance, and validation errors naming file + key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from giamngheo.domain.standards import (
    STANDARDS_DIR,
    StandardFileError,
    StandardNotFoundError,
    standard_get,
    standards_all,
    standards_load,
)

IDS_2022 = (
    "employment", "dependants", "nutrition", "health_insurance", "adult_education",
    "school_attendance", "housing_quality", "housing_area", "water", "latrine", "telecom",
    "information_access",
)  # fmt: skip


def test_shipped_standards_are_listed_by_id() -> None:
    ids = [s.id for s in standards_all()]
    assert ids == ["quangninh-2023-2025", "vn-2022-2025", "vn-2022-2025-score", "vn-2026-2030"]


def test_decree_07_lines_band_and_indicators() -> None:
    s = standard_get("vn-2022-2025")
    assert (s.income_line.rural, s.income_line.urban) == (1_500_000, 2_000_000)
    assert s.average_line is not None
    assert (s.average_line.rural, s.average_line.urban) == (2_250_000, 3_000_000)
    assert s.indicator_ids == IDS_2022
    assert s.deprivation_cutoff == 3
    assert s.valid_to == date(2026, 12, 31)
    assert s.legal_basis.code == "07/2021/NĐ-CP"


def test_decree_351_drops_information_access_adds_waste_and_has_no_band() -> None:
    s = standard_get("vn-2026-2030")
    assert (s.income_line.rural, s.income_line.urban) == (2_200_000, 2_800_000)
    assert s.average_line is None
    assert set(s.indicator_ids) == (set(IDS_2022) - {"information_access"}) | {"waste"}
    assert len(s.indicators) == 12
    assert not s.indicator("waste").confirmed
    assert s.valid_from == date(2027, 1, 1)
    assert any("2027" in c.vi for c in s.caveats)


def test_quang_ninh_overrides_lines_and_inherits_the_rest() -> None:
    qn, central = standard_get("quangninh-2023-2025"), standard_get("vn-2022-2025")
    assert qn.parent == "vn-2022-2025"
    assert (qn.income_line.rural, qn.income_line.urban) == (2_100_000, 2_600_000)
    assert qn.indicators == central.indicators
    assert qn.average_line == central.average_line
    assert qn.deprivation_cutoff == central.deprivation_cutoff
    assert len(qn.caveats) == len(central.caveats) + 1  # caveats accumulate


def test_score_form_variant() -> None:
    s = standard_get("vn-2022-2025-score")
    assert s.measure == "score"
    assert s.measure_column == "income_score"
    assert (s.income_line.rural, s.income_line.urban) == (140, 175)
    assert s.score is not None
    assert (s.score.points_per_deprivation, s.score.poor_min_points) == (10, 30)
    assert s.min_deprivations == 3
    assert s.average_line is None  # dropped from the parent


def test_unconfirmed_values_are_marked() -> None:
    s = standard_get("vn-2022-2025")
    assert not s.indicator("telecom").confirmed
    assert s.indicator("nutrition").confirmed
    assert not s.confirmed


def test_unknown_id_raises_not_found() -> None:
    with pytest.raises(StandardNotFoundError, match="vn-1999"):
        standard_get("vn-1999")


def _copy(tmp_path: Path, *names: str) -> None:
    for name in names:
        (tmp_path / name).write_text((STANDARDS_DIR / name).read_text(encoding="utf-8"))


def _edit(tmp_path: Path, name: str, old: str, new: str) -> None:
    path = tmp_path / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BASE = "vn-2022-2025.toml"
QN = "quangninh-2023-2025.toml"


@pytest.mark.parametrize(
    ("name", "old", "new", "key"),
    [
        (BASE, "deprivation_cutoff = 3", "deprivation_cutoff = 3\ncolour = 1", "colour"),
        (BASE, "rural = 1_500_000", "rural = 0", "income_line.rural"),
        (BASE, "rural = 1_500_000", "rural = -1", "income_line.rural"),
        (BASE, "rural = 1_500_000", "rural = 1.5", "income_line.rural"),
        (BASE, "rural = 1_500_000", "rural = true", "income_line.rural"),
        (BASE, "rural = 1_500_000", 'rural = "1500000"', "income_line.rural"),
        (BASE, "rural = 1_500_000\n", "", "income_line.rural"),
        (BASE, "version = 1", 'version = "1"', "version"),
        (BASE, "version = 1\n", "", "version"),
        (BASE, 'measure = "income"', 'measure = "wealth"', "measure"),
        (BASE, "valid_to = 2026-12-31", "valid_to = 2020-12-31", "valid_to"),
        (BASE, "rural = 2_250_000", "rural = 1_000_000", "average_line.rural"),
        (BASE, 'dimension = "health"', 'dimension = "wellbeing"', "indicators[2].dimension"),
        (BASE, 'id = "dependants"', 'id = "employment"', "indicators[1].id"),
        (BASE, "confirmed = true\n\n[[indicators]]\nid = \"health_insurance\"",
         "\n[[indicators]]\nid = \"health_insurance\"", "indicators[2].confirmed"),
        (BASE, 'id = "vn-2022-2025"', 'id = "vn-2022"', "id"),
        (QN, 'parent = "vn-2022-2025"', 'parent = "vn-2099"', "parent"),
        (QN, 'parent = "vn-2022-2025"', 'parent = "vn-2022-2025"\ndrop = ["indicators"]', "drop"),
        (QN, "[income_line]", "[income_line]\nsuburban = 1", "income_line.suburban"),
    ],
)  # fmt: skip
def test_bad_file_names_file_and_key(
    tmp_path: Path, name: str, old: str, new: str, key: str
) -> None:
    _copy(tmp_path, BASE, QN)
    _edit(tmp_path, name, old, new)
    with pytest.raises(StandardFileError) as caught:
        standards_load(tmp_path)
    assert caught.value.source == name
    assert caught.value.key == key
    assert str(caught.value).startswith(f"{name}: {key}: ")


def test_parent_cycle_is_reported(tmp_path: Path) -> None:
    _copy(tmp_path, BASE, QN)
    _edit(
        tmp_path, BASE, 'measure = "income"', 'measure = "income"\nparent = "quangninh-2023-2025"'
    )
    with pytest.raises(StandardFileError, match="cycle"):
        standards_load(tmp_path)


def test_toml_syntax_error_names_file(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("id = \n", encoding="utf-8")
    with pytest.raises(StandardFileError, match=r"^broken\.toml: "):
        standards_load(tmp_path)


def test_a_province_file_loads_from_its_own_directory(tmp_path: Path) -> None:
    _copy(tmp_path, BASE, QN)
    loaded = standards_load(tmp_path)
    assert loaded["quangninh-2023-2025"] == standard_get("quangninh-2023-2025")
