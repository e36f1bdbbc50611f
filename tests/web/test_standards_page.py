import pytest
from django.test import Client

from giamngheo.domain.standards import standards_all

pytestmark = pytest.mark.django_db


def test_standards_page_lists_every_standard_with_lines_and_definitions(client: Client) -> None:
    response = client.get("/chuan-ngheo/")
    assert response.status_code == 200
    for standard in standards_all():
        assert standard.label in response.text
        assert standard.indicators[0].definition.vi in response.text
    assert "1.500.000" in response.text
    assert "2.100.000" in response.text
    assert "13/2023/NQ-HĐND" in response.text
    assert "chưa xác nhận" in response.text


def test_standards_page_in_english(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/chuan-ngheo/")
    assert standards_all()[0].name.en in response.text
