import pytest

from masthead.articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory, paragraph


@pytest.fixture
def sections(db):
    return {
        "city": SectionFactory(title="City", slug="city"),
        "business": SectionFactory(title="Business", slug="business"),
    }


@pytest.fixture
def reporter(db):
    return AuthorFactory(title="Halyna Ostrozhna")


def article(section, title, text="The council met on Tuesday.", **kwargs):
    """An article whose body is the given sentences, one paragraph."""
    return ArticleFactory(parent=section, title=title, body=[paragraph(text)], **kwargs)
