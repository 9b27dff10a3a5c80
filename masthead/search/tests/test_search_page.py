"""The search page as a reader uses it: words in, ranked and marked articles out."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from lxml import html

from masthead.articles.tests.factories import ArticleFactory, paragraph
from masthead.search.views import RESULTS_PER_PAGE

from .conftest import article

KYIV = ZoneInfo("Europe/Kyiv")


def page_of(response, status=200):
    assert response.status_code == status, response.content[:2000]
    return html.fromstring(response.content)


def titles(tree) -> list[str]:
    return [t.text_content() for t in tree.xpath("//article[@class='search-result']//h3")]


def test_header_has_a_search_box_that_works_without_javascript(client, sections):
    tree = page_of(client.get("/"))
    form = tree.xpath("//header//form[@role='search']")[0]
    assert form.get("action") == "/search/"
    assert form.get("method") == "get"
    assert form.xpath(".//input[@name='q']")
    assert form.xpath(".//label[@for='site-search-q']")


def test_headline_match_ranks_above_body_match(client, sections):
    city = sections["city"]
    in_body = article(
        city,
        "Night buses change their routes",
        "Drivers say the zephyr timetable is late. The zephyr route is new. Zephyr buses run hourly.",
    )
    in_title = article(city, "Zephyr buses arrive in the old town", "The buses are quiet and green.")
    article(city, "Unrelated story about bread", "Bakers raise prices.")
    tree = page_of(client.get("/search/", {"q": "zephyr"}))
    assert titles(tree) == [in_title.title, in_body.title]


def test_finds_standfirst_tags_and_author_names(client, sections, reporter):
    city = sections["city"]
    by_standfirst = article(city, "A quiet week", standfirst="The quarry on Lime Street reopens.")
    by_tag = article(city, "Markets report", tags=["cobblestones"])
    by_author = article(city, "Second market report", authors=[reporter])
    assert titles(page_of(client.get("/search/?q=quarry"))) == [by_standfirst.title]
    assert titles(page_of(client.get("/search/?q=cobblestones"))) == [by_tag.title]
    assert titles(page_of(client.get("/search/?q=Ostrozhna"))) == [by_author.title]


def test_all_words_must_match_else_any_word_with_a_note(client, sections):
    city = sections["city"]
    both = article(city, "Tram depot and ferry pier", "The tram depot stands by the ferry pier.")
    tram = article(city, "Tram fares", "Tram fares rise in spring.")
    tree = page_of(client.get("/search/?q=tram+ferry"))
    assert titles(tree) == [both.title]
    assert "have some of them" not in tree.text_content()

    tree = page_of(client.get("/search/?q=tram+walrus"))
    assert set(titles(tree)) == {both.title, tram.title}
    assert "No article has all of these words; these have some of them." in tree.text_content()


def test_words_may_be_split_between_headline_and_text(client, sections):
    found = article(sections["city"], "Tram depot reopens", "Passengers can change to the ferry at the pier.")
    article(sections["city"], "Ferry strike ends", "Boats sail again.")
    assert titles(page_of(client.get("/search/?q=tram+ferry"))) == [found.title]
    # "the" is a stop word to PostgreSQL and an ordinary word to SQLite: either way it hides nothing
    assert titles(page_of(client.get("/search/?q=the+tram"))) == [found.title]


def test_snippet_shows_the_passage_with_the_words_marked(client, sections):
    filler = "The weather was mild and the streets were busy with shoppers. " * 8
    article(
        sections["city"],
        "Library news",
        filler + "The new library will open its reading garden in May. " + filler,
    )
    tree = page_of(client.get("/search/?q=reading+garden"))
    snippet = tree.xpath("//p[@class='search-result__snippet']")[0]
    assert [m.text for m in snippet.xpath(".//mark")] == ["reading", "garden"]
    assert "The new library will open its reading garden in May." in snippet.text_content()
    assert snippet.text_content().startswith("…") and snippet.text_content().endswith("…")


def test_headline_words_are_marked_too(client, sections):
    article(sections["city"], "Floods close the river road")
    tree = page_of(client.get("/search/?q=flood"))
    assert tree.xpath("//h3[@class='search-result__title']//mark/text()") == ["Floods"]


def test_markup_in_articles_and_queries_is_escaped(client, sections):
    article(
        sections["city"],
        "Scripts <b>and</b> tags",
        "Editors wrote &lt;script&gt;alert(1)&lt;/script&gt; about the marquee &amp; the fish.",
    )
    response = client.get("/search/", {"q": "<script>alert(1)</script> marquee"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>" not in body
    assert body.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # the query, echoed back as text
    tree = html.fromstring(body)
    assert titles(tree) == ["Scripts <b>and</b> tags"]
    # no script but the site's own (loaded by address) and structured data
    injected = "//script[not(@src) and not(@type='application/ld+json')]"
    assert not tree.xpath("//article[@class='search-result']//b | " + injected)
    snippet = tree.xpath("//p[@class='search-result__snippet']")[0]
    assert "wrote <script>alert(1)</script> about the marquee & the fish." in snippet.text_content()
    assert snippet.xpath(".//mark/text()") == ["script", "alert", "1", "script", "marquee"]


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"',
        '"unbalanced quote',
        "*",
        "tram*",
        "AND",
        "tram AND OR NOT",
        "NEAR(tram depot)",
        "NEAR(",
        "title:tram",
        "{title body}: tram",
        "tram -depot",
        "^tram",
        "tram & | ! : ( ) <-> \\",
        "%_%",
        "<script>alert(1)</script>",
        "\u0000tram",
        "трамвай Київ",
        "x" * 2000,
        " ".join(["tram"] * 1000),
    ],
)
def test_awkward_queries_never_fail(client, sections, query):
    article(sections["city"], "Tram depot reopens", "The tram depot reopens on Monday.")
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"search-form" in response.content


def test_long_query_searches_the_first_words_and_says_so(client, sections):
    target = article(sections["city"], "Tram depot reopens", "The tram depot reopens on Monday.")
    words = ["tram", "depot"] + [f"word{i}" for i in range(400)]
    tree = page_of(client.get("/search/", {"q": " ".join(words)}))
    assert "Only the first 12 words were searched for." in tree.text_content()
    assert titles(tree) == [target.title]  # the first words match; the rest, any-word fallback


def test_empty_query_shows_the_form_and_no_results(client, sections):
    article(sections["city"], "Tram depot reopens")
    for query in ("", "   ", "!!! ---"):
        tree = page_of(client.get("/search/", {"q": query}))
        assert not titles(tree)
        assert "Type one or more words" in tree.text_content()
    tree = page_of(client.get("/search/"))
    assert tree.xpath("//main//form[@role='search']//input[@name='q']")


def test_filters_by_section(client, sections):
    in_city = article(sections["city"], "Bridge repairs in the city")
    in_business = article(sections["business"], "Bridge builders win contract")
    tree = page_of(client.get("/search/?q=bridge&section=city"))
    assert titles(tree) == [in_city.title]
    tree = page_of(client.get("/search/?q=bridge&section=business"))
    assert titles(tree) == [in_business.title]
    tree = page_of(client.get("/search/?q=bridge&section="))
    assert set(titles(tree)) == {in_city.title, in_business.title}
    selected = tree.xpath("//select[@name='section']/option/text()")
    assert selected == ["All sections", "City", "Business"]


def test_filters_by_date_range_in_the_newsrooms_time_zone(client, sections):
    city = sections["city"]
    # 23:30 in Kyiv on 1 March is still 28 February in UTC
    first_march = datetime(2025, 3, 1, 23, 30, tzinfo=KYIV)
    early = article(city, "Market opens early", published_at=datetime(2025, 2, 20, 12, tzinfo=KYIV))
    march = article(city, "Market opens in March", published_at=first_march)
    late = article(city, "Market opens late", published_at=datetime(2025, 4, 2, 9, tzinfo=KYIV))

    def found(**params):
        return set(titles(page_of(client.get("/search/", {"q": "market", **params}))))

    assert found(**{"from": "2025-03-01", "to": "2025-03-01"}) == {march.title}
    assert found(**{"from": "2025-03-01"}) == {march.title, late.title}
    assert found(to="2025-02-28") == {early.title}
    assert found(**{"from": "2025-05-01"}) == set()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "yesterday"}, "Enter a date as YYYY-MM-DD"),
        ({"to": "2025-02-30"}, "Enter a date as YYYY-MM-DD"),
        ({"from": "0001-01-01"}, "Enter a date between 1800 and 2999."),
        ({"to": "9999-12-31"}, "Enter a date between 1800 and 2999."),
        ({"from": "2025-03-02", "to": "2025-03-01"}, "The “from” date is later than the “to” date."),
        ({"section": "no-such-section"}, "There is no section “no-such-section”"),
        ({"sort": "random"}, "Select a valid choice."),
    ],
)
def test_bad_filters_get_a_clear_message(client, sections, params, message):
    article(sections["city"], "Market opens early")
    response = client.get("/search/", {"q": "market", **params})
    tree = page_of(response, status=400)
    errors = tree.xpath("//div[@class='form-errors']")[0].text_content()
    assert message in errors
    assert not titles(tree)
    # the reader's words and dates are kept in the form to be corrected
    assert tree.xpath("//main//input[@name='q']/@value") == ["market"]
    for name in ("from", "to"):
        if name in params:
            assert tree.xpath(f"//main//input[@name='{name}']/@value") == [params[name]]


def test_only_live_public_articles_of_this_site_are_found(client, sections):
    from wagtail.models import PageViewRestriction

    city = sections["city"]
    public = article(city, "Orchard harvest begins")
    draft = article(city, "Orchard harvest draft")
    draft.unpublish()
    private = article(city, "Orchard harvest private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert titles(page_of(client.get("/search/?q=orchard"))) == [public.title]


def test_newest_first_order(client, sections):
    city = sections["city"]
    old = article(city, "Ferry ferry ferry timetable", published_at=datetime(2024, 1, 1, tzinfo=KYIV))
    new = article(city, "Harbour news", "A ferry called.", published_at=datetime(2025, 1, 1, tzinfo=KYIV))
    assert titles(page_of(client.get("/search/?q=ferry"))) == [old.title, new.title]
    assert titles(page_of(client.get("/search/?q=ferry&sort=newest"))) == [new.title, old.title]


def test_newest_first_pages_are_stable_when_times_are_equal(client, sections):
    same_time = datetime(2025, 5, 1, 9, tzinfo=KYIV)
    made = {article(sections["city"], f"Harbour report {i}", published_at=same_time).title for i in range(13)}
    first = titles(page_of(client.get("/search/?q=harbour&sort=newest")))
    second = titles(page_of(client.get("/search/?q=harbour&sort=newest&page=2")))
    assert len(first) == RESULTS_PER_PAGE and set(first) | set(second) == made


def test_pagination_keeps_the_query_and_filters(client, sections):
    city = sections["city"]
    for i in range(RESULTS_PER_PAGE + 3):
        article(city, f"Harbour report {i}")
    tree = page_of(client.get("/search/?q=harbour&section=city"))
    assert len(titles(tree)) == RESULTS_PER_PAGE
    assert f"{RESULTS_PER_PAGE + 3} articles match “harbour”" in tree.text_content()
    next_link = tree.xpath("//nav[@class='pagination']//a[@rel='next']/@href")[0]
    assert next_link == "?q=harbour&section=city&page=2"
    tree = page_of(client.get("/search/" + next_link))
    assert len(titles(tree)) == 3
    assert tree.xpath("//ol[@class='search-results__list']/@start") == [str(RESULTS_PER_PAGE + 1)]


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1e9", "2.5", "", "9" * 400])
def test_nonsense_page_numbers_are_not_found_never_an_error(client, sections, page):
    article(sections["city"], "Harbour report")
    response = client.get("/search/", {"q": "harbour", "page": page})
    assert response.status_code in (200, 404)


def test_results_page_queries_do_not_grow_with_results(
    client, sections, reporter, django_assert_max_num_queries
):
    city = sections["city"]
    for i in range(RESULTS_PER_PAGE):
        ArticleFactory(
            parent=city,
            title=f"Harbour report {i}",
            authors=[reporter],
            tags=["harbour"],
            body=[paragraph("The harbour was busy.")],
        )
    client.get("/search/?q=harbour")  # warm Wagtail's site and settings caches
    with django_assert_max_num_queries(12):
        tree = page_of(client.get("/search/?q=harbour"))
    assert len(titles(tree)) == RESULTS_PER_PAGE
    assert "by Halyna Ostrozhna" in tree.text_content()


def test_search_page_is_not_for_search_engines_to_index(client, sections):
    tree = page_of(client.get("/search/?q=anything"))
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]
