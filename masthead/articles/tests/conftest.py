import pytest

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory


@pytest.fixture
def section(db):
    return SectionFactory(title="City", slug="city")


@pytest.fixture
def authors(db):
    return [AuthorFactory(title="Marta Hlynska"), AuthorFactory(title="Ostap Verbny")]


@pytest.fixture
def article(section, authors):
    return ArticleFactory(
        parent=section,
        title="Council approves the new tram line",
        authors=authors,
        tags=["transport", "city council"],
        hero_image=ImageFactory(credit="Daria Kost / Masthead"),
        hero_caption="The depot on the left bank.",
    )
