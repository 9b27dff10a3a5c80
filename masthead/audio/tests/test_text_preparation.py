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


def test_the_dictionary_wins_and_matches_whole_words_as_written():
    dictionary = {"PM": "prime minister", "Kyiv": "Keev", "UN": "U.N."}
    said = speakable("The PM flew to Kyiv for UN talks at 5 PM; UNESCO and pm stay.", dictionary)
    assert said == "The prime minister flew to Keev for U.N. talks at five p.m.; UNESCO and pm stay."


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


def test_headline_standfirst_byline_then_body_without_captions_embeds_or_read_also():
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
        ["Work is done."],
        ["By Marta Hlynska and Ostap Verbny."],
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

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.text(
    alphabet=string.printable + "$€£%:–—°₴Київ", max_size=300
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_prepares_without_error_and_with_no_digits_left(text):
    said = speakable(text)
    assert not re.search(r"[0-9]", said)
    assert said == said.strip()


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_splitting_never_drops_or_adds_a_word(text):
    assert " ".join(split_sentences(text)).split() == text.split()


# Ordinary words: abbreviations ("Jr.") and initials ("A.") are read or joined on purpose.
WORD = st.sampled_from(
    ["the", "council", "river", "bridge", "voted", "money", "school", "water", "night", "morning"]
    + ["people", "city", "road", "train", "said", "would", "after", "before", "many", "houses"]
    + ["workers", "builders", "market", "heating", "winter", "summer"]
)
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
