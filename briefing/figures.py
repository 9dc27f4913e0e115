"""Key figures: the numbers that matter (shares, money, counts with units, dates), each with
what it measures in few words, and its source."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .config import SectionConfig
from .model import Figure, Point, Section, Sentence
from .quotes import closes_a_quote, inside_quotation, opens_with_quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Order is priority: a share or a sum says more than a count, a count more than a date.
_KINDS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def years(text: str) -> list[str]:
    """The years a text names: "between 2020 and 2025" → 2020, 2025."""
    return _YEAR.findall(text)
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:—–()]|\s-\s")  # not the comma of "17,600"
_MAX_CONTEXT = 18  # words


_JOINS = ("and", "but", "or", "nor", "so", "yet")  # words that join a clause to the one before


def _context(sent: Span, start: int, end: int) -> str:
    """The stretch of the sentence between punctuation that holds the figure, kept short."""
    text = sent.text
    a = sent[start - sent.start:end - sent.start].start_char - sent.start_char
    b = a + len(sent.doc[start:end].text)
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, a)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, b)), len(text))
    words = text[left:right].strip().rstrip(".").split()
    at = len(text[left:a].split())
    while at > 0 and words[0].lower() in _JOINS:
        words, at = words[1:], at - 1  # "and teenager Jonah Okafor converted…" opens on the "and"
    if len(words) > _MAX_CONTEXT:
        # Keep the words nearest the figure.
        lo = max(0, min(at - _MAX_CONTEXT // 2, len(words) - _MAX_CONTEXT))
        words = (["…"] if lo else []) + words[lo:lo + _MAX_CONTEXT] + (["…"] if lo + _MAX_CONTEXT < len(words) else [])
    return " ".join(words)


# Dependencies that lead from a number to the noun it counts, and from that noun up to the
# verb whose object, complement or subject it is.
_TO_NOUN = ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "poss")
_TO_VERB = ("conj", "pobj", "prep", "dobj", "attr", "appos", "pcomp", "oprd", "npadvmod", "nsubj",
            "nsubjpass", "acomp")
_SUBJECTS = ("nsubj", "nsubjpass")
_CHANGE = ("from", "to")  # the two ends of a rise or a fall


_BREAKS = frozenset(",;:—–(")


def _acts(tok: Token) -> bool:
    """Parsed as a verb, or as a noun with an object ("landing slots" as landing them)."""
    return tok.pos_ == "VERB" or any(c.dep_ == "dobj" for c in tok.children)


def _own_words(tok: Token, keep: range = range(0), together: bool = False) -> list[Token]:
    """A phrase without what is coordinated after it ("70 percent of Donetsk", not "… and
    most of Luhansk") unless inside `keep` (the figure's own words: "between $10 billion
    and $10.8 billion") or the coordinated act `together` (a subject: "the Liberals and
    their partner control 88 seats" is not said of the Liberals alone), and without what
    follows a comma. A verb coordinated with a noun is a misparse of the phrase's own words
    ("60 percent of take-off and landing slots"): kept."""
    items = [] if together else [
        c for c in tok.children if c.dep_ == "conj" and c.i > tok.i and c.i not in keep
        and not (tok.pos_ in ("NOUN", "PROPN", "NUM") and _acts(c))]
    joints = [c for c in tok.children if c.dep_ == "cc" and c.i > tok.i and c.i not in keep] if items else []
    skip = {t.i for c in items + joints for t in c.subtree}
    out = []
    for t in tok.subtree:
        if t.i > tok.i and (t.text in _BREAKS or t.doc[t.i - 1].text in _BREAKS):
            break  # what comes after a comma, wherever the parse attached the comma
        if t.i not in skip and not (t.dep_ == "punct" and t.i > tok.i and t.text in ")”\"'"):
            out.append(t)
    return out


def _subject(verb: Token) -> tuple[Token | None, list[Token]]:
    """The subject of `verb` — or of the verb it is coordinated with, or of the verb it
    completes ("is said to be") — and the verbs to show with it, the first one first."""
    shown, head = [verb], verb
    while True:
        subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if subject is not None or head.dep_ not in ("conj", "xcomp", "acomp") or head.head.i == head.i:
            return subject, shown
        if head.dep_ in ("xcomp", "acomp"):
            # "unemployment was likely to rise to 5.2 percent": rise, likely, was.
            shown.insert(0, head.head)
        head = head.head


# What completes a verb after it: particle, objects, complements, prepositional phrases.
_COMPLEMENTS = ("prt", "dobj", "dative", "attr", "acomp", "oprd", "xcomp", "prep", "agent")


def _split_off(subject: Token, verb: Token) -> list[Token]:
    """Another subject of the verb right before this one: one phrase the parse split."""
    for c in verb.children:
        if c.dep_ in _SUBJECTS and c.i != subject.i and c.right_edge.i + 1 == subject.left_edge.i:
            return list(c.subtree)
    return []


def _lead_in(verb: Token, shared: bool = False) -> list[Token]:
    """The auxiliaries, negation and adverbs before a verb: "reportedly includes" must not
    become "includes". Not a relative adverb: "rates where are below 80 percent" misquotes.
    `shared`: a coordinated verb shown without the first one takes its auxiliaries."""
    own = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")
           and c.tag_ != "WRB"]
    if shared and verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in own):
        # "would seat 42,000 and include 600 homes": the second verb's "would" is the first's.
        own = [c for c in verb.head.children if c.i < verb.head.i and c.dep_ in ("aux", "auxpass")] + own
    return own


def _predicate(verb: Token) -> list[Token]:
    """The verb with its auxiliaries and what completes it, up to the first comma or
    coordinated clause: "were waiting at anchor by Monday afternoon". An alternative goes
    with it: "had been destroyed or badly damaged" is not "had been destroyed", where "...
    exposed and would be contacted by email" may stop at "exposed"."""
    words = [*_lead_in(verb), verb]
    alternative = False
    for c in verb.children:
        if c.i > verb.i:
            if c.text in _BREAKS or verb.doc[c.i - 1].text in _BREAKS:
                break
            if c.dep_ == "cc" and c.lower_ in ("or", "nor"):
                alternative = True
                words.append(c)
                continue
            if alternative and c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                    g.dep_ in _SUBJECTS for g in c.children):
                words += [t for t in _predicate(c) if t.dep_ != "cc"]
                alternative = False
                continue
            if c.dep_ == "advmod" and not list(c.children):
                words.append(c)  # "are currently eligible"
                continue
            if c.dep_ not in _COMPLEMENTS:
                break
            words += _own_words(c)
    return sorted(words, key=lambda t: t.i)


