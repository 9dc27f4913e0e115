"""Commentary: sentences in which the writer or unnamed analysts interpret the news rather
than report it — "The divide highlights the difficulty of...", "The announcement comes
as...", "Analysts say Washington's role will prove decisive...".

They read well and are central to an article, which is why a centrality ranking likes
them, but they carry no fact a reader can check. The briefing ranks them low.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from .config import OTHER_PARTY
from .event import main_predicate
from .model import Sentence

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Entity kinds that make a subject someone who acts or speaks, not an abstraction.
_AGENTS = ("PERSON", "ORG", "GPE", "NORP")
# A role someone no longer holds ("a former deputy foreign minister").
FORMER = frozenset({"former"})


def _former(role: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in FORMER for c in role.children)


def _is_agent(subject: Token, token_party: dict[int, str], roles: Collection[str]) -> bool:
    return (subject.i in token_party or subject.ent_type_ in _AGENTS or subject.pos_ in ("PROPN", "PRON")
            or subject.lemma_.lower() in roles)


def commentary(sent: Span, token_party: dict[int, str], verbs: Collection[str],
               commentators: Collection[str], roles: Collection[str] = ()) -> bool:
    """True when the sentence's main clause interprets rather than reports: an abstract
    subject with an interpreting verb (`verbs`: highlight, reflect, come...), or an unnamed
    commentator (`commentators`: analyst, observer...) as the one who speaks, or one named
    with such a role. A person named by role ("The official suggested...", `roles`) reports."""
    root = sent.root
    if root.lemma_ == "be" and any(c.dep_ == "expl" for c in root.children):
        # "There is cautious hope that diplomacy may finally chart a path": the writer's
        # reading of the mood, with no one who hopes.
        return not any(t.i in token_party or t.ent_type_ in _AGENTS for t in root.subtree
                       if t.dep_ in _SUBJECTS and t.head.i != root.i)
    if root.lemma_ == "be" and sent[0].lower_ == "here" and sent[0].head.i == root.i:
        return True  # "Here is what we know about the meeting so far": the writer to the reader
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in commentators and not any(
            t.i in token_party or t.ent_type_ in _AGENTS for t in subject.subtree):
        return True
    if subject.i not in token_party and any(
            c.dep_ == "appos" and (c.lemma_.lower() in commentators or _former(c)) for c in subject.children):
        # "said Helena Strand, a labour economist at the University of Dunmarrow": named,
        # and still someone who interprets the news, not a party to it. So is "Piotr Wend,
        # a former Kestrian deputy foreign minister": no office of his speaks.
        return True
    predicate = main_predicate(root)
    return ((predicate.lemma_.lower() in verbs or _took_place_beside(predicate))
            and not _is_agent(subject, token_party, roles))


# Prepositions that set what happened beside something else, not at a place or on a day.
_BESIDE = frozenset({"after", "during", "amid", "against", "following", "as", "despite"})


def _took_place_beside(verb: Token) -> bool:
    """"The talks took place after a weekend of heavy attacks", "The meeting took place
    during a tense moment in the conflict": the writer links the event to its backdrop, and
    both are told elsewhere. Not "took place at Mar-a-Lago", nor "will take place in
    January": where and when are news."""
    preps = [c.lower_ for c in verb.children if c.dep_ == "prep"]
    return (verb.lemma_.lower() == "take" and verb.tag_ == "VBD"
            and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
            and any(p in _BESIDE for p in preps) and not any(p not in _BESIDE for p in preps))


def named_commentators(sentences: Sequence[Sentence], commentators: Collection[str],
                       synonyms: Mapping[str, str]) -> list[Sentence]:
    """The sentences, each that a commentator named with the role elsewhere speaks made
    commentary too: once "said Hannah Ruiz, a nonproliferation analyst", the story's
    "said Hannah Ruiz of the Geneva Institute" interprets the news as well, and no one speaks
    for a party there, not even one the parser took the person for ("Helena Marsh" as a
    body). Surnames are compared, as later mentions give them; a party's own people are never
    commentators."""
    surnames: set[str] = set()
    for s in sentences:
        if not (s.commentary and any(w in commentators or w in FORMER for w in s.voice)):
            continue
        names = [e.text for e in s.entities if e.label == "PERSON"]
        if s.speaker is not None and s.speaker.startswith(OTHER_PARTY):
            names.append(s.speaker[len(OTHER_PARTY):])  # the parser took the person for a body
        for name in names:
            words = name.lower().split()
            if len(words) > 1 and all(w in s.voice for w in words) and not any(w in synonyms for w in words):
                surnames.add(words[-1])
    if not surnames:
        return list(sentences)
    return [replace(s, commentary=True, speaker=None, actor=None, stance=False)
            if _voiced_by(s, surnames) else s for s in sentences]


def _voiced_by(s: Sentence, surnames: set[str]) -> bool:
    """Whether one of `surnames` speaks: no party does, and the words that say who speaks name
    them — or the parser took the person for a body of its own ("Helena Marsh of the Castor
    Institute was more sceptical")."""
    if s.speaker is None and surnames & set(s.voice):
        return True
    return any(who is not None and who.startswith(OTHER_PARTY) and s.speaker in (None, who)
               and bool(surnames & set(who[len(OTHER_PARTY):].lower().split())) for who in (s.speaker, s.actor))
