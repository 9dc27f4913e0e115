"""Trim: the words of a sentence a briefing can do without, and the short form of a name.

A point is a sentence of its source with at most these cuts, so that it can still be
found there:

- a short fronted phrase that only links it to the article around it, opening with one of
  the configured openers: "Despite the escalation, Trump maintained..." → "Trump
  maintained...";
- a closing participle that comments on the news instead of adding to it: "...said on
  Friday, indicating fresh momentum in diplomatic efforts" → "...said on Friday";
- a closing "and ..." that announces what is to come when the rest reports what was done:
  "...described the talks as 'very good' and suggested that the upcoming summit could
  help" → "...described the talks as 'very good'." Other articles may report that summit
  as held; the announcement would make the whole point look out of date.

A timeline entry may also stop before a closing clause that only sets the scene, comments or
describes (`short_form`): "Talks between the two delegations stalled on Wednesday, with one
leaving the venue for four hours" → "Talks between the two delegations stalled on Wednesday."

Names are shortened later, once the briefing's order is known (see `shorten_names`): the
first mention of a person keeps the title and full name, the later ones give the surname.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from .quotes import closes_a_quote, inside_quotation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FRONT_MAX_WORDS = 4  # a longer opening phrase says something of its own
# Entities make an opening phrase part of the news: "On Thursday," "In Istanbul,".
_NAMED = {"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY",
          "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_OPENER_DEPS = {"prep", "advcl", "advmod", "npadvmod"}


def _span(tok: Token) -> tuple[int, int]:
    ids = [t.i for t in tok.subtree]
    return min(ids), max(ids)


def _fronted(sent: Span, openers: Collection[str]) -> int | None:
    """Index of the first token after a short opening phrase and its comma, if the phrase
    only links the sentence to its article: it opens with one of `openers` ("despite",
    "however", "by contrast"). Time and condition are news: "Until now, treatment has been
    limited to..." says something "Treatment has been limited to..." does not."""
    first = sent[0]
    if first.lower_ in openers and first.dep_ in ("cc", "advmod") and len(sent) > 3:
        # A one-word link, with or without its comma: "Yet with Ukraine demanding...".
        rest = first.i + 1 + (sent.doc[first.i + 1].text == ",")
        return rest if not sent.doc[rest].is_punct else None
    root = sent.root
    for tok in sent.doc[sent.start:root.i + 1]:  # an opener comes before the main verb
        if tok.head.i != root.i or tok.dep_ not in _OPENER_DEPS:
            continue
        first, last = _span(tok)
        if first != sent.start or last + 2 >= sent.end or sent.doc[last + 1].text != ",":
            continue
        words = [t for t in sent.doc[first:last + 1] if not t.is_punct]
        if len(words) > FRONT_MAX_WORDS or any(t.ent_type_ in _NAMED or t.like_num or t.pos_ == "PROPN"
                                               for t in words):
            return None
        phrase = " ".join(t.lower_ for t in words)
        if not any(phrase == o or phrase.startswith(o + " ") for o in openers):
            return None
        rest = sent.doc[last + 2]
        # What remains must open a clause of its own: a subject, not "... , said Trump".
        return rest.i if rest.i <= root.i else None
    return None


def trailing_participle(tok: Token) -> bool:
    """A participle clause after a comma, after the verb it hangs on: "Russia launched
    drones at Kyiv, damaging energy infrastructure"."""
    if not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i):
        return False  # most tokens: no need to walk the subtree
    first, _ = _span(tok)
    return first > 0 and tok.doc[first - 1].text == ","


