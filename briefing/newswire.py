"""Plain text from newswire documents delivered in SGML, the form news agencies and the
DUC/TAC evaluation collections use (<DOC>, <HEADLINE>, <TEXT>, <P> ...).

Read as plain text, such a file is mostly tags and metadata lines; the cleaner then
takes nearly every line for a heading and the article for one not in English, so nothing
is summarized. Here the headline becomes the title line, each <P> a paragraph, and the
document number, dates and agency trailer are dropped.
"""

from __future__ import annotations

import html
import re

_MARKUP = re.compile(r"<\s*(DOC|TEXT|P|HEADLINE|BODY|DOCNO)\b[^>]*>", re.IGNORECASE)
_ELEMENT = r"<\s*{0}\b[^>]*>(.*?)<\s*/\s*{0}\s*>"
_TEXT = re.compile(_ELEMENT.format("TEXT"), re.IGNORECASE | re.DOTALL)
_HEADLINE = re.compile(_ELEMENT.format("HEADLINE"), re.IGNORECASE | re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"<\s*/?\s*P\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
# The New York Times wire's own layout codes (&UR;, &LR;, &QL; ...): not text.
_LAYOUT_CODE = re.compile(r"&[A-Z]{2};")
# Metadata elements whose content is never prose.
_METADATA = re.compile(r"<\s*(DOCNO|DOCTYPE|DATE_TIME|DATE|TRAILER|SLUG|CATEGORY|PREAMBLE|ANNOTATION)\b[^>]*>.*?"
                       r"<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)


def is_markup(text: str) -> bool:
    """Whether a text is an SGML/XML newswire document rather than prose."""
    return len(_MARKUP.findall(text[:5000])) >= 2


def plain(text: str) -> str:
    """The headline on the first line, then the paragraphs of the story, a blank line
    between them; a text that is not markup is returned as it is."""
    if not is_markup(text):
        return text
    headline = _HEADLINE.search(text)
    bodies = _TEXT.findall(text) or [_METADATA.sub("", text)]
    paragraphs = []
    for body in bodies:
        for part in _PARAGRAPH_BREAK.split(body):
            words = _clean(part)
            if words:
                paragraphs.append(words)
    lines = []
    if headline and _clean(headline.group(1)):
        lines.append(_clean(headline.group(1)))
    return "\n\n".join(lines + paragraphs) + "\n"


def _clean(fragment: str) -> str:
    """One paragraph on one line, without tags or layout codes, entities decoded."""
    text = _LAYOUT_CODE.sub(" ", _TAG.sub(" ", fragment))
    return " ".join(html.unescape(text).split())
