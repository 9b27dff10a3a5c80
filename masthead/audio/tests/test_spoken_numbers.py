"""Years, magnitudes, ranges, telephone and version numbers as the narrator says them."""

import re

import pytest

from masthead.audio.spoken import speakable


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "The 2024 election was the closest in decades.",
            "The twenty twenty-four election was the closest in decades.",
        ),
        (
            "2022's invasion emptied the border towns.",
            "twenty twenty-two's invasion emptied the border towns.",
        ),
        (
            "Between 2010 and 2020 the port doubled its trade.",
            "Between twenty ten and twenty twenty the port doubled its trade.",
        ),
        (
            "The memorial lists the dead from 1914–1918.",
            "The memorial lists the dead from nineteen fourteen to nineteen eighteen.",
        ),
        (
            "From 1939 to 1945 the mill made shells.",
            "From nineteen thirty-nine to nineteen forty-five the mill made shells.",
        ),
        ("In 2023-24 the council overspent.", "In twenty twenty-three to twenty-four the council overspent."),
        ("Tickets for the 2024/25 season.", "Tickets for the twenty twenty-four to twenty-five season."),
        (
            "The 2008-09 crash and the 1999-00 budget.",
            "The two thousand and eight to two thousand and nine crash"
            " and the nineteen ninety-nine to two thousand budget.",
        ),
        ("Exports fell in Q3 2024.", "Exports fell in Q three twenty twenty-four."),
        ("Emissions are back to 1990 levels.", "Emissions are back to nineteen ninety levels."),
        ("The class of 2019 returned.", "The class of twenty nineteen returned."),
        ("Flight 1549 landed on the river.", "Flight fifteen forty-nine landed on the river."),
        # Counts: something counted after, a word of quantity before.
        ("The hall seats 2024 people.", "The hall seats two thousand and twenty-four people."),
        ("The pipeline runs 1200 km.", "The pipeline runs one thousand two hundred kilometres."),
        (
            "Some 1800 signed and 1250 of them wrote in.",
            "Some one thousand eight hundred signed and one thousand two hundred and fifty of them wrote in.",
        ),
        ("A 1500-strong crowd gathered.", "A one thousand five hundred-strong crowd gathered."),
        (
            "Between 1500 and 2000 volunteers helped.",
            "Between one thousand five hundred and two thousand volunteers helped.",
        ),
        # A word that introduces a date wins over what follows.
        ("In 2022 people queued for bread.", "In twenty twenty-two people queued for bread."),
        # Day, month and year as before.
        ("Born 12/03/1990 in Lviv.", "Born twelve three nineteen ninety in Lviv."),
    ],
)
def test_years_are_said_as_years_and_counts_as_numbers(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "About 2.5m people have fled the region.",
            "About two point five million people have fled the region.",
        ),
        ("The mine produced 10m tonnes of coal.", "The mine produced ten million tonnes of coal."),
        ("A market of 1.2bn people.", "A market of one point two billion people."),
        ("Over 7k runners finished the marathon.", "Over seven thousand runners finished the marathon."),
        ("The plan promises 3m new homes.", "The plan promises three million new homes."),
        ("It cost 4bn.", "It cost four billion."),
        ("Between 2-3m viewers watched.", "Between two to three million viewers watched."),
        ("Polls put it at 5m-6m voters.", "Polls put it at five to six million voters."),
        # Metres where a distance is meant; "k" as written where it is not a count.
        (
            "She won the 100m sprint and the 400m hurdles.",
            "She won the one hundred metres sprint and the four hundred metres hurdles.",
        ),
        ("A 10m high wall and a 10 m drop.", "A ten metres high wall and a ten metres drop."),
        ("The 100m runners lined up.", "The one hundred metres runners lined up."),
        ("A 5k fun run.", "A five k fun run."),
        # With a currency sign, as before.
        (
            "Fines of £3m, $1.2bn and €5k.",
            "Fines of three million pounds, one point two billion dollars and five thousand euros.",
        ),
        ("The chip runs at 3.5GHz.", "The chip runs at three point five GHz."),
    ],
)
def test_magnitudes_without_a_currency(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Repairs will cost $2-3 billion.", "Repairs will cost two to three billion dollars."),
        ("Repairs will cost $2 to $3 billion.", "Repairs will cost two to three billion dollars."),
        ("Rents rose 10–15% this year.", "Rents rose ten to fifteen percent this year."),
        (
            "Rents rose 10-15% and fell 3% to 5%.",
            "Rents rose ten to fifteen percent and fell three to five percent.",
        ),
        ("Sentences of 5-7 years are likely.", "Sentences of five to seven years are likely."),
        ("The figures are on pages 10-12.", "The figures are on pages ten to twelve."),
        (
            "The trail is 5-7 km and it was -4 °C.",
            "The trail is five to seven kilometres and it was minus four degrees Celsius.",
        ),
        (
            "Bids of £10-15m and a $500m-1bn loan.",
            "Bids of ten to fifteen million pounds and a five hundred million to one billion dollars loan.",
        ),
        (
            "Seats cost $5-10, or $2.50-3 online.",
            "Seats cost five to ten dollars, or two dollars and fifty cents to three dollars online.",
        ),
        ("Fees are UAH 300-400.", "Fees are three hundred to four hundred hryvnias."),
        ("It gave $5 to 10 charities.", "It gave five dollars to ten charities."),
        (
            "Fares of US$5-$10 and US$5–A$10.",
            "Fares of five to ten US dollars and five US dollars to ten Australian dollars.",
        ),
        # A lower-case letter before a dollar sign is a word, not a country.
        ("Entry is a$2 donation.", "Entry is a two dollars donation."),
    ],
)
def test_ranges_are_said_once(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The 1960s and '70s shaped the city.", "The nineteen sixties and seventies shaped the city."),
        ("In '95 the mill closed.", "In ninety-five the mill closed."),
        ("The 2010s were quieter.", "The twenty tens were quieter."),
        ("Built in the ’00s, rebuilt in ’05.", "Built in the noughties, rebuilt in oh five."),
    ],
)
def test_decades_and_years_with_an_apostrophe(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Call the hotline on 0800 123 456.",
            "Call the hotline on zero eight zero zero, one two three, four five six.",
        ),
        (
            "The Kyiv office is on +380 44 123 4567.",
            "The Kyiv office is on plus three eight zero, four four, one two three, four five six seven.",
        ),
        (
            "Our London desk: +44 (0)20 7946 0958.",
            "Our London desk: plus four four, two zero, seven nine four six, zero nine five eight.",
        ),
        (
            "Readers can call (555) 123-4567.",
            "Readers can call five five five, one two three, four five six seven.",
        ),
        ("Or text 555-123-4567.", "Or text five five five, one two three, four five six seven."),
        # Not telephone numbers: too short, no leading zero or plus.
        ("Room 0451 and agent 007.", "Room zero four five one and agent zero zero seven."),
        ("In 2023 123 people came.", "In twenty twenty-three one hundred and twenty-three people came."),
    ],
)
def test_telephone_numbers_are_read_digit_by_digit_in_groups(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The v2.0 app needs iOS 17.2.", "The version two point zero app needs iOS seventeen point two."),
        ("Version 3.1.4 fixes the bug.", "Version three point one point four fixes the bug."),
        (
            "It still runs Windows 3.11 and Android 14.10.",
            "It still runs Windows three point eleven and Android fourteen point ten.",
        ),
        ("A V8 engine and the V2 rocket.", "A V eight engine and the V two rocket."),
        ("Chelsea v Arsenal ended 2-1.", "Chelsea v Arsenal ended two to one."),
    ],
)
def test_version_numbers(written, said):
    assert speakable(written) == said


def test_thousands_of_digits_in_a_row_are_read_one_by_one():
    said = speakable(f"Code {'7' * 5000}th, {'8' * 5000}% and ${'9' * 5000}.")
    assert said.startswith("Code seven seven seven")
    assert not re.search(r"[0-9]", said)
