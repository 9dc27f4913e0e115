"""Replies: the other side's account of a claim, told with it.

"Seven civilians were killed when rockets hit Lysk, the Arvenian military said" is one
party's account; its article goes on "Dostrava's defence ministry denied targeting
civilians and said its forces had struck 'an Arvenian command post'". A briefing that
gives the first alone states one side's claim as fact. A point whose lead reports what
one party says happened keeps, from an article that tells it, the nearest sentence after
it in which another party denies it. Another account without a word of denial ("the
regional governor said the fire was caused by falling debris") is not found.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .classify import Words, count_cues
from .config import Config
from .model import Sentence
from .select import Cluster

# How far after the claim, in sentences of its article, the reply may come: an article
# gives the other side's word within its next paragraph or two.
REPLY_WITHIN = 4


def replies(clusters: Sequence[Cluster], sentences: Sequence[Sentence], config: Config,
            common: Collection[str] = ()) -> dict[int, Sentence]:
    """Cluster index → the reply its point tells after its lead (see the module's doc).

    A reply is a sentence of the same article as one of the point's sentences, within
    REPLY_WITHIN sentences after it, whose speaker is a party other than the claim's, which
    stands on its own, denies (`Sentence.denies`, or a `differ.denied` cue) and shares a
    word with the claim that is not one of the story's `common` words. The claim is a
    report of events (its first section one of cues), told by a party."""
    by_key: dict[tuple[int, int], Sentence] = {s.key: s for s in sentences}
    common = frozenset(common)
    reported = {s.key for s in config.sections if s.kind == "cues"}
    out: dict[int, Sentence] = {}
    for i, c in enumerate(clusters):
        own: set[tuple[int, int]] | None = None
        for m in c.members:
            claimant = m.speaker or m.vouched
            if claimant is None or not m.sections or m.sections[0] not in reported:
                continue
            own = own if own is not None else {x.key for x in c.members}
            reply = _reply(m, claimant, by_key, config, common, own)
            if reply is not None:
                out[i] = reply
                break
    return out


def _reply(claim: Sentence, claimant: str, by_key: Mapping[tuple[int, int], Sentence], config: Config,
           common: Collection[str], own: Collection[tuple[int, int]]) -> Sentence | None:
    terms: set[str] | None = None  # made only for a claim some sentence may answer
    for step in range(1, REPLY_WITHIN + 1):
        r = by_key.get((claim.source, claim.index + step))
        if r is None or r.key in own or r.speaker in (None, claimant) or r.needs_context:
            continue
        if terms is None:
            terms = set(claim.terms)
        if any(w in terms and w not in common for w in r.terms) \
                and (r.denies or count_cues(r, config.denial_cues, Words.of(r)) > 0):
            return r
    return None
