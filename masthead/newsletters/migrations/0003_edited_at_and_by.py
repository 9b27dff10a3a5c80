import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def date_existing_rows_from_their_creation(apps, schema_editor) -> None:
    """Rows from before the field were last edited at an unknown time: say when they were created."""
    for name in ("Issue", "NewsletterList"):
        apps.get_model("newsletters", name).objects.update(updated_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0002_schedule_resend_erasure"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="issue",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last edited"),
        ),
        migrations.AddField(
            model_name="issue",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="last edited by",
            ),
        ),
        migrations.AddField(
            model_name="newsletterlist",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="last edited"),
        ),
        migrations.AddField(
            model_name="newsletterlist",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="last edited by",
            ),
        ),
        migrations.RunPython(date_existing_rows_from_their_creation, migrations.RunPython.noop),
    ]
