"""The signed link in a receipt that lets a donor manage a recurring donation without a password.

It carries the donation's random key, signed with the site's secret, with no
expiry (a receipt from last year must still work); a changed or truncated
link is refused.
"""

from django.core import signing

MANAGE_SALT = "masthead.revenue.manage"
MAX_TOKEN_LENGTH = 200


class BadToken(Exception):
    """A manage link that was tampered with or cut short."""


def manage_token(donation_key: str) -> str:
    return signing.Signer(salt=MANAGE_SALT).sign(donation_key)


def read_manage_token(token: str) -> str:
    """The donation key of a manage link; BadToken if its signature does not match."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadToken
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken from error