def _comments(tok: Token, verbs: Collection[str]) -> bool:
    """Whether the participle is one of `verbs`, alone ("indicate") or with its object
    ("raise hopes"), and comments rather than reports: ", suggesting that compromise now
    may prevent further losses" says what the speaker argued."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    verb = tok.lemma_.lower()
    if verb in verbs:
        return True
    return any(c.dep_ == "dobj" and ({f"{verb} {c.lower_}", f"{verb} {c.lemma_.lower()}"} & set(verbs))
               for c in tok.children)


def _aside(sent: Span, verbs: Collection[str]) -> int | None:
    """Index of the comma before a closing participle whose verb comments on the news."""
    if "," not in sent.text:
        return None  # a closing participle follows a comma (`trailing_participle`)
    for tok in sent:
        if not (trailing_participle(tok) and _comments(tok, verbs)):
            continue
        first, last = _span(tok)
        if first > sent.start and all(t.is_punct for t in sent.doc[last + 1:sent.end]):
            return first - 1
    return None


def _announces(span: Span, ahead_cues: Collection[str], own: bool = False) -> bool:
    """Whether the words carry an ahead cue or a date still to come. `own`: only the words
    of the span's own clause, not of a clause that describes one of its nouns: "suspended a
    strike that had been due to begin on Friday" reports the suspension."""
    from .analyse import looks_ahead  # here: analyse imports this module

    tokens = list(span)
    if own:
        described = {t.i for tok in span if tok.dep_ in ("relcl", "acl") for t in tok.subtree}
        tokens = [t for t in tokens if t.i not in described]
    words = [t.lower_ for t in tokens]
    # A cue whose first word is a noun here says nothing ahead: "plans to" announces as a
    # verb, "dropped its plan to delay the launches" reports.
    kept = {t.i for t in tokens}
    return (any(words[i:i + len(cue)] == cue and tokens[i].pos_ != "NOUN"
                for cue in (c.split() for c in ahead_cues) for i in range(len(words) - len(cue) + 1))
            or any(e.label_ == "DATE" and e.start in kept and looks_ahead(e) for e in span.ents))


def _ahead_conjunct(sent: Span, ahead_cues: Collection[str]) -> int | None:
    """Index of the "and" before a closing conjoined verb phrase that announces what is to
    come, when what comes before it does not."""
    root = sent.root
    conjuncts = [c for c in root.children if c.dep_ == "conj" and c.i > root.i and c.pos_ in ("VERB", "AUX")]
    if not conjuncts or not ahead_cues:
        return None
    first, last = _span(conjuncts[-1])
    doc = sent.doc
    joint = doc[first - 1]
    if joint.lower_ != "and" or joint.dep_ != "cc" or joint.head.i != root.i:
        return None
    if not all(t.is_punct for t in doc[last + 1:sent.end]):
        return None
    if _announces(doc[first:last + 1], ahead_cues, own=True) and not _announces(doc[sent.start:joint.i], ahead_cues):
        return joint.i
    return None


def _in_quotation(sent: Span, paragraph: str) -> bool:
    """Whether the sentence opens inside a quotation that began before it in `paragraph`
    (its Doc's text): the splitter cut '"We want to stay. But we will not wait," Roth
    said.' in two, and the "But" is Roth's word, which a point may not drop."""
    before = paragraph[:sent.start_char]
    curly_open, curly_close = before.count("“"), before.count("”")
    if curly_open or curly_close:
        return curly_open > curly_close
    return before.count('"') % 2 == 1 or closes_a_quote(sent.text)


def trim(sent: Span, aside_verbs: Collection[str], openers: Collection[str],
         ahead_cues: Collection[str] = (), paragraph: str | None = None) -> str:
    """The sentence without its scene-setting opener, commenting close and closing
    announcement, or "" when none is there."""
    start, end = sent.start, sent.end
    # `paragraph`: the Doc's text, which spaCy joins anew on every call, given once for its sentences.
    front = None if _in_quotation(sent, sent.doc.text if paragraph is None else paragraph) else _fronted(sent, openers)
    aside = _aside(sent, aside_verbs)
    ahead = _ahead_conjunct(sent, ahead_cues)
    if ahead is not None and (aside is None or ahead < aside):
        aside = ahead
    if aside is not None and inside_quotation(sent.text, sent.doc[aside].idx - sent.start_char):
        # A speaker's words are quoted as said: '"I welcome the framework, and the agency is
        # ready to deploy inspectors as soon as the parties ask us."' keeps its close.
        aside = None
    if front is None and aside is None:
        return ""
    doc = sent.doc
    if front is not None:
        start = front
    stop = aside if aside is not None else end
    text = doc[start:stop].text
    if aside is not None:
        # Keep the sentence's own closing marks: a quote that closed before the comma.
        tail = "".join(t.text for t in doc[stop:end] if t.is_punct and t.text in ".!?")
        text = text.rstrip(",;: ") + (tail[-1:] or ".")
    if front is not None and text[:1].islower() and doc[start].pos_ != "PROPN":
        text = text[0].upper() + text[1:]
    return text


# Words that open a closing clause which only sets the scene of the news ("..., hours after
# the agency reported ...", "..., even as Ostmark announced ...", "..., with the delegation
# leaving the venue ...") or describes what it names ("..., which ...").
_SCENE = frozenset({"after", "following", "amid", "despite", "as", "even", "before", "with",
                    "ahead", "which", "who"})
