"""The OpenAPI document in the repository matches the code, and the docs page works offline."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from ninja import Schema
from tests.api.api_support import API

from giamngheo.api import schemas
from giamngheo.api.schemas.households import HouseholdSort
from giamngheo.apps.registry.selectors import HOUSEHOLD_SORTS

COMMITTED = Path(__file__).resolve().parents[2] / "docs/api/openapi.json"


def test_the_committed_openapi_file_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "openapi.json"
    options = {"api": "giamngheo.api.urls.api", "indent": 2, "sort_keys": True}  # make openapi
    call_command("export_openapi_schema", output=str(fresh), **options)
    assert COMMITTED.exists(), "docs/api/openapi.json is missing: run `make openapi`"
    assert fresh.read_text().rstrip() == COMMITTED.read_text().rstrip(), (
        "docs/api/openapi.json is stale: run `make openapi` and commit the result"
    )


def test_operation_ids_are_unique_and_sorts_match_the_selector() -> None:
    schema = json.loads(COMMITTED.read_text())
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert set(get_args(HouseholdSort)) == set(HOUSEHOLD_SORTS)


def test_schema_class_names_are_unique() -> None:
    """OpenAPI components are keyed by class name: two schemas with one name would document
    one of them with the other's shape."""
    names: Counter[str] = Counter()
    for info in pkgutil.iter_modules(schemas.__path__):
        module = importlib.import_module(f"{schemas.__name__}.{info.name}")
        names.update(
            name for name, value in vars(module).items()
            if inspect.isclass(value) and issubclass(value, Schema)
            and value.__module__ == module.__name__
        )  # fmt: skip
    assert len(names) > 50
    assert [name for name, n in names.items() if n > 1] == []


@pytest.mark.django_db
def test_the_schema_and_docs_are_public_and_use_only_local_assets() -> None:
    client = Client()
    schema = client.get(f"{API}/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/households/search" in schema.json()["paths"]
    docs = client.get(f"{API}/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert not re.search(r"https?://", html), "the docs page must not load anything remote"
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"no local file for {asset}"
