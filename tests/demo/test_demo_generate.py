"""Shape, codes, people and determinism of the demo-province generator."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from vietnam_provinces import ProvinceCode, Ward

from giamngheo.demo import DemoData, demo_generate, demo_province_code
from giamngheo.domain.citizen_id import citizen_id_validate

LANG_SON = 20
YEARS = range(2021, 2026)

S, I16, I32, I64, B, D = pl.String(), pl.Int16(), pl.Int32(), pl.Int64(), pl.Boolean(), pl.Date()
DEPS = [
    "dep_employment", "dep_dependants", "dep_nutrition", "dep_health_insurance",
    "dep_adult_education", "dep_school_attendance", "dep_housing_quality", "dep_housing_area",
    "dep_water", "dep_latrine", "dep_telecom", "dep_information_access",
]  # fmt: skip
EXPECTED_SCHEMAS = {
    "wards": {"ward_code": I32, "area": S, "ethnic_minority_mountainous": B, "border": B,
              "extremely_difficult": B, "poor_commune": B},
    "villages": {"ward_code": I32, "code": S, "name": S, "remote": B},
    "households": {"code": S, "village_code": S, "ward_code": I32, "area": S, "address": S,
                   "ethnicity_code": S},
    "members": {"household_code": S, "member_no": I16, "full_name": S, "sex": S, "birth_on": D,
                "citizen_id": S, "relation": S, "ethnicity_code": S, "disability": B,
                "social_allowance": B, "schooling": S, "in_school": B, "work_status": S},
    "surveys": {"household_code": S, "year": I16, "kind": S, "surveyed_on": D, "income": I64,
                **dict.fromkeys(DEPS, B), "dep_waste": B, "wall_material": S,
                "column_material": S, "roof_material": S, "floor_area_m2": I32,
                "water_source": S, "latrine_type": S, "internet_use": B, "devices": S,
                "waste_handling": S},
}  # fmt: skip
VOCABULARIES = {
    ("households", "area"): {"rural", "urban"},
    ("members", "sex"): {"male", "female"},
    ("members", "relation"): {"head", "spouse", "child", "parent", "grandchild", "sibling",
                              "other"},
    ("members", "schooling"): {"none", "primary", "lower_secondary", "upper_secondary",
                               "vocational", "higher"},
    ("members", "work_status"): {"working", "unemployed", "informal_no_contract", "student",
                                 "retired", "unable", "child"},
    ("surveys", "kind"): {"periodic"},
    ("surveys", "wall_material"): {"durable", "non_durable"},
    ("surveys", "water_source"): {"piped", "drilled_well", "protected_dug_well",
                                  "protected_spring", "rainwater", "bottled", "unprotected_well",
                                  "unprotected_spring", "surface_water"},
    ("surveys", "latrine_type"): {"septic", "semi_septic", "pour_flush", "double_vault",
                                  "pit_open", "none"},
    ("surveys", "waste_handling"): {"collected", "own_treatment", "dumped"},
}  # fmt: skip


def share(mask: pl.Series) -> float:
    """Share of true values."""
    return float(mask.sum()) / mask.len()


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_generate(province_code=LANG_SON, households=5_000, years=YEARS, seed=7)


@pytest.mark.parametrize("table", list(EXPECTED_SCHEMAS))
def test_schema_is_exact(data: DemoData, table: str) -> None:
    assert dict(getattr(data, table).schema) == EXPECTED_SCHEMAS[table]


@pytest.mark.parametrize(("table", "column"), list(VOCABULARIES))
def test_values_come_from_the_vocabulary(data: DemoData, table: str, column: str) -> None:
    values = set(getattr(data, table)[column].unique().to_list())
    assert values <= VOCABULARIES[(table, column)]


def test_no_nulls_except_citizen_ids(data: DemoData) -> None:
    for table in EXPECTED_SCHEMAS:
        frame = getattr(data, table).drop("citizen_id", strict=False)
        assert frame.null_count().sum_horizontal().item() == 0, table


def test_same_seed_same_data_other_seed_other_data() -> None:
    def make(seed: int) -> DemoData:
        return demo_generate(province_code=LANG_SON, households=800, years=YEARS, seed=seed)

    first, again, other = make(3), make(3), make(4)
    for table in EXPECTED_SCHEMAS:
        assert getattr(first, table).equals(getattr(again, table)), table
    assert not first.members.equals(other.members)


def test_province_lookup() -> None:
    assert demo_province_code("Lạng Sơn") == LANG_SON
    assert demo_province_code("Tỉnh Lạng Sơn") == LANG_SON
    assert demo_province_code("lang son") == LANG_SON
    with pytest.raises(KeyError):
        demo_province_code("Atlantis")


def test_every_real_commune_and_only_those(data: DemoData) -> None:
    real = {
        int(w.code): w.division_type.value for w in Ward.iter_by_province(ProvinceCode(LANG_SON))
    }
    assert set(data.wards["ward_code"].to_list()) == set(real)
    area = dict(data.wards.select("ward_code", "area").iter_rows())
    assert all(area[c] == ("urban" if real[c] == "phường" else "rural") for c in real)
    assert set(data.households["ward_code"].unique().to_list()) <= set(real)
    xa = data.wards.filter(pl.col("area") == "rural")
    assert xa["ethnic_minority_mountainous"].all()


def test_villages_per_commune_and_names(data: DemoData) -> None:
    v = data.villages.join(data.wards.select("ward_code", "area"), on="ward_code")
    per_commune = v.group_by("ward_code").len()["len"]
    assert per_commune.is_between(20, 35).all()
    assert v["code"].is_unique().all()
    assert v["code"].str.contains(r"^\d{5}-\d{3}$").all()
    rural = v.filter(pl.col("area") == "rural")["name"]
    urban = v.filter(pl.col("area") == "urban")["name"]
    assert rural.str.contains(r"^(Thôn|Bản) ").all()
    assert urban.str.contains(r"^(Khối|Tổ dân phố) \d+$").all()
    assert v.group_by("ward_code").agg(pl.col("name").is_unique().all())["name"].all()


def test_household_codes_addresses_and_area(data: DemoData) -> None:
    h = data.households.join(
        data.villages.select(pl.col("code").alias("village_code"), "name", "ward_code"),
        on=["village_code", "ward_code"],
    ).join(data.wards.select("ward_code", pl.col("area").alias("ward_area")), on="ward_code")
    assert h.height == data.households.height == 5_000
    assert h["code"].is_unique().all()
    assert (h["code"].str.slice(0, 9) == h["village_code"]).all()
    assert (h["area"] == h["ward_area"]).all()
    prefix = h["address"].str.slice(0, h["name"].str.len_chars() + 2)
    assert (prefix == h["name"] + ", ").all()
    assert h["address"].str.contains(r", (Xã|Phường|Đặc khu) ").all()
    assert h["ethnicity_code"].str.contains(r"^\d\d$").all()
    assert share(h["area"] == "rural") > 0.7


def test_ethnic_mix_of_lang_son(data: DemoData) -> None:
    share = dict(data.members["ethnicity_code"].value_counts(normalize=True).iter_rows())
    for code, expected in {"07": 0.42, "02": 0.35, "01": 0.16, "09": 0.035}.items():
        assert share[code] == pytest.approx(expected, abs=0.04), code
    heads = data.members.filter(pl.col("relation") == "head").select(
        "household_code", "ethnicity_code"
    )
    assert (
        heads.rename({"household_code": "code"})
        .sort("code")
        .equals(data.households.select("code", "ethnicity_code").sort("code"))
    )


def test_household_sizes_and_heads(data: DemoData) -> None:
    sizes = data.members.group_by("household_code").agg(
        pl.len().alias("size"),
        (pl.col("relation") == "head").sum().alias("heads"),
        (pl.col("member_no").max() == pl.len()).alias("numbered"),
        pl.col("relation").filter(pl.col("member_no") == 1).first().alias("first"),
    )
    assert sizes.height == data.households.height
    assert sizes["size"].is_between(1, 9).all()
    assert float(sizes["size"].sum()) / sizes.height == pytest.approx(3.8, abs=0.25)
    assert (sizes["heads"] == 1).all()
    assert sizes["numbered"].all()
    assert (sizes["first"] == "head").all()


def _ages(data: DemoData) -> pl.DataFrame:
    last = data.surveys.filter(pl.col("year") == YEARS[-1]).select("household_code", "surveyed_on")
    return data.members.join(last, on="household_code").with_columns(
        ((pl.col("surveyed_on") - pl.col("birth_on")).dt.total_days() / 365.25).alias("age")
    )


def test_ages_are_plausible(data: DemoData) -> None:
    ages = _ages(data)["age"]
    assert ages.is_between(0, 100, closed="left").all()
    assert 0.18 < share(ages < 16) < 0.32
    assert 0.07 < share(ages >= 60) < 0.18
    heads = _ages(data).filter(pl.col("relation").is_in(["head", "spouse"]))["age"]
    assert (heads >= 18 - 1 / 365).all()


def test_children_born_to_mothers_aged_17_to_45(data: DemoData) -> None:
    ages = _ages(data)
    mothers = ages.filter(
        pl.col("relation").is_in(["head", "spouse"]) & (pl.col("sex") == "female")
    ).select("household_code", pl.col("birth_on").alias("mother_born"))
    children = ages.filter(pl.col("relation") == "child").join(mothers, on="household_code")
    at_birth = (children["birth_on"] - children["mother_born"]).dt.total_days() / 365.25
    assert children.height > 1_000
    assert at_birth.is_between(17 - 2 / 365, 45 + 2 / 365).all()


def test_spouses_of_similar_age(data: DemoData) -> None:
    couples = (
        data.members.filter(pl.col("relation").is_in(["head", "spouse"]))
        .group_by("household_code")
        .agg(pl.col("birth_on").max() - pl.col("birth_on").min(), pl.len())
        .filter(pl.col("len") == 2)
    )
    gap = couples["birth_on"].dt.total_days() / 365.25
    assert share(gap <= 10) > 0.95


def test_citizen_ids_unique_valid_and_about_ninety_percent(data: DemoData) -> None:
    ids = data.members.filter(pl.col("citizen_id").is_not_null())
    assert 0.85 < ids.height / data.members.height < 0.95
    assert ids["citizen_id"].is_unique().all()
    assert ids["citizen_id"].str.contains(r"^020\d{9}$").all()
    for citizen_id, sex, born in ids.select("citizen_id", "sex", "birth_on").iter_rows():
        citizen_id_validate(citizen_id, sex=sex, birth_on=born)


def test_full_names_have_diacritics_and_three_parts(data: DemoData) -> None:
    names = data.members["full_name"]
    assert (names.str.split(" ").list.len() >= 3).all()
    assert share(names.str.contains(r"[^\x00-\x7F]")) > 0.8
    assert names.str.starts_with("Hoàng ").any()
    assert names.str.starts_with("Nông ").any()


def test_one_survey_per_household_and_year_in_the_review_window(data: DemoData) -> None:
    s = data.surveys
    assert s.height == data.households.height * len(YEARS)
    assert s.select("household_code", "year").is_unique().all()
    window = s.select(
        (pl.col("surveyed_on") >= pl.date(pl.col("year"), 9, 1))
        & (pl.col("surveyed_on") <= pl.date(pl.col("year"), 12, 14))
    )
    assert window.to_series().all()
    assert (s["income"] >= 0).all()


def test_incomes_grow_and_are_higher_in_wards(data: DemoData) -> None:
    s = data.surveys.join(
        data.households.select(pl.col("code").alias("household_code"), "area"), on="household_code"
    )
    median = s.group_by("year").agg(pl.col("income").median()).sort("year")["income"]
    assert median.is_sorted()
    assert median[0] < median[-1]
    by_area = dict(s.group_by("area").agg(pl.col("income").median()).iter_rows())
    assert by_area["urban"] > by_area["rural"]


def test_rejects_an_unknown_province() -> None:
    with pytest.raises(KeyError):
        demo_generate(province_code=999, households=10, years=YEARS, seed=1)


def test_small_run_and_single_year() -> None:
    data = demo_generate(province_code=LANG_SON, households=50, years=range(2025, 2026), seed=1)
    assert data.surveys.height == 50
    assert (data.surveys["surveyed_on"] >= dt.date(2025, 9, 1)).all()
