"""Written English as a narrator says it: numbers, money, dates, times, abbreviations.

Text-to-speech engines misread much of what a newsroom writes ("$30m",
"12%", "21st", "19:30", "Dr", a Cyrillic name). ``speakable`` rewrites a
passage so that every engine reads the same words: the pronunciation
dictionary first (an editor's word wins, a Cyrillic word matching as written
or in Latin letters), then telephone numbers, money, percentages, versions,
dates, years, magnitudes, units, ranges, ordinals and plain numbers, then
abbreviations and letters of other scripts. What it cannot place it still
reads (digits one by one), so no digit and no sentence is ever dropped.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping

ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand")]
ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH_NAMES = {m.lower(): m for m in MONTHS} | {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}

# Numbers this long are read digit by digit (account numbers, not quantities).
MAX_CARDINAL = 10**15


def cardinal(n: int) -> str:
    """``1250`` → "one thousand two hundred and fifty" (British "and", as newsrooms read)."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n >= MAX_CARDINAL:
        return digits(str(n))
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{ONES[hundreds]} hundred" + (f" and {cardinal(rest)}" if rest else "")
    for scale, name in SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            words = f"{cardinal(high)} {name}"
            if rest:
                words += (" and " if rest < 100 else " ") + cardinal(rest)
            return words
    raise AssertionError("unreachable")


def ordinal(n: int) -> str:
    """``21`` → "twenty-first"."""
    words = cardinal(n)
    head, sep, last = words.rpartition("-" if "-" in words.split(" ")[-1] else " ")
    if last in ORDINAL_WORDS:
        last = ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"


def digits(text: str) -> str:
    """Read a string of digits one by one: "0451" → "zero four five one"."""
    return " ".join(ONES[int(d)] for d in text if d.isdigit())


def year(n: int) -> str:
    """``1998`` → "nineteen ninety-eight", ``2005`` → "two thousand and five", 2024 → "twenty twenty-four"."""
    if 2000 <= n < 2010 or n % 1000 == 0 or n < 1000 or n >= 10000:
        return cardinal(n)
    high, low = divmod(n, 100)
    if low == 0:
        return f"{cardinal(high)} hundred"
    return f"{cardinal(high)} {'oh ' + ONES[low] if low < 10 else cardinal(low)}"


def whole_number(text: str) -> str:
    """Digits as a number ("1250"); too many to be a quantity, one by one (``int`` refuses thousands)."""
    return cardinal(int(text)) if len(text) <= len(str(MAX_CARDINAL)) else digits(text)


def decimal(text: str) -> str:
    """ "3.05" → "three point zero five"; commas as thousands separators are ignored."""
    whole, _, fraction = text.replace(",", "").partition(".")
    words = whole_number(whole) if whole else "zero"
    if fraction:
        words += " point " + digits(fraction)
    return words


CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "₴": ("hryvnia", "hryvnias", "kopiyka", "kopiykas"),
    "¥": ("yen", "yen", "", ""),
}
CURRENCY_CODES = {"USD": "$", "EUR": "€", "GBP": "£", "UAH": "₴", "JPY": "¥"}
MAGNITUDES = {
    "thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million",
    "billion": "billion", "bn": "billion", "b": "billion", "trillion": "trillion", "tn": "trillion",
}  # fmt: skip
MAGNITUDE_NAMES = r"thousand|million|billion|trillion|mn|bn|tn|[kmb]"
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "US$5" is five US dollars; "A$", "C$", "NZ$", "HK$", "S$" the other dollars newsrooms write.
DOLLAR_COUNTRIES = {
    "US": "US", "A": "Australian", "AU": "Australian", "C": "Canadian", "CA": "Canadian",
    "NZ": "New Zealand", "HK": "Hong Kong", "S": "Singapore",
}  # fmt: skip
DOLLAR_COUNTRY = r"US|AU|A|CA|C|NZ|HK|S"
# "$2-3bn", "£5 to £10", "$2 to 3 billion": a range of money is said once, with the
# currency at the end ("two to three billion dollars").
MONEY_RANGE = (
    r"(?:(?P<join>\s?[–—-]\s?|\s+to\s+)(?P<sign>{sign})?(?P<high>{number})"
    r"(?:\s?(?P<high_magnitude>{magnitude})\b)?)?"
)
MONEY = re.compile(
    rf"(?:\b(?P<country>(?-i:{DOLLAR_COUNTRY}))(?=\$))?"
    rf"(?P<symbol>[$€£₴¥])\s?(?P<amount>{NUMBER})"
    rf"(?:\s?(?P<magnitude>{MAGNITUDE_NAMES})\b)?"
    + MONEY_RANGE.format(sign=rf"(?-i:{DOLLAR_COUNTRY})?[$€£₴¥]", number=NUMBER, magnitude=MAGNITUDE_NAMES),
    re.IGNORECASE,
)
MONEY_CODE = re.compile(
    rf"\b(?P<code>USD|EUR|GBP|UAH|JPY)\s?(?P<amount>{NUMBER})"
    rf"(?:\s?(?P<magnitude>{MAGNITUDE_NAMES})\b)?"
    + MONEY_RANGE.format(sign=r"(?:USD|EUR|GBP|UAH|JPY)\s?", number=NUMBER, magnitude=MAGNITUDE_NAMES)
)


