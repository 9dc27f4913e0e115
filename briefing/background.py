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
    `origin_words` (begin, start, invasion...) and is no date the sentence looks ahead to."""
    from .analyse import looks_ahead

    for ent in sent.ents:
        if ent.label_ != "DATE" or not _YEAR.search(ent.text) or looks_ahead(ent):
            continue
        if any(t.lemma_.lower() in origin_words for t in ent.root.ancestors):
            return True
    return False
