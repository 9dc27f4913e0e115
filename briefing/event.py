"""Event: the words that say what a sentence reports — its main predicate and the heads of
that predicate's subject, object and prepositional objects.

Two outlets retelling one fact choose different words around it ("Just a day earlier, Russia
launched renewed missile and drone attacks on Kyiv" and "Over the weekend, Russia launched
hundreds of missiles and drones at Kyiv"), but they mostly keep who did what to whom: here
Russia, launch, Kyiv. A reporting verb ("Trump said that...") is looked through to what is
reported. A party's names count as the party.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "agent", "acomp")
_CLAUSES = ("ccomp", "xcomp")
_SKIP_POS = ("PRON", "DET", "AUX", "PUNCT", "SPACE", "NUM", "CCONJ", "SCONJ", "PART")


# Verbs that only say how or when the real predicate happens: "continue to insist", "is set
# to meet", "appears to be building".
_ASPECT = frozenset(("continue", "begin", "start", "keep", "seem", "appear", "try", "set", "go",
                     "expect", "plan", "intend", "aim", "hope", "need", "want"))
_EMPTY_VERBS = frozenset(("be", "have", "do"))
_COMPLEMENTS = ("attr", "acomp", "oprd")


def _word(tok: Token, token_party: dict[int, str], predicate: bool = False) -> str | None:
    if tok.i in token_party:
        return f"party:{token_party[tok.i]}"
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # when it happened: outlets say it differently ("on Sunday", "a day earlier")
    lemma = tok.lemma_.lower()
    if predicate:  # "give up", "make" are stop words but say what happened
        return lemma if tok.is_alpha and lemma not in _EMPTY_VERBS else None
    if tok.pos_ in _SKIP_POS or tok.is_stop or not tok.is_alpha:
        return None
    return lemma


def _predicates(verb: Token, reporting: Collection[str], stances: Collection[str]) -> list[Token]:
    """The verb of what is reported, through reporting and aspect verbs; a stance verb on the
    way is kept too ("demanded that Ukraine give up": demand, give)."""
    out = []
    for _ in range(4):
        lemma = verb.lemma_.lower()
        looks_through = lemma in reporting or lemma in _ASPECT
        clause = next((c for c in verb.children if c.dep_ in _CLAUSES and c.pos_ in ("VERB", "AUX")), None)
        said = next((c for c in verb.children if c.lower_ in _MADE_CLEAR), None) if lemma == "make" else None
        if said is not None:
            # "Ostmark made clear that its measures will not be lifted": a way of saying.
            looks_through = True
            clause = clause or next((c for c in said.children if c.pos_ in ("VERB", "AUX")
                                     and c.dep_ in ("ccomp", "advcl", "csubj")), None)
        if looks_through and clause is None:
            clause = _noun_clause(verb)
        if not looks_through or clause is None:
            break
        if lemma in stances:
            out.append(verb)
        verb = clause
    return out + [verb]


# "made clear that", "made it plain that", "has made known that".
_MADE_CLEAR = frozenset({"clear", "plain", "known"})


def _noun_clause(verb: Token) -> Token | None:
    """What is reported in a noun's that-clause: "expressed optimism that negotiations are
    approaching a decisive phase" reports the approach."""
    for obj in verb.children:
        if obj.dep_ == "dobj":
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") \
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return c
    return None


# Verbs that make what follows a plan: "is expected to be on the agenda", "are set to meet".
_PLANS = frozenset(("expect", "plan", "schedule", "set", "intend", "aim", "prepare", "hope"))
FUTURE_AUXILIARIES = frozenset(("will", "shall", "'ll"))
# Verbs that commit to an act to come when an infinitive follows: "agreed to hold a summit".
_UNDERTAKINGS = frozenset(("agree", "decide", "promise", "pledge", "vow", "undertake", "threaten"))


def is_to(verb: Token) -> bool:
    """Whether the verb is "be" with an infinitive of what is to come: "are to reconvene",
    "is to visit Kyiv next week"."""
    return verb.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)