_SPAN_WORDS = frozenset({"hours", "days", "weeks", "minutes", "moments", "shortly", "just", "only", "soon"})
SHORT_MIN_WORDS = 8  # what is left must still tell who did what


def _closing(tok: Token, comma: Token, end: int, reporting: Collection[str] = ()) -> bool:
    """Whether the words from `tok` (right after `comma`) to the end of the sentence are a
    closing clause the sentence can do without: a scene, a participle ("..., marking the
    first convergence"), an apposition ("..., a significant shift from ...") or a second
    event with its own subject ("..., and the union suspended a strike ...")."""
    doc = tok.doc
    word = tok.lower_
    if word in _SCENE:
        return True
    if word in _SPAN_WORDS or tok.like_num:  # "..., hours after ...", "..., two days before ..."
        nxt = doc[tok.i + 1] if tok.i + 1 < end else None
        if nxt is not None and (nxt.lower_ in ("after", "before") or
                                nxt.lower_ in _SPAN_WORDS and tok.i + 2 < end and doc[tok.i + 2].lower_ in ("after", "before")):
            return True
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp", "conj"):
        # Not one that tells what was said: "disputed the figures, saying that more than
        # 3,300 trains had been cancelled" says what the dispute is.
        return tok.lemma_.lower() not in reporting
    if word == "and" and tok.dep_ == "cc" and any(
            t.dep_ == "conj" and t.head.i == tok.head.i and t.head.dep_ == "ROOT"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in doc[tok.i + 1:end]):
        return True  # "..., and the union suspended a strike": a second event, told elsewhere
    for t in doc[tok.i:end]:
        if t.dep_ != "appos" or t.head.i >= comma.i or _span(t)[0] != tok.i:
            continue
        last = _span(t)[1]
        # Up to the end, or up to another closing clause: "..., a significant shift from the
        # 5 percent ceiling, even as Ostmark announced ...".
        return last == end - 1 or (last + 2 < end and doc[last + 1].text == ","
                                   and _closing(doc[last + 2], doc[last + 1], end, reporting))
    return False


