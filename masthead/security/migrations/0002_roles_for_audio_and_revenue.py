from django.db import migrations

from masthead.security.roles import apply_roles


class Migration(migrations.Migration):
    """The roles again, now that article audio and reader revenue have their permissions."""

    dependencies = [
        ("security", "0001_roles"),
        ("audio", "0002_seed_dictionary"),
        ("revenue", "0001_initial"),
        ("newsletters", "0002_schedule_resend_erasure"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
