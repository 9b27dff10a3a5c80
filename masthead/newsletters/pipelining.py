"""Send one message over an open SMTP connection with command pipelining (RFC 2920).

``smtplib`` waits for the server's answer to MAIL, to RCPT and to DATA in
turn: four round trips a message. A server that announces PIPELINING takes
the three commands in one go, so a message costs two round trips, which is
most of the time a bulk send spends on a fast network. Replies are mapped to
the exceptions ``smtplib.SMTP.sendmail`` raises, so callers handle both alike.
"""

import re
import smtplib

LEADING_DOT = re.compile(rb"(?m)^\.")


def send_pipelined(smtp: smtplib.SMTP, sender: str, recipient: str, message: bytes) -> None:
    """Send ``message`` (CRLF line ends, 7-bit) from ``sender`` to one ``recipient``."""
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("pipelining"):
        smtp.sendmail(sender, [recipient], message)
        return
    smtp.send(f"MAIL FROM:<{sender}>\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode("ascii"))
    mail_code, mail_reply = smtp.getreply()
    rcpt_code, rcpt_reply = smtp.getreply()
    data_code, data_reply = smtp.getreply()
    if data_code == 354 and (mail_code != 250 or rcpt_code not in (250, 251)):
        # The server wants the message although the sender or recipient was
        # refused (it should not): end the data at once; it has no recipient.
        smtp.send(b".\r\n")
        smtp.getreply()
    for code in (mail_code, rcpt_code, data_code):
        if code == 421:
            smtp.close()
            break
    if mail_code != 250:
        if mail_code != 421:
            smtp.rset()
        raise smtplib.SMTPSenderRefused(mail_code, mail_reply, sender)
    if rcpt_code not in (250, 251):
        if rcpt_code != 421:
            smtp.rset()
        raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_reply)})
    if data_code != 354:
        if data_code != 421:
            smtp.rset()
        raise smtplib.SMTPDataError(data_code, data_reply)
    # Dot-stuffing (RFC 5321 4.5.2); base64 and quoted-printable bodies rarely need it.
    body = LEADING_DOT.sub(b"..", message) if message.startswith(b".") or b"\n." in message else message
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body + b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        if code == 421:
            smtp.close()
        else:
            smtp.rset()
        raise smtplib.SMTPDataError(code, reply)
