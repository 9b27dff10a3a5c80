"""Amounts typed by people become whole minor units, or a clear refusal."""

import pytest

from masthead.revenue.money import BadAmount, format_money, major_text, parse_amount, parse_amount_list


@pytest.mark.parametrize(
    ("text", "code", "minor"),
    [
        ("25", "usd", 2500),
        ("7.5", "usd", 750),
        ("7,50", "eur", 750),
        ("1 000", "uah", 100000),
        ("$12", "usd", 1200),
        ("0.01", "usd", 1),
        ("500", "jpy", 500),
        ("999999.99", "usd", 99_999_999),
    ],
)
def test_amounts_in_the_main_unit_become_minor_units(text, code, minor):
    assert parse_amount(text, code) == minor
    assert isinstance(parse_amount(text, code), int)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter an amount."),
        ("0", "above zero"),
        ("0.00", "above zero"),
        ("-5", "above zero"),
        ("abc", "in figures"),
        ("1e5", "in figures"),
        ("NaN", "in figures"),
        ("inf", "in figures"),
        ("5.555", "at most two decimals"),
        ("1000000", "larger than we can accept"),
        ("99999999999999999999", "in figures"),
        ("5.5.5", "in figures"),
    ],
)
def test_anything_else_is_refused_with_a_reason(text, message):
    with pytest.raises(BadAmount) as refused:
        parse_amount(text, "usd")
    assert message in str(refused.value)


def test_yen_has_no_decimals():
    with pytest.raises(BadAmount, match="whole amount"):
        parse_amount("5.5", "jpy")


def test_amounts_are_written_back_for_people_and_forms():
    assert format_money(100, "usd") == "$1"
    assert format_money(750, "usd") == "$7.50"
    assert format_money(123456, "usd") == "$1,234.56"
    assert format_money(500, "jpy") == "¥500"
    assert major_text(2550, "usd") == "25.50" and major_text(2500, "usd") == "25"
    assert parse_amount_list("5 10; 25", "usd") == [500, 1000, 2500]
