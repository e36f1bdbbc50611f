"""Publishing a rule from the page: a bad text is refused with its position marked; a good
one publishes the next version; other roles do not find the page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.apps.programmes.programmes_support import commune_officer, province_officer
from tests.factories import session_client

from giamngheo.apps.programmes.models import EligibilityRule

pytestmark = pytest.mark.django_db


def test_a_rule_is_published_and_a_bad_one_shows_where_it_fails() -> None:
    client = session_client(province_officer())
    url = reverse("web:programmes-rule-publish")
    data = {"code": "ho-ngheo", "name": "Hộ nghèo", "standard_id": "vn-2022-2025"}
    page = client.post(url, data | {"expression": 'status == "poor" and deprivations >> 2'})
    text = page.content.decode()
    assert "Vị trí 36" in text
    assert '<pre class="mono" id="rule-error-at">' in text
    assert "<mark>&gt;</mark>" in text
    assert not EligibilityRule.objects.exists()
    for _ in range(2):
        done = client.post(url, data | {"expression": 'status == "poor"'})
        assert done.status_code == 302
    assert list(EligibilityRule.objects.values_list("version", flat=True).order_by("version")) == [
        1,
        2,
    ]
    assert session_client(commune_officer()).get(url).status_code == 404
