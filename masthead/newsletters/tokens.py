"""Signed links in newsletter emails: confirmation, unsubscribe and preferences.

Confirmation links carry the address and the chosen lists, signed with a
timestamp so they expire. Unsubscribe and preferences links carry the
subscriber's secret key (and for unsubscribe the list the email came from),
signed without expiry: a reader may click them in an old email. Deleting the
subscriber, or changing the key, revokes them.
"""

import base64
import hashlib
import hmac

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "masthead.newsletters.confirm"
MANAGE_SALT = "masthead.newsletters.manage"
MAX_TOKEN_LENGTH = 500


class BadToken(Exception):
    """A link that was tampered with, truncated or has expired."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirmation_token(email: str, list_ids: list[int]) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object({"e": email, "l": sorted(list_ids)})


def read_confirmation_token(token: str) -> tuple[str, list[int]]:
    """The address and list ids of a confirmation link; BadToken if it is not valid now."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadToken()
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, UnicodeDecodeError) as error:
        raise BadToken() from error
    if not isinstance(value, dict) or not isinstance(value.get("e"), str):
        raise BadToken()
    list_ids = value.get("l")
    if not isinstance(list_ids, list) or not all(isinstance(i, int) for i in list_ids):
        raise BadToken()
    return value["e"], list_ids


def manage_token(key: str, list_id: int | None = None) -> str:
    """The token of a subscriber's unsubscribe (with a list) or preferences link."""
    return signing.Signer(salt=MANAGE_SALT).sign(f"{key}.{list_id or ''}")


class ManageTokens:
    """Signs the manage tokens of many subscribers: the tokens ``manage_token`` makes, faster.

    Django's ``Signer`` derives its HMAC key from the secret on every
    signature; a send signs two tokens a copy, so this derives the key once
    and only runs the HMAC per token (the equality is asserted in a test).
    """

    def __init__(self) -> None:
        signer = signing.Signer(salt=MANAGE_SALT)
        digest = getattr(hashlib, signer.algorithm)
        key = digest(f"{signer.salt}signer{signer.key}".encode()).digest()
        self.mac = hmac.new(key, digestmod=digest)
        self.sep = signer.sep

    def __call__(self, key: str, list_id: int | None = None) -> str:
        value = f"{key}.{list_id or ''}"
        mac = self.mac.copy()
        mac.update(value.encode())
        return f"{value}{self.sep}{base64.urlsafe_b64encode(mac.digest()).rstrip(b'=').decode()}"


def read_manage_token(token: str) -> tuple[str, int | None]:
    """The subscriber key and the list id (or None) of a manage link; BadToken if tampered with."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadToken()
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadToken() from error
    key, _dot, list_part = value.partition(".")
    if not key or (list_part and not list_part.isdigit()):
        raise BadToken()
    return key, int(list_part) if list_part else None
