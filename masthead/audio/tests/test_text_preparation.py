"""Text preparation: what the narrator reads, worked out without any engine."""

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.audio.script import build_script, byline
from masthead.audio.spoken import cardinal, ordinal, speakable, split_sentences, year


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The port lost $30 million.", "The port lost thirty million dollars."),
        ("Tickets cost $9.99 each.", "Tickets cost nine dollars and ninety-nine cents each."),
        ("A €1.5bn loan.", "A one point five billion euros loan."),
        ("Fees of UAH 300 rose.", "Fees of three hundred hryvnias rose."),
        ("Turnout was 12.5%.", "Turnout was twelve point five percent."),
        ("Prices rose 4 per cent.", "Prices rose four percent."),
        ("The 21st session and the 3rd vote.", "The twenty-first session and the third vote."),
        ("It opened on 12 March 2024.", "It opened on March twelfth, twenty twenty-four."),
        ("It opened on March 12, 2024.", "It opened on March twelfth, twenty twenty-four."),
        ("Filed on 2023-11-05.", "Filed on November fifth, twenty twenty-three."),
        ("The siren sounded at 7:31 PM.", "The siren sounded at seven thirty-one p.m."),
        ("The train leaves at 19:05.", "The train leaves at nineteen oh five."),
        (
            "Built in 1998 and rebuilt in 2005.",
            "Built in nineteen ninety-eight and rebuilt in two thousand and five.",
        ),
        ("In the 1990s the mill closed.", "In the nineteen nineties the mill closed."),
        ("A crowd of 1,250 people.", "A crowd of one thousand two hundred and fifty people."),
        ("It was -4 °C at dawn.", "It was minus four degrees Celsius at dawn."),
        ("The road is 30 km long.", "The road is thirty kilometres long."),
        ("Dr. Koval met Mr Fenn.", "Doctor Koval met Mister Fenn."),
        ("Bring tools, e.g. a spade.", "Bring tools, for example a spade."),
        ("Talks on 10–12 May.", "Talks on May tenth to twelfth."),
        ("Café owners in Škoda hats.", "Cafe owners in Skoda hats."),
        ("Олена Зеленська spoke in Київ.", "Olena Zelenska spoke in Kyiv."),
        ("Version 3.5.2 shipped.", "Version three point five point two shipped."),
    ],
)
def test_what_engines_misread_is_written_out(written, said):
    assert speakable(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # Dollars of a named country: the amount, then whose dollars.
        ("It costs US$5.", "It costs five US dollars."),
        ("Only US$1 each.", "Only one US dollar each."),
        ("A US$30m deal.", "A thirty million US dollars deal."),
        (
            "Fares are A$3.50 and C$4.",
            "Fares are three Australian dollars and fifty cents and four Canadian dollars.",
        ),
        ("NZ$2bn and HK$10.", "two billion New Zealand dollars and ten Hong Kong dollars."),
        # Fractions; other slashes between numbers or words.
        ("Half is 1/2 of it.", "Half is one half of it."),
        (
            "It took 3/4 of the budget and 2/3 of the time.",
            "It took three quarters of the budget and two thirds of the time.",
        ),
        ("About 1/10 voted.", "About one tenth voted."),
        ("A 2 1/2 hour wait.", "A two and a half hour wait."),
        ("Open 24/7.", "Open twenty-four seven."),
        ("Since 9/11 and 50/50 odds.", "Since nine eleven and fifty fifty odds."),
        ("Born 12/03/1990.", "Born twelve three nineteen ninety."),
        ("Tick yes and/or no.", "Tick yes and or no."),
        ("Each pupil and his/her parent.", "Each pupil and his or her parent."),
        ("The Kyiv/Kiev spelling and TCP/IP.", "The Kyiv or Kiev spelling and TCP IP."),
        # A hyphen between letters and digits is not a minus sign.
        ("Covid-19 cases fell.", "Covid nineteen cases fell."),
        ("Two F-16 jets.", "Two F sixteen jets."),
        ("A 19-year-old won.", "A nineteen-year-old won."),
        # Saint before a name, street after one; companies; countries.
        ("St. Paul's and St Mary's.", "Saint Paul's and Saint Mary's."),
        ("Shops on Baker St. and King St", "Shops on Baker Street and King Street"),
        ("They met on Baker St. The shop shut.", "They met on Baker Street. The shop shut."),
        ("In St. Petersburg.", "In Saint Petersburg."),
        ("Acme Ltd. and Foo Inc. agreed.", "Acme Limited and Foo Incorporated agreed."),
        ("It sold to Acme Ltd. The deal closed.", "It sold to Acme Limited. The deal closed."),
        ("The U.S. Army and the U.K. economy.", "The United States Army and the United Kingdom economy."),
        ("She flew to the U.S.", "She flew to the United States."),
    ],
)
def test_money_fractions_slashes_hyphens_and_abbreviations(written, said):
    assert speakable(written) == said


