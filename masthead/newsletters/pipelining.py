"""Send messages over an open SMTP connection with command pipelining (RFC 2920).

``smtplib`` waits for the server's answer to MAIL, to RCPT, to DATA and to
the message in turn: four round trips a message. A server that announces
PIPELINING takes the three commands in one go, and RFC 2920 (section 3.1)
lets a message's content open the next group, so the next message's
MAIL, RCPT and DATA travel behind it: one round trip a message, which is
most of the time a bulk send spends waiting. Replies are mapped to the
exceptions ``smtplib.SMTP.sendmail`` raises, so callers handle both alike.
"""

import re
import smtplib
from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol

LEADING_DOT = re.compile(rb"(?m)^\.")


class Transaction(NamedTuple):
    key: object  # the caller's name for this message, returned with its outcome
    recipient: str
    message: bytes  # CRLF line ends, 7-bit


class Journal(Protocol):
    """Told when a message's content starts to go out and when the socket has taken it all."""

    def started(self, key: object) -> None: ...

    def written(self, key: object) -> None: ...


class NoJournal:
    def started(self, key: object) -> None:
        pass

    def written(self, key: object) -> None:
        pass


class ConnectionBroke(Exception):
    """The connection failed mid-way. ``in_flight`` is the key of the message the
    server may have kept (its content was sent, no answer came back), or None."""

    def __init__(self, in_flight: object, error: Exception) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.in_flight = in_flight
        self.error = error


def data_block(message: bytes) -> bytes:
    """The message as DATA content: dot-stuffed (RFC 5321 4.5.2) and ended by a lone dot."""
    if message.startswith(b".") or b"\n." in message:  # base64 and quoted-printable rarely need it
        message = LEADING_DOT.sub(b"..", message)
    return message + (b".\r\n" if message.endswith(b"\r\n") else b"\r\n.\r\n")


def envelope(sender: str, recipient: str) -> bytes:
    return f"MAIL FROM:<{sender}>\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode("ascii")


def refusal(mail: tuple, rcpt: tuple, data: tuple, sender: str, recipient: str) -> Exception | None:
    """The error ``sendmail`` would raise for these three replies, or None if all went well."""
    if mail[0] != 250:
        return smtplib.SMTPSenderRefused(mail[0], mail[1], sender)
    if rcpt[0] not in (250, 251):
        return smtplib.SMTPRecipientsRefused({recipient: rcpt})
    if data[0] != 354:
        return smtplib.SMTPDataError(*data)
    return None


def closes_connection(error: Exception) -> bool:
    """Whether the server hung up with this refusal (reply 421: it is shutting down)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code == 421 for code, _message in error.recipients.values())
    return getattr(error, "smtp_code", None) == 421


def send_pipelined(smtp: smtplib.SMTP, sender: str, recipient: str, message: bytes) -> None:
    """Send one message; raises what ``sendmail`` raises."""
    for _key, error in send_transactions(smtp, sender, [Transaction(None, recipient, message)]):
        if error is not None:
            raise error


def send_transactions(
    smtp: smtplib.SMTP, sender: str, transactions: Iterable[Transaction], journal: Journal | None = None
) -> Iterator[tuple[object, Exception | None]]:
    """Send each message, yielding (key, None) when the server took it, (key, error) when it refused.

    Raises ``ConnectionBroke`` if the connection fails; the messages not
    yielded were not delivered, except perhaps the one it names. A 421
    reply (the server is closing) is yielded as a refusal and then raised.
    ``journal`` hears of each message's content going out (see ``journal.py``).
    """
    journal = journal or NoJournal()
    try:
        smtp.ehlo_or_helo_if_needed()
        pipelining = smtp.has_extn("pipelining")
    except (OSError, smtplib.SMTPException) as error:
        raise ConnectionBroke(None, error) from error
    if not pipelining:
        yield from one_at_a_time(smtp, sender, transactions, journal)
        return
    upcoming = iter(transactions)
    current = next(upcoming, None)
    outgoing = envelope(sender, current.recipient) if current else b""
    in_flight: Transaction | None = None  # its content went out; its reply is still to be read
    resets = 0  # RSETs sent after a refusal, whose replies come before the next envelope's
    try:
        while outgoing:
            if in_flight is not None:  # its content is in ``outgoing``
                journal.started(in_flight.key)
                smtp.send(outgoing)
                journal.written(in_flight.key)
            else:
                smtp.send(outgoing)
            outgoing = b""
            if in_flight is not None:
                code, reply = smtp.getreply()
                done, in_flight = in_flight, None
                error = None if code == 250 else smtplib.SMTPDataError(code, reply)
                yield done.key, error
                if code == 421:
                    raise ConnectionBroke(None, error)
            if current is None:
                break
            for _ in range(resets):
                smtp.getreply()
            resets = 0
            replies = smtp.getreply(), smtp.getreply(), smtp.getreply()
            following = next(upcoming, None)
            error = refusal(*replies, sender, current.recipient)
            if error is None:
                in_flight, outgoing = current, data_block(current.message)
            else:
                if replies[2][0] == 354:  # the server wants content it should not: give it none
                    smtp.send(b".\r\n")
                    smtp.getreply()
                yield current.key, error
                if any(code == 421 for code, _reply in replies):
                    raise ConnectionBroke(None, error)
                outgoing, resets = b"RSET\r\n", 1
            if following is not None:
                outgoing += envelope(sender, following.recipient)
            elif resets:  # nothing follows the RSET: read its reply now
                smtp.send(outgoing)
                smtp.getreply()
                outgoing, resets = b"", 0
            current = following
    except (OSError, smtplib.SMTPServerDisconnected) as error:
        raise ConnectionBroke(in_flight.key if in_flight else None, error) from error


def one_at_a_time(
    smtp: smtplib.SMTP, sender: str, transactions: Iterable[Transaction], journal: Journal
) -> Iterator[tuple[object, Exception | None]]:
    """For a server without PIPELINING: ``sendmail``, one message after the other."""
    for transaction in transactions:
        try:
            journal.started(transaction.key)
            smtp.sendmail(sender, [transaction.recipient], transaction.message)
            journal.written(transaction.key)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            yield transaction.key, error
            if closes_connection(error):
                raise ConnectionBroke(None, error) from error
        except (OSError, smtplib.SMTPException) as error:
            raise ConnectionBroke(transaction.key, error) from error
        else:
            yield transaction.key, None
