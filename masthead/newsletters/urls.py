from functools import wraps

from anymail import urls as anymail_urls
from django.http import HttpResponseBadRequest
from django.urls import URLPattern, include, path

from . import views


def refuse_malformed(view):
    """Answer a webhook body the provider's parser cannot read with 400, not a 500."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (ValueError, KeyError, TypeError, AttributeError):
            return HttpResponseBadRequest("Malformed webhook payload.", content_type="text/plain")

    return wrapped


webhook_patterns = [
    URLPattern(p.pattern, refuse_malformed(p.callback), p.default_args, p.name)
    for p in anymail_urls.urlpatterns
]

app_name = "newsletters"

urlpatterns = [
    path("", views.signup_page, name="signup"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("challenge/", views.challenge, name="challenge"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    # The email provider's bounce and complaint webhooks (django-anymail),
    # e.g. /newsletters/webhooks/postmark/tracking/, behind basic auth.
    path("webhooks/", include((webhook_patterns, "anymail"))),
]
