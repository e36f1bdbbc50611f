import pytest

from giamngheo.domain.ethnicity import ETHNIC_GROUPS, ethnic_group_by_name


def test_fifty_four_groups_with_unique_codes_and_names() -> None:
    assert len(ETHNIC_GROUPS) == 54
    assert len({g.code for g in ETHNIC_GROUPS}) == 54
    assert len({g.name for g in ETHNIC_GROUPS}) == 54
    assert [g.code for g in ETHNIC_GROUPS][:3] == ["01", "02", "03"]


def test_only_kinh_is_not_a_minority() -> None:
    assert [g.name for g in ETHNIC_GROUPS if not g.is_minority] == ["Kinh"]


@pytest.mark.parametrize(
    ("name", "code"), [("Tày", "02"), ("nùng", "07"), ("H'Mông", "08"), ("Sán Chay", "15")]
)
def test_lookup_by_name(name: str, code: str) -> None:
    assert ethnic_group_by_name(name).code == code


def test_unknown_name_raises() -> None:
    with pytest.raises(KeyError):
        ethnic_group_by_name("Không có")