def _written(tokens: list[Token]) -> str:
    """Tokens as the text spells them: spaces where the text has them, one between gaps."""
    out = ""
    for n, t in enumerate(tokens):
        if n and (tokens[n - 1].i != t.i - 1 or tokens[n - 1].whitespace_):
            out += " "
        out += t.text
    return out


def _measure(ent: Span, both_ends: bool = True) -> str | None:
    """What a figure measures, said in few words: who or what, the verb, and the figure with
    what it is of ("Russian forces currently control around 70 percent of Donetsk"), out of a
    sentence that may say much else. None when the parse gives no such clause. `both_ends`:
    a rise or a fall is said from and to ("cut its forecast to 0.6 percent from 1.1 percent")."""
    noun = ent.root
    while noun.dep_ in _TO_NOUN and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM", "ADJ"):
        noun = noun.head
    # Up to the verb; the phrase is the verb's dependent that holds the figure ("a premium
    # of 38 percent", "in February 2022"), or the conjunct that does ("around 70 percent
    # of Donetsk" in "control most of Luhansk and around 70 percent of Donetsk").
    verb, top, conjunct = noun, noun, False
    below = noun  # the verb's dependent the figure's phrase hangs from
    governs: list[Token] = []  # prepositions above the conjunct: "fell to $1.9 billion, or 71 cents"
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX") and verb.dep_ in _TO_VERB:
        conjunct = conjunct or verb.dep_ == "conj"
        below, verb = verb, verb.head
        if not conjunct and verb.pos_ not in ("VERB", "AUX"):
            top = verb
        elif conjunct and verb.dep_ == "prep":
            governs.insert(0, verb)
    if top.dep_ == "prep" and top.i < verb.i:
        return None  # an opening adjunct ("In a 7-2 decision, the judges said") reads wrong moved
    if any(t.lower_ == "between" for t in (top, *governs)):
        # "would sit between the offer of 5.5 percent and the demand of 9 percent": one end
        # alone says something else.
        return None
    keep = range(ent.start, ent.end)
    own = governs + _own_words(top, keep)
    paired = False
    if both_ends and top.dep_ == "prep" and top.lower_ in _CHANGE and verb.pos_ == "VERB":
        # A change says both ends: "cut its forecast to 0.6 percent from 1.1 percent", one
        # row for the two figures, not "cut its forecast from 1.1 percent" as a row of its own.
        for end in verb.children:
            if end.dep_ == "prep" and end.lower_ in _CHANGE and end.i != top.i and any(t.like_num for t in end.subtree):
                own = sorted(own + _own_words(end), key=lambda t: t.i)
                paired = True
    after: list[Token] = []  # who said it, when the sentence names them after their words
    subject, verbs = (None, []) if verb.pos_ not in ("VERB", "AUX") or verb is noun else _subject(verb)
    if below.dep_ == "conj" and below.pos_ in ("NOUN", "PROPN") and verb.pos_ == "VERB" and below is not noun:
        if any(c.dep_ == "prep" and c.lower_ == "between" for c in verb.children):
            return None  # the other end of "between ... and", which the parse hung on the verb
        # A phrase added after the clause ("names were taken, as well as identity document
        # numbers for 2.1 million people"), which the parse joins to the verb: it is another
        # of what a passive verb is said of, another of what an active one acts on.
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        words = own + [*_lead_in(verb), verb] if passive else \
            (_own_words(subject, together=True) if subject is not None else []) + [*_lead_in(verb), verb] + own
        indices = {t.i for t in words}
        if len(words) > _MAX_CONTEXT or not all(i in indices for i in keep):
            return None
        return _written(sorted(words, key=lambda t: t.i) if not passive else words)
    if noun.dep_ in _SUBJECTS and noun.head.i == verb.i:
        # The parse may give the verb two subjects ("A magnitude | 6.6 earthquake struck"):
        # the one with the figure is what acts, with the words before it.
        subject = noun
    if subject is not None and any(t.i == noun.i for t in subject.subtree) and verbs == [verb]:
        # The figure counts who or what acts: what they did says what the figure measures
        # ("About 14,000 members of the union began a 72-hour strike"), up to a comma.
        words = _split_off(subject, verb) + _own_words(subject, keep, together=True) + _predicate(verb)
    elif subject is None or any(t.i == noun.i for t in subject.subtree):
        # No one to say it of: the figure's phrase, if it says of what ("a 25% tariff on
        # Indian imports"), not a bare noun ("The magnitude 6.6 tremor").
        if subject is None and verb is not noun and verb.pos_ == "VERB" and verb.dep_ == "acl":
            # A clause that says what a noun is ("the government's decision to approve a
            # 90-kilometre motorway"): the noun with it.
            words = _own_words(verb.head)
        elif subject is None and verb is not noun and verb.pos_ == "VERB" and verb.tag_ == "VBG":
            # A participle with no subject of its own ("..., forcing about 20,000 residents
            # to keep their windows shut"): what is done says what the figure measures.
            words = _predicate(verb)
        elif not any(t.pos_ in ("ADP", "VERB") for t in own if t.i not in range(ent.start, ent.end)):
            return None
        else:
            words = own
    else:
        words = []
        if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
            # "The war, which began in 2022": the war began. The parse often hangs the
            # clause on the last noun before it ("a collision between two trains that killed
            # 23 people"): the whole phrase is said, so as not to pick the wrong one.
            inside = {t.i for t in subject.head.subtree}
            antecedent = subject.head.head
            while (antecedent.dep_ == "pobj" and antecedent.head.dep_ == "prep"
                   and antecedent.head.head.pos_ in ("NOUN", "PROPN")):
                antecedent = antecedent.head.head
            words += [t for t in _own_words(antecedent) if t.i not in inside]
        elif subject.lower_ != "it" or verbs[0].dep_ == "ccomp":  # "said it had provided": the speaker
            # A pronoun ("It produced some 40,000 tonnes of copper") would point at a
            # sentence the table does not show: what was done is said without it.
            words += _own_words(subject, together=True)
        acts = [t for v in verbs for t in (*_lead_in(v, shared=True), v)]
        # What the verb acts on, when the figure says by how much or to what: "cut its
        # growth forecast to 0.6 percent", "give the carrier more than 60 percent", "asked the
        # city to contribute 150 million crowns"; and what completes it before the figure
        # ("had been forced back by loose rock about 60 metres from the blockage").
        # And the open complement that says what was meant, planned or expected: "was meant
        # to double-track the line by 2027" is no "was meant by 2027".
        objects = [t for v in verbs for c in v.children
                   if (c.dep_ in ("dobj", "dative", "xcomp", "prt", "agent")
                       or c.dep_ == "advmod" and c.i == v.i + 1 and c.tag_ != "WRB")
                   and v.i < c.i and c.right_edge.i < top.i and c not in verbs for t in _own_words(c)]
        words += sorted(dict.fromkeys(acts + objects + own), key=lambda t: t.i)
        # Whose figure it is, when someone named gives it: "Zelensky said Ukraine has accepted…".
        said = verbs[0].head if verbs[0].dep_ == "ccomp" else None
        speaker = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
        if speaker is not None and speaker.pos_ == "PROPN":
            if said.i > verbs[0].i:
                # Named after what they said ("The government will pay €1.25 million per
                # child, Health Minister Irena Vasko said"): said after it, as written.
                after = [*_own_words(speaker), said]
            else:
                words = [*_own_words(speaker), said, *words]
    # Too long to be compact, too short to say more than the figure itself, or the parse
    # put the figure past a comma.
    indices = {t.i for t in words}
    if len(words) + len(after) > _MAX_CONTEXT or len(indices) - len(keep) < 3 or not all(i in indices for i in keep):
        return _measure(ent, both_ends=False) if paired else None  # both ends are too long: one
    while words and words[0].i not in keep and (words[0].dep_ == "cc" or words[0].is_punct):
        words = words[1:]  # "and teenager Jonah Okafor converted…" opens on the "and"
    return _closed(words) + (f", {_written(after)}" if after else "")


