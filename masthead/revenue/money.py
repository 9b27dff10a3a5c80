"""Amounts of money: integers in a currency's minor unit (cents, kopiykas), never floats.

Readers and editors type amounts in the major unit ("25", "7.50", "7,50");
:func:`parse_amount` turns that text into minor units with exact decimal
arithmetic and refuses anything else; :func:`format_money` writes an amount
back for people.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Stripe's largest amount for a charge in most currencies: eight digits in the minor unit.
LARGEST_AMOUNT = 99_999_999


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217, lower-case as Stripe writes it
    symbol: str
    exponent: int  # digits after the decimal point: 2 for cents, 0 for yen
    name: str


CURRENCIES = {
    c.code: c
    for c in (
        Currency("usd", "$", 2, _("US dollar")),
        Currency("eur", "€", 2, _("Euro")),
        Currency("gbp", "£", 2, _("Pound sterling")),
        Currency("uah", "₴", 2, _("Ukrainian hryvnia")),
        Currency("pln", "zł ", 2, _("Polish złoty")),
        Currency("czk", "Kč ", 2, _("Czech koruna")),
        Currency("chf", "CHF ", 2, _("Swiss franc")),
        Currency("sek", "SEK ", 2, _("Swedish krona")),
        Currency("nok", "NOK ", 2, _("Norwegian krone")),
        Currency("dkk", "DKK ", 2, _("Danish krone")),
        Currency("cad", "CA$", 2, _("Canadian dollar")),
        Currency("aud", "A$", 2, _("Australian dollar")),
        Currency("jpy", "¥", 0, _("Japanese yen")),
    )
}
CURRENCY_CHOICES = [(c.code, f"{c.code.upper()} — {c.name}") for c in CURRENCIES.values()]

AMOUNT_PATTERN = re.compile(r"^(\d{1,12})(?:[.,](\d*))?$")
BLANKS = re.compile(r"[\s\u00a0\u202f']")


class BadAmount(ValueError):
    """Text that is not an amount of money in the currency; ``str()`` is the message for people."""


def currency(code: str) -> Currency:
    """The currency with this code; US dollars for an unknown one."""
    return CURRENCIES.get((code or "").lower(), CURRENCIES["usd"])


def parse_amount(text: str, code: str) -> int:
    """The amount ``text`` says, in minor units of currency ``code``; BadAmount if it says none.

    Accepts digits with one decimal point or comma ("25", "25.5", "25,50")
    and spaces as thousands separators; refuses signs, exponents, more
    decimals than the currency has, and amounts Stripe could not charge.
    """
    unit = currency(code)
    cleaned = BLANKS.sub("", str(text or "")).removeprefix(unit.symbol.strip())
    if not cleaned:
        raise BadAmount(_("Enter an amount."))
    if cleaned.startswith("-"):
        raise BadAmount(_("Enter an amount above zero."))
    match = AMOUNT_PATTERN.match(cleaned)
    if not match:
        raise BadAmount(_("Enter the amount in figures, for example 25 or 7.50."))
    whole, fraction = match.group(1), match.group(2) or ""
    if len(fraction) > unit.exponent:
        if unit.exponent == 0:
            raise BadAmount(_("Enter a whole amount, without decimals."))
        raise BadAmount(_("Enter at most two decimals, for example 7.50."))
    minor = int(whole) * 10**unit.exponent + int(fraction.ljust(unit.exponent, "0") or "0")
    if minor == 0:
        raise BadAmount(_("Enter an amount above zero."))
    if minor > LARGEST_AMOUNT:
        raise BadAmount(_("That amount is larger than we can accept online."))
    return minor


def major_text(amount: int, code: str) -> str:
    """An amount as plain text in the major unit for a form field: 2550 → "25.50", 2500 → "25"."""
    unit = currency(code)
    whole, fraction = divmod(int(amount), 10**unit.exponent)
    if fraction == 0:
        return str(whole)
    return f"{whole}.{str(fraction).rjust(unit.exponent, '0')}"


def format_money(amount: int, code: str) -> str:
    """An amount for people: "$25", "$7.50", "₴1,000" (separators of the active language)."""
    unit = currency(code)
    whole, fraction = divmod(int(amount), 10**unit.exponent)
    if fraction:
        text = number_format(Decimal(int(amount)).scaleb(-unit.exponent), unit.exponent, force_grouping=True)
    else:
        text = number_format(whole, 0, force_grouping=True)
    return f"{unit.symbol}{text}"


def parse_amount_list(text: str, code: str) -> list[int]:
    """Comma- or semicolon-separated amounts ("5; 10; 25" or "5, 10, 25"), in minor units."""
    parts = [p for p in re.split(r"[;\s]+|,\s+", (text or "").strip()) if p]
    return [parse_amount(part, code) for part in parts]
