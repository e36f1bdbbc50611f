from django.contrib import admin

from giamngheo.apps.geo.models import Commune, LegacyCommune, Province, Village


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin[Province]):
    list_display = ("code", "name", "is_city")
    search_fields = ("code", "name")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin[Commune]):
    list_display = ("code", "name", "province", "kind", "area", "ethnic_minority_mountainous",
                    "border", "island_coastal", "extremely_difficult", "poor_commune")  # fmt: skip
    list_filter = ("province", "kind", "area", "ethnic_minority_mountainous", "border",
                   "island_coastal", "extremely_difficult", "poor_commune")  # fmt: skip
    search_fields = ("code", "name")
    list_select_related = ("province",)


@admin.register(LegacyCommune)
class LegacyCommuneAdmin(admin.ModelAdmin[LegacyCommune]):
    list_display = ("code", "name", "district_name", "province_name")
    search_fields = ("code", "name", "district_name", "province_name")
    filter_horizontal = ("successors",)


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin[Village]):
    list_display = ("code", "name", "commune", "remote")
    list_filter = ("remote", "commune__province")
    search_fields = ("code", "name", "commune__name")
    autocomplete_fields = ("commune",)
    list_select_related = ("commune",)