def test_initialisms_and_abbreviations_do_not_end_a_sentence_but_a_full_stop_after_them_can():
    text = "The U.S. Army left. The U.N. Security Council met at 7 p.m. Then it rained."
    assert split_sentences(text) == [
        "The U.S. Army left.",
        "The U.N. Security Council met at 7 p.m.",
        "Then it rained.",
    ]
    script = build_script("Headline", "", [], [{"type": "paragraph", "value": f"<p>{text}</p>"}])
    assert script.paragraphs[1] == [
        "The United States Army left.",
        "The U.N. Security Council met at seven p.m.",
        "Then it rained.",
    ]


def test_a_sentence_starting_with_a_number_stays_a_sentence():
    script = build_script("H", "", [], [{"type": "paragraph", "value": "<p>It rained. 12 people came.</p>"}])
    assert script.paragraphs[1] == ["It rained.", "twelve people came."]


def test_a_body_in_a_script_the_voices_do_not_speak_is_counted_as_unreadable():
    body = [{"type": "paragraph", "value": "<p>市议会周二投票决定重建这座老桥。</p>"}]
    script = build_script("Bridge", "", ["Marta Hlynska"], body)
    assert script.body_word_count == 0
    assert script.unreadable_passages == 1
    assert script.paragraphs == [["Bridge."], ["By Marta Hlynska."]]


def test_the_dictionary_wins_and_matches_whole_words_as_written():
    dictionary = {"PM": "prime minister", "Kyiv": "Keev", "UN": "U.N."}
    said = speakable("The PM flew to Kyiv for UN talks at 5 PM; UNESCO and pm stay.", dictionary)
    assert said == "The prime minister flew to Keev for U.N. talks at five p.m.; UNESCO and pm stay."


def test_a_dictionary_entry_in_latin_letters_is_said_for_the_cyrillic_word_too():
    dictionary = {"Zelenskyi": "zeh-LEN-skee", "Volodymyr Zelenskyi": "vo-lo-DY-mir zeh-LEN-skee"}
    said = speakable("Зеленський спитав: Zelenskyi чи Володимир Зеленський?", dictionary)
    assert said == "zeh-LEN-skee spytav: zeh-LEN-skee chy vo-lo-DY-mir zeh-LEN-skee?"


def test_a_dictionary_entry_in_cyrillic_is_said_for_the_word_as_written_and_wins():
    assert (
        speakable("Мер Харкова та Зеленський.", {"Зеленський": "zeh-LEN-skee"})
        == "Mer Kharkova ta zeh-LEN-skee."
    )
    # An entry as written wins over one for the transliteration, and says only the word as written.
    dictionary = {"Зеленський": "zeh-LEN-skee", "Zelenskyi": "zel-EN-ski"}
    assert speakable("Зеленський і Zelenskyi.", dictionary) == "zeh-LEN-skee i zel-EN-ski."


def test_what_a_dictionary_entry_says_is_not_looked_up_again():
    dictionary = {"PM": "prime minister", "minister": "MIN-is-ter", "Kyiv": "Київ"}
    assert speakable("The PM reached Kyiv.", dictionary) == "The prime minister reached Kyiv."
    assert speakable("Київ, not Kyiv Oblast.", {"Kyiv": "Keev"}) == "Keev, not Keev Oblast."


def test_numbers_in_words():
    assert cardinal(0) == "zero"
    assert cardinal(105) == "one hundred and five"
    assert cardinal(2_000_017) == "two million and seventeen"
    assert ordinal(12) == "twelfth"
    assert ordinal(40) == "fortieth"
    assert ordinal(1001) == "one thousand and first"
    assert year(1905) == "nineteen oh five"
    assert year(2000) == "two thousand"


def test_sentences_are_split_but_not_after_titles_and_initials():
    text = 'Mr. Fenn arrived at noon. He said: "Go." Then J. K. Marsh left! Why? nobody knew.'
    assert split_sentences(text) == [
        "Mr. Fenn arrived at noon.",
        'He said: "Go."',
        "Then J. K. Marsh left!",
        "Why? nobody knew.",
    ]


