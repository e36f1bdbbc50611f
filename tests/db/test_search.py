"""Search keys ignore case and Vietnamese diacritics, and the database computes exactly the
key Python computes (SQLite through the function our engine registers, PostgreSQL with
built-in functions), for Vietnamese text and for any other."""

from __future__ import annotations

import unicodedata

import pytest
from django.db.models import Value
from hypothesis import given, settings
from hypothesis import strategies as st

from giamngheo.apps.geo.models import Province
from giamngheo.db.search import SearchKey, search_key

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
# Scripts whose decompositions are the same in every Unicode version Python and PostgreSQL
# may use; no NUL (PostgreSQL text cannot hold it).
ANY_TEXT = st.text(
    st.characters(
        codec="utf-8",
        exclude_characters="\x00",
        include_characters=VIETNAMESE + VIETNAMESE.upper(),
        max_codepoint=0x04FF,
    ),
    max_size=24,
)


def _in_database(text: str) -> str:
    keys = Province.objects.annotate(key=SearchKey(Value(text))).values_list("key", flat=True)
    return keys[:1].get()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Đặng Văn A", "dang van a"),
        ("ĐINH THỊ HẰNG", "dinh thi hang"),
        ("Nguyễn Văn An", "nguyen van an"),
        ("Khối 1, Phường Đông Kinh", "khoi 1, phuong dong kinh"),
        ("Ưng Ứng Ửng Ựa Ơn Ờ", "ung ung ung ua on o"),
        ("HGD-000123", "hgd-000123"),
        ("Lò Thị Xuân 王 Ω", "lo thi xuan 王 Ω"),  # other letters kept as they are
    ],
)
def test_keys_ignore_case_and_diacritics(text: str, key: str) -> None:
    assert search_key(text) == key


def test_every_vietnamese_letter_folds_to_its_base_letter() -> None:
    bases = "a" * 18 + "e" * 12 + "i" * 6 + "o" * 18 + "u" * 12 + "y" * 6 + "d"
    assert search_key(VIETNAMESE) == search_key(VIETNAMESE.upper()) == bases


def test_decomposed_text_has_the_key_of_composed_text() -> None:
    composed = "Nguyễn Thị Đào"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert search_key(decomposed) == search_key(composed) == "nguyen thi dao"


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Đặng Văn A", "ĐINH", VIETNAMESE.upper(), "a\u0301\u0323b"])
def test_the_database_computes_the_same_key(text: str) -> None:
    assert _in_database(text) == search_key(text)
    assert _in_database(unicodedata.normalize("NFD", text)) == search_key(text)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None)
@given(text=ANY_TEXT)
def test_the_database_computes_the_same_key_for_any_text(text: str) -> None:
    assert _in_database(text) == search_key(text)


@pytest.mark.django_db
def test_a_null_has_no_key() -> None:
    keys = Province.objects.annotate(key=SearchKey(Value(None))).values_list("key", flat=True)
    assert keys[:1].get() is None
