from django.urls import path

from . import admin_views

urlpatterns = [
    path("totals/", admin_views.totals, name="totals"),
    path("export/", admin_views.export_donations, name="export"),
]