def currency_words(symbol: str, country: str | None = None) -> tuple[str, str, str, str]:
    """One unit, many units, one hundredth, many hundredths: "$" → dollar, dollars, cent, cents."""
    one, many, sub_one, sub_many = CURRENCIES[symbol]
    if country:
        place = DOLLAR_COUNTRIES[country.upper()]
        one, many = f"{place} {one}", f"{place} {many}"
    return one, many, sub_one, sub_many


def money(symbol: str, amount: str, magnitude: str | None, country: str | None = None) -> str:
    one, many, sub_one, sub_many = currency_words(symbol, country)
    if magnitude:
        return f"{decimal(amount)} {MAGNITUDES[magnitude.lower()]} {many}"
    whole, _, fraction = amount.replace(",", "").partition(".")
    words = f"{whole_number(whole or '0')} {one if whole.lstrip('0') == '1' else many}"
    if fraction and sub_many and len(fraction) == 2:
        cents = int(fraction)
        if cents:
            words += f" and {cardinal(cents)} {sub_one if cents == 1 else sub_many}"
    elif fraction:
        words = f"{decimal(amount)} {many}"
    return words


def _money(m: re.Match) -> str:
    # "costs$5": the amount is a word of its own.
    apart = " " if m.string[m.start() - 1 : m.start()].isalnum() else ""
    return apart + _money_words(m)


def _money_words(m: re.Match) -> str:
    if "code" in m.re.groupindex:
        currency = (CURRENCY_CODES[m["code"]], None)
        other = (CURRENCY_CODES[m["sign"].strip()], None) if m["sign"] else currency
    else:
        currency = (m["symbol"], m["country"] and m["country"].upper())
        other = currency
        if m["sign"]:  # "US$5-$10": the second sign is the same dollars.
            other = (m["sign"][-1], (m["sign"][:-1] or m["country"] or "").upper() or None)
    said = money(currency[0], m["amount"], m["magnitude"], currency[1])
    if m["high"] is None:
        return said
    if m["join"].strip().lower() == "to" and not (m["sign"] or m["high_magnitude"]):
        # "$5 to 10 charities": money, then a number of something else.
        return said + m.string[m.end("magnitude" if m["magnitude"] else "amount") : m.end()]
    if other != currency:
        return f"{said} to {money(other[0], m['high'], m['high_magnitude'], other[1])}"
    many = currency_words(*currency)[1]
    low_magnitude, high_magnitude = (
        MAGNITUDES[w.lower()] if w else None for w in (m["magnitude"], m["high_magnitude"])
    )
    if low_magnitude or high_magnitude:
        low = decimal(m["amount"])
        if low_magnitude and high_magnitude and low_magnitude != high_magnitude:
            low += f" {low_magnitude}"  # "$500m-1bn"
        return f"{low} to {decimal(m['high'])} {high_magnitude or low_magnitude} {many}"
    low = said if "." in m["amount"] + m["high"] else decimal(m["amount"])
    return f"{low} to {money(currency[0], m['high'], None, currency[1])}"


