"""Assemble: sections, party subsections and sources into one Briefing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .changes import STAY
from .config import OTHER_PARTY, Config, SectionConfig
from .quotes import opens_with_quote
from .context import with_context
from .differ import Pair, borne_out, disagreements, disputed_counts, Comparison, compare, differences, overtaken
from .model import Article, Briefing, Point, Section, Sentence, Source
from .dates import EARLIER_DAY, LATER_DAY
from .recency import Ages
from .figures import counted_anew, key_figures
from .plans import merge_plans
from .replies import replies
from .background import long_ago
from .commentary import named_commentators
from .retold import retold_later
from .shifts import shifted
from .superseded import (answered_events, done_reports, lapsed, long_before, looks_ahead, reversed_states,
                         settled, superseded_by)
from .select import FLOOR, SameFactGroup, centrality, may_be_same_key, per_word, topic, common_words, Cluster, Vector, cluster, consensus, pick, says_again, scores, supported, standalone, tfidf, tfidf_both, vague
from .timeline import done_on, timeline
from .trim import shorten_names



def _placement(c: Cluster, config: Config) -> str | None:
    """The section a point belongs to: the best-scoring one the briefing has."""
    have = {s.key for s in config.sections if s.kind in _FILL_ORDER}
    return next((k for k in c.lead.sections if k in have), None)


def _parties_key(config: Config) -> str | None:
    return next((s.key for s in config.sections if s.kind == "parties"), None)


def _unnamed_speaker(c: Cluster, config: Config) -> bool:
    """What a party says without the sentence naming it ("The official suggested that...",
    the party known from the sentence before): its place is under that party's heading or
    nowhere, not in another section, where the reader could not tell who says it."""
    speaker = c.lead.speaker
    if not (_parties_key(config) and speaker) or speaker in c.lead.parties:
        return False
    # A body the parser found speaking is named by its name ("The Constitutional Court has
    # yet to say whether it will hear the appeal").
    return not (speaker.startswith(OTHER_PARTY) and speaker[len(OTHER_PARTY):].lower() in c.lead.text.lower())


def _party_stance(c: Cluster, config: Config) -> bool:
    """What "Positions by party" shows under a party: its stance, or what it says that is
    routed there first; a party merely saying or doing something about the talks is news of
    the talks."""
    parties = _parties_key(config)
    return bool(parties and c.lead.speaker and (c.lead.stance or _placement(c, config) == parties))


def _spare(wanted: Sequence[SectionConfig], clusters: Sequence[Cluster], score: dict[int, float],
           config: Config) -> tuple[dict[str, list[int]], set[int]]:
    """(each configured party's spare points, best first; the best of them that no takeaway
    may take).

    A party's spare points are what it is named saying outside "Positions by party"; the
    best one no other section has taken is what its heading shows when none of its stances
    can be. "Nordair said it expected regulators to ask it to give up some slots", routed to
    the competition review, tells more of where Nordair stands than "No stance attributed".
    A party with no stance at all keeps its best for its heading."""
    sc = next((sc for sc in wanted if sc.kind == "parties"), None)
    if sc is None:
        return {}, set()
    stances = {i for i, c in enumerate(clusters) if sc.key in c.lead.sections and _party_stance(c, config)}
    configured = {p.key for p in config.parties}
    said: dict[str, list[int]] = {}
    for i, c in enumerate(clusters):
        party = c.lead.speaker
        if not (i in stances or party not in configured or party not in c.lead.parties
                or c.lead.commentary or c.lead.background):
            said.setdefault(party, []).append(i)
    for ids in said.values():
        ids.sort(key=lambda i: (-score.get(i, 0.0), i))
    heard = {clusters[i].lead.speaker for i in stances}
    return said, {ids[0] for party, ids in said.items() if party not in heard}


def _unused(spare: Mapping[str, list[int]], used: set[int]) -> dict[str, int]:
    """Each party's best spare point that no section has taken."""
    out = {}
    for party, ids in spare.items():
        best = next((i for i in ids if i not in used), None)
        if best is not None:
            out[party] = best
    return out


