"""Small corrections to the admin's behaviour on malformed input."""

from wagtail.admin.widgets.chooser import BaseChooser


def tolerate_malformed_chooser_values() -> None:
    """Let every chooser widget re-render a form whose id was not a number.

    Wagtail's choosers look the submitted id up to show what was chosen; a
    value such as ``"abc"`` (a hand-made or tampered POST) raises ValueError
    there, turning the form's own "Select a valid choice" error into a 500.
    Treating such a value as "nothing chosen" lets the form show its error.
    """
    original = BaseChooser.get_instance
    if getattr(original, "tolerates_malformed_values", False):
        return

    def get_instance(self, value):
        try:
            return original(self, value)
        except (TypeError, ValueError):
            return None

    get_instance.tolerates_malformed_values = True
    BaseChooser.get_instance = get_instance
