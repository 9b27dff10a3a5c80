"""A few entries to start the pronunciation dictionary with; editors change them in the admin."""

from django.db import migrations

ENTRIES = [
    ("Kyiv", "Keev", "The capital of Ukraine, said as Ukrainians say it."),
    ("Kharkiv", "Kharkeev", ""),
    ("PM", "prime minister", "Change it if your articles use PM for the afternoon."),
    ("UN", "U.N.", "Read letter by letter."),
]


def seed(apps, schema_editor):
    PronunciationEntry = apps.get_model("audio", "PronunciationEntry")
    for written, spoken, note in ENTRIES:
        PronunciationEntry.objects.get_or_create(written=written, defaults={"spoken": spoken, "note": note})


class Migration(migrations.Migration):
    dependencies = [("audio", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
