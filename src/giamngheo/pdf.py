"""HTML to PDF with WeasyPrint, imported only when a PDF is made.

WeasyPrint needs the system's Pango text library. When it cannot be loaded,
:func:`pdf_from_html` raises :class:`PdfUnavailableError` naming the missing library, so a page
can answer 503 and say so instead of failing.
"""

from __future__ import annotations

import re
from typing import Any

_LIBRARY = re.compile(r"cannot load library '([^']+)'")


class PdfUnavailableError(RuntimeError):
    """WeasyPrint could not load a system library (``library``: its name)."""

    def __init__(self, library: str) -> None:
        super().__init__(library)
        self.library = library


def pdf_from_html(html: str) -> bytes:
    return weasyprint_load().HTML(string=html).write_pdf()


def weasyprint_load() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except OSError as error:  # a system library (Pango) is missing
        raise PdfUnavailableError(missing_library(error)) from error
    return weasyprint


def missing_library(error: BaseException) -> str:
    found = _LIBRARY.search(str(error))
    return found.group(1) if found else "Pango (libpango-1.0)"
