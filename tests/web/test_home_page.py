import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_page_speaks_vietnamese_by_default(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    assert "Hệ thống quản lý giảm nghèo" in response.text


def test_language_switch_to_english(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert response.headers["Content-Language"] == "en"
    assert "Poverty reduction management system" in response.text


def test_security_headers(client: Client) -> None:
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
