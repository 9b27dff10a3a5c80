"""Template context every page gets."""

from django.conf import settings
from django.http import HttpRequest


def session(request: HttpRequest) -> dict:
    """Whether the visitor has a session, judged by its cookie alone.

    Templates ask this before anything per-user (the editors' user bar), so a
    reader's page never reads the session and never varies on cookies.
    """
    return {"has_session": settings.SESSION_COOKIE_NAME in request.COOKIES}
