"""The fast paths of building a copy say exactly what the slow, obvious ones say."""

import base64
import quopri
import random

import pytest
from django.core import signing

from masthead.newsletters.mime import PreparedPart
from masthead.newsletters.tokens import MANAGE_SALT, ManageTokens, manage_token, read_manage_token

PLACEHOLDERS = ["@@UNSUBSCRIBE@@", "@@PREFERENCES@@"]


def decoded_body(part: bytes) -> tuple[str, str]:
    head, body = part.split(b"\r\n\r\n", 1)
    lines = body.split(b"\r\n")
    assert all(len(line) <= 76 for line in lines), "RFC 2045 allows 76 characters a line"
    if b"base64" in head:
        return "base64", base64.b64decode(body.replace(b"\r\n", b"")).decode().replace("\r\n", "\n")
    return "quoted-printable", quopri.decodestring(body).decode().replace("\r\n", "\n")


@pytest.mark.parametrize("alphabet", ["ab c.=\n\t-", "аб в.=\n—й\t"], ids=["ascii", "ukrainian"])
def test_a_prepared_part_decodes_to_the_text_with_the_links_filled_in(alphabet):
    rng = random.Random(4)  # noqa: S311 (test data, not a secret)
    for _ in range(1500):
        pieces = ["".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 2, 3, 5, 80, 300])))]
        for _ in range(rng.randint(0, 5)):
            pieces += [
                rng.choice(PLACEHOLDERS),
                "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90))),
            ]
        text = "".join(pieces)
        values = ["https://news.example/u/" + "tok=" * rng.randint(0, 40), "p " * rng.randint(0, 4)]
        encoding, body = decoded_body(PreparedPart(text, "plain", PLACEHOLDERS).fill(values))
        assert body == text.replace(PLACEHOLDERS[0], values[0]).replace(PLACEHOLDERS[1], values[1])
        if text.isascii():
            assert encoding == "quoted-printable"


def test_a_part_travels_in_the_shorter_encoding():
    english = PreparedPart("The council met — and voted. " * 50, "html", PLACEHOLDERS)
    ukrainian = PreparedPart("Міська рада зібралася і проголосувала. " * 50, "html", PLACEHOLDERS)
    assert (english.base64, ukrainian.base64) == (False, True)


def test_fast_manage_tokens_are_the_tokens_django_signs(settings):
    fast = ManageTokens()
    for key, list_id in (("k3y-Abc_123", 7), ("another", None)):
        token = fast(key, list_id)
        assert (
            token
            == manage_token(key, list_id)
            == signing.Signer(salt=MANAGE_SALT).sign(f"{key}.{list_id or ''}")
        )
        assert read_manage_token(token) == (key, list_id)