def _closed(words: list[Token]) -> str:
    """The words as written, with the closing quotation mark that follows the last of them
    when they open a quotation: 'called the age limit "a betrayal of thirteen families"'."""
    text = _written(words)
    last = max(words, key=lambda t: t.i)
    doc = last.doc
    straight_open = text.count('"') % 2 == 1
    curly_open = text.count("“") > text.count("”")
    if (straight_open or curly_open) and last.i + 1 < len(doc) and doc[last.i + 1].text in ('"', "”"):
        return text + doc[last.i + 1].text
    return text


def _in_question(tok: Token) -> bool:
    """Whether the token is in a clause of doubt ("whether", "if"), however deep; not in a
    relative clause inside one, which tells what is known ("whether a signal failure caused
    the collision that killed 23 people": the 23 are not in doubt)."""
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return True
        if tok.head.i == tok.i or tok.dep_ in ("relcl", "acl", "appos"):
            return False
        tok = tok.head
    return False


def _score(ent: Span) -> Span:
    """The entity with the rest of a score or tally written onto it ("7-2", "4-3"): spaCy
    takes only the first number, and "a 7 decision" would misquote it."""
    doc, end = ent.doc, ent.end
    if (end + 1 < ent.sent.end and not doc[end - 1].whitespace_
            and doc[end].text in ("-", "–") and not doc[end].whitespace_ and doc[end + 1].like_num):
        return doc[ent.start:end + 2]
    return ent


