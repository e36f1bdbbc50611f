"""Tables with search, sort and paging, rendered whole or as an HTMX partial.

The search text travels in the POST body, never in the URL (it may be a person's name);
sort and page are plain form fields, so the same form works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise

PAGE_SIZE = 25


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    label: str | Promise
    sort: str = ""  # ascending sort key; descending is "-" + key; "" = not sortable
    numeric: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class TableQuery:
    text: str
    sort: str
    page: int


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderCell:
    label: str | Promise
    numeric: bool
    next_sort: str  # what clicking the header asks for ("" = not sortable)
    direction: str  # "ascending" | "descending" | "none" (aria-sort)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    headers: list[HeaderCell]
    page: Page[Any]
    query: TableQuery
    row_template: str


def table_query(request: HttpRequest, *, default_sort: str) -> TableQuery:
    """Search text from the POST body only; sort and page from the body or the query string."""
    data = request.POST if request.method == "POST" else request.GET
    text = request.POST.get("q", "")[:100] if request.method == "POST" else ""
    page = data.get("page", "1")
    return TableQuery(
        text=text.strip(),
        sort=data.get("sort") or data.get("current_sort") or default_sort,
        page=int(page) if page.isdigit() else 1,
    )


def table_build(
    *, rows: QuerySet[Any], columns: list[Column], query: TableQuery, row_template: str
) -> Table:
    page = Paginator(rows, PAGE_SIZE).get_page(query.page)
    return Table(
        headers=[_header(c, query.sort) for c in columns],
        page=page,
        query=query,
        row_template=row_template,
    )


def _header(column: Column, sort: str) -> HeaderCell:
    if not column.sort:
        return HeaderCell(
            label=column.label, numeric=column.numeric, next_sort="", direction="none"
        )
    direction = {column.sort: "ascending", f"-{column.sort}": "descending"}.get(sort, "none")
    next_sort = f"-{column.sort}" if direction == "ascending" else column.sort
    return HeaderCell(
        label=column.label, numeric=column.numeric, next_sort=next_sort, direction=direction
    )


def table_render(
    request: HttpRequest, template: str, *, table: Table, context: dict[str, Any]
) -> HttpResponse:
    """The whole page, or only the table when HTMX asks for it."""
    if request.headers.get("HX-Request") and not request.headers.get("HX-Boosted"):
        return render(request, "web/partials/table.html", {"table": table, **context})
    return render(request, template, {"table": table, **context})
