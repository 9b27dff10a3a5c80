from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone


def mark_visible_items_announced(apps, schema_editor) -> None:
    NewsItem = apps.get_model("newsfeed", "NewsItem")
    NewsItem.objects.filter(posted_at__lte=timezone.now()).update(announced=True)


class Migration(migrations.Migration):
    dependencies = [("newsfeed", "0002_feed_event")]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="announced",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(mark_visible_items_announced, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="newsitem",
            index=models.Index(
                condition=Q(announced=False), fields=["posted_at"], name="newsitem_unannounced"
            ),
        ),
    ]
