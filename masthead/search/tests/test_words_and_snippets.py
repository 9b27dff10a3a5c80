"""Units: a query reduced to words, and the marked snippet made from an article."""

import pytest
from django.utils.safestring import SafeString

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import paragraph
from masthead.search.highlight import mark, snippet, words_pattern
from masthead.search.words import MAX_WORDS, search_words, stem


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Tram depot", ("tram", "depot")),
        ("  tram   TRAM tram ", ("tram",)),
        ("' OR 1=1 --", ("or", "1")),
        ('NEAR(tram "depot")*', ("near", "tram", "depot")),
        ("<script>alert(1)</script>", ("script", "alert", "1")),
        ("council's budget_2025", ("council", "s", "budget", "2025")),
        ("трамвай Київ", ("трамвай", "київ")),
        ("*** --- !!!", ()),
    ],
)
def test_queries_become_plain_words(query, words):
    assert search_words(query).words == words


def test_long_queries_keep_their_first_words_and_say_so():
    result = search_words(" ".join(f"word{i}" for i in range(100)) + " " + "x" * 500)
    assert len(result.words) == MAX_WORDS and result.cut
    assert not search_words("one two").cut
    assert len(search_words("y" * 2000).words[0]) == 40


def test_stems_drop_common_suffixes_but_keep_short_words():
    assert [stem(w) for w in ("floods", "flooding", "flooded", "buses", "news", "bus", "sing")] == [
        "flood",
        "flood",
        "flood",
        "buse",
        "news",
        "bus",
        "sing",
    ]


def test_mark_escapes_everything_and_marks_whole_words():
    marked = mark("<b>Floods</b> & flooding; a floodplain, unflooded", words_pattern(["flood"]))
    assert isinstance(marked, SafeString)
    assert marked == (
        "&lt;b&gt;<mark>Floods</mark>&lt;/b&gt; &amp; <mark>flooding</mark>; "
        "a <mark>floodplain</mark>, unflooded"
    )
    assert mark("<i>x</i>", None) == "&lt;i&gt;x&lt;/i&gt;"


def make_article(standfirst: str, text: str) -> ArticlePage:
    return ArticlePage(title="A headline", standfirst=standfirst, body=[paragraph(text)])


def test_snippet_centres_on_the_passage_with_most_searched_words():
    filler = "Nothing to see in this sentence at all. " * 10
    text = filler + "The ferry left. " + filler + "The ferry timetable changes in May. " + filler
    result = snippet(make_article("", text), ["ferry", "timetable"])
    assert "<mark>ferry</mark> <mark>timetable</mark> changes in May." in result
    assert result.startswith("… ") and result.endswith(" …")
    assert len(result) < 400


def test_snippet_falls_back_to_the_opening_when_the_words_are_elsewhere():
    result = snippet(make_article("The council met & argued.", "Long debate. " * 50), ["headlineword"])
    assert result.startswith("The council met &amp; argued. Long debate.")
    assert "<mark>" not in result


def test_snippet_reads_entities_in_rich_text_as_the_reader_sees_them():
    result = snippet(make_article("", "Fish &amp; chips &lt;3 at the pier."), ["pier"])
    assert result == "Fish &amp; chips &lt;3 at the <mark>pier</mark>."
