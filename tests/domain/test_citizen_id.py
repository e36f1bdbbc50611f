import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamngheo.domain.citizen_id import (
    PROVINCE_PREFIXES,
    CitizenIdError,
    Sex,
    citizen_id_compose,
    citizen_id_parse,
    citizen_id_validate,
)


def test_the_63_pre_2025_provinces_are_valid_prefixes() -> None:
    assert len(PROVINCE_PREFIXES) == 63


def test_parse_reads_province_sex_and_year() -> None:
    parts = citizen_id_parse("020301123456")
    assert (parts.province_code, parts.sex, parts.birth_year, parts.serial) == (
        20,
        "female",
        2001,
        "123456",
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("02019012345", "12 chữ số"),
        ("0201901234567", "12 chữ số"),
        ("02019012345a", "12 chữ số"),
        ("003190123456", "mã tỉnh 003"),
        ("099190123456", "mã tỉnh 099"),
    ],
)
def test_malformed_ids_are_refused_with_a_reason(value: str, reason: str) -> None:
    with pytest.raises(CitizenIdError, match=reason):
        citizen_id_parse(value)


def test_sex_and_birth_year_must_agree() -> None:
    citizen_id_validate("020090123456", sex="male", birth_on=dt.date(1990, 1, 1))
    with pytest.raises(CitizenIdError, match="giới tính"):
        citizen_id_validate("020090123456", sex="female")
    with pytest.raises(CitizenIdError, match="năm sinh"):
        citizen_id_validate("020090123456", birth_on=dt.date(1991, 1, 1))


@given(
    province=st.sampled_from(sorted(PROVINCE_PREFIXES)),
    sex=st.sampled_from(["male", "female"]),
    year=st.integers(1800, 2299),
    serial=st.integers(0, 999_999),
)
def test_compose_then_parse_round_trips(province: int, sex: Sex, year: int, serial: int) -> None:
    value = citizen_id_compose(province_code=province, sex=sex, birth_year=year, serial=serial)
    parts = citizen_id_parse(value)
    assert (parts.province_code, parts.sex, parts.birth_year, int(parts.serial)) == (
        province,
        sex,
        year,
        serial,
    )
