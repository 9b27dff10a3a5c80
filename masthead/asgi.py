import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.embedded")
django_application = get_asgi_application()

from django.urls import reverse  # noqa: E402  (needs the settings above)

from masthead.newsfeed.asgi_stream import with_live_stream  # noqa: E402
from masthead.security.streams import limit_streams_per_client  # noqa: E402

STREAM = reverse("newsfeed:stream")
application = limit_streams_per_client(with_live_stream(django_application, STREAM), STREAM)
