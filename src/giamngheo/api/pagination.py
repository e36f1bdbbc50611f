"""Page-number pagination, the same for query strings (``GET``) and JSON bodies (search)."""

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from ninja import Field, Schema

MAX_PAGE_SIZE = 200


class PageIn(Schema):
    page: int = Field(1, ge=1, description="1-based page number")
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="rows per page")


class PageOut(Schema):
    """A page's position; subclasses add ``items``."""

    count: int = Field(description="rows on all pages")
    page: int
    page_size: int
    pages: int = Field(description="number of pages (0 when there are no rows)")


def page_of[M: Model](
    rows: QuerySet[M], where: PageIn, render: Callable[[M], Any]
) -> dict[str, Any]:
    """One page of ``rows`` (already in a stable order), each row rendered; a page past the
    end is empty."""
    start = (where.page - 1) * where.page_size
    count = rows.count()
    return {
        "items": [render(row) for row in rows[start : start + where.page_size]],
        "count": count,
        "page": where.page,
        "page_size": where.page_size,
        "pages": -(-count // where.page_size),
    }
