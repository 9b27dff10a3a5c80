"""MIME text parts encoded once per issue and completed per recipient.

A copy of an issue differs from the next only in a few links. Encoding the
whole body (base64 or quoted-printable) for every copy is most of the work
of building it, so a ``PreparedPart`` encodes the text around the
placeholders once, and each copy only encodes its own links and joins the
pieces. The result decodes to exactly the text with the placeholders
replaced (asserted in the tests), and every line stays within the 76
characters RFC 2045 allows.

Base64 pieces can be joined only where the bytes before them come in
whole groups of three, so each fixed piece is prepared for the three ways
the bytes before it can end, and the few bytes around a link are encoded
with it. Quoted-printable pieces are joined with soft line breaks
(``=`` at the end of a line), which decoders remove.
"""

import binascii
import re
from collections.abc import Sequence

LINE = 76  # RFC 2045: encoded lines of at most 76 characters
B64_LINE_BYTES = LINE // 4 * 3  # 57 bytes make one full line of base64
SOFT_BREAK = b"=\r\n"


def base64_lines(data: bytes) -> bytes:
    """``data`` in base64, in lines of 76 characters joined by CRLF (none at the end)."""
    encoded = binascii.b2a_base64(data, newline=False)
    if len(encoded) <= LINE:
        return encoded
    return b"\r\n".join(encoded[i : i + LINE] for i in range(0, len(encoded), LINE))


def qp(data: bytes) -> bytes:
    """``data`` (LF line ends) in quoted-printable with CRLF line ends, no line over 76 characters."""
    encoded = binascii.b2a_qp(data, istext=True)
    lines = encoded.split(b"\n")
    if any(len(line) > LINE for line in lines):  # b2a_qp can exceed by one where it encodes a blank
        lines = [b"=\n".join(split_qp_line(line)) for line in lines]
        encoded = b"\n".join(lines)
    return encoded.replace(b"\n", b"\r\n")


def split_qp_line(line: bytes) -> list[bytes]:
    """One encoded line cut with soft breaks into lines of at most 76 characters."""
    parts = []
    while len(line) > LINE:
        cut = safe_cut(line, LINE - 1)
        parts.append(line[:cut])
        line = line[cut:]
    return [*parts, line]


def safe_cut(line: bytes, at: int) -> int:
    """A position at or before ``at`` that does not fall inside an =XX escape."""
    for back in (1, 2):
        if line[at - back : at - back + 1] == b"=":
            return at - back
    return at


def qp_before_soft_break(encoded: bytes) -> bytes:
    """Quoted-printable text, its last line short enough to end with a soft break."""
    start = encoded.rfind(b"\n") + 1
    if len(encoded) - start < LINE:
        return encoded
    cut = start + safe_cut(encoded[start:], LINE - 3)
    return encoded[:cut] + SOFT_BREAK + encoded[cut:]


class PreparedPart:
    """One ``text/<subtype>`` part (UTF-8) whose placeholders are filled per recipient."""

    def __init__(self, text: str, subtype: str, placeholders: Sequence[str]) -> None:
        self.placeholders = list(placeholders)
        canonical = text.replace("\r\n", "\n")
        pattern = "(" + "|".join(re.escape(p) for p in self.placeholders) + ")"
        pieces = re.split(pattern, canonical) if self.placeholders else [canonical]
        # Fixed text and placeholders alternate: fixed, slot, fixed, ..., fixed.
        fixed = [piece.encode() for piece in pieces[::2]]
        self.slots = [self.placeholders.index(piece) for piece in pieces[1::2]]
        self.fixed_qp = [qp_before_soft_break(qp(piece)) for piece in fixed]
        self.base64 = False
        if not canonical.isascii():
            # Quoted-printable triples every byte outside ASCII; base64 adds a third to all.
            # Whichever is shorter travels: Cyrillic text goes in base64, English with a dash in QP.
            crlf = [piece.replace(b"\n", b"\r\n") for piece in fixed]
            self.fixed_b64 = [(piece, self.prepare_base64(piece)) for piece in crlf]
            self.base64 = 4 * sum(len(piece) for piece in crlf) / 3 < sum(len(p) for p in self.fixed_qp)
        encoding = "base64" if self.base64 else "quoted-printable"
        self.headers = (
            f'Content-Type: text/{subtype}; charset="utf-8"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n'
        ).encode()

    @staticmethod
    def prepare_base64(piece: bytes) -> list[tuple[bytes, bytes, bytes]] | None:
        """For 0, 1 or 2 bytes owed to the group before: (bytes to lend it, encoded middle, leftover).

        None for a piece too short to have a middle of its own.
        """
        if len(piece) < 6:
            return None
        prepared = []
        for owed in range(3):
            middle_end = owed + (len(piece) - owed) // 3 * 3
            prepared.append((piece[:owed], base64_lines(piece[owed:middle_end]), piece[middle_end:]))
        return prepared

    def fill(self, values: Sequence[str]) -> bytes:
        """The encoded part (headers and body) with the i-th placeholder replaced by ``values[i]``.

        The body does not end with a line break: the CRLF before the next
        MIME boundary belongs to the boundary (RFC 2046).
        """
        data = [v.encode() for v in values]
        if not self.base64:
            out = [self.fixed_qp[0]]
            for slot, piece in zip(self.slots, self.fixed_qp[1:], strict=True):
                out += [SOFT_BREAK, qp_before_soft_break(qp(data[slot])), SOFT_BREAK, piece]
            return self.headers + b"".join(out)
        lines: list[bytes] = []
        pending = b""  # bytes not encoded yet: a link, and the few bytes around it
        for index, (piece, prepared) in enumerate(self.fixed_b64):
            if index:
                pending += data[self.slots[index - 1]]
            if prepared is None:
                pending += piece
                continue
            lend, middle, leftover = prepared[-len(pending) % 3]
            pending += lend
            if pending:
                lines.append(base64_lines(pending))
            lines.append(middle)
            pending = leftover
        if pending:
            lines.append(base64_lines(pending))
        return self.headers + b"\r\n".join(lines)
