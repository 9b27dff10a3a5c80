from django.db import migrations

from masthead.security.roles import apply_roles


class Migration(migrations.Migration):
    """The roles again: image permissions are Wagtail's ``wagtailimages.*_image``, which it checks
    for every image model; the ``core.*_newsimage`` ones given before opened no image view."""

    dependencies = [
        ("security", "0002_roles_for_audio_and_revenue"),
        ("wagtailimages", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