def _fixed_words(sections: Sequence[SectionConfig], sources: Sequence[Source], config: Config) -> int:
    """Words the briefing spends whatever it says: title, subject, the lines on sources and
    dates, headings, the party headings and the list of sources."""
    header = 30 + len(config.title.split()) + len(config.subject.split())
    headings = sum(len(s.title.split()) + 1 for s in sections)
    parties = sum(len(p.name.split()) + 1 for p in config.parties) if any(
        s.kind == "parties" for s in sections) else 0
    listed = sum(len(s.title.split()) + 4 for s in sources) if any(s.kind == "sources" for s in sections) else 0
    # A table's header, rule and cell borders, and each row's citation.
    tables = sum(17 + 5 * s.max_points for s in sections if s.kind == "figures")
    # A long list of sources can't be paid for with points: it counts for a fifth at most.
    return header + headings + parties + tables + min(listed, config.max_words // 5)


def _budgets(sections: Sequence[SectionConfig], sources: Sequence[Source], config: Config,
             slack: int = 0) -> dict[str, int]:
    """Section word budgets, scaled down together when they and the fixed words add up to
    more than the total: `max_words` is what the reader gets, the list of sources included.
    `slack`: words the estimate of the fixed words left unused in a first try."""
    wanted = {s.key: s.max_words for s in sections if s.kind != "sources"}
    total = sum(wanted.values())
    room = max(0, config.max_words - _fixed_words(sections, sources, config) + slack)
    factor = min(1.0, room / total) if total else 1.0
    return {k: int(v * factor) for k, v in wanted.items()}


def reading_order(clusters: Sequence[Cluster], announced: Collection[int],
                  sources: Sequence[Source]) -> dict[int, str]:
    """Without dates, which sources came first, as far as the sources tell: one that announces
    what another reports done ("A third round of talks will be held next week in Halden",
    `announced`) was written before the others. Their stand-in days order the figures a
    later source gives anew (`overtaken`: "10,500 killed" in the announcing article is no
    dispute with the others' 11,000); nothing is shown dated. States and open questions are
    left as they are: a day or two apart, what the later article tells may not undo or answer
    them. Empty when no source is found earlier, or every one is."""
    earlier = {n for i in announced for n in clusters[i].sources}
    if not earlier or len(earlier) == len(sources):
        return {}
    return {s.number: EARLIER_DAY if s.number in earlier else LATER_DAY for s in sources}


def _reported_after(clusters: list[Cluster], dates: Mapping[int, str]) -> list[Cluster]:
    """The clusters with the members of sources dated before the day the others tell the
    fact happened set apart: an article cannot report what happened after it was written.
    Wednesday's "have reached an agreement in principle on a 6 percent pay rise" is no report
    of the deal "reached on Thursday", however alike the words; it is a point of its own."""
    if len(set(dates.values())) < 2:
        return clusters
    out = []
    for c in clusters:
        days = [day for m in c.members if m.source in dates for day in (done_on(m, dates[m.source]),) if day]
        early = {m.key for m in c.members if days and m.source in dates and dates[m.source] < max(days)}
        if not early or len(early) == len(c.members):
            out.append(c)
            continue
        out.append(Cluster(tuple(m for m in c.members if m.key not in early)))
        out.append(Cluster(tuple(m for m in c.members if m.key in early)))
    return out


def _one_name_each(sentences: Sequence[Sentence]) -> Sequence[Sentence]:
    """The sentences with a party found speaking under one name: "Varga" is "Ilse Varga"
    when she is the only one of the parties found whose name ends so. Configured parties
    have their aliases for this."""
    found = {p for s in sentences for p in (s.speaker, s.actor) if p and p.startswith(OTHER_PARTY)}
    ending: dict[str, set[str]] = {}  # last word of a name of several → those names
    for key in found:
        words = key[len(OTHER_PARTY):].split()
        if len(words) > 1:
            ending.setdefault(words[-1], set()).add(key)
    same: dict[str, str] = {}
    for key in found:
        name = key[len(OTHER_PARTY):]
        if " " not in name and len(ending.get(name, ())) == 1:
            same[key] = next(iter(ending[name]))
    if not same:
        return sentences
    return [replace(s, speaker=same.get(s.speaker or "", s.speaker), actor=same.get(s.actor or "", s.actor))
            if s.speaker in same or s.actor in same else s for s in sentences]


def _party_keys(clusters: Sequence[Cluster], ids: Sequence[int], config: Config) -> list[str]:
    keys = [p.key for p in config.parties]
    if config.other_parties:
        others = Counter(clusters[i].lead.speaker for i in ids
                         if (clusters[i].lead.speaker or "").startswith(OTHER_PARTY))
        keys += sorted(others, key=lambda k: (-others[k], k))
    return keys


_SEED_STANDALONE = 0.7  # see select.standalone: at least a sentence of 8 words that needs no other
SECTION_DIVERSITY = 0.35  # a point this close to one already in the section says it again
_TAKEAWAY_DIVERSITY = 0.2
# A takeaway says where things stand: what is announced as coming weighs less than what
# happened ("further talks could take place in January" after the meeting itself).
_AHEAD_TAKEAWAY = 0.8


_SECONDARY = 0.5  # weight of a candidate for whom this section is not the best fit
# Sections are filled from the most specific routing to the broadest, so that a stance is
# not taken by "Status of talks" before "Positions by party" sees it; they are shown in
# the configured order all the same.
_FILL_ORDER = {"parties": 0, "questions": 1, "cues": 2}


# A section ranks at most this many candidates, the best by the story-wide score: enough to
# fill any budget, and small enough that ranking them costs little whatever the corpus size.
POOL_MAX = 1000


def _pool(ids: list[int], overall: dict[int, float]) -> list[int]:
    """The POOL_MAX best of `ids` by the story-wide score, in their original order."""
    if len(ids) <= POOL_MAX:
        return ids
    return sorted(sorted(ids, key=lambda i: (-overall[i], i))[:POOL_MAX])


def _current(sc: SectionConfig, clusters: Sequence[Cluster], ids: Sequence[int]) -> list[int]:
    """A section about where things stand now leaves out points only older sources report,
    and announcements of what other sources report as done."""
    return [i for i in ids if not (sc.current and (clusters[i].older or clusters[i].superseded))]


def _local_scores(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
                  method: str, ages: Ages, memo: dict[tuple[str, tuple[int, ...]], dict[int, float]] | None = None
                  ) -> dict[int, float]:
    """Each candidate's score in the section (`memo`: scores already made for the same
    candidates: fitting the budget selects many times from much the same ones)."""
    key = (sc.key, tuple(ids))
    if memo is not None and key in memo:
        return memo[key]
    local = scores([clusters[i] for i in ids], method, config.language)
    out = {i: local[n] * (1.0 if _placement(clusters[i], config) == sc.key else _SECONDARY)
           * (ages.weight(clusters[i], by_the_day=sc.newest) if sc.current else 1.0)
           * (_firmness(clusters[i].lead, config) if sc.kind == "parties" else 1.0)
           * (_ON_THE_TABLE if sc.key == config.plan_section and clusters[i].lead.subject in config.plan_nouns else 1.0)
           * (_NEXT if sc.key == config.next_section and clusters[i].ahead and clusters[i].lead.planned else 1.0)
           for n, i in enumerate(ids)}
    if memo is not None:
        memo[key] = out
    return out


def _favoured(plain: Mapping[int, float], favour: Mapping[int, float] | None) -> dict[int, float]:
    return {i: v * (favour or {}).get(i, 1.0) for i, v in plain.items()}


_FIRM = 1.3  # weight of a stance that demands, rejects, offers or sets a condition
# Weight of what a plan on the table says ("The framework would halt fighting along current
# front lines") in the section the plan belongs to: where talks stand is first what is
# being negotiated, as a position is first what a party demands.
_ON_THE_TABLE = 1.3
# Weight of a dated step to come in `next_section` ("Technical teams are to reconvene on
# March 16"): where the talks stand includes what happens next.
_NEXT = 1.3


def _firmness(s: Sentence, config: Config) -> float:
    """A position is what a party wants, refuses or offers: "Russia demands...", "would
    require a referendum" says more of it than "described the period as active"."""
    return _FIRM if any(w in config.firm_stance for w in s.lemmas) else 1.0


def _section(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int, vectors: dict[tuple[int, int], Vector],
             ages: Ages, used: Sequence[int], favour: Mapping[int, float] | None = None,
             memo: dict[tuple[str, tuple[int, ...]], dict[int, float]] | None = None) -> tuple[Section, list[int]]:
    ids = _current(sc, clusters, ids)
    plain = _local_scores(sc, clusters, ids, config, method, ages, memo)
    by_id = _favoured(plain, favour)
    chosen = _as_written(pick(ids, clusters, by_id, plain=plain, max_points=sc.max_points, max_words=budget,
                              min_points=sc.min_points, vectors=vectors, diversity=SECTION_DIVERSITY,
                              against=used), clusters)
    section = Section(key=sc.key, title=sc.title, points=tuple(clusters[i].point() for i in chosen),
                      note="" if chosen else "Nothing in the sources.")
    return section, chosen


def _as_written(chosen: list[int], clusters: Sequence[Cluster]) -> list[int]:
    """The points as ranked, but one that its article told right after another chosen one
    comes right after that one: "The package replaces the 5 percent offer" follows "the
    Ministry raised its offer to 6.5 percent", which it goes on about, whichever ranks
    higher. (The takeaways put all of one article's points in its order: `_in_article_order`.)"""
    follows: dict[int, int] = {}
    for i in chosen:
        a = clusters[i].lead
        for j in chosen:
            b = clusters[j].lead
            if j != i and b.source == a.source and b.paragraph == a.paragraph and b.index == a.index + 1:
                follows[j] = i
    if not follows:
        return chosen
    out: list[int] = []

    def add(i: int) -> None:
        out.append(i)
        for j in chosen:
            if follows.get(j) == i and j not in out:
                add(j)

    for i in chosen:
        if i not in follows and i not in out:
            add(i)
    return out + [i for i in chosen if i not in out]


def _parties(sc: SectionConfig, clusters: Sequence[Cluster], ids: list[int], config: Config,
             method: str, budget: int, vectors: dict[tuple[int, int], Vector],
             ages: Ages, used: Sequence[int], favour: Mapping[int, float] | None = None,
             spare: Mapping[str, int] | None = None,
             memo: dict[tuple[str, tuple[int, ...]], dict[int, float]] | None = None) -> tuple[Section, list[int]]:
    """One subsection per party, from `ids` that the caller has narrowed to stances; `spare`:
    each party's point to show if none of its stances can be (see `_spare`)."""
    ids = _current(sc, clusters, ids)
    keys = _party_keys(clusters, ids, config)
    spare = {k: i for k, i in (spare or {}).items() if k in keys and _current(sc, clusters, [i])}
    plain = _local_scores(sc, clusters, ids, config, method, ages, memo)
    by_id = _favoured(plain, favour)
    # A spare point is shown only where nothing else can be: it needs no rank, and ranking
    # it with the stances would shift theirs.
    by_id.update((i, 1e-9) for i in spare.values() if i not in by_id)
    by_party: dict[str | None, list[int]] = {}
    for i in ids:
        if not clusters[i].lead.commentary:
            # Ranked with the rest, never shown: one who interprets the news ("said Helena
            # Strand, a labour economist"; "Trump's optimism reflects his belief") states no
            # party's stance.
            by_party.setdefault(clusters[i].lead.speaker, []).append(i)
    chosen = _round_robin(keys, by_party, clusters, by_id, sc.max_points, budget, vectors, used, spare, plain)
    subsections = []
    configured = {p.key for p in config.parties}
    for key in keys:
        mine = chosen.get(key, [])
        if not mine and key not in configured:
            # A party found speaking whose stance the budget left out: no heading saying it
            # has none (hundreds of them in a large corpus).
            continue
        subsections.append(Section(
            key=f"{sc.key}.{key}", title=config.party_name(key),
            points=tuple(clusters[i].point() for i in mine),
            note="" if mine else "No stance attributed to this party in the sources."))
    everyone = [i for key in keys for i in chosen.get(key, [])]
    return Section(key=sc.key, title=sc.title, subsections=tuple(subsections), kind="parties"), everyone


_PARTY_DECAY = 0.75  # weight of a party's next stance for each one it already has


def _round_robin(keys: Sequence[str], by_party: dict[str | None, list[int]], clusters: Sequence[Cluster],
                 by_id: dict[int, float], max_points: int, budget: int, vectors: dict[tuple[int, int], Vector],
                 used: Sequence[int], spare: Mapping[str, int] | None = None,
                 plain: Mapping[int, float] | None = None) -> dict[str, list[int]]:
    """Every party's best stance first, so that each party is heard; then the best stances
    left, whoever holds them, while the budget lasts: a party with more to say gets more room.
    `plain`: the scores before regeneration weights (see `select.pick`)."""
    chosen: dict[str, list[int]] = {k: [] for k in keys}
    words = 0

    def fits(i: int) -> bool:
        if by_id.get(i, 0.0) <= 0.0 or words + clusters[i].cost > budget:
            return False
        return not says_again(i, (*used, *(j for k in keys for j in chosen[k])), clusters, vectors,
                              SECTION_DIVERSITY)

    def ranked(ids: Sequence[int]) -> list[int]:
        return sorted(ids, key=lambda i: (-per_word(i, clusters, by_id), clusters[i].lead.key))

    for key in keys:
        best = next((i for i in ranked(by_party.get(key, [])) if fits(i)), None)
        if best is None and (spare or {}).get(key) is not None and fits(spare[key]):
            best = spare[key]
        if best is not None and max_points > 0:
            chosen[key].append(best)
            words += clusters[best].cost
    # Past each party's best, a stance worth less than FLOOR of the section's best is left out.
    floor = FLOOR * max(((plain or by_id).get(i, 0.0) for ids in by_party.values() for i in ids), default=0.0)
    rest = [i for k in keys for i in by_party.get(k, []) if i not in chosen[k] and by_id.get(i, 0.0) >= floor]
    while True:
        # A party's next point counts for less the more it already has: the section is
        # about where each party stands, not about the party with the most quotable officials.
        open_ = [i for i in rest if len(chosen[clusters[i].lead.speaker or ""]) < max_points and fits(i)]
        if not open_:
            return chosen
        best = min(open_, key=lambda i: (-per_word(i, clusters, by_id)
                                         * _PARTY_DECAY ** len(chosen[clusters[i].lead.speaker or ""]),
                                         clusters[i].lead.key))
        chosen[clusters[best].lead.speaker or ""].append(best)
        words += clusters[best].cost
        rest.remove(best)


def _give_back(built: dict[str, Section], summary: SectionConfig, taken: list[int], wanted: Sequence[SectionConfig],
               clusters: Sequence[Cluster], config: Config) -> dict[str, Section]:
    """The sections, with a takeaway given back to a section the takeaways left empty (what
    they left it turned out to repeat a point made elsewhere): "Nothing in the sources" under
    a heading whose news heads the briefing misleads. The section's last takeaway goes back
    while the takeaways keep their least; when they have no more than that, the section
    says where its news is, as does a party whose words the takeaways quote."""
    out = dict(built)
    points = list(out[summary.key].points)
    for sc in wanted:
        if sc.kind == "parties" and sc.key in out:
            # A party whose words lead the takeaways has a stance, said above.
            spoken = {clusters[i].lead.speaker for i in taken}
            out[sc.key] = replace(out[sc.key], subsections=tuple(
                replace(sub, note=f"Told in {summary.title} above.")
                if not sub.points and sub.key.split(".", 1)[1] in spoken else sub
                for sub in out[sc.key].subsections))
            continue
        mine = [i for i in taken if _placement(clusters[i], config) == sc.key]
        if sc.kind != "cues" or out[sc.key].points or not mine:
            continue
        if len(points) > max(1, summary.min_points):
            point = clusters[mine[-1]].point()
            points = [p for p in points if p != point]
            out[sc.key] = replace(out[sc.key], points=(point,), note="")
        else:
            out[sc.key] = replace(out[sc.key], note=f"Told in {summary.title} above.")
    out[summary.key] = replace(out[summary.key], points=tuple(points))
    return out


def _takeaways(sc: SectionConfig, clusters: Sequence[Cluster], config: Config, score: dict[int, float],
               budget: int, vectors: dict[tuple[int, int], Vector], ages: Ages,
               used: set[int], favour: Mapping[int, float] | None = None,
               kept: Collection[int] = (), lede: int | None = None, first: Sequence[int] = ()) -> list[int]:
    """The story in a few points: the most central point of each section first, so that
    talks, positions, fighting and what is unresolved are all covered, then the next best.
    `lede`: the opening sentence that tells an undated story's news (`main_lede`): when no
    takeaway tells it, the takeaways are chosen again with it first (`first`).
    `kept`: points kept back for a party's heading. One that is the best of its section is
    the story's before it is the party's ("The agency approved renavet…, its maker Altamed
    said"): it may lead the takeaways, and the heading shows the party's next best. The
    others count as said: a takeaway retelling one would keep it out of every section."""
    # A takeaway stands for part of the story: a short or dangling sentence can't. Nor can
    # one that opens with someone's words ("'People were screaming in the dark,' said a
    # passenger"): a takeaway says what happened in the briefing's own voice.
    allowed = {i for i in _current(sc, clusters, range(len(clusters)))
               if i not in used and standalone(clusters[i].lead) >= _SEED_STANDALONE
               and not clusters[i].lead.commentary and not clusters[i].lead.background
               and (not _party_stance(clusters[i], config) or _of_the_newest_day(clusters[i], ages)
                    # A party's act an earlier day's article opens with is what the newest
                    # day's news may have changed ("rejected a 3 percent offer" on Monday).
                    or _opens_an_article(clusters[i]) and ages.before_newest(clusters[i]) is None)
               and not opens_with_quote(clusters[i].lead.shown)}
    # News kept in its section (changes.NEWS) is not thereby a takeaway: the story's main
    # points stay on top, as kept points do.
    given, held = score, list(kept)  # as given, for choosing again with the lede first
    score = {i: score.get(i, 0.0) * (ages.weight(clusters[i], by_the_day=sc.newest) if sc.current else 1.0)
             * (_AHEAD_TAKEAWAY if clusters[i].ahead else 1.0) * min(STAY, (favour or {}).get(i, 1.0))
             for i in allowed}
    # An opening sentence that is a party's stance is the story's news first: no section's
    # own point (its party's heading can say it is told above).
    placed = {i: None if _party_stance(c, config) else _placement(c, config)
              for i, c in enumerate(clusters) if i in allowed}
    # Every section keeps at least one point of its own: a small story's takeaways must not
    # leave "Status of talks" saying there is nothing in the sources. A point kept for a
    # party's heading is not one the section keeps.
    room = Counter({k: n - 1 for k, n in Counter(k for i, k in placed.items()
                                                   if k is not None and i not in kept).items()})
    # A party's act of the newest day may be a takeaway while the party keeps another stance
    # for its heading: "no stance" under a party whose stance is told above would mislead.
    # Only a story of several dated days has such acts (`_of_the_newest_day`) to count for.
    voices = Counter(c.lead.speaker for c in clusters
                     if _party_stance(c, config) and not c.superseded and ages.older(c) is None) \
        if len(set(ages.dates.values())) > 1 else Counter()
    voices.subtract(Counter(voices.keys()))

    def voiced(i: int) -> bool:
        c = clusters[i]
        return not _party_stance(c, config) or _opens_an_article(c) or voices[c.lead.speaker] > 0

    def heard(ids: Iterable[int]) -> None:
        voices.subtract(Counter(clusters[i].lead.speaker for i in ids
                                if _party_stance(clusters[i], config) and not _opens_an_article(clusters[i])))

    seeds = _newest_ledes(clusters, ages, score, config) if sc.current else []
    first = [i for i in first if i in allowed]
    seeds = first + [i for i in seeds if i not in first]
    for other in config.sections:
        ids = [i for i in placed if placed[i] == other.key and room[other.key] > 0]
        if ids and not any(placed[i] == other.key for i in seeds):
            best = max(ids, key=lambda i: (score[i], -i))
            # A point kept for a party's heading that the section's best retells is the one to
            # tell: "Nordair agreed to buy Baltica" before "Investors welcomed the merger".
            told = next((k for k in kept if k != best and k in placed
                         and says_again(best, [k], clusters, vectors, 1.0)), None)
            seeds.append(best if told is None else told)
    # Of a story told over several days, only the newest day's: a party's earlier act is
    # what the newest news may have changed (see `_newest_ledes`).
    acts = [i for i in placed if placed[i] is None and _party_stance(clusters[i], config) and i not in seeds
            and ages.before_newest(clusters[i]) is None and voiced(i)]
    if acts:
        seeds.append(max(acts, key=lambda i: (score[i], -i)))
    # Seeds come from different sections, so they are about different things already. The
    # story's main fact comes first even when it takes more words than the others: a tighter
    # budget (a "What changed" section above) must not trade it for shorter ones.
    chosen = first + pick(seeds[len(first):], clusters, score, max_points=sc.max_points - len(first),
                          max_words=budget - sum(clusters[i].cost for i in first), vectors=vectors,
                          by_value=True, against=[*first, *(i for i in kept if i not in seeds)])
    room.subtract(Counter(placed[i] for i in chosen if placed[i] is not None and i not in kept))
    heard(chosen)
    kept = [i for i in kept if i not in chosen]
    words = sum(clusters[i].cost for i in chosen)
    more: list[int] = []
    while len(chosen) + len(more) < sc.max_points:
        rest = [i for i in sorted(allowed) if i not in chosen and i not in more and i not in kept
                and (placed[i] is None or room[placed[i]] > 0) and voiced(i)]
        got = pick(rest, clusters, score, max_points=1, max_words=budget - words,
                   min_points=1 if len(chosen) + len(more) < sc.min_points else 0,
                   vectors=vectors, diversity=_TAKEAWAY_DIVERSITY, against=(*kept, *chosen, *more))
        if not got:
            break
        more += got
        words += clusters[got[0]].cost
        heard(got)
        if placed[got[0]] is not None:
            room[placed[got[0]]] -= 1
    section_order = {s.key: n for n, s in enumerate(config.sections)}
    # The story's news leads (`lede`, chosen or put first); the rest in their sections' order.
    leads = [i for i in (*first, lede) if i is not None and i in chosen + more][:1]
    ranked = leads + sorted((i for i in chosen + more if i not in leads),
                            key=lambda i: (section_order.get(placed[i] or "", 99), -score[i]))
    if (lede is not None and lede in score and lede not in ranked and clusters[lede].cost <= budget
            and not says_again(lede, ranked, clusters, vectors, _TAKEAWAY_DIVERSITY)):
        # The story's news leads, whatever its score: a casualty toll every article repeats,
        # or a strike, scores as high and is not what happened.
        return _takeaways(sc, clusters, config, given, budget, vectors, ages, used, favour, held, first=[lede])
    return _in_article_order(ranked, clusters)


def main_lede(clusters: Sequence[Cluster], central: Sequence[float], order: Mapping[int, str]) -> int | None:
    """Of an undated story, the most central of the articles' opening sentences: an article
    opens with its news, and the one closest to what all the sources tell is the story's
    event ("Arvenia and Dostrava agreed in principle on a ceasefire"; "The Constitutional
    Court struck down a law"), not a casualty toll or a strike they all mention further
    down. Of the latest articles when their order is known (see `reading_order`): what an
    earlier one announced is not the news."""
    latest = max(order.values(), default=None)
    ledes = [i for i, c in enumerate(clusters) if not c.superseded
             and any(m.index == 0 and order.get(m.source) == latest for m in c.members)]
    return max(ledes, key=lambda i: (central[i], -i)) if ledes else None


def _told_once(clusters: Sequence[Cluster], used: set[int], reply_of: Mapping[int, int]) -> tuple[Cluster, ...]:
    """The clusters as the sections still to fill may tell them, each reply told once: the
    reply of a claim told (in `used`) is no point of its own (its cluster joins `used`), and
    a claim whose reply was told on its own is told without it."""
    used.update(r for i, r in reply_of.items() if i in used)
    return tuple(replace(c, reply=None) if i in reply_of and reply_of[i] in used and i not in used else c
                 for i, c in enumerate(clusters))


def _newer_than(c: Cluster, key: tuple[int, int], ages: Ages) -> bool:
    """Whether the point's news is newer than its member `key`: Wednesday's "agreement in
    principle" quoted where sources differ does not tell Thursday's agreement, which the
    point tells in Thursday's words."""
    day, newest = ages.dates.get(key[0]), ages.reported(c)
    return bool(day and newest and day < newest)


def _of_the_newest_day(c: Cluster, ages: Ages) -> bool:
    """Of a story told over several days, reported on the newest: a party's act that day
    ("Veldoria also agreed to snap inspections", "The INOA revised its estimate to 212 kg")
    is what the story has come to, news before it is the party's stance."""
    return len(set(ages.dates.values())) > 1 and all(m.source in ages.dates for m in c.members) \
        and ages.reported(c) == ages.newest


def _opens_an_article(c: Cluster) -> bool:
    """An article's opening sentence is its news, a party's act or not: "Nordair agreed on
    Monday to buy smaller rival Baltica Airways" is the story before it is Nordair's stance."""
    return any(m.index == 0 for m in c.members)


NEWEST_DAYS = 2  # of a story told over several days, the days whose news leads the takeaways


# A feature's opening tells how things look ("the fourth day of the strike looked much like
# the first"): the news of its day, if any, is further down.
_SCENE_VERBS = frozenset({"be", "look", "seem", "appear", "feel", "sound"})


def _newest_ledes(clusters: Sequence[Cluster], ages: Ages, score: Mapping[int, float],
                  config: Config | None = None) -> list[int]:
    """Of a story told over several days, the best opening sentence of each of the
    NEWEST_DAYS newest days' articles, among the candidates in `score`: an article opens
    with its day's news. The coalition crisis's takeaways tell Friday's confidence vote and
    Saturday's expulsions before a party's stance on the next budget reading, though all
    are news of the vote. Of a day before the newest, not a party's stance: what it offered
    or refused on Thursday is what the newest day's news may have changed ("Oriel made a
    rival offer of 26.20 marks", before the board backed Halvorsen's 27.80); nor a feature's
    opening scene (`_SCENE_VERBS`)."""
    days = sorted(set(ages.dates.values()), reverse=True)
    if len(days) < 2:
        return []
    out = []
    for n, day in enumerate(days[:NEWEST_DAYS]):
        ledes = [i for i in score if any(m.index == 0 and ages.dates.get(m.source) == day
                                         for m in clusters[i].members)
                 and not (n and (config is not None and _party_stance(clusters[i], config)
                                 or clusters[i].lead.event[:1] and clusters[i].lead.event[0] in _SCENE_VERBS))]
        if ledes:
            out.append(max(ledes, key=lambda i: (score[i], -i)))
    return out


def _in_article_order(ids: list[int], clusters: Sequence[Cluster]) -> list[int]:
    """`ids` with the points of one article in the article's order, in the places they
    hold: "The deal, announced by the administrator, means..." does not come before the
    article's "Nordal agreed to take over all deposits", which says what the deal is."""
    out = list(ids)
    places: dict[int, list[int]] = {}
    for at, i in enumerate(ids):
        places.setdefault(clusters[i].lead.source, []).append(at)
    for at in places.values():
        for n, i in zip(at, sorted((ids[a] for a in at), key=lambda i: clusters[i].lead.index)):
            out[n] = i
    return out


def _people(sentences: Sequence[Sentence]) -> dict[tuple[int, int], tuple[tuple[str, str], ...]]:
    """The names each sentence gives that the sources themselves shorten: a surname some
    sentence uses on its own ("Roth said"). A name the parser took for a person's that no
    source shortens ("Ostrand Minerals", never "Minerals") is left whole."""
    alone: set[str] = set()
    for s in sentences:
        for n, w in enumerate(s.words):
            if w[:1].isupper() and (n == 0 or not s.words[n - 1][:1].isupper()):
                alone.add(w)
    return {s.key: kept for s in sentences if (kept := tuple(n for n in s.names if n[1] in alone))}


_OPENS_A_NAME = re.compile(r"\b([A-Z][\w'’-]+) [A-Z]\w")  # "Varne Water"


def _full_names(sentences: Sequence[Sentence], config: Config) -> dict[str, str]:
    """Each surname's title and full name as the sources first give it, in reading order;
    none for a surname two people share ("Lev Sandor", "Ana Sandor"), nor for one the
    configuration names a party by ("Putin"): the reader knows who that is. A title that
    opens a sentence ("Goalkeeper Tomás Pereira dived") is capitalised for that reason only:
    the name is given without it, unless another sentence gives it inside."""
    aliases = {a.lower() for p in config.all_parties for a in p.aliases}
    found: dict[str, list[str]] = {}
    given: dict[str, set[str]] = {}
    # The parser takes some bodies for people ("Clean Taps Varne"): no surname opens the
    # name of something else ("the Varne Water Company").
    opening = {m.group(1) for s in sentences for m in _OPENS_A_NAME.finditer(s.text)}
    for s in sorted(sentences, key=lambda s: s.key):
        for whole, short in s.names:
            words = whole.split()
            if len(words) < 2 or not words[-2][:1].isupper():
                continue  # "central Korvan" is a place the parser took for a person
            if short in opening:
                continue
            given.setdefault(short, set()).add(words[-2])
            starts = s.text.startswith(whole) and len(words) > 2
            found.setdefault(short, []).append(" ".join(words[-2:]) if starts else whole)
    return {short: next((w for w in forms if len(w.split()) > 2), forms[0])
            for short, forms in found.items() if len(given[short]) == 1 and short.lower() not in aliases}


def _short_names(sections: tuple[Section, ...], found: Mapping[tuple[int, int], tuple[tuple[str, str], ...]],
                 known: Mapping[str, str]) -> tuple[Section, ...]:
    """The sections with a person's title and full name at the first mention only, in
    reading order (`found`: the names each sentence gives; `known`: each surname's, see
    `_full_names`). Quotes where sources differ and key figures stay as written."""
    flat = [p for sec in sections for p in _points(sec)]
    texts = shorten_names(((p.text, tuple(n for k in p.sentences for n in found.get(k, ()))) for p in flat),
                          known)
    short = {id(p): t for p, t in zip(flat, texts)}
    return tuple(_with_texts(sec, short) for sec in sections)


def _points(sec: Section) -> list[Point]:
    """Points quoted from the sentences, in reading order (not key figures or the quotes
    where sources differ: those stay as written)."""
    if sec.kind == "figures" or sec.key == "differ":
        return []
    return [*sec.points, *(p for sub in sec.subsections for p in _points(sub))]


def _with_texts(sec: Section, short: dict[int, str]) -> Section:
    return replace(sec, points=tuple(replace(p, text=short.get(id(p), p.text)) for p in sec.points),
                   subsections=tuple(_with_texts(sub, short) for sub in sec.subsections))


DIFFER_POOL = 300  # clusters, the best by the story-wide score, whose claims are compared pairwise


def _best(clusters: Sequence[Cluster], score: Mapping[int, float]) -> list[int]:
    """The DIFFER_POOL clusters that matter most, by the story-wide score."""
    return sorted(range(len(clusters)), key=lambda i: (-score.get(i, 0.0), i))[:DIFFER_POOL]


def _pool_keys(clusters: Sequence[Cluster], best: Sequence[int]) -> set[tuple[int, int]]:
    """The sentences of the `best` clusters (`_best`), each with the one before it (a
    sentence joined to the one before brings that one along): those whose claims are
    compared pairwise."""
    keys = {m.key for i in best for m in clusters[i].members}
    return keys | {(k[0], k[1] - 1) for k in keys}


def _differences(pool: Sequence[Sentence], compared: Comparison, config: Config, synonyms: dict[str, str],
                 pairs: Sequence[Pair]) -> Section | None:
    """The "Where sources differ" list of the open questions, from the claims of `pool` (see
    `_pool_keys`) and the pairs of them that disagree (`differ.disagreements`)."""
    points = differences(pool, config, config.differ_max_points, synonyms, compared=compared, pairs=pairs)
    if not points:
        return None
    return Section(key="differ", title=config.differ_title, points=tuple(points))


# "Where sources differ" takes at most this share of the open questions' words: long quoted
# pairs must not leave the questions themselves no room.
DIFFER_SHARE = 0.5


def questions_budget(budget: float, listed: Section | None) -> float:
    """The words of the open questions beside the "Where sources differ" pairs `listed`.
    The first pair is shown whatever its length; the questions keep their share of the
    words all the same, and fitting the briefing takes what that overspends from every
    section."""
    return budget - min(listed.cost, DIFFER_SHARE * budget) if listed else budget


def _undisputed(clusters: Sequence[Cluster], listed: Section | None) -> Sequence[Cluster]:
    """The clusters, a count disputed by a claim the list of differences quotes told only
    there."""
    quoted = {k for p in (listed.points if listed else ()) for k in p.sentences}
    if not quoted:
        return clusters
    gone = [i for i, c in enumerate(clusters) if c.disputed and (c.lead.key in quoted or c.disputed[2] in quoted)]
    if not gone:
        return clusters
    out = list(clusters)
    for i in gone:
        out[i] = replace(out[i], disputed=None)
    return out


def _within(differ: Section | None, words: float) -> Section | None:
    """The list's first pairs, the clearest, as many as `words` hold; the first always."""
    if differ is None:
        return None
    points = list(differ.points)
    while len(points) > 1 and replace(differ, points=tuple(points)).cost > words:
        points.pop()
    return replace(differ, points=tuple(points))


@dataclass(frozen=True)
class Story:
    """What selection works from, whatever the word budgets: the candidates (sentences joined
    to the one they lean on), their clusters across sources and scores, and the "Where
    sources differ" list."""

    sources: tuple[Source, ...]
    ages: Ages
    sentences: tuple[Sentence, ...]
    vectors: dict[tuple[int, int], Vector]
    clusters: tuple[Cluster, ...]
    score: dict[int, float]
    wanted: tuple[SectionConfig, ...]
    differ: Section | None
    weight: dict[tuple[int, int], float]  # each sentence's cluster score, for the key figures
    anew: frozenset[tuple[tuple[int, int], str]]  # counts a later day gives anew (`figures.counted_anew`)
    spare: dict[str, list[int]]  # what each party says outside its stances, best first (see `_spare`)
    reserved: frozenset[int]  # spare points no takeaway may take
    quoted: dict[tuple[int, int], int]  # each claim of "Where sources differ": its cluster
    names: dict[tuple[int, int], tuple[tuple[str, str], ...]]  # the people each sentence names (`_short_names`)
    known: dict[str, str]  # each surname's title and full name (`_full_names`)
    lede: int | None = None  # the opening sentence that leads the takeaways of an undated story (`main_lede`)
    long_before: frozenset[int] = frozenset()  # undated sources written well before the others (`long_before`)
    # Each cluster with a reply (replies.py) → the cluster the reply is of: once one of the
    # two is told, the other is told without it (see `_told_once`).
    reply_of: dict[int, int] = field(default_factory=dict)
    # Section scores by candidates, kept across the selections that fit the budget (see `_local_scores`).
    local: dict[tuple[str, tuple[int, ...]], dict[int, float]] = field(default_factory=dict, compare=False, repr=False)


# The weight of the words that say who speaks, when telling whether two sentences
# report the same thing: "Green Renewal leader Ilse Marquart said her nine deputies would back
# the prime minister" and "Green Renewal leader Ilse Marquart said her party would vote yes
# but demanded a rail clause" share five rare words and say two things.
VOICE_WEIGHT = 0.25


def prepare(articles: Sequence[Article], sentences: Sequence[Sentence], config: Config, method: str) -> Story:
    sources = tuple(a.source for a in articles)
    ages = Ages.of(sources, config.older_after_days)
    synonyms = config.party_synonyms()
    # What happened years before the story's news is its history, however its words say it;
    # an analyst is one wherever the story quotes her.
    sentences = named_commentators(long_ago(sentences, ages.dates), config.commentators, synonyms)
    as_written = sentences = _one_name_each(sentences)
    # "The ministry declined to comment", "Torvik did not answer calls": nothing to tell, and
    # nothing a sentence joined to it would tell more.
    sentences = with_context([s for s in sentences if not s.silent], config)
    vectors, alike_vectors = tfidf_both(sentences, synonyms, VOICE_WEIGHT)
    # Dated sources are weighed by their dates instead (see recency.py).
    typical = {n: 1.0 if n in ages.dates else w for n, w in consensus(sentences, vectors).items()}
    clusters = ages.date_clusters(supported(merge_plans([
        replace(c, consensus=max(typical[n] for n in c.sources))
        for c in _reported_after(cluster(sentences, config.similarity, alike_vectors, group=SameFactGroup,
                                         compatible_key=lambda s: may_be_same_key(s, synonyms, config.opposites),
                                         synonyms=synonyms, saying=config.verbs, days=ages.dates), ages.dates)],
        config, synonyms),
        config.opposites))
    common = common_words(sentences, synonyms)
    done = done_reports(sentences, config)
    ahead = [looks_ahead(c.lead, config) for c in clusters]
    reported = superseded_by(clusters, done, config, synonyms, ages.dates, ahead)
    stale = set(reported)
    order = ages.dates or reading_order(clusters, stale, sources)
    # What only a source written well before the others tells is older context, as it is
    # when dates say so.
    far = frozenset() if ages.dates else long_before(clusters, reported, len(sources))
    stale |= {i for i, c in enumerate(clusters) if set(c.sources) <= far}
    # A state a later source reverses is no longer the state.
    stale |= reversed_states(clusters, sentences, config, synonyms, ages.dates, common)
    # And a stance a later source says its party moved from.
    stale |= shifted(clusters, sentences, ages.dates, synonyms)
    asking = next((sc for sc in config.sections if sc.kind == "questions"), None)
    if asking is not None:
        # An open question a later source answers is no longer open.
        stale |= settled(clusters, sentences, config, synonyms, ages.dates, asking, common)
        # And one of how an event to come will go, once a later source reports it held.
        stale |= answered_events(clusters, done, config, synonyms, order, asking)
    # What a party would do if something did not happen, once a later source reports it did.
    stale |= lapsed(clusters, sentences, order, synonyms)
    told = replies(clusters, [s for s in as_written if not s.silent], config, common)
    clusters = [replace(c, superseded=i in stale, topic=topic(c.lead, synonyms, config.verbs, common),
                        ahead=ahead[i], vague=vague(c.lead, synonyms), reply=told.get(i))
                for i, c in enumerate(clusters)]
    # A reply told with the claim it answers is no point of its own as well.
    cluster_of = {m.key: i for i, c in enumerate(clusters) for m in c.members}
    reply_of = {i: cluster_of[r.key] for i, r in told.items() if r.key in cluster_of}
    # Without a single dated source there is nothing to put in date order.
    wanted = tuple(sc for sc in config.sections if sc.kind != "timeline" or ages.known)
    central = centrality(clusters, method, config.language)
    score = scores(clusters, method, config.language, ages.dates, central)
    # A count a later source gives anew (a preliminary result, then the final one) is as
    # out of date as an announcement of what has happened since. The claims compared for
    # that are those "Where sources differ" compares: compared once, for both.
    questions = next((sc for sc in wanted if sc.kind == "questions"), None)
    wants_differ = bool(questions is not None and config.differ_max_points)
    best = _best(clusters, score)
    keys = _pool_keys(clusters, best)
    pool = [s for s in as_written if s.key in keys]
    compared = (compare(pool, config, synonyms, [s for s in sentences if s.key in keys])
                if wants_differ or len(set(order.values())) > 1 else None)
    later = overtaken(pool, config, order, synonyms, compared=compared) if compared else frozenset()
    # What a later day's article tells again is the state; the earlier telling is context.
    retold = retold_later(best, clusters, vectors, ages.dates, common, synonyms, SECTION_DIVERSITY)
    clusters = [replace(c, superseded=True) if c.lead.key in later or i in retold else c
                for i, c in enumerate(clusters)]
    lede = main_lede(clusters, central, order)
    # The claims that disagree, for the list of differences and for the counts told with their points.
    pairs = disagreements(compared, order, later) if compared else []
    differ = _differences(pool, compared, config, synonyms, pairs) if wants_differ and compared else None
    if differ is not None and compared is not None:
        # A claim a later day's report bears out is marked so: the pair stays, as what was said then.
        differ = replace(differ, points=tuple(borne_out(differ.points, compared, ages.dates)))
    if differ is not None:
        # The list may have room for one pair. Two parties' accounts come first (the Union's
        # "fully settled" guarantees against Kestria's caution, before two outlets' counts of
        # the injured), then what matters most to the story, not what is most alike in words.
        differ = replace(differ, points=tuple(sorted(differ.points, key=lambda p: (
            not (p.label and p.versus_label and p.label != p.versus_label),
            -max((score.get(cluster_of[k], 0.0) for k in p.sentences if k in cluster_of), default=0.0)))))
    # Figures of what is out of date are no key figures; newer reporting's come first.
    weight = {m.key: 0.0 if c.superseded else score.get(i, 0.0) * ages.weight(c)
              for i, c in enumerate(clusters) for m in c.members}
    spare, reserved = _spare(wanted, clusters, score, config)
    # Another source's count of what a point counts is told with it.
    if compared is not None:
        disputed = disputed_counts(compared, pairs)
        clusters = [replace(c, disputed=disputed[c.lead.key]) if c.lead.key in disputed else c for c in clusters]
    # A claim quoted where sources differ is not made again as a point of its own.
    claims = {k for p in differ.points for k in p.sentences} if differ else set()
    quoted = {m.key: i for i, c in enumerate(clusters) for m in c.members if m.key in claims}
    return Story(sources=sources, ages=ages, sentences=tuple(sentences), vectors=vectors,
                 clusters=tuple(clusters), score=score, wanted=wanted, differ=differ, weight=weight,
                 anew=counted_anew(sentences, ages.dates),
                 spare=spare, reserved=frozenset(reserved), quoted=quoted, reply_of=reply_of,
                 names=_people(sentences), known=_full_names(as_written, config), lede=lede, long_before=far)


def assemble(articles: Sequence[Article], sentences: Sequence[Sentence], config: Config,
             method: str, model: str, slack: int = 0) -> Briefing:
    return select(prepare(articles, sentences, config, method), config, method, model, slack)


def select(story: Story, config: Config, method: str, model: str, slack: int = 0,
           favour: Mapping[int, float] | None = None) -> Briefing:
    """The briefing's sections within their word budgets (`slack`: see `_budgets`); `favour`:
    a weight for clusters that rank higher than their score (see `changes.favour`)."""
    sources, ages, sentences, vectors = story.sources, story.ages, story.sentences, story.vectors
    clusters, score, wanted, differ = story.clusters, story.score, story.wanted, story.differ
    budgets = _budgets(wanted, sources, config, slack)
    questions = next((sc for sc in wanted if sc.kind == "questions"), None)
    # The pairs the list has room for: a claim quoted there is not made again as a point of
    # its own, and one of a pair left out is free to be.
    mine = _within(differ, budgets[questions.key] * DIFFER_SHARE) if questions is not None else None
    used: set[int] = {story.quoted[k] for p in (mine.points if mine else ()) for k in p.sentences
                      if k in story.quoted and not _newer_than(clusters[story.quoted[k]], k, ages)}
    clusters = _undisputed(clusters, mine)
    taken: list[int] = []  # the takeaways
    built: dict[str, Section] = {}
    for sc in wanted:
        if sc.kind == "summary":
            chosen = _takeaways(sc, clusters, config, score, budgets[sc.key], vectors, ages,
                                used, favour, kept=sorted(story.reserved), lede=story.lede)
            taken = list(chosen)
            used.update(chosen)
            clusters = _told_once(clusters, used, story.reply_of)
            built[sc.key] = Section(key=sc.key, title=sc.title,
                                    points=tuple(clusters[i].point() for i in chosen))
        elif sc.kind == "sources":
            built[sc.key] = Section(key=sc.key, title=sc.title)
        elif sc.kind == "figures":
            built[sc.key] = key_figures(sc, sentences, budgets[sc.key], story.weight, ages.dates, story.anew)
    fill = sorted((sc for sc in wanted if sc.kind in _FILL_ORDER), key=lambda sc: _FILL_ORDER[sc.kind])
    for sc in fill:
        ids = [i for i, c in enumerate(clusters) if i not in used and sc.key in c.lead.sections
               and not (sc.kind != "parties" and _unnamed_speaker(c, config))]
        if sc.kind == "parties":
            # Before pooling, so that the pool holds only stances.
            ids = [i for i in ids if _party_stance(clusters[i], config)]
        listed = mine if sc is questions else None
        budget = questions_budget(budgets[sc.key], listed)
        # Against every point made so far: a fact said in one section is not said again in another.
        if sc.kind == "parties":
            section, chosen = _parties(sc, clusters, _pool(ids, score), config, method, max(0, budget), vectors,
                                       ages, sorted(used), favour, _unused(story.spare, used), story.local)
        else:
            section, chosen = _section(sc, clusters, _pool(ids, score), config, method, max(0, budget), vectors,
                                       ages, sorted(used), favour, story.local)
        used.update(chosen)
        clusters = _told_once(clusters, used, story.reply_of)
        # "Nothing in the sources" above a list of where they differ would contradict it.
        built[sc.key] = replace(section, subsections=(listed,), note="" if listed.points else section.note) \
            if listed else section
    summary = next((sc for sc in wanted if sc.kind == "summary"), None)
    if summary is not None:
        built = _give_back(built, summary, taken, wanted, clusters, config)
    for sc in wanted:
        if sc.kind == "timeline":  # last: it knows which points the other sections make
            points = timeline(clusters, ages, score, max_points=sc.max_points,
                              max_words=budgets[sc.key], vectors=vectors, used=used)
            built[sc.key] = Section(key=sc.key, title=sc.title, points=points,
                                    note="" if points else "No dated events in the sources.")
    return Briefing(title=config.title, subject=config.subject,
                    sections=_short_names(tuple(built[sc.key] for sc in wanted), story.names, story.known), sources=sources, method=method,
                    model=model, older_before=ages.cutoff, older_sources=tuple(sorted(story.long_before)))
