"""Sessions end after an hour idle and at browser close; personal data never reaches the logs."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from tests.factories import UserFactory, households_in_four_places

pytestmark = pytest.mark.django_db


def test_a_session_expires_after_an_hour_idle_and_at_browser_close() -> None:
    UserFactory(username="canbo")
    client = Client()
    response = client.post("/dang-nhap/", {"username": "canbo", "password": "mat-khau-thu"})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == 3600
    assert client.session.get_expire_at_browser_close()
    assert not response.cookies["sessionid"]["expires"]  # a browser-session cookie
    assert response.cookies["sessionid"]["httponly"]


def test_searches_and_failures_write_no_personal_data_to_the_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    households_in_four_places()
    officer = UserFactory()
    client = Client()
    client.force_login(officer)
    with caplog.at_level(logging.DEBUG):
        client.post("/ho/", {"q": "Hoàng Thị home"})
        client.post("/api/v1/households/search", {"text": "Hoàng Thị far"},
                    content_type="application/json")  # fmt: skip
        client.get("/ho/999999/")  # a 404, logged by Django with its path
        client.post("/dang-nhap/", {"username": "Hoàng Thị home", "password": "sai"})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Hoàng" not in logged
    assert "/ho/999999/" in logged  # the logs do work: the 404 is there