def test_a_run_on_sentence_is_cut_into_pieces_engines_can_take():
    text = " ".join(["word"] * 150) + "."
    pieces = split_sentences(text)
    assert len(pieces) >= 3
    assert all(len(p.split()) <= 60 for p in pieces)


def test_headline_byline_then_standfirst_and_body_without_captions_embeds_or_read_also():
    body = [
        {
            "type": "paragraph",
            "value": "<p>The first <b>paragraph</b> &amp; more.</p><ul><li>One item</li></ul>",
        },
        {"type": "image", "value": {"image": 1, "caption": "A CAPTION", "credit": "A CREDIT"}},
        {"type": "subheading", "value": "What comes next"},
        {"type": "embed", "value": {"embed": "https://example.org/v", "caption": "EMBED CAPTION"}},
        {"type": "read_also", "value": {"article": 3, "label": "READ ALSO"}},
        {"type": "quote", "value": {"text": "We will rebuild it", "attribution": "— the mayor"}},
    ]
    script = build_script("Bridge reopens", "Work is done", ["Marta Hlynska", "Ostap Verbny"], body)
    assert script.paragraphs == [
        ["Bridge reopens."],
        ["By Marta Hlynska and Ostap Verbny."],
        ["Work is done."],
        ["The first paragraph and more."],
        ["One item"],
        ["What comes next."],
        ["We will rebuild it."],
        ["the mayor."],
    ]
    assert script.body_word_count == 16
    for hidden in ("CAPTION", "CREDIT", "READ ALSO"):
        assert hidden not in script.text


def test_byline_names_every_author():
    assert byline([]) == ""
    assert byline(["A"]) == "By A."
    assert byline(["A", "B", "C"]) == "By A, B and C."


def test_the_hash_changes_with_a_word_or_the_voice_and_not_otherwise():
    body = [{"type": "paragraph", "value": "<p>The council met.</p>"}]
    one = build_script("Headline", "", [], body)
    assert one.hash("hibari:heart") == build_script("Headline", "", [], body).hash("hibari:heart")
    assert one.hash("hibari:heart") != one.hash("piper:joe")
    changed = build_script("Headline", "", [], [{"type": "paragraph", "value": "<p>The council left.</p>"}])
    assert changed.hash("hibari:heart") != one.hash("hibari:heart")


# Property tests: whatever an editor types, preparation never crashes, reads
# every digit as words and loses no sentence.

ANY_TEXT = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
    | st.text(alphabet=string.printable + "$€£%:–—°₴Київ", max_size=300)
    | st.lists(
        st.sampled_from(
            ["US$", "A$", "$", "€", "£", "1", "24", "1,250", "3.5", "/", "-", "–", "%", ".", ",", " ", "  "]
            + ["St.", "St", "Ltd.", "Inc.", "U.S.", "U.K.", "Dr.", "No.", "p.m.", "Covid", "Київ", "中文"]
            + ["bn", "m", "k", "km", "°C", "and", "or", "The", "a", "people", "'", "’", "+", "(", ")", "v"]
            + ["0800", "2024", "1914", "2023-24", "s", "00"]
        ),
        max_size=60,
    ).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_prepares_without_error_and_with_no_digits_left(text):
    said = speakable(text)
    assert not re.search(r"[0-9]", said)
    assert said == said.strip()


@settings(max_examples=200, deadline=None)
@given(
    ANY_TEXT,
    st.dictionaries(
        st.sampled_from(["Kyiv", "Київ", "Kyiv Oblast", "PM", "St", "Zelenska", "Олена", "a", "24", "$"]),
        st.sampled_from(["Keev", "Київ", "prime minister", "Saint", "zeh-LEN-ska", "PM", "1"]),
    ),
)
def test_any_text_with_any_dictionary_prepares_without_error(text, dictionary):
    said = speakable(text, dictionary)
    assert not re.search(r"[0-9]", said)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_splitting_never_drops_or_adds_a_word(text):
    assert " ".join(split_sentences(text)).split() == text.split()