_MODIFIES = ("nummod", "compound", "amod", "nmod")


def _label(ent: Span) -> bool:
    """A year that only names something ("a 2022 report", "the 2024 season"): when it
    happened is not what the sentence tells."""
    root = ent.root
    return root.dep_ in _MODIFIES and root.head.pos_ in ("NOUN", "PROPN")


def _title(ent: Span) -> bool:
    """A figure in someone's title ("Olympic 800 metres champion Nadia Varga"): it names an
    event, it measures nothing."""
    tok = ent.root
    while tok.dep_ in _MODIFIES and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
            return True
    return False


# Nouns of places whose size a count may give in passing: "a town of 30,000 people".
_PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "district", "county", "state",
                          "country", "island", "community", "suburb"})


def _size_of_place(ent: Span) -> bool:
    """A count that only says how big a place is ("San Telmo, a town of 30,000 people"): it
    tells where, not what happened."""
    counted = ent.root.head
    of = counted.head
    return (counted.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _PLACE_NOUNS)


_BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                       "north-east", "north-west", "south-east", "south-west"})


def _where(ent: Span) -> bool:
    """A distance that says where a place lies ("Dravik, 14 kilometres north of Kessel"):
    where, not what happened."""
    doc = ent.doc
    return ent.label_ == "QUANTITY" and ent.end < len(doc) and doc[ent.end].lower_ in _BEARINGS


