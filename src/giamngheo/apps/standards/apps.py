from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "giamngheo.apps.standards"
    label = "standards"
    verbose_name = _("Chuẩn nghèo và phân loại")
