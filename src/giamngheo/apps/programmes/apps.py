from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "giamngheo.apps.programmes"
    label = "programmes"
    verbose_name = _("Chương trình, dự án và hỗ trợ")