def _part_of(ent: Span) -> Span | None:
    """A count with the whole it is part of, "88 of the 200 seats": the 200 alone would say
    how big parliament is, not what the sentence tells."""
    of = next((c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of is not None else None
    if whole is None or not any(c.dep_ == "nummod" and c.like_num for c in whole.children):
        return None
    return ent.doc[ent.start:whole.i + 1]


def _quoted_statement(text: str, at: int) -> bool:
    """Whether position `at` is inside a quotation the sentence opens with, or goes on with
    from the sentence before: '"Three percent after two years of prices going through the roof
    is not an offer," the union leader said' is a speaker's rhetoric, which a row would cut
    short or state as fact. A phrase quoted inside a report ('called the age limit "a betrayal
    of thirteen families"') is not."""
    return (opens_with_quote(text) or closes_a_quote(text)) and inside_quotation(text, at)


def extract(sent: Span) -> tuple[Figure, ...]:
    """Figures in one parsed sentence; bare small numbers and vague dates are not figures."""
    out = []
    taken = -1  # the end of a figure that holds the entities up to it ("88 of the 200 seats")
    for found in sent.ents:
        if found.label_ not in _KINDS:
            continue
        if (found.label_ == "CARDINAL" and share_in_words(found.text) is not None and found.end + 1 < sent.end
                and sent.doc[found.end].lower_ == "of" and sent.doc[found.end + 1].lower_ not in ("a", "an")):
            # "roughly a third of the valley" is a share, as "about 40 percent of" it is; "a
            # quarter of a percentage point" is no share of anything.
            out.append(Figure(value=found.text, kind="PERCENT",
                              context=_measure(found) or _context(sent, found.start, found.end)))
            continue
        if not _DIGIT.search(found.text) and found.label_ != "PERCENT" and not (
                found.label_ == "CARDINAL" and spelled(found.text) is not None):
            continue
        if found.start < taken:
            continue
        part = _part_of(found) if found.label_ == "CARDINAL" else None
        if part is not None:
            taken = part.end
            out.append(Figure(value=part.text, kind="CARDINAL",
                              context=_measure(part) or _context(sent, part.start, part.end)))
            continue
        if found.label_ == "DATE" and (not _YEAR.search(found.text) or _label(found)):
            continue  # "Friday", "this week": a timeline's business, not a key figure
        if found.label_ == "DATE" and (found[0].lower_ == "since" or found.root.head.lower_ == "since"):
            continue  # "killed since October 2022": when a count starts, not a figure of its own
        if found.label_ != "DATE" and _title(found):
            continue
        if found.label_ == "CARDINAL" and _size_of_place(found) or _where(found):
            continue
        if any(c.dep_ == "neg" for t in (found.root, found.root.head) for c in t.children):
            continue  # "17,500 tonnes, not the 20,000 tonnes reported": a figure denied
        if found.start > sent.start and sent.doc[found.start - 1].lower_ == "per":
            continue  # what a rate is of ("86 units per 100 millilitres"), no figure of its own
        if _in_question(found.root):
            # "It remains unclear whether the fund would accept any price above €1.2
            # million": a row would state what the source doubts.
            continue
        ent = _score(found)
        if found.label_ == "CARDINAL" and (found.root.head.pos_ != "NOUN" or found.root.head.i == found.root.i):
            continue  # a count must count something: "20 points", not "one of"
        value = ent.text
        before = sent.doc[ent.start - 1] if ent.start > sent.start else None
        if found.label_ == "MONEY" and before is not None and before.is_currency:
            value = before.text + value  # "$14.50 a share": spaCy leaves the "$" out of the entity
        if found.label_ == "CARDINAL":
            head = found.root.head
            hyphen = sent.doc[found.end] if found.end < sent.end else None
            if hyphen is not None and hyphen.text == "-" and not found[-1].whitespace_ and head.i == found.end + 1:
                value = sent.doc[ent.start:head.i + 1].text  # as written: "46-branch network"
            elif found.end <= head.i and all(t.dep_ in ("compound", "amod") and t.head.i == head.i
                                             for t in sent.doc[found.end:head.i]):
                # The unit with its own nouns: "21 crew members", "86 measles cases".
                value = f"{value} {sent.doc[found.end:head.i + 1].text}"
            else:
                value += " " + head.text  # the unit: "20 points"
        kind = found.label_
        if kind in ("CARDINAL", "QUANTITY") and any(
                t.lower_ in _CURRENCIES for t in sent.doc[found.start:max(found.end, found.root.head.i + 1)]):
            kind = "MONEY"  # "about 87 million crowns": a sum the recogniser took for a count
        out.append(Figure(value=value, kind=kind,
                          context=_measure(ent) or _context(sent, ent.start, ent.end)))
    if any(f.kind != "DATE" for f in out):
        # A year beside a figure says what the figure is of ("a 6.5 percent rise for 2026"):
        # no row of its own.
        out = [f for f in out if not (f.kind == "DATE" and _YEAR.fullmatch(f.value))]
    return tuple(out)



# Currencies the recogniser does not know for money when a number counts them: "265 million
# crowns", "27.80 marks" (not "mark", which also measures a point reached, nor "pounds",
# which also weigh).
_CURRENCIES = frozenset({
    "crown", "crowns", "krona", "kronor", "krone", "kroner", "koruna", "marks", "euro", "euros", "dollar",
    "dollars", "franc", "francs", "yen", "yuan", "rupee", "rupees", "peso", "pesos",
    "rouble", "roubles", "ruble", "rubles", "lira", "lire", "zloty", "zlotys", "forint", "forints", "shekel",
    "shekels", "dinar", "dinars", "rand", "hryvnia", "hryvnias", "dirham", "dirhams", "riyal", "riyals",
    "ringgit", "baht", "naira", "shilling", "shillings", "cedi", "cedis"})

_PART = re.compile(r"^\S+ of ")  # "88 of the 200 seats" (see `_part_of`)
MEASURED = ("PERCENT", "MONEY")  # shares and sums: what a fact turns on most
MEASURES = ("PERCENT", "MONEY", "QUANTITY")  # a fact turns on these; counts and dates less so
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)*")


def amounts(text: str) -> list[str]:
    """The numbers written in digits in `text`, without thousands separators: "1,200" is
    "1200"."""
    return [n.replace(",", "") for n in _AMOUNT.findall(text)]


def amount(figure: Figure) -> str:
    """What a figure amounts to, whatever the wording: "about 90 percent" and "roughly 90%"
    are both "90"; "Thirty-four children" is "34"."""
    found = " ".join(amounts(figure.value))
    if found:
        return found
    share = share_in_words(figure.value) if figure.kind == "PERCENT" else None
    if share is not None:
        return share
    said = spelled(figure.value)
    return str(said) if said is not None else ""


_FRACTION = re.compile(r"^(?:(?:about|around|roughly|nearly|almost|some|over|under|just over|just under|"
                       r"more than|less than)\s+)?(?:(a|one|two|three|four)[\s-]+)?(half|third|quarter|fifth)s?$",
                       re.IGNORECASE)
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_HOW_MANY = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def share_in_words(text: str) -> str | None:
    """A share written as a fraction in words, in percent: "roughly a third" is "33", "three
    quarters" "75"; None for anything else."""
    found = _FRACTION.match(text.strip())
    if found is None:
        return None
    part = _PARTS[found.group(2).lower()]
    if found.group(1) is None:
        return "50" if part == 2 else None  # "about half"; no "about third"
    many = _HOW_MANY[found.group(1).lower()]
    return str(round(100 * many / part)) if many < part else None


_UNITS = {w: n for n, w in enumerate(("zero one two three four five six seven eight nine ten eleven twelve "
                                      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split())}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n > 1}


def spelled(text: str) -> int | None:
    """A count of ten to ninety-nine written in words at the start of `text` ("Thirty-four
    children", "twelve samples"); None otherwise. Smaller ones ("two leaders") name too many
    things to be a figure."""
    n = in_words(text)
    return n if n is not None and n >= 10 else None


def in_words(text: str) -> int | None:
    """A whole number below a hundred written in words at the start of `text` ("seven",
    "Thirty-four children"); None otherwise."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if not words:
        return None
    first = words[0]
    if first in _TENS:
        second = words[1] if len(words) > 1 else ""
        return _TENS[first] + (_UNITS[second] if second in _UNITS and 0 < _UNITS[second] < 10 else 0)
    return _UNITS.get(first)


def _number(figure: Figure) -> tuple[str, str]:
    return figure.kind, amount(figure)


_SCALE = re.compile(r"\b(thousand|million|billion|trillion)\b", re.I)


def _distinctive(figure: Figure) -> str | None:
    """The scale of a count too precise or too large to be given of two things in one story
    ("6.6", "242", "1,350", "2.1 million"), whatever each source calls them ("242 prisoners",
    "242 people crossing"); None for a small whole number ("86 cases" and "86 schools" are
    two counts) or a round one below ten thousand."""
    numbers = amount(figure).split()
    scale = _SCALE.search(figure.value)
    # A round number of thousands is not: "1,200 crowns" and "about 1,200 planned
    # operations". Tens of thousands are ("600,000 homes", "all 600,000 customers").
    if scale or any("." in n or len(n) >= 3 and not n.endswith("0") or len(n) >= 4 and not n.endswith("00")
                    or len(n) >= 5 for n in numbers):
        return scale.group(1).lower() if scale else ""
    return None


def _same(figure: Figure) -> tuple[str, ...] | None:
    """What two sources' figures must share to be one row: a share or a sum its amount, a
    count or a quantity its amount and unit ("86 cases") or, when the amount is distinctive,
    its scale ("2.1 million customers" and "2.1 million people", "a 6.6 earthquake" and
    "the 6.6 tremor"); a date nothing (one year can date many things)."""
    if figure.kind in MEASURED:
        return _number(figure)
    if figure.kind in ("CARDINAL", "QUANTITY") and amount(figure):
        scale = _distinctive(figure)
        return (*_number(figure), unit_of(figure) if scale is None else scale)
    return None


def _in_scene(s: Sentence, figure: Figure) -> bool:
    """Whether the figure is given only in a clause that sets the scene: "resigned on
    Monday, three days after a collision killed 26 people" asserts a resignation."""
    numbers = amount(figure).split()
    at = [i for i, w in enumerate(s.words) if w.replace(",", "") in numbers]
    return bool(at) and len(s.backdrop) == len(s.words) and all(s.backdrop[i] for i in at)


def distinctive_amounts(s: Sentence) -> frozenset[str]:
    """The amounts too precise or too large to be of two things (see `_distinctive`) that the
    sentence's main clause gives: "6.6" in "A magnitude 6.6 earthquake struck on Tuesday"."""
    return frozenset(amount(f) for f in s.figures
                     if f.kind != "DATE" and amount(f) and _distinctive(f) is not None and not _in_scene(s, f))


def measures(s: Sentence, asserted: bool = False) -> dict[str, frozenset[str]]:
    """The amounts a sentence gives, by kind of measure (share, sum, quantity) and, for a
    count, by what it counts: "23 people" and "26 people" are two tolls, "20 points" and
    "26 people" nothing alike. `asserted`: only those its main clause gives."""
    out: dict[str, set[str]] = {}
    for f in s.figures:
        if asserted and _in_scene(s, f):
            continue
        measured = measure_of(f)
        if measured is not None:
            out.setdefault(measured[0], set()).update(measured[1])
    return {k: frozenset(v) for k, v in out.items()}


def measure_of(f: Figure) -> tuple[str, tuple[str, ...]] | None:
    """One figure's kind of measure and its amounts (see `measures`); None for a date or a
    figure without an amount."""
    value = amount(f)
    if not value:
        return None
    if f.kind == "QUANTITY":
        # By unit: "40,000 tonnes" and "14 kilometres" are no two answers to one question.
        return f"QUANTITY {unit_of(f)}", (value,)
    if f.kind in MEASURES:
        return f.kind, (value,)
    if f.kind == "CARDINAL":
        # A part and its whole are two counts: "19 of the Trust's 41 hospitals" gives 19
        # hospitals as "19 hospitals" does.
        return f"CARDINAL {unit_of(f)}", tuple(value.split()) if _PART.match(f.value) else (value,)
    return None


# How much a kind of figure tells, from a share or a sum down to a date.
_KIND_WEIGHT = {"PERCENT": 1.0, "MONEY": 1.0, "QUANTITY": 0.9, "CARDINAL": 0.8, "DATE": 0.5}


MIN_SHARE = 0.35


def _corroborated(candidates: Sequence[tuple[Figure, Sentence]],
                  weight: Mapping[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """How much each sentence with figures matters: its own weight, or that of another
    source's sentence giving the same share or sum, if more. "The proposal includes around
    20 points and is said to be roughly 90% complete" tells of the framework that "Ukraine
    has accepted about 90 percent of": its 20 points matter as much. A sentence of no
    weight is out of date: a later one giving its figure again does not bring it back."""
    best: dict[tuple[str, str], float] = {}
    for f, s in candidates:
        if f.kind in MEASURED:
            best[_number(f)] = max(best.get(_number(f), 0.0), weight.get(s.key, 0.0))
    out: dict[tuple[int, int], float] = {}
    for f, s in candidates:
        own = max(out.get(s.key, 0.0), weight.get(s.key, 0.0))
        out[s.key] = max(own, best.get(_number(f), 0.0)) if f.kind in MEASURED and own else own
    return out


# "up from the 180 kg", "down from about 23 percent": the figure after it is the one the
# sentence replaces.
_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:estimated\s+|about\s+|around\s+)?$",
                   re.IGNORECASE)


def _replaced(candidates: Sequence[tuple[Figure, Sentence]]) -> set[tuple[str, str]]:
    """The figures a sentence gives as the ones it replaces ("revised its estimate to 212 kg,
    up from the 180 kg it reported on Monday"): out of date wherever they are given."""
    out: set[tuple[str, str]] = set()
    for f, s in candidates:
        at = s.text.find(f.value)
        if at > 0 and f.kind != "DATE" and _FROM.search(s.text[max(0, at - 40):at]):
            out.add(_as_given(f))
    return out


# Units written short or in another spelling, by the name they are compared under.
_UNIT_NAMES = {"km": "kilometre", "kilometer": "kilometre", "kms": "kilometre", "kg": "kilogram",
               "kilo": "kilogram", "m": "metre", "meter": "metre", "mi": "mile", "t": "tonne", "ton": "tonne"}
_NUMBERED = re.compile(r"^\d+(?:[.,]\d+)*-")


def unit_of(f: Figure) -> str:
    """What a figure counts or measures, however written: "20-kilometre", "15 km" and "10
    kilometres" are all kilometres."""
    word = _NUMBERED.sub("", f.value.split()[-1].lower())
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return _UNIT_NAMES.get(word, word)


def _as_given(f: Figure) -> tuple[str, str]:
    """Amount and unit, whatever the recogniser labelled it: "an estimated 180 kg", "180 kg"."""
    return amount(f), unit_of(f)


_SAYING = frozenset({"say", "tell", "report"})  # who gave the count, not what it counts


def counted_anew(sentences: Sequence[Sentence], dates: Mapping[int, str]) -> frozenset[tuple[tuple[int, int], str]]:
    """(sentence key, figure) of the counts a later day's source gives anew in the same words:
    Tuesday's "23 people had fallen ill" once Saturday's paper has "87 people had now fallen
    ill" (the same unit and two words of what is counted). Only between days: undated, which
    came later is unknown. The same whatever the budget: made once per build."""
    told: dict[tuple[str, str, str], list[tuple[str, str, tuple[tuple[int, int], str]]]] = {}
    for s in sentences:
        day = dates.get(s.source)
        if not day:
            continue
        # The content words analysis found (`Sentence.terms`) among the figure's words.
        lemma = dict(zip((w.lower() for w in s.words), s.lemmas))
        terms = set(s.terms)
        for f in s.figures:
            if f.kind not in ("CARDINAL", "QUANTITY") or not amount(f):
                continue
            unit = unit_of(f)
            words = ({lemma.get(w, w) for w in f.context.lower().split()} & terms) - _SAYING - {unit} \
                - {lemma.get(w, w) for w in f.value.lower().split()}
            for w in words:
                told.setdefault((f.kind, unit, w), []).append((day, amount(f), (s.key, f.value)))
    shared: Counter[tuple[tuple[tuple[int, int], str], tuple[tuple[int, int], str]]] = Counter()
    for entries in told.values():
        if len(entries) > 50:
            continue  # a word too common to tell one count from another
        for day, many, older in entries:
            for later, other, newer in entries:
                if later > day and other != many:
                    shared[older, newer] += 1
    return frozenset(older for (older, _), n in shared.items() if n >= 2)


def _when_reported(row: Point, dates: Mapping[int, str]) -> Point:
    """The row with the day its sources last gave it, when that is before the newest source's
    day, as a point has: "Some 31,000 homes" of Tuesday is not the number of Saturday."""
    days = [dates.get(n) for n in row.sources]
    last = max(d for d in days if d) if days and all(days) else None
    return replace(row, reported=last) if last and last < max(dates.values()) else row


def _newest_first(day: str) -> tuple[int, ...]:
    """Sorts YYYY-MM-DD days newest first, "" (undated) last."""
    return (0, *(-ord(c) for c in day)) if day else (1,)


_ROUGHLY = re.compile(r"^(?:about|around|roughly|some|nearly|almost|approximately|an estimated)\s", re.IGNORECASE)
ROUNDING = 0.05  # how far a round "about 500 drones" may be from the 519 it rounds


# Counts already given a row, by kind and unit: (amount, given as round, the row).
Rounded = dict[tuple[str, str], list[tuple[float, bool, tuple[int, int, str]]]]


def _remember(figure: Figure, row: tuple[int, int, str], rounded: Rounded) -> None:
    """Keep a count's amount by kind and unit, and whether it is given as round, for `_rounding`."""
    value = amount(figure)
    if figure.kind in ("CARDINAL", "QUANTITY") and value and " " not in value:
        rounded.setdefault((figure.kind, unit_of(figure)), []).append(
            (float(value), bool(_ROUGHLY.match(figure.value)), row))


def _rounding(figure: Figure, rounded: Rounded) -> tuple[int, int, str] | None:
    """The row of a count that this one rounds, or that rounds it: "about 500 drones" and "519
    drones" are one salvo, one row. Two exact counts, or two round ones, are not compared."""
    value = amount(figure)
    if figure.kind not in ("CARDINAL", "QUANTITY") or not value or " " in value:
        return None
    mine, rough = float(value), bool(_ROUGHLY.match(figure.value))
    for other, other_rough, row in rounded.get((figure.kind, unit_of(figure)), ()):
        if rough != other_rough and other and abs(mine - other) <= ROUNDING * max(mine, other):
            return row
    return None


def _day_of_row(s: Sentence, text: str, dates: Mapping[int, str]) -> str | None:
    """The day a row says its figure's act happened, when its words name it ("an agreement
    on Thursday raises pay by 6 percent"); None for a state with no day in the row ("the
    union's demand of 9 percent"), which an earlier article may give as well."""
    from .timeline import done_on  # the timeline reads figures: imported here, not above

    if s.source not in dates or not any(e.label == "DATE" and e.text in text for e in s.entities):
        return None
    return done_on(s, dates[s.source])


def key_figures(sc: SectionConfig, sentences: Sequence[Sentence], budget: int,
                weight: Mapping[tuple[int, int], float] | None = None,
                dates: Mapping[int, str] | None = None,
                anew: Collection[tuple[tuple[int, int], str]] | None = None) -> Section:
    """The most telling figures: one row per stretch of text, never the same words twice.

    `weight` is how much each sentence matters to the story (the briefing's score of the
    point it belongs to): the shares the talks turn on come before a tariff in an aside of
    an older article, however precise, and a figure whose sentence matters less than
    MIN_SHARE of the first one's is left out. Without it, figures are taken by kind, then
    in reading order. `dates`: each dated source's day; `anew`: `counted_anew` of the
    sentences, when already made."""
    dates = dates or {}
    rows: dict[tuple[int, int, str], Point] = {}
    by_number: dict[tuple[str, ...], tuple[int, int, str]] = {}
    by_text: dict[str, tuple[int, int, str]] = {}
    words = 0
    # A figure in a denial ("denied reports that an agreement had been reached on a 20
    # percent cap") is what the source says is not so: no row, and no citation of one.
    candidates = [(f, s) for s in sentences if not s.denies for f in s.figures
                  if not _quoted_statement(s.text, s.text.find(f.value.split()[0]))]
    matters = _corroborated(candidates, weight) if weight is not None else {}
    value = {id(f): 1.0 if weight is None else matters[s.key] * _KIND_WEIGHT[f.kind]
             for f, s in candidates}
    gone = anew if anew is not None else counted_anew(sentences, dates)
    was = _replaced(candidates)
    for f, s in candidates:
        if (s.key, f.value) in gone or _as_given(f) in was:
            value[id(f)] = 0.0
    if weight is None:
        candidates.sort(key=lambda fs: (_KINDS.index(fs[0].kind), fs[1].source, fs[1].index))
    else:
        # Of two sentences giving one figure, the newer words it: Monday's "raised its cash
        # offer to 27.80 marks, topping Oriel's 26.20 marks", not Wednesday's offer of 26.20.
        candidates.sort(key=lambda fs: (-value[id(fs[0])], _KINDS.index(fs[0].kind),
                                        _newest_first(dates.get(fs[1].source, "")), fs[1].source, fs[1].index))
    floor = MIN_SHARE * value[id(candidates[0][0])] if candidates else 0.0
    said_in: dict[tuple[str, ...] | None, set[tuple[int, int]]] = {}
    for f, s in candidates:
        said_in.setdefault(_same(f), set()).add(s.key)

    made: dict[tuple[int, int, str], Sentence] = {}  # each row's sentence

    def cite(at: tuple[int, int, str], s: Sentence) -> None:
        row = rows[at]
        day = _day_of_row(made[at], row.text, dates)
        if day is not None and s.source in dates and dates[s.source] < day:
            # "a tentative two-year agreement on Thursday raises pay by 6 percent": an
            # article of Wednesday cannot report it, whatever figure it gives.
            return
        if s.source not in row.sources:
            rows[at] = replace(row, sources=tuple(sorted((*row.sources, s.source))),
                               sentences=tuple(sorted((*row.sentences, s.key))))

    rounded: Rounded = {}

    def row_of(figure: Figure, same_as: tuple[str, ...] | None) -> tuple[int, int, str] | None:
        # The same words are the same figure, whatever the recogniser labelled each ("the
        # 24.50-mark bid" a sum in one sentence, a count in another).
        return ((by_number.get(same_as) if same_as is not None else None) or by_text.get(figure.value.lower())
                or _rounding(figure, rounded))

    left: list[tuple[Figure, Sentence]] = []  # too long for what was left of the budget
    for figure, s in candidates:
        key = (s.source, s.index, figure.context)
        same_as = _same(figure)
        if key in rows and not (same_as is not None and len(said_in[same_as]) > 1):
            # Two figures in the same words ("20 points ... 90% complete"): one row, both
            # values, unless another sentence gives the second one too.
            row = rows[key]
            if figure.value not in (row.figure or ""):
                rows[key] = replace(row, figure=f"{row.figure}; {figure.value}")
            continue
        same = row_of(figure, same_as)
        if same is not None:
            # Another source giving the same share, sum or count ("about 90 percent",
            # "roughly 90%"; "86 cases"): one row citing both, not the figure twice.
            cite(same, s)
            continue
        if key in rows:
            continue  # the row of another sentence giving it will cite this one
        cost = len(figure.context.split())
        if len(rows) >= sc.max_points or words + cost > budget or value[id(figure)] < floor:
            left.append((figure, s))
            continue
        words += cost
        rows[key] = Point(text=figure.context, sources=(s.source,), sentences=(s.key,), figure=figure.value)
        made[key] = s
        if same_as is not None:
            by_number.setdefault(same_as, key)
        _remember(figure, key, rounded)
        if _DIGIT.search(figure.value):
            by_text.setdefault(figure.value.lower(), key)
    # A row cites every source giving its figure, also one whose own words were too long.
    for figure, s in left:
        same = row_of(figure, _same(figure))
        if same is not None:
            cite(same, s)
    points = tuple(_when_reported(p, dates) for p in rows.values())
    return Section(key=sc.key, title=sc.title, points=points, kind="figures",
                   note="" if points else "No figures in the sources.")
