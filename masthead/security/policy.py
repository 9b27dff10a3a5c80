"""The Content Security Policies, built from settings (no Django imports: settings use it).

Public pages run only the site's own scripts and styles (``'self'``, no
inline code at all). The admin runs Wagtail's own scripts plus the few
inline ``<script>`` blocks Wagtail writes for its widgets; those blocks carry
the response's nonce (see ``csp.py``), so a script an attacker manages to put
into a page still does not run. Styles in the admin allow inline ``style``
attributes, which Wagtail's markup and editor libraries use.
"""

from urllib.parse import urlsplit

from django.utils.csp import CSP

# Where the providers allowed for embeds (WAGTAILEMBEDS_FINDERS) serve their
# players from.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://w.soundcloud.com",
    "https://open.spotify.com",
    "https://flo.uri.sh",
    "https://public.flourish.studio",
]


def origin_of(url: str) -> str | None:
    """``https://cdn.example.org`` for an absolute URL; None for a path."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def public_policy(
    media_origin: str | None = None,
    form_targets: list[str] | tuple[str, ...] = (),
    upgrade_insecure: bool = False,
) -> dict[str, list[str] | bool]:
    """The policy readers' pages are served with."""
    own = [CSP.SELF, *([media_origin] if media_origin else [])]
    policy: dict[str, list[str] | bool] = {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF],
        "style-src": [CSP.SELF],
        "img-src": [*own, "data:"],
        "media-src": own,
        "font-src": [CSP.SELF],
        "connect-src": [CSP.SELF],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": [CSP.NONE],
        "base-uri": [CSP.NONE],
        "form-action": [CSP.SELF, *form_targets],
        "frame-ancestors": [CSP.NONE],
    }
    if upgrade_insecure:
        policy["upgrade-insecure-requests"] = True
    return policy


def admin_policy(public: dict[str, list[str] | bool]) -> dict[str, list[str] | bool]:
    """The admin's policy: the public one, plus Wagtail's nonce'd inline scripts.

    Images may come from any HTTPS origin (embed thumbnails in the editor),
    and the admin may frame itself (live preview).
    """
    return {
        **public,
        "script-src": [CSP.SELF, CSP.NONCE],
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "img-src": [*public["img-src"], "blob:", "https:"],
        "frame-src": [CSP.SELF, *public["frame-src"]],
        "frame-ancestors": [CSP.SELF],
        "worker-src": [CSP.SELF, "blob:"],
    }
