"""What the narrator reads: an article turned into spoken paragraphs of sentences.

The narration speaks the headline, the byline ("By …"), then the body: the
standfirst (the body's lead) and the paragraphs, subheadings and quotes. It
skips what only makes sense on the page: pictures with their captions and
credits, embeds and "Read also" links. Each passage is split into sentences
as written (full stops, abbreviations, initials), then every sentence goes
through ``spoken.speakable`` (the pronunciation dictionary, numbers, dates,
abbreviations); a sentence too long for an engine is cut. The sentence is
the unit engines synthesise one at a time.

A script's ``hash`` (of its sentences and the voice) is what decides whether
an article needs narrating again: the same words in the same voice are never
synthesised twice.
"""

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from . import spoken

# Changing how text is prepared changes every script's hash; bump this when
# a change should make the archive sound different (``narrate_archive``).
# 2: byline before standfirst; sentences split as written; money, fractions
# 3: years, magnitudes, ranges, phone and version numbers; dictionary entries match transliterated Cyrillic
PREPARATION_VERSION = "3"

SPOKEN_BLOCKS = {"paragraph", "subheading", "quote"}
BLOCK_BREAK = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class Script:
    """The spoken text of one article: paragraphs, each a list of sentences."""

    paragraphs: list[list[str]] = field(default_factory=list)
    # Words of the body alone (not headline, byline or standfirst).
    body_word_count: int = 0
    # Body passages with letters or digits of which nothing could be read
    # (a script the voices do not speak, e.g. Chinese).
    unreadable_passages: int = 0
    # Letters of the body as written: Latin ones, and those of other scripts
    # (Cyrillic, Greek, Chinese…). The voices read English: a body written
    # mostly in another script is not narrated (``narrating.skip_reason``).
    latin_letters: int = 0
    other_letters: int = 0

    @property
    def mostly_other_script(self) -> bool:
        return self.other_letters > self.latin_letters

    @property
    def sentences(self) -> list[str]:
        return [s for paragraph in self.paragraphs for s in paragraph]

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)

    def hash(self, voice: str) -> str:
        """A key for the audio of this script in this voice."""
        digest = hashlib.sha256(f"{PREPARATION_VERSION}\n{voice}\n".encode())
        for paragraph in self.paragraphs:
            digest.update(("\n".join(paragraph) + "\n\n").encode())
        return digest.hexdigest()


def rich_text_passages(value: str) -> list[str]:
    """The paragraphs and list items of a rich-text block, as plain text."""
    text = BLOCK_BREAK.sub("\n", value)
    text = html.unescape(strip_tags(text))
    return [line.strip() for line in text.split("\n") if line.strip()]


def body_passages(raw_blocks: Iterable[dict]) -> list[str]:
    """The spoken passages of an article body's raw StreamField data, in order."""
    passages: list[str] = []
    for block in raw_blocks:
        kind, value = block.get("type"), block.get("value")
        if kind not in SPOKEN_BLOCKS or not value:
            continue
        if kind == "paragraph" and isinstance(value, str):
            passages.extend(rich_text_passages(value))
        elif kind == "subheading" and isinstance(value, str):
            passages.append(_full_stop(value.strip()))
        elif kind == "quote" and isinstance(value, dict):
            text = (value.get("text") or "").strip()
            if text:
                passages.append(_full_stop(text))
            attribution = (value.get("attribution") or "").strip()
            if text and attribution:
                passages.append(_full_stop(attribution.lstrip("—–- ")))
    return passages


def count_letters(text: str) -> tuple[int, int]:
    """(Latin letters, letters of other scripts) in ``text``."""
    latin = other = 0
    for ch in text:
        if ch.isalpha():
            # Basic Latin, Latin-1 and Latin Extended-A/B, IPA and Latin Extended Additional.
            if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff":
                latin += 1
            else:
                other += 1
    return latin, other


def byline(names: list[str]) -> str:
    """ "By A", "By A and B", "By A, B and C"."""
    names = [n for n in names if n.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}."
    return f"By {', '.join(names[:-1])} and {names[-1]}."


def _full_stop(text: str) -> str:
    """A heading or byline read as a sentence of its own, with a pause after it."""
    return text if not text or text[-1] in '.!?…"”' else text + "."


def build_script(
    headline: str,
    standfirst: str,
    author_names: list[str],
    raw_body: Iterable[dict],
    dictionary: Mapping[str, str] | None = None,
) -> Script:
    """The script of an article from its parts (see the module's docstring)."""
    pattern = spoken.dictionary_pattern(dictionary) if dictionary else None
    head = [_full_stop(headline.strip()), byline(author_names), _full_stop(standfirst.strip())]
    body = body_passages(raw_body)
    script = Script()
    for passage in body:
        latin, other = count_letters(passage)
        script.latin_letters += latin
        script.other_letters += other
    for number, passage in enumerate(head + body):
        # Split as written, then say each sentence: the writer's full stops decide where
        # sentences end, whatever the words become ("12 people came." → "twelve people came.").
        sentences = [
            piece
            for written in spoken.split_sentences(passage, limit=False)
            for piece in spoken.limit_length(spoken.speakable(written, dictionary, pattern))
            if any(ch.isalnum() for ch in piece)
        ]
        if sentences:
            script.paragraphs.append(sentences)
            if number >= len(head):
                script.body_word_count += sum(len(s.split()) for s in sentences)
        elif number >= len(head) and any(ch.isalnum() for ch in passage):
            script.unreadable_passages += 1
    return script


def article_script(article, dictionary: Mapping[str, str] | None = None) -> Script:
    """The script of an ``ArticlePage`` (or of one of its revisions, as a page object)."""
    names = [link.author.title for link in article.article_authors.all() if link.author_id]
    return build_script(article.title, article.standfirst, names, article.body.raw_data, dictionary)