# Ordinary words: abbreviations ("Jr.") and initials ("A.") are read or joined on purpose.
ORDINARY_WORDS = (
    ["the", "council", "river", "bridge", "voted", "money", "school", "water", "night", "morning"]
    + ["people", "city", "road", "train", "said", "would", "after", "before", "many", "houses"]
    + ["workers", "builders", "market", "heating", "winter", "summer"]
)
WORD = st.sampled_from(ORDINARY_WORDS)
SENTENCE = st.lists(WORD, min_size=1, max_size=80).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=6), min_size=1, max_size=6))
def test_every_sentence_of_the_body_is_read_in_order(paragraphs):
    body = [{"type": "paragraph", "value": "<p>" + " ".join(p) + "</p>"} for p in paragraphs]
    script = build_script("Headline", "", [], body)
    spoken_words = " ".join(" ".join(p) for p in script.paragraphs[1:]).split()
    written_words = " ".join(" ".join(p) for p in paragraphs).split()
    assert spoken_words == written_words
    short = [s for p in paragraphs for s in p if len(s.split()) <= 60]
    assert all(s in script.sentences for s in short)


# What newsrooms write besides ordinary words: numbers, money, dates, fractions,
# abbreviations, punctuation and Cyrillic names. Each sentence ends with an
# ordinary word and a full stop, so each is a sentence however its middle reads.
NEWSROOM_TOKEN = st.sampled_from(
    ["12", "1,250", "3.5", "0451", "-4", "21st", "1998", "1990s", "12%", "7:30", "7 p.m.", "19:05"]
    + ["$30m", "US$5", "A$3.50", "€1.5bn", "£9.99", "UAH 300", "¥100", "1/2", "3/4", "24/7", "12/03/2024"]
    + ["Covid-19", "F-16", "19-year-old", "10–12 May", "30 km", "-4 °C", "2023-11-05", "No. 5"]
    + ["Dr.", "Mr", "St.", "St", "Ltd.", "Inc.", "U.S.", "U.K.", "U.N.", "e.g.", "etc.", "vs.", "Jr."]
    + ["—", "–", "(", ")", "“quoted”", "‘so’", ",", ";", ":", "…", "&", "+", "#", "/", "and/or"]
    + ["Київ", "Олена", "Зеленська", "Харків", "Škoda", "café", "naïve"]
    + [
        "2024",
        "2022's",
        "1914–1918",
        "2023-24",
        "2024/25",
        "Q3",
        "2.5m",
        "1.2bn",
        "7k",
        "100m",
        "$2-3 billion",
    ]
    + ["10–15%", "5-7", "£10-15m", "'70s", "'95", "1960s", "0800 123 456", "+380 44 123 4567"]
    + ["(555) 123-4567", "v2.0", "iOS 17.2", "3.1.4"]
)
SENTENCE_START = WORD.map(str.capitalize) | st.sampled_from(
    ["12", "$30m", "US$5", "1998", "3/4", "Covid-19", "Dr.", "St.", "U.S.", "Київ", "“Quoted”", "("]
)
MIXED_SENTENCE = st.tuples(SENTENCE_START, st.lists(st.one_of(WORD, NEWSROOM_TOKEN), max_size=30), WORD).map(
    lambda parts: " ".join([parts[0], *parts[1], parts[2]]) + "."
)


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(word == candidate for candidate in remaining) for word in needles)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(MIXED_SENTENCE, min_size=1, max_size=5), min_size=1, max_size=4))
def test_newsroom_text_never_crashes_loses_a_word_or_a_sentence(paragraphs):
    body = [{"type": "paragraph", "value": "<p>" + " ".join(p) + "</p>"} for p in paragraphs]
    script = build_script("Headline", "", [], body)
    assert len(script.paragraphs) == 1 + len(paragraphs)
    for written, said in zip(paragraphs, script.paragraphs[1:], strict=True):
        # Every written sentence is at least one spoken one, none merged with the next.
        assert len(said) >= len(written)
        spoken_text = " ".join(said)
        assert not re.search(r"[0-9]", spoken_text)
        spoken_words = re.findall(r"[a-z]+", spoken_text.lower())
        written_words = [w for w in re.findall(r"[a-z]+", " ".join(written).lower()) if w in ORDINARY_WORDS]
        assert is_subsequence(written_words, spoken_words), (written, said)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1), st.integers(min_value=0, max_value=10**15 - 1)
)
def test_numbers_read_as_words_only_and_different_numbers_differently(n, m):
    words = cardinal(n)
    assert re.fullmatch(r"[a-z -]+", words)
    if n != m:
        assert cardinal(n) != cardinal(m)
    assert re.fullmatch(r"[a-z -]+", ordinal(abs(n)))
