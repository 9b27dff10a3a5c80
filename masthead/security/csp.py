"""The CSP nonce for Wagtail's inline widget scripts (the policies: ``policy.py``)."""

from contextvars import ContextVar

from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

# The nonce of the response being rendered, for templates rendered without a
# request (form widgets): set by SecurityHeadersMiddleware for each request.
current_nonce: ContextVar[object | None] = ContextVar("current_nonce", default=None)


def nonce_attribute() -> str:
    """` nonce="…"` for the response being rendered; empty outside a request."""
    nonce = current_nonce.get()
    return f' nonce="{nonce}"' if nonce is not None else ""


def nonce_wagtail_chooser_scripts() -> None:
    """Give the inline script every Wagtail chooser widget writes the response's nonce."""
    if getattr(BaseChooser.render, "adds_csp_nonce", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        try:
            id_ = attrs["id"]
        except (KeyError, TypeError) as error:
            raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
        value_data = self.get_value_data(value)
        widget_html = self.render_html(name, value_data, attrs)
        js = self.render_js_init(id_, name, value_data)
        # Same output as Wagtail's, with the nonce; the parts are Wagtail's own
        # escaped widget HTML and its JSON-encoded initialiser.
        return mark_safe(f"{widget_html}<script{nonce_attribute()}>{js}</script>")  # noqa: S308

    render.adds_csp_nonce = True
    BaseChooser.render = render
