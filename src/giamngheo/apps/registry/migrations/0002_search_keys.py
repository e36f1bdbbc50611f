from django.db import migrations, models

import giamngheo.db.search


class Migration(migrations.Migration):
    """Search keys of codes, addresses and names (giamngheo.db.search), computed by the
    database. On SQLite the tables are rebuilt: about a minute for 200,000 households."""

    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="household",
            name="code_key",
            field=models.GeneratedField(
                db_persist=True,
                expression=giamngheo.db.search.SearchKey("code"),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="household",
            name="address_key",
            field=models.GeneratedField(
                db_persist=True,
                expression=giamngheo.db.search.SearchKey("address"),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="member",
            name="name_key",
            field=models.GeneratedField(
                db_persist=True,
                expression=giamngheo.db.search.SearchKey("full_name"),
                output_field=models.TextField(),
            ),
        ),
    ]
