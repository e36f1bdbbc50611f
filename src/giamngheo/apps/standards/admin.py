from django.contrib import admin

from giamngheo.apps.standards.models import StandardAdoption, SurveyClassification


@admin.register(StandardAdoption)
class StandardAdoptionAdmin(admin.ModelAdmin[StandardAdoption]):
    list_display = ("province", "standard_id")


@admin.register(SurveyClassification)
class SurveyClassificationAdmin(admin.ModelAdmin[SurveyClassification]):
    list_display = (
        "survey",
        "standard_id",
        "standard_version",
        "status",
        "deprivations",
        "deprived",
    )
    list_filter = ("standard_id", "status")
    raw_id_fields = ("survey",)
