"""Counts: how many of what a sentence says there are ("seven people", "three fires"), small
ones included, for telling whether two sentences can report one fact. Key figures leave
small counts out ("two leaders" names too much to be a figure); two tolls do not."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .figures import amounts, in_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# A number inside any other entity is no count of things: measures are compared as
# figures, "two years" or "24 hours" say when or how long, "10 Downing Street" where.
_COUNT_ENTITIES = ("", "CARDINAL")
# Nouns that stand for a count of what their "of" phrase names: "the number of people
# treated has risen to 12" counts people.
_TALLIES = ("number", "total", "count", "tally", "toll")


def _value_of(text: str) -> str | None:
    """The whole number a word writes, in digits: "12", "seven", "thirty-four"."""
    found = amounts(text)
    if found and found[0] == text.replace(",", ""):
        return found[0]
    n = in_words(text) if _WORDS.fullmatch(text) else None
    return None if n is None else str(n)


_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _counted(tok: Token) -> str | None:
    """The lemma of what a number counts: the noun it modifies, or what a tally it is the
    new value of counts ("the number of people ... has risen to 12")."""
    head = tok.head
    if tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower()
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ == "VERB":
        # The tally nearest before the verb: the parser often takes a nearer noun for the
        # verb's subject ("the number of people treated after fires linked to the bikes
        # rose to seven").
        verb = head.head
        for tally in reversed(verb.doc[verb.sent.start:verb.i]):
            if tally.lemma_.lower() in _TALLIES:
                of = next((c for c in tally.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                return (noun or tally).lemma_.lower()
    return None


def counts(sent: Span) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str, str, str], ...]]:
    """(what is counted, how many) for each count the sentence gives, in reading order; and
    the counts of acts among them (`_act`), each with the words that tell it. One walk over
    the sentence's words for both: a walk costs more than what is done in it."""
    out, acts = [], []
    for tok in sent:
        if tok.ent_type_ not in _COUNT_ENTITIES or not tok.like_num:
            continue
        value, unit = _value_of(tok.lower_), _counted(tok)
        if value is not None and tok.i >= sent.start + 2 and tok.nbor(-1).text == "-" and not tok.nbor(-2).whitespace_:
            # "Thirty-four": the parser reads "four", its tens before the hyphen.
            value = _value_of(f"{tok.nbor(-2).lower_}-{tok.lower_}") or value
        if value is not None and unit is not None:
            out.append((unit, value))
        act = _act(tok)
        if value is not None and act is not None:
            acts.append((act[0], act[1], value, _told(tok, act[2])))
    return tuple(out), tuple(acts)


ACT = "ACT "  # what a count of an act is filed under, beside the figures of a measure


def act_key(verb: str, what: str) -> str:
    """How a count of an act is filed: "ACT detain people"."""
    return f"{ACT}{verb} {what}"


def act_counts(acts: Iterable[tuple[str, str, str, str]]) -> dict[str, frozenset[str]]:
    """The counts of acts (`Sentence.acts`) by act: two sentences counting one act apart
    tell it differently, whatever else their words say."""
    out: dict[str, set[str]] = {}
    for verb, what, many, _ in acts:
        out.setdefault(act_key(verb, what), set()).add(many)
    return {k: frozenset(v) for k, v in out.items()}


# Words an act's count is told in at most: "more than 30 injured", "detained nine people".
_TOLD_MAX = 8


def _told(number: Token, ends: tuple[Token, Token]) -> str:
    """The words from the count, with what qualifies it ("more than", "at least"), to the verb
    and the noun it counts: "detained nine people", "more than 30 injured"; "" when they lie
    too far apart to read as one phrase."""
    start = min(number.left_edge.i, *(t.i for t in ends))
    end = max(number.i, *(t.i for t in ends))
    if end - start >= _TOLD_MAX:
        return ""
    return number.doc[start:end + 1].text


# How a count is joined to what counts it: "detained nine people", "three people were killed",
# "27 injured".
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")


def _act(tok: Token) -> tuple[str, str, tuple[Token, Token]] | None:
    """(verb, what is counted, (the verb's token, the counted noun's)) when the number `tok`
    counts the subject or object of a verb: "detained nine people" → (detain, people);
    "were killed and 27 injured" → (injure, people), the noun taken from the verb it is
    joined to. Two outlets giving different counts of one act disagree (differ.py),
    whatever else their words say."""
    if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN"):
        noun, what = tok.head, tok.head.lemma_.lower()
    elif tok.dep_ in _ARGUMENTS:
        noun, what = tok, ""
    else:
        return None
    verb = noun.head
    if noun.dep_ not in _ARGUMENTS or verb.pos_ != "VERB":
        return None
    if not what and verb.dep_ == "conj":
        # "three people were killed and 27 injured": the 27 are people too.
        what = next((c.lemma_.lower() for c in verb.head.children
                     if c.dep_ in _ARGUMENTS and c.pos_ in ("NOUN", "PROPN")), "")
    return verb.lemma_.lower(), what, (verb, noun)
