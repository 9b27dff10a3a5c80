"""A reader's query as words: what reaches the search engine, and how words are stemmed."""

import re
from dataclasses import dataclass

# Beyond this a query is a pasted paragraph, not a search: the first words
# are searched and the reader is told so.
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
# Letters and digits of any script. Everything else (quotes, operators,
# brackets, asterisks, markup) only separates words, so nothing a reader
# types reaches a search engine's query syntax.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchWords:
    """The words of a query, lower-cased, each once, in the order typed."""

    words: tuple[str, ...]
    cut: bool = False  # the query had more than MAX_WORDS words

    def __bool__(self) -> bool:
        return bool(self.words)

    def __str__(self) -> str:
        return " ".join(self.words)


def search_words(text: str) -> SearchWords:
    """Split a reader's query into the words to search for."""
    words: list[str] = []
    for match in WORD.finditer(text):
        word = match[0][:MAX_WORD_LENGTH].lower()
        if word not in words:
            words.append(word)
    return SearchWords(tuple(words[:MAX_WORDS]), cut=len(words) > MAX_WORDS)


# Suffixes dropped from a word to match other forms of it as a prefix:
# "floods" finds "flood" and "flooding", roughly as PostgreSQL's English
# stemming does. Used for SQLite's prefix queries and for marking snippets.
SUFFIXES = ("ing", "ed", "es", "s")
MIN_STEM = 4


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word
