"""The language of the current request, as the domain names it."""

from django.utils.translation import get_language

from giamngheo.domain.model import Lang


def request_lang() -> Lang:
    """``en`` when the request asked for English (``Accept-Language``), else ``vi``."""
    return "en" if (get_language() or "").startswith("en") else "vi"
