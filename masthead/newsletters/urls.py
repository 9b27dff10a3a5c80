from django.urls import include, path

from . import views

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
    path("webhooks/", include("anymail.urls")),
]
