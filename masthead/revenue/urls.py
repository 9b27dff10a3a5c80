from django.urls import path

from . import views

app_name = "revenue"

urlpatterns = [
    path("", views.support_page, name="support"),
    path("donate/", views.donate, name="donate"),
    path("thanks/<str:key>/", views.thanks, name="thanks"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("partner/", views.partner, name="partner"),
    # Point Stripe's webhook endpoint here (docs/revenue.md lists the events to send).
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
]
