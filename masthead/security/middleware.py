"""Headers every response carries, chosen for the part of the site it is from."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .csp import current_nonce
from .limits import check_request_limits

ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware:
    """Per-area security headers, next to Django's SecurityMiddleware and CSP middleware.

    - The admin gets its own Content Security Policy (``MASTHEAD_ADMIN_CSP``)
      and may be framed by itself (Wagtail's live preview); public pages get
      ``SECURE_CSP`` and may be framed by nobody.
    - ``Permissions-Policy`` turns off browser features the site never uses.
    - While a request is handled, its CSP nonce is available to templates
      rendered without the request (form widgets), see ``csp.nonce_attribute``.
    - Once the URL is resolved, readers' endpoints are held to their rate and
      body-size limits (``limits.check_request_limits``): 429 or 413 pages,
      which get this middleware's headers like any other answer.

    Must come after ``ContentSecurityPolicyMiddleware`` and
    ``XFrameOptionsMiddleware`` in ``MIDDLEWARE`` so its headers are set first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_nonce.set(getattr(request, "_csp_nonce", None))
        try:
            response = self.get_response(request)
        finally:
            current_nonce.reset(token)
        if request.path.startswith(ADMIN_PREFIX):
            if not hasattr(response, "_csp_config"):
                response._csp_config = settings.MASTHEAD_ADMIN_CSP
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Permissions-Policy", settings.MASTHEAD_PERMISSIONS_POLICY)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        return check_request_limits(request, view_kwargs)
