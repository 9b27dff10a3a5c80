"""Search-result snippets: the passage around the words a reader searched for, marked.

The database backends have no highlighter, so the snippet is made here from
the article's own text. Every piece of text is escaped before it is joined
with the ``<mark>`` tags, so nothing an editor or a reader wrote can become
markup.
"""

import html
import re
from collections.abc import Iterable

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from masthead.articles.models import ArticlePage

from .words import stem

SNIPPET_CHARS = 240


def words_pattern(words: Iterable[str]) -> re.Pattern | None:
    """A pattern matching whole words that begin with any of ``words``' stems."""
    stems = sorted({stem(w) for w in words if w}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)


def mark(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, with every match of ``pattern`` in ``<mark>``."""
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match[0])}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


def article_text(article: ArticlePage) -> str:
    """The words a reader reads in the body: paragraphs, subheadings, quotes."""
    texts = []
    for block in article.body.raw_data:
        value = block["value"]
        if block["type"] == "paragraph":
            texts.append(html.unescape(strip_tags(value)))
        elif block["type"] == "subheading":
            # A subheading runs into the next paragraph in a snippet: end it as a sentence.
            texts.append(value if value.rstrip()[-1:] in (".", "!", "?", ":") else f"{value.rstrip()}.")
        elif block["type"] == "quote":
            texts.append(value.get("text", ""))
    return " ".join(" ".join(texts).split())


def best_window(text: str, pattern: re.Pattern, width: int) -> tuple[int, int] | None:
    """The ``width``-character stretch of ``text`` holding the most different searched words."""
    matches = list(pattern.finditer(text))[:500]
    if not matches:
        return None
    best, best_score = matches[0].start(), 0
    for i, first in enumerate(matches):
        inside = set()
        for match in matches[i:]:
            if match.end() > first.start() + width:
                break
            inside.add(match[0].lower())
        if len(inside) > best_score:
            best, best_score = first.start(), len(inside)
    # Start a little before the first match, at a word boundary.
    start = max(0, best - width // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet(article: ArticlePage, words: Iterable[str], width: int = SNIPPET_CHARS) -> SafeString:
    """The passage of the article that best shows why it matched, words marked.

    The standfirst and body are searched for the words; when they hold none
    (the article matched on its headline, byline or tags) the snippet is the
    beginning of the standfirst or body.
    """
    pattern = words_pattern(words)
    text = " ".join(filter(None, [article.standfirst.strip(), article_text(article)]))
    window = best_window(text, pattern, width) if pattern else None
    if window is None:
        start, end = 0, min(len(text), width)
        if end < len(text):
            space = text.rfind(" ", 0, end)
            end = space if space > 0 else end
    else:
        start, end = window
    body = mark(text[start:end], pattern)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{body}{after}")  # noqa: S308 - body is escaped by mark()