def closing_cut(sent: Span, keep: int, reporting: Collection[str] = ()) -> int | None:
    """Index of the first comma after the main verb and after token `keep` that opens a
    closing clause (`_closing`) outside any quotation, leaving at least SHORT_MIN_WORDS
    words: where the sentence can stop when only its news is wanted, as in a timeline."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and doc[end - 1].is_punct:
        end -= 1
    first = max(sent.root.i, keep) + 1
    for comma in doc[first:end - 1]:
        if comma.text != "," or inside_quotation(sent.text, comma.idx - sent.start_char):
            continue
        if sum(1 for t in doc[sent.start:comma.i] if not t.is_punct) < SHORT_MIN_WORDS:
            continue
        if _closing(doc[comma.i + 1], comma, end, reporting):
            return comma.i
    return None


def short_form(sent: Span, keep: int, brief: str, reporting: Collection[str] = ()) -> str:
    """The sentence's point (`brief`, or its text) without the closing clause `closing_cut`
    finds after token `keep`, or "" when there is none. Cut at the end only: the words kept
    are the ones the point begins with. `reporting`: verbs of saying, whose closing
    participle ("..., saying that ...") tells what was said and stays."""
    cut = closing_cut(sent, keep, reporting)
    if cut is None:
        return ""
    text = sent.text.strip()
    dropped = text[sent.doc[cut].idx - sent.start_char:]
    base = brief or text
    if not base.endswith(dropped):
        return ""  # the point already ends sooner
    return base[:len(base) - len(dropped)].rstrip(",;: ") + "."


_TITLE_DEPS = {"compound", "amod", "nmod"}
_POINTING = ("this", "that", "these", "those")


def _pointed(sent: Span) -> Token | None:
    """The noun of an opening "This/Those <noun>" ("Those guarantees", "This position")."""
    first = sent[0]
    if first.lower_ not in _POINTING or first.dep_ != "det":
        return None
    noun = first.head
    return noun if noun.pos_ == "NOUN" and noun.i == first.i + 1 else None


def referent(sent: Span, before: Span | None) -> str | None:
    """For a sentence that opens "Those guarantees ...", the words that say which in the
    sentence before ("U.S.–Ukraine security" in "...U.S.–Ukraine security guarantees are
    fully settled"); None when it opens otherwise or the sentence before does not say.
    A point gives them in brackets in place of "Those", as quotations are edited, so that
    it reads alone."""
    noun = _pointed(sent)
    if noun is None or before is None:
        return None
    for tok in reversed(before):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == noun.lemma_.lower():
            mods = [c for c in tok.lefts if c.dep_ in _TITLE_DEPS]
            if not mods:
                return None
            start = min(t.i for m in mods for t in m.subtree)
            return before.doc[start:tok.i].text
    return None


def holder(sent: Span, stance_nouns: frozenset[str], party: str | None) -> str | None:
    """For a sentence that opens "This position ..." (a stance noun) right after a sentence
    of one party's, that party's name as a possessive ("Russia's"); None otherwise. A point
    gives it in brackets in place of "This" ("[Russia's] position clashes with European
    proposals..."), so that it says whose position without the sentence before."""
    noun = _pointed(sent)
    if party is None or noun is None or noun.lemma_.lower() not in stance_nouns:
        return None
    return f"{party}'" if party.endswith("s") else f"{party}'s"


def names(sent: Span) -> tuple[tuple[str, str], ...]:
    """Each person named with a first name or a title, as written ("Ukrainian President
    Volodymyr Zelensky"), and the surname it can be shortened to ("Zelensky")."""
    out = []
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        if any(t.lower_ in ("and", "or", "&") or t.text == "," for t in sent.doc[ent.start:ent.end]):
            continue  # two people the parser took for one: "between Vik and Lund" is no "Lund"
        start = ent.start
        while (start > sent.start and sent.doc[start - 1].dep_ in _TITLE_DEPS
               and sent.doc[start - 1].head.i in range(start, ent.end + 1)
               and not sent.doc[start - 1].is_punct):
            start -= 1
        while start < ent.start and start > sent.start and not sent.doc[start - 1].whitespace_:
            start += 1  # a title starts a word: "19-year-old substitute Jonah Okafor" has no "old" title
        last = sent.doc[ent.end - 1]
        if start == ent.end - 1 or not last.is_title:
            continue
        if last.dep_ in ("compound", "amod") and last.head.i >= ent.end:
            continue  # a name that qualifies a noun after it ("a new Harbourne Athletic stadium")
        out.append((sent.doc[start:ent.end].text, last.text))
    return tuple(out)


def shorten_names(texts: Iterable[tuple[str, tuple[tuple[str, str], ...]]],
                  known: Mapping[str, str] | None = None) -> list[str]:
    """The texts, in reading order, with each person's title and first name given only the
    first time: later mentions name the surname. `known`: a surname's title and full name
    as the sources give it, for a first mention that gives the surname alone ("Sandor said
    the service had been informed", where the article named him a paragraph before)."""
    seen: set[str] = set()
    out = []
    known = known or {}
    for text, found in texts:
        named = {short for whole, short in found if whole in text}
        for short, whole in known.items():
            if short in seen or short in named or short not in text:
                continue  # most names of a large corpus are in no given point
            title = whole[:-len(short)].split()
            match = next((m for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text)
                          if not _after_name(text, m.start()) and not inside_quotation(text, m.start())
                          and not text[:m.start()].split()[-1:] == title[-1:]), None)
            if match is not None:
                text = text[:match.start()] + whole + text[match.end():]
                seen.add(short)
        for full, short in dict.fromkeys(found):
            pattern = rf"(?<![\w-]){re.escape(full)}(?![\w-])"
            if not re.search(pattern, text):
                continue  # said by another report of the point
            if short in seen:
                text = re.sub(pattern, lambda m, short=short: m.group() if _after_name(m.string, m.start()) else short, text)
            seen.add(short)
        out.append(text)
    return out


def _after_name(text: str, at: int) -> bool:
    """Whether the word at `at` ends a longer name: "owner Gideon Roth" found in "Harbourne
    Athletic owner Gideon Roth" is not to become "Harbourne Athletic Roth", nor "Sandor" in
    "Lev Sandor" to gain a second first name; "in Florida, Trump" ends no name."""
    before = text[:at]
    if not before.endswith(" "):
        return False
    word = before.rstrip().rsplit(" ", 1)[-1]
    return word[:1].isupper() and not word.endswith((",", ".", ":", ";", "!", "?", "”", '"', ")"))
