"""Context: a sentence that leans on the one before it ("He said...", "that ultimatum") is
offered together with that sentence, so that the briefing quotes both, verbatim, and the
reader knows who "he" is and which ultimatum.

"Earlier this week, Zelensky made a notable proposal." says nothing by itself and "He said
Ukraine could withdraw troops..." cannot be checked by itself; together they are the fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .classify import route
from .config import Config
from .model import Sentence
from .quotes import closes_a_quote, opens_a_quote, opens_with_quote

MAX_JOINED_WORDS = 55  # longer pairs read as a paragraph, not a point


def _joinable(before: Sentence | None, s: Sentence) -> bool:
    return (s.needs_context and before is not None and before.source == s.source
            and before.paragraph == s.paragraph and before.index == s.index - 1
            and len(before.words) + len(s.words) <= MAX_JOINED_WORDS)


def _join(before: Sentence, s: Sentence, config: Config, quoted: bool = False) -> Sentence:
    """The pair as one candidate: the first sentence sets who is speaking, the second may
    add the stance; where it sits in the article is the second's. `quoted`: the two halves
    of one quotation, whose speaker the second names ('"Brenmoor is a strong business. We
    intend to give it capital," said Yusuf Demir of Oriel': Oriel speaks, not Brenmoor)."""
    joined = replace(
        s, text=f"{before.text} {s.text}",
        brief=f"{before.brief or before.text} {s.brief or s.text}" if before.brief or s.brief else "",
        # Only the second sentence's close can go: the first's is inside the pair.
        short=f"{before.brief or before.text} {s.short}" if s.short else "",
        names=before.names + s.names, words=before.words + s.words, lemmas=before.lemmas + s.lemmas,
        terms=before.terms + s.terms, entities=before.entities + s.entities,
        backdrop=before.scene + s.scene, event=tuple(dict.fromkeys(before.event + s.event)),
        parties=tuple(dict.fromkeys(before.parties + s.parties)), figures=before.figures + s.figures,
        counts=before.counts + s.counts,
        # What a quotation's first half is about says nothing of who speaks.
        speaker=s.speaker if quoted else (before.speaker or s.speaker),
        actor=s.actor if quoted else (before.actor or s.actor),
        # The quotation's first half may hold the stance in the first person ('"We reject
        # it. ...," Teymur said'); a stance there with a party named is about that party.
        stance=(s.stance or before.stance and before.speaker is None) if quoted else (before.stance or s.stance),
        needs_context=before.needs_context,
        # Who speaks says whether a quotation interprets: "..., said Omar Siddiq, an energy
        # analyst", and the quotation's next sentence is his too.
        commentary=s.commentary if quoted else before.commentary and (s.commentary or opens_with_quote(s.text)),
        background=before.background or s.background if not quoted else before.background and s.background)
    return replace(joined, sections=route(joined, config))


def _story_words(config: Config) -> frozenset[str]:
    """The words of the story's title, singular too, and the word groups they belong to:
    "peace talks" makes "the talks", "the negotiations" the story's own subject."""
    synonyms = config.party_synonyms()
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", config.title)}
    words |= {w[:-1] for w in words if w.endswith("s")}
    return frozenset(words | {synonyms[w] for w in words if synonyms.get(w)})


def _leaning(sentences: Sequence[Sentence], config: Config) -> list[Sentence]:
    """The sentences, with whether each leans on the one before settled for this story.

    A bare plural reference back to something other than the story's subject ("described
    the strikes as", in a story of peace talks) needs the sentence before: a point is quoted
    on its own, where "the strikes" could be any of the story's strikes. A sentence tied to
    the one before only by a connective ("Yet with Ukraine demanding guarantees, ...")
    stands alone after commentary ("Trump's optimism reflects his belief..."): joined, the
    point would open with an interpretation."""
    story = _story_words(config)
    synonyms = config.party_synonyms()
    out = []
    before: Sentence | None = None
    for s in sentences:
        if not s.needs_context and any(p not in story and synonyms.get(p, p) not in story for p in s.pointers):
            s = replace(s, needs_context=True)
        elif s.connective and _joinable(before, s) and before is not None and before.commentary:
            s = replace(s, needs_context=False)
        out.append(s)
        before = s
    return out


def with_context(sentences: Sequence[Sentence], config: Config) -> list[Sentence]:
    """Sentences in reading order, each one that needs the sentence before it joined to it;
    the sentence before is then no candidate of its own, so the fact is offered once."""
    sentences = _leaning(sentences, config)
    out: list[Sentence] = []
    before: Sentence | None = None
    for s in sentences:
        # out[-1] is the sentence before, or the pair it already ends.
        if _split_quote(before, s) and len(out[-1].words) + len(s.words) <= MAX_JOINED_WORDS:
            # One quotation the splitter cut in two is one statement, its speaker named at
            # its end: '"Dravia broke the treaty, and Dravia will pay.' cannot stand alone.
            out[-1] = _join(out[-1], s, config, quoted=True)
        elif _joinable(before, s) and len(out[-1].words) + len(s.words) <= MAX_JOINED_WORDS:
            if _unnamed_quote(out, before, s):
                # '"Stay where you are. Do not go out," she told residents.': who "she" is,
                # the sentence before the quotation says.
                out[-2:] = [_join(_join(out[-2], before, config), s, config)]
            else:
                out[-1] = _join(out[-1], s, config)
        else:
            out.append(s)
        before = s
    return out


def _split_quote(before: Sentence | None, s: Sentence) -> bool:
    """Whether `s` ends, naming its speaker, the quotation `before` opens."""
    return (before is not None and not s.needs_context and opens_a_quote(before.text)
            and closes_a_quote(s.text) and _joinable(before, replace(s, needs_context=True)))


def _unnamed_quote(out: Sequence[Sentence], before: Sentence | None, s: Sentence) -> bool:
    """Whether `s` ends, with "she said", a quotation `before` opens, and the sentence before
    that one is in the same paragraph to say who she is."""
    if before is None or len(out) < 2 or out[-1] is not before:
        return False
    prior = out[-2]
    return (opens_a_quote(before.text) and closes_a_quote(s.text) and s.needs_context
            and prior.source == before.source and prior.paragraph == before.paragraph
            and prior.index == before.index - 1
            and len(prior.words) + len(before.words) + len(s.words) <= MAX_JOINED_WORDS)