# A minus sign, not the dash of a range ("5-7 km"): nothing written just before it.
MINUS = r"(?:(?<![\w.])-)?"
# "10-15%", "10% to 15%": one range, said "ten to fifteen percent". A number starts where digits
# do ("(?<!\d)"), so a long run of digits is not tried again at each one.
PERCENT = re.compile(
    rf"(?<!\d)(?:(?P<low>{NUMBER})\s?%?\s?(?:[–—-]|\bto\b)\s?)?(?P<number>{MINUS}(?:{NUMBER}))"
    r"\s?(?:%|\bper ?cent\b|\bpercent\b)",
    re.IGNORECASE,
)
ORDINAL = re.compile(r"\b(?P<number>\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:\.(?=\s\d))?"  # noqa: E501
DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b")
MONTH_DAY_YEAR = re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?")
MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(?P<year>\d{{4}})\b")
DAY_RANGE = re.compile(rf"\b(?P<first>\d{{1,2}})\s?[–-]\s?(?P<last>\d{{1,2}})\s+{MONTH}")
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
UNITS = {
    "km/h": "kilometres an hour", "km": "kilometres", "kg": "kilograms", "cm": "centimetres",
    "mm": "millimetres", "m": "metres", "kW": "kilowatts", "MW": "megawatts", "GW": "gigawatts",
    "kWh": "kilowatt hours", "MWh": "megawatt hours", "°C": "degrees Celsius", "°F": "degrees Fahrenheit",
    "ha": "hectares", "t": "tonnes",
}  # fmt: skip
UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
UNIT = re.compile(
    rf"(?<!\d)(?:(?P<low>{NUMBER})\s?[–—-]\s?)?(?P<number>{MINUS}(?:{NUMBER}))\s?(?P<unit>{UNIT_NAMES})"
    r"(?![\w/])"
)
# What a newsroom counts in thousands and millions ("2024 people", "2.5m tonnes").
COUNTED = [
    "people", "persons", "residents", "citizens", "voters", "votes", "ballots", "seats", "members",
    "delegates", "supporters", "fans", "spectators", "viewers", "listeners", "readers", "subscribers",
    "users", "customers", "passengers", "visitors", "tourists", "workers", "employees", "staff", "jobs",
    "families", "households", "homes", "houses", "flats", "apartments", "buildings", "schools", "children",
    "pupils", "students", "teachers", "doctors", "nurses", "patients", "adults", "men", "women", "babies",
    "soldiers", "troops", "civilians", "refugees", "migrants", "prisoners", "hostages", "detainees",
    "officers", "police", "volunteers", "fighters", "casualties", "victims", "deaths", "dead", "wounded",
    "injured", "cases", "infections", "arrests", "participants", "entries", "applications", "signatures",
    "complaints", "cars", "vehicles", "buses", "tanks", "drones", "missiles", "rockets", "shells", "bombs",
    "aircraft", "planes", "ships", "boats", "tonnes", "tons", "kilograms", "kilos", "litres", "gallons",
    "barrels", "metres", "kilometres", "miles", "feet", "acres", "hectares", "dollars", "euros", "pounds",
    "hryvnias", "yen", "years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries",
    "trees", "animals", "cattle", "sheep", "pigs", "birds", "words", "pages", "copies", "books", "letters",
    "emails", "messages", "calls", "beds", "tickets", "meals", "points", "more", "others", "times"
]  # fmt: skip
# Counted too, but "the 100m runners" ran a hundred metres.
ATHLETES = ["runners", "athletes", "competitors", "cyclists", "swimmers"]
# A four-digit number from 1100 to 2099 standing alone ("2024", "2022's", "1914–18", "2024/25",
# "between 2010 and 2020") is a year: newsroom style writes a count of a thousand or more with a
# comma ("1,250 people"). It is a count (a cardinal, read later) when a unit or something counted
# follows it ("2024 people", "1500 km", "1200 of them", "a 1500-strong crowd") or a word of
# quantity comes before it ("some 1500", "more than 1200"), unless a word that introduces a
# date comes before it ("in 2024 people voted", "since 1990").
YEAR_NUMBER = r"1[1-9]\d\d|20\d\d"
YEAR = re.compile(
    rf"(?<![\w.,/:+-])(?P<first>{YEAR_NUMBER})"
    r"(?:(?:\s?[–—-]\s?|/)(?P<tail>\d\d)(?!\d)"
    rf"|(?P<join>\s?[–—-]\s?|/|\s+(?:and|or|to|until|till)\s+)(?P<second>{YEAR_NUMBER}))?"
    r"(?!\w|[.,:/]\d|[–—-]\w)"
)
YEAR_LEAD_IN = re.compile(
    r"\b(?:in|since|until|till|before|after|early|late|mid|spring|summer|autumn|winter|year|circa)\s+$",
    re.IGNORECASE,
)
COUNT_LEAD_IN = re.compile(
    r"\b(?:some|nearly|almost|roughly|approximately|estimated|another|further|more than|fewer than"
    r"|less than|at least|as many as|total of)\s+$",
    re.IGNORECASE,
)
COUNTED_AFTER_NUMBER = re.compile(
    rf"\s?(?:°|(?:{UNIT_NAMES})(?![\w/]))|\s+(?i:{'|'.join(COUNTED + ATHLETES)}|of|per|each)\b(?!['’]\w)"
)
# "1.2bn", "3 mn" are always thousands of millions. A single letter is a magnitude only before
# something counted, with at most one word between ("2.5m people", "10m new jobs", "7k
# runners"); otherwise "m" is metres ("a 100m sprint", "a 10m high wall") and "k" is said as
# written ("a 5k race" is five K).
MAGNITUDE = re.compile(
    rf"(?<![\w.,])(?:(?P<low>{NUMBER})(?:\s?(?i:bn|mn|tn)|[mkbMKB])?\s?[–—-]\s?)?(?P<number>{NUMBER})"
    r"(?:\s?(?P<word>(?i:bn|mn|tn))|(?P<letter>[mkbMKB]))(?!\w)"
)
COUNTED_AFTER_MILLION = re.compile(rf"\s+(?:[a-z]+\s+)?(?i:{'|'.join(COUNTED)})\b")
COUNTED_AFTER_THOUSAND = re.compile(rf"\s+(?:[a-z]+\s+)?(?i:{'|'.join(COUNTED + ATHLETES)})\b")
DECADE = re.compile(r"\b(?P<year>1[1-9]\d0|20\d0)s\b")
# "the '70s", "in '95": the century is left out, as it is when said.
SHORT_DECADE = re.compile(r"(?<![\w'’])['’](?P<decade>\d0)s\b")
SHORT_YEAR = re.compile(r"(?<![\w'’])['’](?P<year>\d\d)(?![\w'’]|[.,:/]\d)")
# Telephone numbers are read digit by digit in their groups. Only what cannot be anything else:
# international ("+380 44 123 4567", "+44 (0)20 7946 0958"), national from a leading zero
# ("0800 123 456", "044 123 4567"), an area code in brackets ("(555) 123-4567") or
# "555-123-4567"; eight to fifteen digits in all.
PHONE = re.compile(
    r"(?<![\w+(.,])(?:"
    r"\+\d{1,3}(?:[ -](?:\(0\) ?)?\d{1,4}){2,5}"
    r"|\(\d{3,5}\) ?\d{3,4}[ -]\d{3,4}"
    r"|0\d{2,4}(?:[ -]\d{2,4}){1,3}"
    r"|\d{3}(?P<separator>[-.])\d{3}(?P=separator)\d{4}"
    r")(?!\w|[.,:/-]\d)"
)
# "v2.0", "version 3.1.4", "iOS 17.10": each part is a number ("seventeen point ten").
VERSION = re.compile(
    r"(?<![\w.])(?:(?P<v>[vV])(?=\d+\.\d)|(?P<name>(?:[Vv]ersions?|iOS|iPadOS|macOS|watchOS|Android|Windows)\s+))"
    r"(?P<number>\d+(?:\.\d+)+)(?!\w|\.\d)"
)
TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b",
    re.IGNORECASE,
)
RANGE = re.compile(rf"(?<!\d)(?P<low>{NUMBER})\s?[–—-]\s?(?P<high>{NUMBER})(?=\s|$|[.,;:!?)])")
FRACTION_NAMES = {2: ("half", "halves"), 4: ("quarter", "quarters")}
# "1/2", "3/4", "2/3": fractions up to tenths; "2 1/2": two and a half.
MIXED_FRACTION = re.compile(r"(?<![\w/.])(?P<whole>\d+)[ \u00a0](?P<num>\d)/(?P<den>\d{1,2})(?![\w/]|[.,]\d)")
FRACTION = re.compile(r"(?<![\w/.])(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\w/]|[.,]\d)")
# "12/03/2024": day and month are ambiguous, so the numbers are read as written.
SLASH_DATE = re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b")
# Any other slash between numbers ("24/7", "9/11", "12/03/2024") is read as a space.
NUMBER_SLASH = re.compile(r"(?<=\d)/(?=\d)")
# "Covid-19", "F-16": the hyphen is not a minus sign. After a number's unit or magnitude
# ("$500m-1bn") it is the dash of a range.
LETTER_HYPHEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?<!\d[^\W\d_])(?<!\d[^\W\d_]{2})-(?=\d)")
DOTTED = re.compile(r"\b\d+(?:\.\d+){2,}\b")
# A number glued to letters ("Q3", "3.5GHz") is read on its own, decimals and all.
PLAIN_NUMBER = re.compile(rf"(?<![\w.])-?(?:{NUMBER})(?!\w|\.\d)|\d+(?:\.\d+)?")
# Abbreviations that are always read the same way. Ambiguous ones ("PM" a
# prime minister or the afternoon) belong in the newsroom's pronunciation
# dictionary, where an editor chooses; "St" is told apart below.
ABBREVIATIONS = {
    "Mr.": "Mister", "Mr": "Mister", "Mrs.": "Missus", "Mrs": "Missus", "Dr.": "Doctor", "Dr": "Doctor",
    "Prof.": "Professor", "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel", "Sgt.": "Sergeant",
    "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus",
    "approx.": "approximately", "No.": "number", "Nos.": "numbers", "Jr.": "Junior", "Sr.": "Senior",
    "Ltd.": "Limited", "Ltd": "Limited", "Inc.": "Incorporated", "Corp.": "Corporation",
    "U.S.": "United States", "U.S.A.": "United States of America", "U.K.": "United Kingdom",
}  # fmt: skip
# Abbreviations a sentence often ends with: their full stop is kept when a
# new sentence (a capital) or the end of the passage follows ("Acme Ltd. It
# said" is two sentences). Titles ("Dr.") never end one; "U.S." and "U.K."
# are mostly adjectives ("the U.S. Army"), ending a sentence only at the end.
SENTENCE_FINAL_ABBREVIATIONS = {"etc.", "Jr.", "Sr.", "Ltd.", "Inc.", "Corp."}
PLACE_ABBREVIATIONS = {"U.S.", "U.S.A.", "U.K."}
ABBREVIATION = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?=\s|$|[,;:!?)\-])"
)
NEW_SENTENCE = re.compile(r"\s+[\"“‘'(]*[A-Z]")
# "St" is a saint before a name ("St. Paul", "St Mary's") and a street after
# one ("Baker St."); a capitalised word such as "The" that starts sentences
# is not a name.
SAINT_OR_STREET = re.compile(
    r"(?<![\w.])(?:(?P<before>[A-Z][\w'’-]*)(?P<space>\s+))?St(?P<dot>\.)?(?=\s|$|[,;:!?)])"
)
NOT_NAMES = {
    "The", "A", "An", "At", "In", "On", "Of", "To", "From", "By", "For", "And", "But", "Near", "Outside",
    "Inside", "Behind", "Along", "Off", "Via", "With", "Visit", "Visiting", "Old", "New", "Great",
}  # fmt: skip
WORD_SLASH = re.compile(r"(?<![\w/])(?P<first>[^\W\d_]+)/(?P<second>[^\W\d_]+)(?![\w])")
NUMBER_SIGN = re.compile(r"(?<!\w)No\.\s?(?=\d)")
SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "°": " degrees ", "§": " section ", "#": " number "}

