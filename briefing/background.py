"""Background: a sentence that tells how the story began ("The war, which began with
Russia's invasion of Ukraine in February 2022, has killed tens of thousands") is context
every reader of the briefing already has. It ranks low, like commentary, and never leads.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Span

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def background(sent: Span, origin_words: Collection[str]) -> bool:
    """True when a date with a year says when something began: the date hangs on one of
    `origin_words` (begin, start, invasion...) and is no date the sentence looks ahead to;
    or when the sentence opens by counting from an event rather than a day ("Since
    returning to office, Trump has launched a broad effort…": what has been going on, not
    what happened; "Since Monday, …" is news)."""
    from .analyse import looks_ahead

    first = sent[0]
    if first.lower_ == "since" and first.dep_ in ("prep", "mark") and first.head.i != first.i:
        phrase = list(first.subtree) if first.dep_ == "prep" else list(first.head.subtree)
        if phrase and phrase[-1].i < sent.root.i and not any(t.ent_type_ in ("DATE", "TIME") for t in phrase):
            return True

    for ent in sent.ents:
        if ent.label_ != "DATE" or not _YEAR.search(ent.text) or looks_ahead(ent):
            continue
        if any(t.lemma_.lower() in origin_words for t in ent.root.ancestors):
            return True
    return False
