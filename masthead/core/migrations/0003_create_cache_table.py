"""Create the database cache table, so no deployment can forget to."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_newsroom_language")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
