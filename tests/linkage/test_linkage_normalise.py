"""Vietnamese-aware name, ID and commune normalisation."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from giamngheo.linkage.normalise import communes_resolve, name_keys, person_features


def test_folding_drops_diacritics_and_d_stroke() -> None:
    assert name_keys("Đỗ Thị Hường")["name_fold"] == "do thi huong"
    assert name_keys("ĐỖ THỊ HƯỜNG")["name_fold"] == "do thi huong"


def test_tone_mark_placement_folds_to_one_form_but_marks_keep_tones() -> None:
    assert name_keys("Nguyễn Thị Thủy")["name_fold"] == name_keys("Nguyen Thi Thuỷ")["name_fold"]
    assert name_keys("Hoàng Thị Hương")["name_marks"] != name_keys("Hoàng Thị Hường")["name_marks"]


def test_name_order_and_initials() -> None:
    full, swapped, initial = (name_keys(n) for n in ("Hoàng Thị Hương", "Hương Hoàng Thị",
                                                     "Hoàng T. Hương"))  # fmt: skip
    assert full["name_sorted"] == swapped["name_sorted"]
    assert initial["surname_given"] == full["surname_given"] == "hoang huong"
    assert initial["name_words"] == ["hoang", "huong"]


@pytest.mark.parametrize(
    ("one", "other"),
    [("Lý Thị Mỹ", "Lí Thị Mĩ"), ("Trần Văn Sinh", "Chần Văn Xinh"),
     ("Nông Văn Lan", "Nông Văn Lang"), ("Giang Văn Dũng", "Dang Văn Rũng"),
     ("Nguyễn Văn Lâm", "Nguyễn Văn Nâm")],
)  # fmt: skip
def test_spelling_variants_share_a_sound_key(one: str, other: str) -> None:
    assert name_keys(one)["name_sound"] == name_keys(other)["name_sound"]
    assert name_keys(one)["name_fold"] != name_keys(other)["name_fold"]


def test_ids_split_by_length_and_year_only_dates() -> None:
    people = pl.DataFrame(
        {"record_id": [1, 2, 3], "full_name": ["A B", "C D", "E F"],
         "birth_on": [dt.date(1990, 5, 17), None, None], "birth_year": [None, 1980, None],
         "id_number": ["020 190 123 456", "012345678", ""], "sex": ["female", None, None],
         "commune_codes": [["05977"], None, None], "village": ["Thôn Nà Pàn", None, None],
         "source": ["registry"] * 3},
        schema_overrides={"birth_year": pl.Int32},
    )  # fmt: skip
    features = person_features(people).collect()
    assert features["id12"].to_list() == ["020190123456", None, None]
    assert features["id_old"].to_list() == [None, "012345678", None]
    assert features["birth_year"].to_list() == [1990, 1980, None]
    assert features["village_fold"][0] == "thon na pan"


def test_communes_resolve_maps_old_names_to_their_successors() -> None:
    lookup = {"xa cu": ["00001", "00002"], "00003": ["00003"]}
    texts = pl.Series(["Xã Cũ", "00003", "không rõ"])
    resolved = communes_resolve(texts, lookup).to_list()
    assert resolved == [["00001", "00002"], ["00003"], None]
