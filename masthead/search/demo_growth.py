# ruff: noqa: E501 - word lists are easier to edit on long lines.
"""A deterministic archive of generated articles, to grow the demo newsroom.

Every word list below was written for Masthead; the articles are put
together from them by a seeded random generator, so article number ``n`` of
seed ``s`` is the same text on every machine. The people, places and
organisations are as fictitious as the rest of the demo (the city of
Korvany, the river Ivra, the Republic of Dalmira).

``grow`` writes articles in bulk (a few statements per few hundred
articles rather than Wagtail's per-page saves) and indexes them for search.
"""

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from masthead.articles.models import ArticleAuthor, ArticlePage, ArticleTag, AuthorPage, SectionPage

# fmt: off
FIRST_NAMES = [
    "Adrian", "Alina", "Bohdan", "Daria", "Emil", "Fedir", "Halyna", "Hanna", "Ihor", "Ilona", "Kira", "Larysa",
    "Lev", "Maksym", "Marta", "Nadia", "Oleksa", "Orysia", "Ostap", "Pavlo", "Roksana", "Ruslan", "Solomiya",
    "Stepan", "Taisia", "Tymur", "Vadym", "Vira", "Yakiv", "Zoryana",
]
LAST_NAMES = [
    "Brezan", "Bystrov", "Cherven", "Dereza", "Dobrava", "Harnyk", "Hlynka", "Hordan", "Ivasko", "Kernych",
    "Lomach", "Lozan", "Mavrin", "Melnar", "Nedilko", "Ordan", "Ostrozh", "Perevoz", "Rovenko", "Savchyn",
    "Sokirka", "Tarnav", "Tsvit", "Vilkha", "Vyshen", "Yavir", "Zabolot", "Zavadan",
]
PLACES = [
    "Zarichna", "the Mill Quarter", "the old town", "the left bank", "Guild Square", "Quay Street",
    "Lantern Street", "Foundry Street", "Cathedral Square", "the Northern Bridge", "the harbour",
    "Nova Hirka", "Lower Ivra", "the station district", "Orchard Hill", "the university quarter",
    "Sokil estate", "the tannery yards", "Willow Island", "the eastern suburbs",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AUDIENCES = [
    "residents", "small businesses", "pensioners", "parents", "students", "commuters", "tenants",
    "drivers", "shop owners", "teachers", "nurses", "cyclists", "farmers", "young families",
]
ROLES = [
    "a spokeswoman for", "a spokesman for", "the head of", "a member of", "the chair of",
    "a lawyer for", "an economist at", "the director of", "a researcher at", "an adviser to",
]
VERBS = [
    ("approves", "approved"), ("delays", "delayed"), ("expands", "expanded"), ("cuts", "cut"),
    ("reopens", "reopened"), ("closes", "closed"), ("reviews", "reviewed"), ("funds", "funded"),
    ("scraps", "scrapped"), ("extends", "extended"), ("redesigns", "redesigned"), ("backs", "backed"),
    ("questions", "questioned"), ("blocks", "blocked"), ("launches", "launched"), ("rethinks", "rethought"),
    ("halts", "halted"), ("speeds up", "sped up"), ("audits", "audited"), ("defends", "defended"),
]
FUTURE = [
    "be finished", "be put out to tender", "start again", "be reviewed once more", "be paid for from the reserve fund",
    "be extended to {place}", "go to a public vote", "be handed to a new contractor", "be scaled back",
]
CRITICS = [
    "will cost far more than promised", "ignores the people who live nearby", "was drawn up without proper consultation",
    "favours a handful of contractors", "comes years too late", "solves the wrong problem",
    "leaves {audience} to pay the bill", "has been rushed through before the holidays",
]
SUPPORTERS = [
    "will save money within a decade", "is the only realistic option", "will bring jobs to {place}",
    "has worked well in other cities", "answers a long-standing complaint from {audience}",
    "is overdue and modest", "will make {place} safer",
]
QUOTES = [
    "We have waited long enough.", "Nobody asked us what we wanted.", "This is a good day for {place}.",
    "The numbers simply do not add up.", "We will keep a close eye on the contractors.",
    "It is too early to say whether it will work.", "People deserve a straight answer.",
    "We are ready to start as soon as the money arrives.", "I have lived here for forty years and never seen anything like it.",
    "Our members are tired of promises.", "The evidence points one way.", "We made mistakes and we are fixing them.",
]
SUBHEADINGS = [
    "What happens next", "The cost", "Why it matters", "A long history", "What residents say",
    "The numbers", "Questions remain", "How it works", "Who decides", "Elsewhere in the region",
]
SENTENCES = [
    "{Org} said on {weekday} that the {thing} would {future} by {month}.",
    "The {thing} has cost {money} so far, according to figures seen by the Ledger.",
    "{Audience} in {place} have complained about the {thing2} for {small} years.",
    "{Person} told the Ledger that the {thing} was discussed at length but never put to a vote.",
    "A decision is expected at the next meeting of {org}, on {weekday} {day} {month}.",
    "Critics say the {thing} {critic}.",
    "Supporters argue that the {thing} {supporter}.",
    "The {thing} was first proposed in {year}, when {org} promised to finish it within two years.",
    "About {people} people attended a public meeting in {place} on {weekday} evening.",
    "The work is due to finish in {month}, {small} weeks later than planned.",
    "{Org} has not responded to questions about the {thing2}.",
    "According to {org}, {percent} per cent of {audience} support the {thing}.",
    "In {place}, the {thing2} remains the most common subject of letters to the Ledger.",
    "{Person}, {role} {org2}, said the {thing} {critic}.",
    "{Person}, who lives in {place}, said {audience} had been left out of the discussion.",
    "The budget for the {thing} rose from {money} to {money2} between {year} and {year2}.",
    "Officials expect the {thing2} to take up most of the {month} session.",
    "The Ledger asked {org2} for documents about the {thing}; it has published only a summary.",
    "Inspectors found {small} faults during a visit to the {thing2} last {month}.",
    "{Org2} will publish its own report on the {thing} before the end of {month}.",
]
STANDFIRSTS = [
    "{Org} says the {thing} will {future} by {month}, but {audience} in {place} are not convinced.",
    "The {thing} was meant to cost {money}. The bill is now {money2}, and {org2} wants to know why.",
    "After {small} months of argument, {org} has made up its mind about the {thing}. Here is what changes for {audience}.",
    "{Audience} in {place} say the {thing} {critic}; {org} says it {supporter}.",
    "A vote on the {thing} is expected on {weekday}. {Percent} per cent of {audience} told a survey they support it.",
    "What we know about the {thing}, who is paying for it and when {place} will see a difference.",
]
HEADLINES = [
    "{Org} {verb} {thing}",
    "{Org} {verb} {thing} in {place}",
    "{Thing} in {place} {participle} again",
    "{Thing} {participle} after {small} months of talks",
    "What the {thing} means for {audience}",
    "{Audience} in {place} split over {thing}",
    "{Org} {verb} {thing} as {audience} protest",
    "Questions over {thing} as costs rise to {money}",
    "{Thing}: {org} {verb} plan for {place}",
    "Why {org} {verb} the {thing}",
]
# fmt: on


@dataclass(frozen=True)
class Beat:
    """What one section writes about: its things, institutions and tags."""

    things: tuple[str, ...]
    orgs: tuple[str, ...]
    tags: tuple[str, ...]


# fmt: off
BEATS = {
    "city": Beat(
        ("tram line", "bus route", "district heating network", "water main", "bicycle lane", "housing estate",
         "public library", "street lighting", "rubbish collection", "parking scheme", "riverside park",
         "school canteen", "kindergarten", "pedestrian bridge", "night market", "playground", "sewer upgrade",
         "snow clearing", "tree planting", "public toilets"),
        ("Korvany City Council", "the city transport company", "the housing department", "Korvany Water",
         "the district administration", "the parks department", "the residents' association"),
        ("city council", "transport", "housing", "budget", "parks", "water"),
    ),
    "politics": Beat(
        ("budget amendment", "election law", "transparency rules", "coalition agreement", "anti-corruption bill",
         "local referendum", "asset declarations", "procurement reform", "regional autonomy plan", "media law",
         "pension reform", "lobbying register", "party funding rules", "civil service exam"),
        ("the National Assembly", "the mayor's office", "the opposition bloc", "the governing coalition",
         "the Central Election Commission", "the finance committee", "the Ministry of the Interior", "the Audit Chamber"),
        ("elections", "city council", "parliament", "corruption", "budget"),
    ),
    "business": Beat(
        ("container terminal", "grain exports", "electricity prices", "bakery chain", "shipyard", "credit union",
         "steel mill", "mortgage rates", "minimum wage", "fuel prices", "start-up fund", "furniture factory",
         "dairy cooperative", "logistics park", "tourist season", "rental market"),
        ("the Port Authority", "the National Bank", "the chamber of commerce", "Ivra Shipping", "the statistics office",
         "the dockworkers' union", "Lowland Dairy", "Korvany Steel"),
        ("economy", "port", "jobs", "prices", "energy"),
    ),
    "justice": Beat(
        ("fraud trial", "appeal hearing", "bribery case", "land dispute", "sentencing hearing", "prison inspection",
         "court backlog", "witness protection rules", "juvenile court", "tax evasion case", "eviction order",
         "defamation suit"),
        ("the District Court", "the Court of Appeal", "the prosecutor's office", "the Bar Association",
         "the ombudsman", "the anti-corruption court", "the police inspectorate"),
        ("courts", "corruption", "police", "human rights"),
    ),
    "region": Beat(
        ("aid convoy", "shelter for displaced families", "border crossing", "power line repairs", "air raid shelters",
         "school enrolment", "humanitarian corridor", "field hospital", "generator deliveries", "bridge reconstruction",
         "evacuation train", "mine clearance"),
        ("the regional administration", "the border guard", "the emergency service", "the volunteer network",
         "the refugee council", "the railway company"),
        ("displaced families", "aid", "border", "energy", "reconstruction"),
    ),
    "science": Beat(
        ("river mussel survey", "flood model", "stroke treatment", "air quality sensors", "vaccine trial", "soil study",
         "solar panel research", "bird migration count", "wastewater testing", "heat pump pilot", "genome study",
         "telescope upgrade"),
        ("Korvany Polytechnic University", "the Regional Hospital", "the Institute of Hydrology", "the botanical garden",
         "the public health laboratory", "the observatory"),
        ("research", "health", "river ivra", "weather", "environment"),
    ),
    "culture": Beat(
        ("opera season", "film festival", "jazz night", "poetry prize", "museum extension", "choir competition",
         "street art trail", "puppet theatre", "book fair", "folk music archive", "photography exhibition",
         "ballet premiere"),
        ("the Korvany Opera", "the City Museum", "the Ivra Film Society", "the municipal library", "the Philharmonic",
         "the arts council"),
        ("arts", "music", "film", "books", "theatre"),
    ),
    "sport": Beat(
        ("derby match", "rowing regatta", "basketball final", "marathon route", "stadium roof", "youth academy",
         "swimming pool", "cup semi-final", "transfer window", "cycling race", "chess championship", "ice rink"),
        ("FK Ivra Korvany", "the Stevedores", "the rowing club", "the city sports board", "the athletics federation",
         "the supporters' trust"),
        ("football", "basketball", "rowing", "athletics"),
    ),
}
# fmt: on


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class GeneratedArticle:
    number: int
    section: str
    title: str
    slug: str
    standfirst: str
    body: list[dict]
    tags: list[str]
    hours_ago: float
    author_count: int = 1


class Writer:
    """Writes article ``number`` of ``seed``: the same words every time."""

    def __init__(self, seed: int, number: int, section: str) -> None:
        self.rng = random.Random(f"{seed}:{number}")  # noqa: S311 - demo text, not secrets
        self.number = number
        self.section = section
        self.beat = BEATS.get(section, BEATS["city"])
        self.thing = self.rng.choice(self.beat.things)
        self.org = self.rng.choice(self.beat.orgs)
        self.place = self.rng.choice(PLACES)

    def fill(self, template: str) -> str:
        return template.format_map(Slots(self))

    def slot(self, name: str, slots: "Slots") -> str:
        """A value for one placeholder of a template; ``slots`` holds the template's others."""
        rng, beat = self.rng, self.beat
        match name:
            case "thing":
                return self.thing
            case "thing2":
                return rng.choice(beat.things)
            case "org":
                return self.org
            case "org2":
                return rng.choice(beat.orgs)
            case "place":
                return self.place if rng.random() < 0.6 else rng.choice(PLACES)
            case "audience":
                return rng.choice(AUDIENCES)
            case "person":
                return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            case "role":
                return rng.choice(ROLES)
            case "verb":
                return rng.choice(VERBS)[0]
            case "participle":
                return rng.choice(VERBS)[1]
            case "weekday":
                return rng.choice(WEEKDAYS)
            case "month":
                return rng.choice(MONTHS)
            case "day":
                return str(rng.randint(1, 28))
            case "year":
                return str(rng.randint(2009, 2024))
            case "year2":
                return str(int(slots["year"]) + rng.randint(1, 4))
            case "small":
                return str(rng.randint(2, 19))
            case "people":
                return str(rng.randint(3, 60) * 10)
            case "percent":
                return str(rng.randint(11, 89))
            case "money":
                return f"{rng.randint(2, 480)} million ducats"
            case "money2":
                return f"{rng.randint(481, 900)} million ducats"
            case "future":
                return rng.choice(FUTURE).format_map(slots)
            case "critic":
                return rng.choice(CRITICS).format_map(slots)
            case "supporter":
                return rng.choice(SUPPORTERS).format_map(slots)
        raise KeyError(name)

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.fill(template) for template in self.rng.sample(SENTENCES, sentences))

    def article(self, hours_ago: float) -> GeneratedArticle:
        rng = self.rng
        title = self.fill(rng.choice(HEADLINES))
        standfirst = self.fill(rng.choice(STANDFIRSTS))
        body: list[dict] = []
        for i in range(rng.randint(5, 9)):
            if i and rng.random() < 0.15:
                body.append(self.block("subheading", rng.choice(SUBHEADINGS)))
            if i and rng.random() < 0.12:
                quote = {"text": self.fill(rng.choice(QUOTES)), "attribution": self.fill("{person}")}
                body.append(self.block("quote", quote))
            body.append(self.block("paragraph", f"<p>{self.paragraph(rng.randint(2, 5))}</p>"))
        tags = sorted(set(rng.sample(self.beat.tags, rng.randint(1, 2))))
        slug = f"{slugify(title)[:60].rstrip('-')}-{self.number}"
        return GeneratedArticle(
            number=self.number,
            section=self.section,
            title=title,
            slug=slug,
            standfirst=standfirst,
            body=body,
            tags=tags,
            hours_ago=hours_ago,
            author_count=1 if rng.random() < 0.8 else 2,
        )

    def block(self, kind: str, value) -> dict:
        return {"type": kind, "value": value, "id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4))}


class Slots(dict):
    """A template's placeholders, filled as the template asks for them.

    ``{org}`` is filled once per template however often it appears;
    ``{Org}`` is the same value with a capital first letter.
    """

    def __init__(self, writer: Writer) -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        value = self.writer.slot(key.lower(), self)
        self[key] = capitalise(value) if key[:1].isupper() else value
        return self[key]


# The generated archive starts a month back, behind the demo's own stories,
# and goes back about a week for every fifty articles.
ARCHIVE_START_HOURS = 30 * 24
HOURS_PER_ARTICLE = 3.3


def generated_articles(seed: int, count: int, sections: list[str]) -> Iterator[GeneratedArticle]:
    """Articles 0 to ``count - 1`` of ``seed``, spread over ``sections`` in turn."""
    for number in range(count):
        section = sections[number % len(sections)]
        hours_ago = ARCHIVE_START_HOURS + number * HOURS_PER_ARTICLE + (number * 7919 % 97) / 97
        yield Writer(seed, number, section).article(hours_ago)


class BulkArticleWriter:
    """Creates live articles under sections with a few statements per batch.

    Wagtail saves a page with its tree position, a revision and a log entry,
    one at a time; an archive of thousands would take many minutes. This
    writes the page rows, article rows, bylines and tags in bulk, as a
    published page without revisions, and indexes each batch for search.
    """

    def __init__(self, sections: dict[str, SectionPage], authors: list[AuthorPage], now: datetime) -> None:
        self.sections = sections
        self.authors = authors
        self.now = now
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.next_step = {slug: self.last_step(section) for slug, section in sections.items()}
        self.tags: dict[str, Tag] = {}

    @staticmethod
    def last_step(section: SectionPage) -> int:
        last = section.get_last_child()
        return Page._str2int(last.path[-Page.steplen :]) if last else 0

    def tag(self, name: str) -> Tag:
        if name not in self.tags:
            self.tags[name] = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        return self.tags[name]

    @transaction.atomic
    def write(self, batch: list[GeneratedArticle]) -> list[int]:
        pages, articles = [], []
        for data in batch:
            section = self.sections[data.section]
            self.next_step[data.section] += 1
            published = self.now - timedelta(hours=data.hours_ago)
            article = ArticlePage(
                title=data.title,
                draft_title=data.title,
                slug=data.slug,
                standfirst=data.standfirst,
                body=data.body,
                content_type=self.content_type,
                path=Page._get_path(section.path, section.depth + 1, self.next_step[data.section]),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{data.slug}/",
                locale_id=section.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
            )
            articles.append(article)
            pages.append(Page(**{f.attname: getattr(article, f.attname) for f in Page._meta.concrete_fields}))
        Page.objects.bulk_create(pages)
        self.insert_article_rows(articles, pages)
        bylines, tagged = [], []
        for data, page in zip(batch, pages, strict=True):
            start = data.number % len(self.authors)
            for order in range(data.author_count):
                author = self.authors[(start + order * 3) % len(self.authors)]
                bylines.append(ArticleAuthor(page_id=page.pk, author=author, sort_order=order))
            tagged += [ArticleTag(content_object_id=page.pk, tag=self.tag(name)) for name in data.tags]
        ArticleAuthor.objects.bulk_create(bylines)
        ArticleTag.objects.bulk_create(tagged)
        for slug in {data.section for data in batch}:
            added = sum(1 for data in batch if data.section == slug)
            Page.objects.filter(pk=self.sections[slug].pk).update(numchild=F("numchild") + added)
        ids = [page.pk for page in pages]
        self.index(ids)
        return ids

    @staticmethod
    def insert_article_rows(articles: list[ArticlePage], pages: list[Page]) -> None:
        """The ArticlePage table's own rows (Django cannot bulk-create a page subclass)."""
        fields = ArticlePage._meta.local_concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        rows = []
        for article, page in zip(articles, pages, strict=True):
            article.page_ptr_id = article.id = page.pk
            rows.append([f.get_db_prep_save(getattr(article, f.attname), connection) for f in fields])
        table = connection.ops.quote_name(ArticlePage._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608

    @staticmethod
    def index(ids: list[int]) -> None:
        articles = list(ArticlePage.get_indexed_objects().filter(pk__in=ids))
        for backend in get_search_backends(with_auto_update=True):
            backend.get_index_for_model(ArticlePage).add_items(ArticlePage, articles)


def grow(
    home: Page,
    count: int,
    seed: int = 1,
    batch_size: int = 500,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Make sure articles 0 to ``count - 1`` of ``seed`` exist under ``home``'s sections.

    Articles already there (found by their slugs) are left alone, so running
    it again adds only what is missing. Returns the number created.
    """
    sections = {s.slug: s for s in SectionPage.objects.child_of(home).order_by("path")}
    authors = list(AuthorPage.objects.descendant_of(home).order_by("path"))
    if not sections or not authors:
        raise ValueError("the newsroom needs sections and authors first")
    writer = BulkArticleWriter(sections, authors, now or timezone.now().replace(second=0, microsecond=0))
    created = done = 0
    batch: list[GeneratedArticle] = []

    def flush() -> None:
        nonlocal created
        existing = set(
            ArticlePage.objects.filter(slug__in=[a.slug for a in batch]).values_list("slug", flat=True)
        )
        new = [a for a in batch if a.slug not in existing]
        if new:
            writer.write(new)
        created += len(new)
        batch.clear()

    for article in generated_articles(seed, count, list(sections)):
        batch.append(article)
        done += 1
        if len(batch) >= batch_size:
            flush()
            if progress:
                progress(done, count)
    if batch:
        flush()
        if progress:
            progress(done, count)
    if created:
        after_bulk_load()
    return created


def after_bulk_load() -> None:
    """What PostgreSQL's autovacuum would do after a while, and SQLite never does unasked.

    Fresh planner statistics, and on PostgreSQL the search index's GIN
    indexes merged: bulk inserts wait in a pending list that every search
    reads until a VACUUM.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute(f"VACUUM {connection.ops.quote_name(IndexEntry._meta.db_table)}")
        cursor.execute("ANALYZE")
