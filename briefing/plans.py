"""Plans: two sources announcing the same coming event in other words are one point.

"Further talks in Washington could take place in January, potentially including European
partners" and "Trump plans to host additional meetings next month involving Ukrainian and
European leaders" share few words (cosine 0.08), yet announce one plan: the same parties,
and the same two things of the story's word groups (further / additional, talks /
meetings). Undated sources give no month to resolve "next month" against, so the dates
cannot tell them apart; they only set two announcements apart when they clearly differ
("in January" and "in March").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .config import Config
from .model import Sentence
from .select import Cluster, may_be_same, specificity, standalone
from .superseded import looks_ahead

# Word groups two announcements must share: one says what kind of event, another which
# (the next round, the first summit); one shared group is any talk about talks.
SHARED_GROUPS = 2

_RELATIVE = re.compile(r"\b(next|this|last|coming|later|earlier|soon|tomorrow|today|yesterday)\b", re.I)


def _groups(s: Sentence, grouped: Mapping[str, str]) -> frozenset[str]:
    return frozenset(grouped[w] for w in (*s.lemmas, *s.terms) if w in grouped)


def _dates(s: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's date phrases, (relative ones, absolute ones), lower case."""
    texts = {e.text.lower() for e in s.entities if e.label == "DATE"}
    relative = frozenset(t for t in texts if _RELATIVE.search(t))
    return relative, frozenset(texts - relative)


def _dates_differ(a: Sentence, b: Sentence) -> bool:
    """Both give a date of the same kind, and not the same one: "in January" and "in March",
    "next week" and "next month". A relative date beside an absolute one may be either."""
    ra, aa = _dates(a)
    rb, ab = _dates(b)
    return bool((ra and rb and not ra & rb) or (aa and ab and not aa & ab))


def merge_plans(clusters: Sequence[Cluster], config: Config, synonyms: Mapping[str, str]) -> list[Cluster]:
    """The clusters, each announcement of a plan that an earlier cluster's lead announces
    too merged into that one (sources apart: one source saying it twice is still one).
    Only announcements naming the same parties are compared, each against the few earlier
    ones of its parties."""
    grouped = {w: group[0] for group in config.word_groups for w in group}
    out: list[Cluster] = []
    by_parties: dict[frozenset[str], list[int]] = {}
    for c in clusters:
        lead = c.lead
        if not lead.parties or not looks_ahead(lead, config):
            out.append(c)
            continue
        key = frozenset(lead.parties)
        groups = _groups(lead, grouped)
        into = next((n for n in by_parties.get(key, ())
                     if not set(out[n].sources) & set(c.sources)
                     and len(_groups(out[n].lead, grouped) & groups) >= SHARED_GROUPS
                     and not _dates_differ(out[n].lead, lead)
                     and may_be_same(out[n].lead, lead, synonyms, config.opposites)), None)
        if into is None:
            by_parties.setdefault(key, []).append(len(out))
            out.append(c)
            continue
        members = sorted((*out[into].members, *c.members), key=lambda m: -standalone(m) * specificity(m))
        out[into] = replace(out[into], members=tuple(members), consensus=max(out[into].consensus, c.consensus))
    return out