# Ukrainian (and Russian) letters in Latin, after Ukraine's national
# transliteration table (2010): an English narrator reads "Zelenskyi",
# not the names of Cyrillic letters.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ъ": "", "ы": "y", "э": "e", "ё": "io", "'": "", "’": "",
}  # fmt: skip
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff'’]*")


def transliterate(word: str) -> str:
    """A Cyrillic word in Latin letters: "Зеленський" → "Zelenskyi"."""
    out = "".join(CYRILLIC.get(ch.lower(), ch.lower()) for ch in word)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def transliterate_cyrillic(text: str) -> str:
    return CYRILLIC_WORD.sub(lambda m: transliterate(m[0]), text)


KEPT_PUNCTUATION = set("–—‘’“”…")


def latin_letters(text: str) -> str:
    """Drop accents ("Škoda" → "Skoda") and every character no engine can say.

    A letter or digit of a script the voices do not know becomes a space (the
    word boundary stays) rather than the character's name being read out.
    """
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(ch)
        if category == "Mn":  # combining accents
            continue
        if ch.isascii() or ch in KEPT_PUNCTUATION:
            out.append(ch)
        elif category.startswith(("L", "N", "Z")):
            out.append(" ")
    return "".join(out)


def dictionary_pattern(entries: Mapping[str, str]) -> re.Pattern | None:
    words = sorted((w for w in entries if w.strip()), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def apply_dictionary(text: str, entries: Mapping[str, str], pattern: re.Pattern | None = None) -> str:
    """Each whole word of the dictionary (case-sensitive) said as it says; Cyrillic in Latin letters.

    An entry matches a word as written ("Зеленський", "Kyiv") and, where the
    text is Cyrillic, as transliterated: an entry "Zelenskyi" is said for
    "Зеленський" too. The words as written are looked up first, so an entry
    in Cyrillic wins over one for its transliteration; what an entry says is
    never looked up again.
    """
    pattern = pattern if pattern is not None else dictionary_pattern(entries)
    if pattern is None:
        return transliterate_cyrillic(text)
    said, start = [], 0
    for m in pattern.finditer(text):
        said += [_transliterated_entries(text[start : m.start()], entries, pattern), entries[m[0]]]
        start = m.end()
    said.append(_transliterated_entries(text[start:], entries, pattern))
    return transliterate_cyrillic("".join(said))


def _transliterated_entries(text: str, entries: Mapping[str, str], pattern: re.Pattern) -> str:
    """Text none of whose words is an entry as written, with Cyrillic words looked up in Latin letters."""
    if not CYRILLIC_WORD.search(text):
        return text
    return pattern.sub(lambda m: entries[m[0]], transliterate_cyrillic(text))


def _date(day: str | None, month: str, year_text: str | None) -> str:
    name = MONTH_NAMES.get(month.lower().rstrip("."), month)
    words = name
    if day:
        words = f"{name} {ordinal(int(day))}" if 1 <= int(day) <= 31 else f"{name} {cardinal(int(day))}"
    if year_text:
        words += f", {year(int(year_text))}"
    return words


def _iso_date(m: re.Match) -> str:
    month, day = int(m["month"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return f"{digits(m['year'])} {digits(m['month'])} {digits(m['day'])}"
    return _date(m["day"], MONTHS[month - 1], m["year"])


def _time(m: re.Match) -> str:
    if m["hour24"] is not None:
        hour, minute, suffix = int(m["hour24"]), int(m["minute24"]), ""
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        suffix = " a.m." if m["half"].lower() == "a" else " p.m."
    if minute == 0:
        spoken = cardinal(hour) + (suffix or " hundred")
    else:
        spoken = f"{cardinal(hour)} {'oh ' + ONES[minute] if minute < 10 else cardinal(minute)}{suffix}"
    return spoken


def _number(text: str) -> str:
    negative = text.startswith("-")
    text = text.lstrip("-")
    if not text:
        return ""
    if "," in text and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return digits(text)
    plain = text.replace(",", "")
    if "." in plain:
        words = decimal(plain)
    elif len(plain) > 1 and plain.startswith("0"):
        words = digits(plain)
    else:
        words = whole_number(plain)
    return ("minus " if negative else "") + words


def fraction(numerator: int, denominator: int, article: bool = False) -> str | None:
    """``3, 4`` → "three quarters"; None for what is not read as a fraction ("24/7", "5/3")."""
    if not (2 <= denominator <= 10 and 0 < numerator < denominator):
        return None
    one, many = FRACTION_NAMES.get(denominator, (ordinal(denominator), ordinal(denominator) + "s"))
    if numerator == 1:
        return f"{'a' if article else 'one'} {one}"
    return f"{cardinal(numerator)} {many}"


def _mixed_fraction(m: re.Match) -> str:
    part = fraction(int(m["num"]), int(m["den"]), article=True)
    return f"{m['whole']} and {part}" if part else m[0]


def _fraction(m: re.Match) -> str:
    return fraction(int(m["num"]), int(m["den"])) or m[0]


def _range(m: re.Match) -> str:
    """The low end of a range of percentages, units or magnitudes ("5-7 km" → "five to "), if any."""
    return f"{_number(m['low'])} to " if m["low"] else ""


def _percent(m: re.Match) -> str:
    return f"{_range(m)}{_number(m['number'])} percent"


def _unit(m: re.Match) -> str:
    return f"{_range(m)}{_number(m['number'])} {UNITS[m['unit']]}"


def _magnitude(m: re.Match) -> str:
    letter = m["letter"]
    counted = COUNTED_AFTER_MILLION if letter in ("m", "M") else COUNTED_AFTER_THOUSAND
    if letter and not counted.match(m.string, m.end()):
        return m[0]
    return f"{_range(m)}{_number(m['number'])} {MAGNITUDES[(letter or m['word']).lower()]}"


def _is_count(m: re.Match) -> bool:
    """Whether a year-like number is a count instead (see ``YEAR``)."""
    start, before = m.start(), max(0, m.start() - 20)
    if YEAR_LEAD_IN.search(m.string, before, start):
        return False
    return bool(
        COUNT_LEAD_IN.search(m.string, before, start) or COUNTED_AFTER_NUMBER.match(m.string, m.end())
    )


def _years(m: re.Match) -> str:
    if _is_count(m):
        return m[0]
    first = int(m["first"])
    if m["tail"]:
        # "1914-18", "2023/24", "1999-00": the later year, in the next century if need be.
        last = first // 100 * 100 + int(m["tail"])
        last += 100 if last <= first else 0
        if last - first > 30:
            return m[0]  # "2023-11" is not a range of years
        if last // 100 != first // 100 or 2000 <= last < 2010:
            return f"{year(first)} to {year(last)}"
        return f"{year(first)} to {year(last).split(' ', 1)[1]}"
    if m["second"]:
        second = int(m["second"])
        if m["join"].strip().isalpha():  # "2010 and 2020", "1914 to 1918"
            return f"{year(first)}{m['join']}{year(second)}"
        return f"{year(first)} to {year(second)}" if second > first else m[0]
    return year(first)


def _short_decade(m: re.Match) -> str:
    return "noughties" if m["decade"] == "00" else _decade(cardinal(int(m["decade"])))


def _short_year(m: re.Match) -> str:
    n = int(m["year"])
    if n == 0:
        return "two thousand"
    return f"oh {ONES[n]}" if n < 10 else cardinal(n)


def _phone(m: re.Match) -> str:
    groups = re.findall(r"\d+", m[0].replace("(0)", ""))
    if not 8 <= sum(len(group) for group in groups) <= 15:
        return m[0]
    return ("plus " if m[0].startswith("+") else "") + ", ".join(digits(group) for group in groups)


def _version(m: re.Match) -> str:
    parts = " point ".join(_number(part) for part in m["number"].split("."))
    return ("version " if m["v"] else m["name"]) + parts


def numbers_and_dates(text: str) -> str:
    """Money, percentages, dates, times, ordinals, units, ranges and plain numbers, in words."""
    text = NUMBER_SIGN.sub("number ", text)
    text = LETTER_HYPHEN_DIGIT.sub(" ", text)
    text = PHONE.sub(_phone, text)
    text = MONEY.sub(_money, text)
    text = MONEY_CODE.sub(_money, text)
    text = PERCENT.sub(_percent, text)
    text = VERSION.sub(_version, text)
    text = ISO_DATE.sub(_iso_date, text)
    text = DAY_RANGE.sub(
        lambda m: f"{_date(m['first'], m['month'], None)} to {ordinal(int(m['last']))}", text
    )
    text = DAY_MONTH_YEAR.sub(lambda m: _date(m["day"], m["month"], m["year"]), text)
    text = MONTH_DAY_YEAR.sub(lambda m: _date(m["day"], m["month"], m["year"]), text)
    text = MONTH_YEAR.sub(lambda m: _date(None, m["month"], m["year"]), text)
    text = DECADE.sub(lambda m: _decade(year(int(m["year"]))), text)
    text = SHORT_DECADE.sub(_short_decade, text)
    text = SHORT_YEAR.sub(_short_year, text)
    text = MAGNITUDE.sub(_magnitude, text)
    text = YEAR.sub(_years, text)
    text = ORDINAL.sub(
        lambda m: ordinal(int(m["number"])) if len(m["number"]) < 16 else digits(m["number"]), text
    )
    text = UNIT.sub(_unit, text)
    text = SLASH_DATE.sub(
        lambda m: f"{cardinal(int(m['first']))} {cardinal(int(m['second']))} {year(int(m['year']))}", text
    )
    text = MIXED_FRACTION.sub(_mixed_fraction, text)
    text = FRACTION.sub(_fraction, text)
    text = NUMBER_SLASH.sub(" ", text)
    text = RANGE.sub(lambda m: f"{_number(m['low'])} to {_number(m['high'])}", text)
    text = DOTTED.sub(lambda m: " point ".join(_number(part) for part in m[0].split(".")), text)
    text = PLAIN_NUMBER.sub(lambda m: f" {_number(m[0])} " if m[0][:1] != "-" else f" {_number(m[0])}", text)
    # "a 19-year-old": the words stay joined as they were written.
    return NUMBER_THEN_HYPHEN.sub("-", text)


NUMBER_THEN_HYPHEN = re.compile(r"(?<=[a-z]) -(?=[^\W\d_])")


def _decade(words: str) -> str:
    """ "nineteen sixty" → "nineteen sixties"."""
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _abbreviation(m: re.Match) -> str:
    written, said = m[0], ABBREVIATIONS[m[0]]
    rest = m.string[m.end() :]
    if written in SENTENCE_FINAL_ABBREVIATIONS and (not rest.strip() or NEW_SENTENCE.match(rest)):
        return said + "."
    if written in PLACE_ABBREVIATIONS and not rest.strip():
        return said + "."
    return said


def _saint_or_street(m: re.Match) -> str:
    before = m["before"] if m["before"] not in NOT_NAMES else None
    rest = m.string[m.end() :]
    name_follows = bool(re.match(r"\s+[A-Z]", rest))
    lead = f"{m['before']}{m['space']}" if m["before"] else ""
    if before or not name_follows:
        # "Baker St. The shop": the street, and a sentence ending after it.
        end = "." if m["dot"] and (name_follows or not rest.strip()) else ""
        return f"{lead}Street{end}"
    return f"{lead}Saint"


def _word_slash(m: re.Match) -> str:
    first, second = m["first"], m["second"]
    if first.lower() == "and" and second.lower() == "or":
        return "and or"
    if first.isupper() and second.isupper():  # "TCP/IP", "AC/DC"
        return f"{first} {second}"
    return f"{first} or {second}"  # "his/her", "Kyiv/Kiev"


def abbreviations(text: str) -> str:
    text = SAINT_OR_STREET.sub(_saint_or_street, text)
    text = ABBREVIATION.sub(_abbreviation, text)
    for _ in range(3):  # "a/b/c"
        text = WORD_SLASH.sub(_word_slash, text)
    text = text.replace("/", " ")
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words)
    return text


SPACES = re.compile(r"[ \t\u00a0]+")
SPACE_BEFORE_PUNCTUATION = re.compile(r" +(?=[,.;:!?])")


def speakable(
    text: str, dictionary: Mapping[str, str] | None = None, pattern: re.Pattern | None = None
) -> str:
    """One passage of an article as the narrator should read it (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text)
    # Times first: "7 PM" is the evening even where the dictionary says PM is a prime minister.
    text = TIME.sub(_time, text)
    text = apply_dictionary(text, dictionary or {}, pattern)
    text = numbers_and_dates(text)
    text = abbreviations(text)
    text = latin_letters(text)
    text = SPACE_BEFORE_PUNCTUATION.sub("", SPACES.sub(" ", text))
    return text.strip()


# A full stop after these does not end a sentence.
NOT_SENTENCE_ENDS = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "jr", "sr", "no", "vs"}
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+")
MAX_SENTENCE_WORDS = 60
# "U.N.", "U.S.": capitals with full stops, mostly inside a sentence ("the U.N. Security Council").
INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def split_sentences(text: str, limit: bool = True) -> list[str]:
    """Sentences of a paragraph; a sentence longer than ``MAX_SENTENCE_WORDS`` is cut at commas or words.

    Every word of ``text`` is in exactly one sentence, in order. ``limit=False``
    leaves long sentences whole (``limit_length`` cuts them later).
    """
    sentences: list[str] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip(".!?…")
        written = before.rsplit(None, 1)[-1] if before.split() else ""
        last_word = written.lower()
        following = text[m.end() : m.end() + 1]
        if (
            following.islower()
            or last_word in NOT_SENTENCE_ENDS
            or (len(last_word) == 1 and last_word.isalpha())
            or INITIALISM.fullmatch(written)
        ):
            continue
        sentences.append(text[start : m.end()].strip())
        start = m.end()
    sentences.append(text[start:].strip())
    if not limit:
        return [sentence for sentence in sentences if sentence]
    return [part for sentence in sentences if sentence for part in limit_length(sentence)]


def limit_length(sentence: str) -> Iterable[str]:
    """A sentence in pieces of at most ``MAX_SENTENCE_WORDS`` words, cut at a comma where one is near."""
    words = sentence.split()
    if len(words) <= MAX_SENTENCE_WORDS:
        yield sentence
        return
    chunk: list[str] = []
    for word in words:
        chunk.append(word)
        long_enough = len(chunk) >= MAX_SENTENCE_WORDS // 2 and word.endswith((",", ";", ":", "—"))
        if long_enough or len(chunk) >= MAX_SENTENCE_WORDS:
            yield " ".join(chunk)
            chunk = []
    if chunk:
        yield " ".join(chunk)
