"""Share links: plain addresses of each network's own share page, no script of theirs.

Mastodon has no single address (every server is its own site), so its link
goes to a small page of ours that asks for the reader's server and sends them
to that server's share page.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A host name: dot-separated labels of letters, digits and hyphens (RFC 1123).
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST = re.compile(rf"^{_LABEL}(\.{_LABEL})+$")


@dataclass
class ShareLink:
    network: str
    label: str
    href: str


def share_links(url: str, title: str, mastodon_page: str) -> list[ShareLink]:
    """Links that open each network's own share page with the article's headline and address."""
    text = f"{title} {url}"
    return [
        ShareLink("mastodon", "Mastodon", mastodon_page),
        ShareLink("bluesky", "Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ShareLink(
            "facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ShareLink("telegram", "Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        # RFC 6068: spaces in a mailto address are %20, not "+".
        ShareLink(
            "email", _("Email"), "mailto:?" + urlencode({"subject": title, "body": text}, quote_via=quote)
        ),
    ]


def mastodon_server(value: str) -> str:
    """The host name of the Mastodon server a reader typed, e.g. ``mastodon.social``.

    Accepts ``https://`` and a trailing slash or an ``@user@server`` handle;
    anything else that is not a plain host name is refused.
    """
    text = value.strip().lower()
    if text.count("@") == 2 and text.startswith("@"):
        text = text.rsplit("@", 1)[1]
    text = re.sub(r"^https?://", "", text).rstrip("/")
    try:
        host = text.encode("idna").decode("ascii") if text else ""
    except UnicodeError:
        host = ""
    if len(host) > 253 or not _HOST.match(host):
        raise ValidationError(
            _("“%(value)s” is not the address of a Mastodon server. Type one like mastodon.social."),
            params={"value": value.strip()[:100]},
        )
    return host


def mastodon_share_url(server: str, title: str, url: str) -> str:
    return f"https://{server}/share?" + urlencode({"text": f"{title} {url}"})
