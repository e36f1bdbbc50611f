"""An amount of money in Vietnamese words, as a voucher writes it ("Số tiền viết bằng chữ").

Groups of three digits are read with "nghìn", "triệu" and "tỷ"; a group after a larger one is
read in full ("một triệu không trăm linh năm nghìn"), as accountants do. Pure Python.

>>> amount_in_words(60_000_000)
'Sáu mươi triệu đồng'
>>> amount_in_words(1_250_500)
'Một triệu hai trăm năm mươi nghìn năm trăm đồng'
>>> amount_in_words(1_005_000)
'Một triệu không trăm linh năm nghìn đồng'
>>> amount_in_words(2_000_050_015)
'Hai tỷ không trăm năm mươi nghìn không trăm mười lăm đồng'
>>> amount_in_words(1_000_000_000_000)
'Một nghìn tỷ đồng'
>>> [amount_in_words(n) for n in (0, 11, 21, 24, 105)]
['Không đồng', 'Mười một đồng', 'Hai mươi mốt đồng', 'Hai mươi tư đồng', 'Một trăm linh năm đồng']
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 1_000_000_000
GROUPS = ((1_000_000, "triệu"), (1_000, "nghìn"), (1, ""))


def amount_in_words(amount_vnd: int) -> str:
    """``amount_vnd`` (≥ 0) in words, capitalised, ending in "đồng"."""
    if amount_vnd < 0:
        raise ValueError("amount_vnd must not be negative")
    text = _number(amount_vnd) if amount_vnd else DIGITS[0]
    return f"{text[0].upper()}{text[1:]} đồng"


def _number(n: int) -> str:
    """``n`` > 0 in words: the billions (read the same way, recursively), then three groups."""
    billions, rest = divmod(n, BILLION)
    parts = [f"{_number(billions)} tỷ"] if billions else []
    for size, scale in GROUPS:
        group = rest // size % 1000
        if group:
            parts.append(" ".join(filter(None, (_group(group, full=bool(parts)), scale))))
    return " ".join(parts)


def _group(n: int, *, full: bool) -> str:
    """Three digits (1–999); ``full`` reads the hundreds even when they are zero."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [f"{DIGITS[hundreds]} trăm"] if hundreds or full else []
    if tens == 0 and units:
        words += ["linh", DIGITS[units]] if words else [DIGITS[units]]
    elif tens:
        words.append("mười" if tens == 1 else f"{DIGITS[tens]} mươi")
        if units:
            words.append(_unit_after_tens(units, tens))
    return " ".join(words)


def _unit_after_tens(units: int, tens: int) -> str:
    if units == 5:
        return "lăm"
    if tens >= 2 and units in (1, 4):
        return "mốt" if units == 1 else "tư"
    return DIGITS[units]
