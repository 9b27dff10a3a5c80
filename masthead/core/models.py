"""Newsroom-wide pieces: the image model every app uses and the site settings."""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Site


class NewsImage(AbstractImage):
    """A picture in the newsroom's library, carrying its photographer's credit.

    The credit belongs to the picture; a caption belongs to each use of it
    (the hero of one article, a block in another).
    """

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Who made the picture, e.g. “Olena Koval / Masthead”."),
    )

    admin_form_fields = (*Image.admin_form_fields[:3], "credit", *Image.admin_form_fields[3:])

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


@register_setting(icon="site")
class NewsroomSettings(BaseSiteSetting):
    """Who the newsroom is, which language it speaks and how it tells time."""

    name = models.CharField(_("newsroom name"), max_length=120, default="Masthead")
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Kyiv",
        validators=[validate_time_zone],
        help_text=_("Publication times on the site are shown in this time zone."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the site's own words: menus, labels and dates."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("contact_email")],
            heading=_("Identity"),
        ),
        FieldPanel("language"),
        FieldPanel(
            "time_zone",
            widget=forms.Select(choices=[(z, z) for z in sorted(zoneinfo.available_timezones())]),
        ),
    ]

    class Meta:
        verbose_name = _("newsroom settings")

    @classmethod
    def of(cls, site: "Site | None") -> "NewsroomSettings":
        """The settings of ``site``; unsaved defaults when there is no site."""
        return cls.for_site(site) if site is not None else cls()