def planned(sent: Span, reporting: Collection[str]) -> bool:
    """Whether the main clause, through reporting verbs, announces what is to come rather
    than reports what happened: "said a prisoner exchange was expected to be on the agenda",
    "a third round will be held next week", "said he would speak to Osk", "have agreed to
    hold a summit". A clause after it ("exchanged 242 prisoners and will meet again in
    June") leaves the report a report."""
    verb = sent.root
    will = FUTURE_AUXILIARIES
    for _ in range(5):
        lemma = verb.lemma_.lower()
        if lemma in _PLANS or any(c.dep_ in ("aux", "auxpass") and c.lower_ in will for c in verb.children):
            return True
        if lemma in _UNDERTAKINGS and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
            return True  # "have agreed to hold a summit": the summit is to come
        if is_to(verb):
            return True  # "Technical teams are to reconvene on March 16"
        clause = next((c for c in verb.children if c.dep_ in _CLAUSES and c.pos_ in ("VERB", "AUX")), None)
        if lemma not in reporting or clause is None:
            return False
        verb = clause
        will = FUTURE_AUXILIARIES | {"would"}  # reported: "said he would speak to Osk before the meeting"
    return False


def denies(sent: Span, denials: Collection[str], lemmas: Collection[str] | None = None) -> bool:
    """Whether the sentence denies that something is so: a verb of `denials` on its main line
    with a that-clause, or with an object that has one ("flatly denied reports that an
    agreement had been reached"). Not one dismissing a proposal ("dismissed proposals for a
    temporary ceasefire"), which is a stance on it. `lemmas`: the sentence's lemmas, lower
    case, when already read: without one of `denials` among them, no word need be looked at."""
    if lemmas is not None and not any(w in denials for w in lemmas):
        return False
    for verb in sent:
        if verb.lemma_.lower() not in denials or verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(c.dep_ == "ccomp" for c in verb.children) or any(
                c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for o in objects for c in o.children):
            return True
    return False


def main_predicate(root: Token) -> Token:
    """The verb of what happens, through aspect verbs: "is expected to shape" → shape."""
    return _predicates(root, (), ())[-1]


def _heads(verb: Token) -> list[Token]:
    """The predicate's argument heads: subject, objects, and the objects of its prepositions."""
    out = []
    for child in verb.children:
        if child.dep_ in _ARGUMENTS:
            out.append(child)
            # "hundreds of missiles": the noun the quantity is of
            out.extend(g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")
        elif child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prt":
            out.append(child)
    out.extend(c for a in list(out) for c in a.children if c.dep_ in ("compound", "conj"))
    return out


def event_words(sent: Span, token_party: dict[int, str], reporting: Collection[str],
                stances: Collection[str] = ()) -> tuple[str, ...]:
    """The sentence's event: predicate lemmas first, then its arguments' words, without repeats."""
    return event_of(sent, token_party, reporting, stances)[0]


def event_of(sent: Span, token_party: dict[int, str], reporting: Collection[str],
             stances: Collection[str] = ()) -> tuple[tuple[str, ...], str]:
    """The sentence's event (see `event_words`) and the head of the reported predicate's
    subject as a word of it: "framework" in "Zelensky said the framework would halt
    fighting"; "" when the subject is no word worth having."""
    verbs = _predicates(sent.root, reporting, stances)
    heads = _heads(verbs[-1])
    if verbs[-1].lemma_.lower() in _EMPTY_VERBS:
        # "The drug would be available from next month": what is announced is its being
        # available, not the drug; the complement says it, as a verb would.
        heads.sort(key=lambda t: t.dep_ not in _COMPLEMENTS)
    words = [_word(v, token_party, predicate=True) for v in verbs]
    words += [_word(t, token_party) for t in heads if t.dep_ != "prt"]
    words += [_word(t, token_party, predicate=True) for t in heads if t.dep_ == "prt"]
    subject = next((c for c in verbs[-1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (tuple(dict.fromkeys(w for w in words if w)),
            (_word(subject, token_party) or "") if subject is not None else "")
