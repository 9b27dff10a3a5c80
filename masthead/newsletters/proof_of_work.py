"""An ALTCHA-style proof of work for the signup form, verified without any third party.

The server hands out a challenge: a random salt (carrying its expiry), and
the SHA-256 of salt + a secret random number below ``maxnumber``, signed with
an HMAC of the site's key. The reader's browser finds the number by trying
them all (a second or so of work, invisible to a person, costly for a bot
signing up thousands of addresses) and sends it back with the challenge.
The server checks the signature, the hash, the expiry, and that the
challenge was not used before. The payload format follows ALTCHA's, so its
widget could be used instead of Masthead's small solver.
"""

import base64
import hashlib
import hmac
import json
import secrets
import time

from django.conf import settings
from django.core.cache import cache

ALGORITHM = "SHA-256"


def _signature(challenge: str) -> str:
    key = hashlib.sha256(b"masthead.newsletters.proof-of-work" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, challenge.encode(), hashlib.sha256).hexdigest()


def _hash(salt: str, number: int) -> str:
    return hashlib.sha256(f"{salt}{number}".encode()).hexdigest()


def create_challenge(now: float | None = None) -> dict:
    now = time.time() if now is None else now
    max_number = settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER
    expires = int(now) + settings.NEWSLETTER_PROOF_OF_WORK_SECONDS
    salt = f"{secrets.token_hex(12)}?expires={expires}"
    challenge = _hash(salt, secrets.randbelow(max_number + 1))
    return {
        "algorithm": ALGORITHM,
        "challenge": challenge,
        "maxnumber": max_number,
        "salt": salt,
        "signature": _signature(challenge),
    }


def solve(challenge: dict) -> str:
    """Find the number, as the browser does; the payload the form sends back."""
    for number in range(challenge["maxnumber"] + 1):
        if _hash(challenge["salt"], number) == challenge["challenge"]:
            fields = {k: challenge[k] for k in ("algorithm", "challenge", "salt", "signature")}
            return base64.b64encode(json.dumps({**fields, "number": number}).encode()).decode()
    raise ValueError("unsolvable challenge")


def verify_solution(payload: str, now: float | None = None) -> bool:
    """Whether ``payload`` solves a challenge this site issued, in time, for the first time."""
    now = time.time() if now is None else now
    if not payload or len(payload) > 2000:
        return False
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
        algorithm, challenge, salt, signature = (
            data["algorithm"],
            data["challenge"],
            data["salt"],
            data["signature"],
        )
        number = data["number"]
    except (ValueError, KeyError, TypeError):
        return False
    if not all(isinstance(v, str) for v in (algorithm, challenge, salt, signature)) or not isinstance(
        number, int
    ):
        return False
    if algorithm != ALGORITHM or not 0 <= number <= settings.NEWSLETTER_PROOF_OF_WORK_MAX_NUMBER:
        return False
    _random, _sep, expiry = salt.partition("?expires=")
    if not expiry.isdigit() or int(expiry) < now:
        return False
    if not hmac.compare_digest(_signature(challenge), signature):
        return False
    if not hmac.compare_digest(_hash(salt, number), challenge):
        return False
    # Each solved challenge is good for one signup.
    return cache.add(f"masthead:newsletters:pow:{challenge}", 1, settings.NEWSLETTER_PROOF_OF_WORK_SECONDS)
