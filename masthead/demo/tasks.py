"""Background work for the demo newsroom."""

from django.conf import settings
from django.tasks import task
from django.test import Client
from wagtail.models import Page


@task()
def warm_pages() -> int:
    """Render every live page once, so picture renditions exist before readers arrive.

    The templates decide which renditions a page needs, so rendering the pages
    is the one way to make exactly those. Returns the number of pages rendered.
    """
    host = next((h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")), "localhost")
    client = Client(HTTP_HOST=host)
    rendered = 0
    for page in Page.objects.live().public().specific().iterator():
        url = page.get_url()
        if url and client.get(url).status_code == 200:
            rendered += 1
    return rendered
