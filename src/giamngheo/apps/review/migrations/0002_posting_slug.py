"""A random slug for each posting's public page (existing postings get their own)."""

import secrets

from django.db import migrations, models

import giamngheo.apps.review.models


def fill_slugs(apps, schema_editor):  # type: ignore[no-untyped-def]
    Posting = apps.get_model("review", "Posting")
    for posting in Posting.objects.filter(slug__isnull=True).only("pk"):
        Posting.objects.filter(pk=posting.pk).update(slug=secrets.token_urlsafe(16))


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="posting",
            name="slug",
            field=models.CharField(max_length=32, null=True, editable=False),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="posting",
            name="slug",
            field=models.CharField(
                default=giamngheo.apps.review.models.posting_slug,
                editable=False,
                max_length=32,
                unique=True,
                verbose_name="mã trang công khai",
            ),
        ),
    ]
