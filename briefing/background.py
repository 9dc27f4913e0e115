"""Background: a sentence that tells how the story began ("The war, which began with
Russia's invasion of Ukraine in February 2022, has killed tens of thousands") is context
every reader of the briefing already has. It ranks low, like commentary, and never leads.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from .model import Sentence

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DIGITS = re.compile(r"(?:1[89]|20)\d\d")  # wherever a year of `_YEAR` is, these are


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


# How long before the story's newest year a main clause's year makes it history.
LONG_AGO_YEARS = 2
_ONGOING = frozenset({"since", "until", "through", "by"})  # "killed since 2022" runs to now; "by 2027" is ahead


def main_years(sent: Span) -> tuple[str, ...]:
    """The years that date what the sentence tells in the past tense: "A brief war in 2008
    ended in a frozen ceasefire", "was assigned to Arvenia under the 1995 Treaty of Ostra".
    Not a year in an aside or a relative clause ("the lines they held before October 2022"),
    one looked ahead to, one a stretch of time runs from ("have been killed since 2022"), nor
    one of something that is so now ("the 2015 accord remains valid")."""
    from .analyse import looks_ahead

    if not _DIGITS.search(sent.text):
        return ()  # most sentences: no year to walk the words for
    out: list[str] = []
    for tok in sent:
        if not _YEAR.fullmatch(tok.text) or tok.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        if tok.ent_type_ != "DATE" and tok.head.tag_ == "NNS":
            continue  # "2000 soldiers": a count
        ent = next((e for e in sent.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ == "DATE" and looks_ahead(ent):
            continue
        if tok.head.lower_ in _ONGOING or ent is not None and ent[0].lower_ in _ONGOING:
            continue
        verb = _told_by(tok, sent)
        if verb is not None and _past(verb):
            out.append(tok.text)
    return tuple(out)


# Clauses of their own: a year in one dates something else than what the sentence tells.
_ASIDES = frozenset({"relcl", "acl", "appos", "advcl"})


def _told_by(tok: Token, sent: Span) -> Token | None:
    """The verb of the sentence's own clauses (the main one, or one it reports or joins to it)
    that the token hangs on; None when the way there passes through an aside."""
    while tok.i != sent.root.i and tok.head.i != tok.i:
        if tok.dep_ in _ASIDES:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok if tok.dep_ not in _ASIDES else None
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _past(verb: Token) -> bool:
    """Told in the simple past, or a past passive or perfect ("was assigned", "had signed")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and bool(aux) and all(a.tag_ == "VBD" for a in aux)


def long_ago(sentences: Sequence[Sentence], dates: Mapping[int, str]) -> list[Sentence]:
    """The sentences, those whose main clause is dated LONG_AGO_YEARS or more before the
    story's newest year made background. The newest year is the newest source's. Without
    dates, a year any main clause gives in the past tense is history: undated coverage tells
    its own news by the weekday ("on Tuesday"), and names the year of what happened before
    ("A brief war in 2008 ended…", "Talks in Lisvar in 2022 collapsed within weeks")."""
    newest = max((int(d[:4]) for d in dates.values()), default=0)
    return [replace(s, background=True) if s.dated and not s.background
            and (not newest or min(int(y) for y in s.dated) <= newest - LONG_AGO_YEARS) else s
            for s in sentences]


# Verbs that state how things are or what they do as a rule ("Measles spreads through the
# air", "Adobe walls are brittle"); in the present, others tell what people are doing now
# ("Officials fear more deaths", "Fighting continues"), which is news.
_STATING = frozenset({"be", "have", "cause", "leave", "make", "spread", "mean", "require", "depend", "affect",
                      "produce", "carry", "allow", "reduce", "lead", "contain", "kill", "cost"})
_PARTICULAR = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON", "GPE", "ORG", "NORP",
               "FAC", "LOC", "EVENT")


def general(sent: Span, token_party: dict[int, str], reporting: Collection[str]) -> bool:
    """True when the main clause states how things are in general rather than what happened:
    a verb of stating in the simple present (`_STATING`, of no one's saying: `reporting`),
    with a subject that names nothing in particular ("Rapid intensification leaves less time
    for officials to warn residents", "Measles spreads through the air"), or what is done
    whenever something applies ("A boil-water notice is issued when tests show..."), in a
    sentence with no name, number or date. An explanation every reader can look up, not news."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and _defines(root, subject, sent):
        return True
    if subject is None or subject.pos_ != "NOUN" or subject.i in token_party:
        return False
    if _rule(root):
        # "A boil-water notice is issued when tests show...": what is done whenever it applies.
        if any(c.dep_ in ("poss", "nummod") or c.dep_ == "det" and c.lower_ not in ("a", "an")
               for c in subject.children):
            return False
    else:
        if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children):
            return False
        if root.lemma_.lower() not in _STATING or root.lemma_.lower() in reporting:
            return False
        if any(c.dep_ in ("det", "poss", "nummod") for c in subject.children):
            return False
    return not any(e.label_ in _PARTICULAR for e in sent.ents)


def _defines(root: Token, subject: Token, sent: Span) -> bool:
    """"Harrow Point is the private retreat of Federal Union President Alden Cray": what a
    name stands for, in the simple present with a noun after "is", no time in it. Said of a
    place or a body the story names, it tells no news, however many names it gives."""
    return (root.lemma_ == "be" and root.tag_ in ("VBZ", "VBP") and subject.pos_ == "PROPN"
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children)
            and any(c.dep_ == "attr" and c.pos_ == "NOUN" and any(d.dep_ == "det" for d in c.children)
                    for c in root.children)
            and not any(e.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY") for e in sent.ents))


_WHENEVER = frozenset({"when", "whenever", "if"})


def _rule(root: Token) -> bool:
    """A passive in the simple present with a clause saying when it applies: "is issued when
    tests show", "are closed if the river rises"."""
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass", "neg")]
    # The parser hangs the clause where it likes ("when tests show ... that water may contain").
    return (root.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in ("VBZ", "VBP")
            and any(t.lower_ in _WHENEVER and t.dep_ in ("advmod", "mark") and t.head.dep_ == "advcl"
                    for t in root.sent))
