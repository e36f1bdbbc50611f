"""Show a standard's bilingual texts in the page's language."""

from django import template
from django.utils.translation import get_language

from giamngheo.domain.model import Text

register = template.Library()


@register.filter
def in_language(text: Text) -> str:
    return text.get("en" if (get_language() or "vi").startswith("en") else "vi")
