"""The ledger as an Excel workbook (XlsxWriter): one row per entry, with its hash."""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter
from django.db.models import QuerySet

from giamngheo.apps.funds.choices import AccountKind, TransactionKind
from giamngheo.apps.funds.models import LedgerEntry

HEADERS = (
    "Số TT", "Ngày hạch toán", "Giao dịch", "Loại giao dịch", "Diễn giải", "Nguồn vốn",
    "Tài khoản", "Nợ (đồng)", "Có (đồng)", "Mã băm trước", "Mã băm",
)  # fmt: skip
WIDTHS = (8, 14, 10, 20, 50, 30, 28, 18, 18, 20, 20)


def ledger_xlsx(entries: QuerySet[LedgerEntry]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Sổ cái")
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0"})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, HEADERS, bold)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    rows = entries.select_related("transaction", "account__source").order_by("seq")
    for n, e in enumerate(rows.iterator(chunk_size=2000), start=1):
        tx = e.transaction
        sheet.write_number(n, 0, e.seq)
        sheet.write_datetime(n, 1, _midnight(tx.booked_on), date)
        sheet.write_string(n, 2, f"GD{tx.pk}")
        sheet.write_string(n, 3, str(TransactionKind(tx.kind).label))
        sheet.write_string(n, 4, tx.memo)
        sheet.write_string(n, 5, e.account.source.name)
        sheet.write_string(n, 6, str(AccountKind(e.account.kind).label))
        sheet.write_number(n, 7 if e.amount_vnd > 0 else 8, abs(e.amount_vnd), money)
        sheet.write_string(n, 9, e.previous_hash)
        sheet.write_string(n, 10, e.hash)
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
