"""The newsroom's discovery settings: feeds, the publisher's logo, robots.txt."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# The fields RFC 9309 defines, plus the widely honoured extensions.
ROBOTS_FIELDS = {"user-agent", "allow", "disallow", "sitemap", "crawl-delay", "clean-param", "host"}
ROBOTS_MAX_LENGTH = 5000


def validate_robots_rules(value: str) -> None:
    """Refuse text that a crawler would not read as robots.txt rules."""
    for number, line in enumerate(value.splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        field, colon, rule = text.partition(":")
        field, rule = field.strip().lower(), rule.strip()
        if not colon or field not in ROBOTS_FIELDS:
            raise ValidationError(
                _(
                    "Line %(number)d is not a robots.txt rule: “%(line)s”. Write one rule a line, "
                    "such as “Disallow: /drafts/” or “User-agent: ExampleBot”."
                ),
                params={"number": number, "line": line.strip()},
            )
        if field in ("allow", "disallow") and rule and not rule.startswith(("/", "*")):
            raise ValidationError(
                _("Line %(number)d: a path in an Allow or Disallow rule starts with “/”."),
                params={"number": number},
            )
        if field == "sitemap" and not re.match(r"^https?://\S+$", rule):
            raise ValidationError(
                _("Line %(number)d: a Sitemap rule needs a full address starting with https://."),
                params={"number": number},
            )
        if field == "user-agent" and not rule:
            raise ValidationError(
                _("Line %(number)d: a User-agent rule needs the crawler's name, or * for every crawler."),
                params={"number": number},
            )


@register_setting(icon="globe")
class DiscoverySettings(BaseSiteSetting):
    """How the newsroom presents itself to feed readers, search engines and social networks."""

    class FeedContent(models.TextChoices):
        SUMMARY = "summary", _("Summary: the headline and standfirst")
        FULL = "full", _("Full text: the whole article")

    feed_content = models.CharField(
        _("feed entries carry"),
        max_length=10,
        choices=FeedContent.choices,
        default=FeedContent.SUMMARY,
        help_text=_("What RSS, Atom and JSON feeds give feed readers for each article."),
    )
    logo = models.ForeignKey(
        "core.NewsImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The newsroom's logo as search engines show it beside its articles. Without one, "
            "a logo is drawn from the newsroom's name."
        ),
    )
    social_handle = models.CharField(
        _("X (Twitter) account"),
        max_length=16,
        blank=True,
        validators=[
            RegexValidator(
                r"^@?[A-Za-z0-9_]{1,15}$",
                _("Enter an account name such as @korvanyledger: letters, digits and _ only."),
            )
        ],
        help_text=_("Named in the card shown when an article is shared on X."),
    )
    robots_extra = models.TextField(
        _("extra robots.txt rules"),
        blank=True,
        max_length=ROBOTS_MAX_LENGTH,
        validators=[validate_robots_rules],
        help_text=_(
            "Added to the rules for every crawler, one a line, e.g. “Disallow: /drafts/”. "
            "A “User-agent: ExampleBot” line starts rules for that crawler alone. "
            "The sitemaps are always listed."
        ),
    )

    select_related = ["logo"]

    panels = [
        FieldPanel("feed_content"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("social_handle")], heading=_("Identity")),
        FieldPanel("robots_extra"),
    ]

    class Meta:
        verbose_name = _("discovery settings")

    @property
    def full_text_feeds(self) -> bool:
        return self.feed_content == self.FeedContent.FULL

    @property
    def twitter_site(self) -> str:
        """The account in ``@name`` form, or empty."""
        return f"@{self.social_handle.lstrip('@')}" if self.social_handle else ""
