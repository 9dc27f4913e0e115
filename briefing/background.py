"""Background: a sentence that tells how the story began ("The war, which began with
Russia's invasion of Ukraine in February 2022, has killed tens of thousands") is context
every reader of the briefing already has. It ranks low, like commentary, and never leads.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Span, Token

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


# "two and a half years ago", "decades ago": what the main clause tells is history. In a
# clause about something else ("Corvus, launched six years ago, flew past the comet") it is not.
_YEARS_AGO = re.compile(r"\b(years|decades|a year|a decade)\s+ago\b", re.I)
_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "xcomp", "conj", "parataxis"})


def _outside_clauses(tok: Token, sent: Span) -> bool:
    """No clause of its own (a relative clause, an aside, a complement) lies between the
    token and the sentence's root: "The coalition took office two years ago", not "The law,
    passed three years ago, ..."."""
    while tok.i != sent.root.i and tok.head.i != tok.i:
        if tok.dep_ in _CLAUSES:
            return False
        tok = tok.head
    return True


def _goes_on(root: Token, after: int) -> bool:
    """A verb of a clause of its own after the date hangs on the main verb: the parser may
    have taken an aside for the main clause ("Corvus, launched six years ago by ..., flew
    within 210 kilometres of the comet")."""
    return any(c.i >= after and c.dep_ in _CLAUSES and c.pos_ in ("VERB", "AUX") for c in root.children)


def background(sent: Span, origin_words: Collection[str]) -> bool:
    """True when a date with a year says when something began: the date hangs on one of
    `origin_words` (begin, start, invasion...) and is no date the sentence looks ahead to;
    or when the sentence opens by counting from an event rather than a day ("Since
    returning to office, Trump has launched a broad effort…": what has been going on, not
    what happened; "Since Monday, …" is news); or when its main clause happened years ago
    ("The coalition took office two and a half years ago")."""
    from .analyse import looks_ahead

    first = sent[0]
    if first.lower_ == "since" and first.dep_ in ("prep", "mark") and first.head.i != first.i:
        phrase = list(first.subtree) if first.dep_ == "prep" else list(first.head.subtree)
        if phrase and phrase[-1].i < sent.root.i and not any(t.ent_type_ in ("DATE", "TIME") for t in phrase):
            return True

    for ent in sent.ents:
        if (ent.label_ == "DATE" and _YEARS_AGO.search(ent.text) and _outside_clauses(ent.root, sent)
                and not _goes_on(sent.root, ent.end)):
            return True
        if ent.label_ != "DATE" or not _YEAR.search(ent.text) or looks_ahead(ent):
            continue
        if any(t.lemma_.lower() in origin_words for t in ent.root.ancestors):
            return True
    return False
