"""Vietnamese number formatting: 1.500.000 (dot as thousands separator)."""

from django import template

register = template.Library()


@register.filter
def vnd_number(value: int | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")
