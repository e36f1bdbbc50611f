from django.db import migrations

from giamngheo.apps.monitoring.reference import reference_load


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    reference_load(apps.get_model("monitoring", "ReferenceFigure"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
