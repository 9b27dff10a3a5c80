from django.db import migrations

from masthead.security.roles import apply_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("axes", "0010_accessattemptexpiration"),
        ("core", "0003_create_cache_table"),
        ("articles", "0003_create_home_page"),
        ("newsfeed", "0003_newsitem_announced"),
        ("newsletters", "0001_initial"),
        ("discovery", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
