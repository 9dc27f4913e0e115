"""Near-duplicate clustering: the prefix index finds exactly what comparing every pair finds."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from briefing.model import Sentence
from briefing.select import Cluster, alike, cluster, cosine, may_be_same, tfidf, tfidf_both
from helpers import figures_section, with_figures


def cluster_by_scan(sentences: list[Sentence], threshold: float) -> list[tuple[Sentence, ...]]:
    """The definition: each sentence joins the first cluster of other sources with a member it is
    alike (by words, or by fewer words and the same event), sharing two words at least."""
    from briefing.select import _two_words

    vectors = tfidf(sentences)
    groups: list[list[Sentence]] = []
    for s in sentences:
        for group in groups:
            if any(m.source == s.source for m in group):
                continue
            if any(s.text == m.text or _two_words(vectors[s.key], vectors[m.key])
                   and alike(m, s, cosine(vectors[s.key], vectors[m.key]), threshold) for m in group):
                group.append(s)
                break
        else:
            groups.append([s])
    return [tuple(g) for g in groups]


def _retold(sentences: list[Sentence], outlets: int, seed: int) -> list[Sentence]:
    """The sentences retold by other outlets: words dropped, swapped in or kept, so that
    many pairs fall on either side of the threshold."""
    rng = random.Random(seed)
    vocabulary = sorted({t for s in sentences for t in s.terms})
    out = list(sentences)
    for source in range(100, 100 + outlets):
        for index, s in enumerate(rng.sample(sentences, len(sentences) // 2)):
            terms = [t for t in s.terms if rng.random() > 0.25]
            terms += rng.sample(vocabulary, rng.randint(0, 3))
            text = s.text if rng.random() < 0.1 else f"{s.text} ({source})"
            out.append(replace(s, source=source, index=index, text=text, terms=tuple(terms)))
    return out


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 1.0])
def test_same_clusters_as_comparing_every_pair(seed_sentences: list, threshold: float) -> None:
    sentences = _retold(seed_sentences, outlets=6, seed=int(threshold * 10))
    found = [_in_reading_order(c) for c in cluster(sentences, threshold)]
    assert found == cluster_by_scan(sentences, threshold)
    assert len(found) < len(sentences)  # the test data does hold near-duplicates


def test_checking_one_member_per_compatible_key_changes_nothing(seed_sentences: list) -> None:
    """Members alike in all that `may_be_same` reads are checked once: same clusters."""
    from briefing.select import SameFactGroup, keys_may_be_same, may_be_same, may_be_same_key

    sentences = _retold(seed_sentences, outlets=6, seed=7)
    every = cluster(sentences, 0.3, compatible=may_be_same)
    once = cluster(sentences, 0.3, compatible=keys_may_be_same, compatible_key=may_be_same_key)
    held = cluster(sentences, 0.3, group=SameFactGroup, compatible_key=may_be_same_key)
    assert [_in_reading_order(c) for c in once] == [_in_reading_order(c) for c in every]
    assert [_in_reading_order(c) for c in held] == [_in_reading_order(c) for c in every]
    assert any(len(c.members) > 2 for c in once)  # clusters with members to skip


def test_seed_clusters_unchanged(seed_sentences: list) -> None:
    assert [_in_reading_order(c) for c in cluster(seed_sentences, 0.5)] == cluster_by_scan(seed_sentences, 0.5)


def _in_reading_order(c: Cluster) -> tuple[Sentence, ...]:
    return tuple(sorted(c.members, key=lambda m: m.key))


def test_the_quoted_member_is_the_one_that_reads_alone() -> None:
    vague = Sentence(text="He added that the deal is close.", source=1, paragraph=0, index=0,
                     words=tuple("He added that the deal is close".split()), terms=("deal", "close"),
                     needs_context=True)
    clear = Sentence(text="Trump said that the deal is close.", source=2, paragraph=0, index=0,
                     words=tuple("Trump said that the deal is close".split()), terms=("deal", "close"))
    other = Sentence(text="Rain fell.", source=3, paragraph=0, index=0, words=("Rain", "fell"), terms=("rain", "fall"))
    only, _ = cluster([vague, clear, other], 0.5)
    assert only.lead is clear and only.sources == (1, 2)


def test_sentences_without_terms_merge_only_by_text() -> None:
    a = Sentence(text="Yes.", source=1, paragraph=0, index=0)
    b = Sentence(text="Yes.", source=2, paragraph=0, index=0)
    c = Sentence(text="No.", source=3, paragraph=0, index=0)
    assert [len(g.members) for g in cluster([a, b, c], 0.5)] == [2, 1]


def test_one_speakers_quotation_told_twice_is_a_repeat_however_worded() -> None:
    """"Would pursue its aims 'by military means'" after "'the goals of the operation will be
    achieved by military means,' he said": the words of one statement, quoted twice."""
    from briefing.select import says_again

    full = Sentence(text='Pallas said Morvania still required a withdrawal. "If Vellin is not ready for a reasonable '
                         'settlement, the goals of the operation will be achieved by military means," he said.',
                    source=1, paragraph=0, index=0, speaker="morvania")
    again = Sentence(text='Morvania would pursue its aims "by military means" if diplomacy failed, Pallas added.',
                     source=2, paragraph=0, index=0, speaker="morvania")
    other = Sentence(text='Kestria would defend itself "by every military means" if attacked, Varn added.',
                     source=3, paragraph=0, index=0, speaker="kestria")
    clusters = [Cluster((full,)), Cluster((again,)), Cluster((other,))]
    vectors = {(1, 0): {"withdrawal": 1.0, "settlement": 1.0}, (2, 0): {"pursue": 1.0, "aim": 1.0},
               (3, 0): {"defend": 1.0, "attack": 1.0}}
    assert says_again(1, [0], clusters, vectors, 0.35)
    assert not says_again(2, [0], clusters, vectors, 0.35)


def test_one_speaker_saying_it_again_is_a_repeat_at_lower_overlap() -> None:
    from briefing.select import SAME_SPEAKER_DIVERSITY, says_again

    def sentence(source: int, speaker: str | None) -> Sentence:
        return Sentence(text=f"s{source}", source=source, paragraph=0, index=0, speaker=speaker)

    clusters = [Cluster((sentence(1, "us"),)), Cluster((sentence(2, "us"),)), Cluster((sentence(3, None),))]
    # Three vectors at a cosine between the same-speaker limit and the general one.
    vectors = {(1, 0): {"a": 1.0, "b": 1.0}, (2, 0): {"a": 1.0, "c": 2.0}, (3, 0): {"a": 1.0, "c": 2.0}}
    assert SAME_SPEAKER_DIVERSITY <= cosine(vectors[(1, 0)], vectors[(2, 0)]) < 0.35
    assert says_again(1, [0], clusters, vectors, 0.35)  # the same speaker: a repeat
    assert not says_again(2, [0], clusters, vectors, 0.35)  # another speaker: not yet


def test_key_figures_rank_by_how_much_their_sentence_matters() -> None:
    from briefing.figures import key_figures

    aside = with_figures("Trump imposed a 25% tariff on Indian imports.", 2,
                         ("25%", "PERCENT", "imposed a 25% tariff on Indian imports"))
    core = with_figures("Ukraine has accepted 90 percent of the framework.", 1,
                        ("90 percent", "PERCENT", "Ukraine has accepted 90 percent of the framework"), index=1)
    count = with_figures("The plan has 20 points.", 1, ("20 points", "CARDINAL", "The plan has 20 points"), index=2)
    by_kind = key_figures(figures_section(), [aside, core, count], 100)
    assert [p.figure for p in by_kind.points] == ["90 percent", "25%", "20 points"]  # kind, then reading order
    weight = {core.key: 1.0, count.key: 0.9, aside.key: 0.2}
    ranked = key_figures(figures_section(), [aside, core, count], 100, weight)
    # The aside matters less than a third as much as the framework: it is left out.
    assert [p.figure for p in ranked.points] == ["90 percent", "20 points"]


def test_a_figure_beside_another_sources_share_matters_as_much_as_that_share() -> None:
    """The sentence that gives another source's "90 percent" as "roughly 90%" is about the same
    framework: its count of points is ranked with the share, not left out as an aside."""
    from briefing.figures import key_figures

    core = with_figures("Ukraine has accepted about 90 percent of the framework.", 1,
                        ("about 90 percent", "PERCENT", "Ukraine has accepted about 90 percent of the framework"))
    both = "The plan includes 20 points and is roughly 90% complete"
    plan = with_figures(both + ".", 2, ("20 points", "CARDINAL", both), ("roughly 90%", "PERCENT", both))
    aside = with_figures("Trump imposed a 25% tariff on Indian imports.", 3,
                         ("25%", "PERCENT", "imposed a 25% tariff on Indian imports"))
    ranked = key_figures(figures_section(), [core, plan, aside], 100, {core.key: 1.0, plan.key: 0.3, aside.key: 0.3})
    assert [(p.figure, p.sources) for p in ranked.points] == [("about 90 percent", (1, 2)), ("20 points", (2,))]


def test_a_shared_verb_of_stance_is_no_shared_event() -> None:
    """"declined requests for a direct meeting" and "rejected such arrangements" share the
    stance verb and report different refusals; sharing what was refused is what counts."""
    synonyms = {"decline": "reject"}
    declined = Sentence(text="The Kremlin declined requests for a direct meeting.", source=1, paragraph=0, index=0,
                        event=("decline", "party:russia", "request", "meeting"))
    rejected = Sentence(text="Moscow rejected such arrangements.", source=2, paragraph=0, index=0,
                        event=("reject", "party:russia", "arrangement"))
    refused = Sentence(text="Moscow refused the requests.", source=3, paragraph=0, index=0,
                       event=("reject", "party:russia", "request"))
    cos = 0.30  # below the threshold, above what one shared event word allows
    assert alike(declined, rejected, cos, 0.33, synonyms)  # the verb alone, when it counts
    assert not alike(declined, rejected, cos, 0.33, synonyms, saying={"reject", "decline"})
    assert alike(declined, refused, cos, 0.33, synonyms, saying={"reject", "decline"})


def test_one_of_many_is_no_figure_that_makes_a_sentence_specific() -> None:
    """spaCy tags the "one" of "one of the most active phases" as a number; it counts nothing,
    and a characterization with it must not outrank a stance as if it gave a figure."""
    from briefing.model import Entity
    from briefing.select import specificity

    def said(*entities: Entity) -> Sentence:
        return Sentence(text="x", source=1, paragraph=0, index=0, parties=("ukraine",), entities=entities)

    zelensky = Entity("Zelenskyy", "PERSON")
    assert specificity(said(zelensky, Entity("one", "CARDINAL"))) == specificity(said(zelensky))
    assert specificity(said(zelensky, Entity("20", "CARDINAL"))) > specificity(said(zelensky))


def test_the_same_party_doing_the_same_thing_in_general_says_it_again() -> None:
    """"Ukraine has carried out strikes on Russian infrastructure targets" adds nothing once
    "Ukrainian forces targeted a refinery in Rostov" is said; the particular after the
    general still adds the place and the day."""
    from briefing.model import Entity
    from briefing.select import says_again, vague

    synonyms = {"ukraine": "party:ukraine", "ukrainian": "party:ukraine", "russian": "party:russia"}
    specific = Sentence(text="Ukrainian forces targeted a refinery in Rostov on Thursday.", source=1, paragraph=0,
                        index=0, actor="ukraine",
                        entities=(Entity("Ukrainian", "NORP"), Entity("Rostov", "GPE"), Entity("Thursday", "DATE")))
    general = Sentence(text="Ukraine has carried out strikes on Russian infrastructure targets.", source=2,
                       paragraph=0, index=0, actor="ukraine",
                       entities=(Entity("Ukraine", "GPE"), Entity("Russian", "NORP")))
    assert vague(general, synonyms) and not vague(specific, synonyms)
    clusters = [Cluster((specific,), topic=frozenset({"attack", "refinery"}), vague=False),
                Cluster((general,), topic=frozenset({"attack", "infrastructure"}), vague=True)]
    vectors = {(1, 0): {"refinery": 1.0}, (2, 0): {"infrastructure": 1.0}}
    assert says_again(1, [0], clusters, vectors, 0.35)
    assert not says_again(0, [1], clusters, vectors, 0.35)
    elsewhere = [clusters[0], Cluster((replace(general, actor="russia"),), topic=clusters[1].topic, vague=True)]
    assert not says_again(1, [0], elsewhere, vectors, 0.35)  # another party's strikes


def test_with_four_sources_only_the_one_furthest_off_weighs_less() -> None:
    """The typical source is the lower median: with an even number of sources the upper one
    would weigh down half of them, ordinary articles among them."""
    from briefing.select import consensus

    texts = {1: {"talks": 1.0, "kyiv": 1.0, "grain": 1.0},
             2: {"talks": 1.0, "kyiv": 1.0, "moscow": 0.6},
             3: {"talks": 1.0, "kyiv": 1.0, "moscow": 1.0},
             4: {"talks": 1.0, "kyiv": 1.0, "moscow": 1.0, "truce": 0.3}}
    sentences = [Sentence(text=f"s{n}.{i}", source=n, paragraph=0, index=i) for n in texts for i in range(5)]
    weights = consensus(sentences, {(n, i): v for n, v in texts.items() for i in range(5)})
    assert [n for n, w in sorted(weights.items()) if w < 1.0] == [1]


def test_a_source_too_short_to_judge_is_not_weighed_down() -> None:
    """A two-line flash shares few words with long articles of the same story; weighed like an
    article about something else, its news would never reach the briefing."""
    from briefing.select import consensus

    long = {1: {"talks": 1.0, "kyiv": 1.0, "moscow": 1.0}, 2: {"talks": 1.0, "kyiv": 1.0, "moscow": 0.8},
            3: {"talks": 1.0, "kyiv": 0.9, "moscow": 1.0}}
    sentences = [Sentence(text=f"s{n}.{i}", source=n, paragraph=0, index=i) for n in long for i in range(6)]
    vectors = {(n, i): long[n] for n in long for i in range(6)}
    flash = Sentence(text="Russian forces shelled the port of Odesa.", source=4, paragraph=0, index=0)
    weights = consensus([*sentences, flash], {**vectors, (4, 0): {"odesa": 1.0, "port": 1.0, "talks": 0.1}})
    assert weights[4] == 1.0
    far = [Sentence(text=f"f{i}", source=4, paragraph=0, index=i) for i in range(6)]
    weights = consensus([*sentences, *far], {**vectors, **{(4, i): {"odesa": 1.0, "port": 1.0, "talks": 0.1}
                                                            for i in range(6)}})
    assert weights[4] < 0.1  # as long as the others and about something else: weighed down


def test_a_weak_short_point_does_not_fill_the_gap_a_better_one_left() -> None:
    """Past a point a few words too long, only one nearly as good fills the words left."""
    from briefing.select import pick

    def point(n: int, words: int) -> Cluster:
        return Cluster((Sentence(text=" ".join(["w"] * words), source=n, paragraph=0, index=0),))

    clusters = [point(1, 20), point(2, 20), point(3, 12)]
    vectors = {(n, 0): {f"t{n}": 1.0} for n in (1, 2, 3)}
    score = {0: 2.0, 1: 1.9, 2: 0.7}
    assert pick([0, 1, 2], clusters, score, max_points=5, max_words=45, vectors=vectors) == [0]
    assert pick([0, 1, 2], clusters, score, max_points=5, max_words=80, vectors=vectors) == [0, 1, 2]


def test_a_point_brought_forward_does_not_make_the_rest_look_thin() -> None:
    """News weighted up in a regenerated briefing takes its place first; the floor that keeps
    weak points out is still measured against the section's own scores, or the news would
    empty the section around it."""
    from briefing.select import pick

    clusters = [Cluster((Sentence(text=" ".join(["w"] * 10), source=n, paragraph=0, index=0),))
                for n in (1, 2, 3)]
    vectors = {(n, 0): {f"t{n}": 1.0} for n in (1, 2, 3)}
    plain = {0: 1.0, 1: 0.9, 2: 0.8}
    favoured = {**plain, 2: 0.8 * 8}
    assert pick([0, 1, 2], clusters, favoured, max_points=5, max_words=100, vectors=vectors) == [2]
    assert pick([0, 1, 2], clusters, favoured, plain=plain, max_points=5, max_words=100,
                vectors=vectors) == [2, 0, 1]


def test_a_quote_whose_speaker_is_named_between_its_parts_reads_alone() -> None:
    """A sentence joined to the quote it goes on with opens and ends with quote marks, but
    names who speaks: "nothing is finalized" must not score nothing as a bare quote would."""
    from briefing.select import standalone

    def said(text: str) -> Sentence:
        return Sentence(text=text, source=1, paragraph=0, index=0, words=tuple(text.split()))

    joined = said("“We’re much closer than we’ve ever been,” Trump said following the meeting. "
                  "“But it’s a tough situation, and nothing is finalized yet.”")
    assert standalone(joined) == 1.0
    assert standalone(said("“But it’s a tough situation, and nothing is finalized yet for anyone.”")) == 0.0
    assert standalone(said('"It is a tough situation, and nothing is finalized yet for us," he said.')) == 1.0


def test_a_sum_beside_another_figure_is_not_a_second_row_of_it() -> None:
    """"The $4.2 billion deal would give it 60 percent of the slots": the sum has its own row
    from the sentence about the deal, which cites this source too; the table gives it once."""
    from briefing.figures import key_figures

    slots = "The $4.2 billion deal would give the carrier 60 percent of the slots"
    both = with_figures(slots + ".", 2, ("60 percent", "PERCENT", slots), ("$4.2 billion", "MONEY", slots))
    deal = with_figures("Nordair agreed to buy Baltica for $4.2 billion.", 1,
                        ("$4.2 billion", "MONEY", "Nordair agreed to buy Baltica for $4.2 billion"))
    rows = key_figures(figures_section(), [both, deal], 100, {both.key: 1.0, deal.key: 0.9}).points
    assert [(p.figure, p.sources) for p in rows] == [("60 percent", (2,)), ("$4.2 billion", (1, 2))]


def test_a_sum_keeps_its_currency_sign() -> None:
    from briefing.analyse import load_model
    from briefing.config import load_config
    from briefing.figures import extract

    nlp, _ = load_model(load_config().models)
    doc = nlp("Baltica shareholders will receive $14.50 a share.")
    assert [f.value for f in extract(next(doc.sents)) if f.kind == "MONEY"] == ["$14.50"]


def test_one_party_doing_one_thing_in_other_words_says_it_again() -> None:
    """Two outlets on Voss leading a caretaker government share few words (cosine about 0.28):
    the same party acting is held to the bar of one speaker's stance. Another party doing
    something with the same words is not a repeat."""
    from briefing.select import cosine, says_again

    short = Sentence(text="Voss will lead a caretaker government until the vote.", source=1, paragraph=0,
                     index=0, actor="liberals")
    long = Sentence(text="Voss will remain in office as head of a caretaker government until an early election.",
                    source=2, paragraph=0, index=0, actor="liberals")
    vectors = {(1, 0): {"caretaker": 0.6, "lead": 0.5, "vote": 0.6},
               (2, 0): {"caretaker": 0.5, "remain": 0.4, "office": 0.5, "head": 0.4, "election": 0.4}}
    assert 0.2 < cosine(vectors[(1, 0)], vectors[(2, 0)]) < 0.35
    # Their event words share "government" (see `topic`).
    lead, remain = frozenset({"lead", "government"}), frozenset({"remain", "office", "government"})
    assert says_again(0, [1], [Cluster((short,), topic=lead), Cluster((long,), topic=remain)], vectors, 0.35)
    assert not says_again(0, [1], [Cluster((short,), topic=lead), Cluster((replace(long, actor="greens"),), topic=remain)],
                          vectors, 0.35)


def test_two_counts_of_the_same_thing_are_two_reports() -> None:
    """"Killing at least 23 people" and "killed 26 people" are two tolls (an update, or a
    disagreement), never one point; a count of something else does not set them apart."""
    from briefing.model import Figure
    from briefing.select import may_be_same

    def counting(value: str) -> Sentence:
        return Sentence(text=f"The collision killed {value}.", source=1, paragraph=0, index=0,
                        figures=(Figure(value, "CARDINAL", f"killed {value}"),))

    assert not may_be_same(counting("at least 23 people"), counting("26 people"))
    assert may_be_same(counting("at least 23 people"), counting("23 people"))
    assert may_be_same(counting("23 people"), counting("2 trains"))


def test_small_counts_and_tallies_set_two_reports_apart() -> None:
    """"Rose to seven" and "has risen to 12" are two tolls, though neither is a key figure
    and the parser takes "fires" for what rose; a count of something else does not set two
    sentences apart."""
    from helpers import analyse_texts

    from briefing.config import load_config
    from briefing.select import may_be_same

    config = load_config()
    seven, twelve, again, other = analyse_texts([
        "The regulator ordered a recall as the number of people treated in hospital after fires "
        "linked to the bikes rose to seven.",
        "The number of people treated in hospital after fires linked to the pack has risen to 12.",
        "Seven people have now been treated in hospital after fires linked to the battery.",
        "Thirty-four children were hurt in the fires.",
    ], config)
    assert ("people", "7") in seven.counts and ("people", "12") in twelve.counts
    assert other.counts == (("child", "34"),)
    assert not may_be_same(seven, twelve) and not may_be_same(again, twelve)
    assert may_be_same(seven, again) and may_be_same(other, twelve)


def test_a_count_given_only_to_set_the_scene_is_not_what_a_sentence_asserts() -> None:
    """"Brenner resigned, three days after a collision killed 26 people" asserts a
    resignation: its 26 cannot disagree with another source's toll, though it keeps the two
    sentences apart."""
    from briefing.figures import measures
    from briefing.model import Figure

    words = ("Brenner", "resigned", "three", "days", "after", "a", "collision", "killed", "26", "people")
    scene = (False, False, True, True, True, True, True, True, True, True)
    resigned = Sentence(text=" ".join(words) + ".", source=1, paragraph=0, index=0, words=words, backdrop=scene,
                        figures=(Figure("26 people", "CARDINAL", "killed 26 people"),))
    assert measures(resigned) == {"CARDINAL people": frozenset({"26"})}
    assert measures(resigned, asserted=True) == {}
    said = replace(resigned, backdrop=(False,) * len(words))
    assert measures(said, asserted=True) == {"CARDINAL people": frozenset({"26"})}


def test_two_outlets_on_what_one_party_did_on_one_day_say_it_once() -> None:
    """"The Green Party left the government on Wednesday" after "The government lost its
    majority on Wednesday after the Green Party walked out" (cosine about 0.2): one event.
    Another party's day, two facts of one outlet, or two acts of others on one day that
    only name the party ("customers of Velocom were warned", "the government called on
    Velocom") are not set aside so."""
    from briefing.model import Entity
    from briefing.select import says_again

    def told(text: str, source: int, party: str, day: str, actor: str | None = None) -> Sentence:
        return Sentence(text=text, source=source, paragraph=0, index=0, parties=(party,), actor=actor,
                        entities=(Entity(day, "DATE"),))

    lost = told("The government lost its majority on Wednesday after the Greens walked out.", 1, "greens", "Wednesday")
    left = told("The Green Party left the government on Wednesday over the motorway.", 2, "greens", "Wednesday",
                actor="greens")
    vectors = {(1, 0): {"government": 0.5, "majority": 0.6, "walk": 0.6},
               (2, 0): {"government": 0.5, "leave": 0.6, "motorway": 0.6}}
    assert says_again(1, [0], [Cluster((lost,)), Cluster((left,))], vectors, 0.35)
    assert not says_again(1, [0], [Cluster((lost,)), Cluster((replace(left, parties=("liberals",)),))], vectors, 0.35)
    assert not says_again(1, [0], [Cluster((lost,)), Cluster((replace(left, source=1, index=1),))],
                          {(1, 0): vectors[(1, 0)], (1, 1): vectors[(2, 0)]}, 0.35)
    assert not says_again(1, [0], [Cluster((lost,)), Cluster((replace(left, entities=(Entity("Thursday", "DATE"),)),))],
                          vectors, 0.35)
    assert not says_again(1, [0], [Cluster((lost,)), Cluster((replace(left, actor=None),))], vectors, 0.35)
    # A sentence telling of two days ("expelled on Thursday the deputies who backed it in
    # Wednesday's vote") is no other report of Wednesday's event.
    two_days = replace(left, entities=(Entity("Thursday", "DATE"), Entity("Wednesday's", "DATE")))
    assert not says_again(1, [0], [Cluster((lost,)), Cluster((two_days,))], vectors, 0.35)


def test_one_party_doing_two_things_is_not_one_act_told_twice() -> None:
    """The court striking down a law and giving the government six months to write a new one
    share words (law, court, police) but no event word: two acts, each said. One party doing
    one thing in other words ("will lead a caretaker government", "will head a caretaker
    government") is said once."""
    from briefing.select import says_again

    def did(text: str, index: int, topic: frozenset[str]) -> Cluster:
        return Cluster((Sentence(text=text, source=1, paragraph=index, index=index, actor="court"),), topic=topic)

    struck = did("The court struck down the surveillance law.", 0, frozenset({"strike", "law"}))
    gave = did("The court gave the government six months to pass a new law.", 1, frozenset({"give", "month"}))
    # Cosine 0.25 each time: under the 0.35 of two points of anyone, over the 0.2 of one act.
    vectors = {(1, 0): {"court": 0.5, "law": 0.5, "strike": 0.7}, (1, 1): {"court": 0.5, "month": 0.7, "six": 0.5}}
    assert not says_again(1, [0], [struck, gave], vectors, 0.35)
    again = did("The court threw out the surveillance law.", 1, frozenset({"law", "throw"}))
    vectors[(1, 1)] = {"court": 0.5, "throw": 0.7, "surveillance": 0.5}
    assert says_again(1, [0], [struck, again], vectors, 0.35)


def test_a_speakers_point_on_a_subject_of_its_own_is_no_repeat_for_the_scene_it_shares() -> None:
    """The health department's "Schools will bar unvaccinated pupils after the outbreak
    reached 86 cases" after its "the outbreak had grown to 86 cases": one speaker, two
    subjects; what they share is the speaker's name and the scene the new point is set in.
    Said in its main clause, the same words make it a repeat."""
    from briefing.select import says_again

    def said(text: str, index: int, topic: frozenset[str], scene: tuple[bool, ...] = ()) -> Cluster:
        words = tuple(text.split())
        return Cluster((Sentence(text=text, source=1, paragraph=index, index=index, speaker="city", words=words,
                                 lemmas=tuple(w.lower() for w in words), backdrop=scene or (False,) * len(words)),),
                       topic=topic)

    grown = said("Osei said the outbreak grew to 86 cases", 0, frozenset({"grow"}))
    bar = "Schools will bar pupils after the outbreak reached 86 cases Osei said"
    scene = tuple(n >= 4 and n <= 9 for n in range(len(bar.split())))
    barred = said(bar, 1, frozenset({"bar", "pupil"}), scene)
    vectors = {(1, 0): {"party:city": 3.0, "outbreak": 1.0, "86": 1.0, "cases": 1.0, "grew": 1.0},
               (1, 1): {"party:city": 3.0, "outbreak": 1.0, "86": 1.0, "cases": 1.0, "schools": 1.0, "bar": 1.0,
                        "pupils": 1.0, "reached": 1.0}}
    assert not says_again(1, [0], [grown, barred], vectors, 0.35)
    plain = said(bar, 1, frozenset({"bar", "pupil"}))  # the outbreak's 86 cases in its main clause
    assert says_again(1, [0], [grown, plain], vectors, 0.35)


def test_a_sentence_naming_what_the_story_is_about_is_no_aside() -> None:
    """"Hurricane Selma made landfall near Port Alden" names none of the story's parties (the
    officials, the forecasters), but the hurricane and the town that most sources name: it
    is the story, not an aside like "a firefighter suffered injuries"."""
    from briefing.model import Entity
    from briefing.select import ASIDE_WEIGHT, central_names, specificity

    def told(text: str, source: int, *names: str) -> Sentence:
        return Sentence(text=text, source=source, paragraph=0, index=0,
                        entities=tuple(Entity(n, "GPE" if "Port" in n else "EVENT") for n in names))

    landfall = told("Hurricane Selma made landfall near Port Alden.", 1, "Hurricane Selma", "Port Alden")
    clusters = [Cluster((landfall,)), Cluster((told("Hurricane Selma weakened.", 2, "Hurricane Selma"),)),
                Cluster((told("Port Alden counts the cost.", 3, "Port Alden"),)),
                Cluster((told("A firefighter from Marsh Creek was hurt.", 4, "Marsh Creek"),))]
    named = central_names(clusters)
    assert named == {"hurricane selma", "port alden"}  # each in two of four sources; Marsh Creek in one
    assert specificity(landfall, named) > 1.0
    assert specificity(clusters[3].lead, named) == ASIDE_WEIGHT
    assert specificity(landfall) == ASIDE_WEIGHT  # without knowing what the story is about


def test_one_count_with_one_predicate_is_one_event_reported_by_both() -> None:
    """"A magnitude 6.6 earthquake struck northern Veralta" and "The 6.6-magnitude quake
    struck near San Telmo, a town of 30,000 people" share few words, and their places and
    counts keep them apart as retellings; but they tell one event: the second is not said
    again, and the first is reported by both sources. The same count told of what else
    happened ("The 6.6 tremor destroyed 1,200 houses"), or the same verb with another count
    ("killed 41 people"), is not the same event; a small count is, when it counts the same
    thing ("45 homes", not "45 barns") in no other place."""
    from briefing.model import Figure
    from briefing.select import says_again, supported

    def told(text: str, source: int, event: tuple[str, ...], *figures: tuple[str, str]) -> Cluster:
        return Cluster((Sentence(text=text, source=source, paragraph=0, index=0, event=event,
                                 words=tuple(text.split()), figures=tuple(Figure(v, "CARDINAL", c) for v, c in figures)),))

    struck = told("A magnitude 6.6 earthquake struck northern Veralta.", 1, ("strike", "earthquake"),
                  ("6.6 earthquake", "A magnitude 6.6 earthquake struck"))
    again = told("The 6.6-magnitude quake struck near San Telmo.", 2, ("strike", "quake"),
                 ("6.6 magnitude", "The 6.6-magnitude quake struck"), ("30,000 people", "a town of 30,000 people"))
    damage = told("The 6.6 tremor destroyed 1,200 houses.", 3, ("destroy", "tremor", "house"),
                  ("6.6 tremor", "The 6.6 tremor"), ("1,200 houses", "destroyed 1,200 houses"))
    killed = told("The quake struck and killed 41 people.", 4, ("strike", "quake"), ("41 people", "killed 41 people"))
    clusters = [struck, again, damage, killed]
    vectors = {(n, 0): {f"only{n}": 1.0} for n in range(1, 5)}  # nothing in common by words
    assert says_again(1, [0], clusters, vectors, 0.35)
    assert not says_again(2, [0], clusters, vectors, 0.35)
    assert not says_again(3, [0], clusters, vectors, 0.35)
    assert [c.sources for c in supported(clusters)] == [(1, 2), (1, 2), (3,), (4,)]
    # Nor one taking the other side of a pair of opposites: "will not accept" is no report
    # of "will accept".
    refuses = Cluster((Sentence(text="Northvale, which owns 8.5 percent, will not accept any offer below 27.",
                                source=1, paragraph=0, index=0, event=("accept", "offer"),
                                words=("Northvale", "will", "not", "accept"), lemmas=("northvale", "will", "not", "accept"),
                                figures=(Figure("8.5 percent", "PERCENT", "owns 8.5 percent"),)),))
    accepts = Cluster((replace(refuses.lead, source=2, text="Northvale will accept the offer for its 8.5 percent.",
                               words=("Northvale", "will", "accept"), lemmas=("northvale", "will", "accept")),))
    opposites = ((frozenset({"reject"}), frozenset({"accept"})),)
    assert [c.sources for c in supported([refuses, accepts])] == [(1, 2), (1, 2)]
    assert [c.sources for c in supported([refuses, accepts], opposites)] == [(1,), (2,)]
    # A small count is one event only when it counts the same thing, in no other place.
    from briefing.model import Entity
    homes = told("At least 45 homes were destroyed.", 1, ("destroy", "home"), ("At least 45 homes", "45 homes"))
    again = told("The fire has destroyed at least 45 homes.", 2, ("destroy", "fire", "home"),
                 ("at least 45 homes", "45 homes"))
    barns = told("The fire has destroyed 45 barns.", 3, ("destroy", "fire", "barn"), ("45 barns", "45 barns"))
    assert says_again(1, [0], [homes, again, barns], vectors, 0.35)
    assert not says_again(2, [0], [homes, again, barns], vectors, 0.35)

    def where(c: Cluster, place: str) -> Cluster:
        return Cluster((replace(c.lead, entities=(Entity(place, "GPE"),)),))

    assert not says_again(1, [0], [where(homes, "Almira"), where(again, "Serra"), barns], vectors, 0.35)
    assert says_again(1, [0], [where(homes, "Almira"), again, barns], vectors, 0.35)


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.9])
def test_near_pairs_hold_every_pair_at_the_threshold(seed_sentences: list, threshold: float) -> None:
    from briefing.select import near_pairs

    sentences = _retold(seed_sentences, outlets=3, seed=3)
    vectors = [v for v in tfidf(sentences).values()]
    every = {(i, j) for j in range(len(vectors)) for i in range(j)
             if cosine(vectors[i], vectors[j]) >= threshold}
    found = near_pairs(vectors, threshold)
    assert every and every <= found
    assert len(found) < len(vectors) * (len(vectors) - 1) // 2  # not every pair


def test_a_point_whose_numbers_are_all_told_says_them_again() -> None:
    """"Civil protection officials said about 1,200 homes had been destroyed and more than
    5,000 people spent the night in tents" after one point on the 1,200 houses and another on
    the 5,000 homeless: its news is read already, in other words. One new number keeps it,
    and a single number told before may be only the scene of news of its own ("Schools will
    bar pupils after the outbreak reached 86 cases")."""
    from briefing.model import Entity
    from briefing.select import says_again

    def point(text: str, index: int, *amounts: str) -> Cluster:
        return Cluster((Sentence(text=text, source=index + 1, paragraph=0, index=0,
                                 entities=tuple(Entity(a, "CARDINAL") for a in amounts)),))

    houses = point("The tremor destroyed or damaged some 1,200 houses in the valley.", 0, "some 1,200")
    homeless = point("The Red Cross appealed for funds to shelter about 5,000 people.", 1, "about 5,000")
    both = point("Officials said 1,200 homes were destroyed and 5,000 people slept in tents.", 2, "1,200", "more than 5,000")
    vectors = {(1, 0): {"tremor": 0.7, "house": 0.7}, (2, 0): {"cross": 0.7, "shelter": 0.7},
               (3, 0): {"official": 0.5, "home": 0.5, "tent": 0.7}}
    clusters = [houses, homeless, both]
    assert says_again(2, [0, 1], clusters, vectors, 0.35)
    assert not says_again(2, [0], clusters, vectors, 0.35)  # the 5,000 are news
    new = point("Officials said 1,200 homes were destroyed and 38 people were hurt.", 2, "1,200", "38")
    assert not says_again(2, [0, 1], [houses, homeless, new], vectors, 0.35)
    scene = point("Schools will bar pupils after the outbreak reached 1,200 cases.", 2, "1,200")
    assert not says_again(2, [0, 1], [houses, homeless, scene], vectors, 0.35)
    # A count below ten tells too many things apart ("two leaders", "3 rounds").
    small = point("The 3 teams found 5 survivors.", 0, "3", "5")
    assert not says_again(1, [0], [small, point("Three of 5 talks were held.", 1, "3", "5")], vectors, 0.35)


def test_two_quotations_with_no_word_in_common_are_two_statements() -> None:
    """"Harbourne has spoken before a single vote has been cast," said Miriam Oduya, chair of
    the residents' group, and "A stadium and luxury flats will push them out," said Miriam
    Oduya, who chairs the group: alike in who said them, not in what."""
    spoken = Sentence(text='"Harbourne has spoken before a single vote has been cast," said Miriam Oduya, '
                           "chair of the Save Eastgate residents' group.", source=1, paragraph=0, index=0,
                      speaker="opponents")
    flats = replace(spoken, text='A stadium and luxury flats will push them out," said Miriam Oduya, '
                                 "who chairs the Save Eastgate residents' group.", source=2)
    assert not alike(spoken, flats, 0.6, 0.33)
    again = replace(spoken, text='"Harbourne has spoken already," said Miriam Oduya.', source=2)
    assert alike(spoken, again, 0.6, 0.33)
    # Many words in common, and still two statements: neither quotation holds the other.
    blamed = replace(spoken, text='"Patients should not be made to pay the price for the government\'s refusal to '
                                  'negotiate," Halvani said.')
    turned = replace(spoken, source=2, text='"Patients should not be made to pay the price for the federation\'s '
                                            'refusal to compromise," Halvani said.')
    assert not alike(blamed, turned, 0.6, 0.33)
    cut = replace(spoken, source=2, text='"Patients should not be made to pay the price," Halvani said.')
    assert alike(blamed, cut, 0.6, 0.33)


def test_one_speaker_saying_two_things_is_two_points() -> None:
    """"Green Renewal leader Ilse Marquart said" is most of the rare words two short
    statements of hers share: they are still two things said, neither corroborating the
    other. Who speaks weighs less than what is said (`Sentence.voice`)."""
    from briefing.assemble import VOICE_WEIGHT
    from briefing.config import load_config
    from briefing.select import SameFactGroup, may_be_same_key
    from helpers import analyse_texts

    config = load_config()
    sentences = analyse_texts([
        "Green Renewal leader Ilse Marquart said her nine deputies would back the prime minister. "
        "Heavy rain flooded the harbour overnight. The port was closed to ships for a day.",
        "Green Renewal leader Ilse Marquart said her party would demand a binding clause on rail spending. "
        "Farmers blocked a motorway near the capital. Fuel prices rose for a third week.",
        "The finance minister presented the budget to parliament on Monday. "
        "Opposition deputies walked out of the chamber.",
        "A storm cut power to thousands of homes in the north. Schools were closed in two provinces."], config)
    assert sentences[0].voice == ("green", "renewal", "leader", "ilse", "marquart")
    synonyms = config.party_synonyms()

    def merged(weight: float) -> list[int]:
        found = cluster(sentences, config.similarity, tfidf_both(sentences, synonyms, weight)[1], group=SameFactGroup,
                        compatible_key=lambda s: may_be_same_key(s, synonyms), synonyms=synonyms,
                        saying=config.verbs)
        return [len(c.members) for c in found if len(c.members) > 1]

    assert merged(1.0) == [2]  # by who said them
    assert merged(VOICE_WEIGHT) == []


def test_a_party_named_twice_in_a_sentence_counts_once_in_telling_retellings_apart(tmp_path) -> None:
    """The minister and the mediator she appointed are one party: a sentence naming both
    should not look like every other sentence naming that party twice."""
    from briefing.assemble import VOICE_WEIGHT
    from briefing.config import load_config
    from briefing.select import SameFactGroup, may_be_same_key
    from helpers import analyse_texts

    path = tmp_path / "port.toml"
    path.write_text('[briefing]\ntitle = "Port dispute"\nparties = ["government"]\n\n[parties.government]\n'
                    'name = "Government"\naliases = ["government", "Petra Lindqvist", "Lindqvist", "Anneke Rusk", '
                    '"Rusk"]\n', encoding="utf-8")
    config = load_config(path)
    sentences = analyse_texts([
        "Labour Minister Petra Lindqvist thanked mediator Anneke Rusk and said emergency legislation was "
        "no longer on the table. Heavy rain flooded the harbour overnight. The port was closed for a day.",
        "Labour Minister Petra Lindqvist appointed Anneke Rusk to mediate between the two sides. "
        "Farmers blocked a motorway near the capital. Fuel prices rose for a third week.",
        "The finance minister presented the budget to parliament on Monday. Opposition deputies walked out.",
        "A storm cut power to thousands of homes in the north. Schools were closed in two provinces."], config)
    synonyms = config.party_synonyms()
    found = cluster(sentences, config.similarity, tfidf_both(sentences, synonyms, VOICE_WEIGHT)[1], group=SameFactGroup,
                    compatible_key=lambda s: may_be_same_key(s, synonyms), synonyms=synonyms, saying=config.verbs)
    assert [len(c.members) for c in found if len(c.members) > 1] == []


def test_one_partys_acts_of_two_days_are_two_facts_unless_they_share_what_happened() -> None:
    """Thursday's "Labour Minister Petra Lindqvist appointed Anneke Rusk to mediate" and
    Tuesday's "Labour Minister Petra Lindqvist thanked mediator Anneke Rusk" share who, not
    what: two facts. Told on one day, or of one act ("appointed" both times), they are one."""
    appointed = Sentence(text="Labour Minister Petra Lindqvist appointed Anneke Rusk to mediate.", source=1,
                         paragraph=0, index=0, event=("appoint", "party:government", "rusk"))
    thanked = replace(appointed, text="Labour Minister Petra Lindqvist thanked mediator Anneke Rusk.", source=2,
                      event=("thank", "party:government", "mediator"))
    assert not alike(appointed, thanked, 0.4, 0.33, apart=True)
    assert alike(appointed, thanked, 0.4, 0.33)
    assert alike(appointed, thanked, 0.5, 0.33, apart=True)  # closer still: told again in other words
    again = replace(thanked, event=("appoint", "party:government", "mediator"))
    assert alike(appointed, again, 0.4, 0.33, apart=True)
    # What a figure measures in is no event: Monday's 7 percent demand and Thursday's lowered one.
    from briefing.model import Figure

    demanded = Sentence(text="The union is demanding a 7 percent rise.", source=1, paragraph=0, index=0,
                        event=("demand", "party:union", "percent"), figures=(Figure("7 percent", "PERCENT", ""),))
    lowered = replace(demanded, text="The union has lowered its pay demand to 6 percent from 7 percent.", source=2,
                      event=("lower", "party:union", "percent"),
                      figures=(Figure("6 percent", "PERCENT", ""), Figure("7 percent", "PERCENT", "")))
    assert not alike(demanded, lowered, 0.4, 0.33, apart=True)


def test_takeaways_of_one_article_keep_its_order() -> None:
    """"The deal, announced by the administrator, means..." ranks above the article's first
    sentence, which says what the deal is: in the takeaways the article's order holds, in
    the places its points hold."""
    from briefing.assemble import _in_article_order

    def at(source: int, index: int) -> Cluster:
        return Cluster((Sentence(text=f"{source}.{index}", source=source, paragraph=0, index=index),))

    clusters = [at(4, 1), at(2, 3), at(4, 0), at(4, 11)]
    assert _in_article_order([0, 1, 2, 3], clusters) == [2, 1, 0, 3]


def test_a_party_found_speaking_has_one_name() -> None:
    """"Varga said" and "Ilse Varga said" are one speaker's heading, not two; a surname two
    found names end in stays apart."""
    from briefing.assemble import _one_name_each

    def said(who: str, index: int) -> Sentence:
        return Sentence(text=f"{who} said so.", source=1, paragraph=0, index=index, speaker=f"other:{who}")

    out = _one_name_each([said("Ilse Varga", 0), said("Varga", 1), said("Lind", 2), said("Petra Lind", 3),
                          said("Anna Lind", 4)])
    assert [s.speaker for s in out] == ["other:Ilse Varga", "other:Ilse Varga", "other:Lind", "other:Petra Lind",
                                        "other:Anna Lind"]


def test_a_dated_articles_opening_shares_its_weight_only_with_its_days_articles() -> None:
    """Five undated articles agreeing say what matters: an opening sentence counts for a
    little more. Five articles of five days each open with that day's news."""
    from briefing.select import LEDE_WEIGHT, _lede_weights

    clusters = [Cluster((Sentence(text=f"News {n}.", source=n, paragraph=0, index=0),)) for n in range(1, 6)]
    assert _lede_weights(clusters, {}) == {n: 1 + LEDE_WEIGHT / 5 for n in range(1, 6)}
    days = {1: "2026-03-09", 2: "2026-03-10", 3: "2026-03-10", 4: "2026-03-13", 5: "2026-03-14"}
    assert _lede_weights(clusters, days) == {1: 1 + LEDE_WEIGHT, 2: 1 + LEDE_WEIGHT / 2, 3: 1 + LEDE_WEIGHT / 2,
                                             4: 1 + LEDE_WEIGHT, 5: 1 + LEDE_WEIGHT}
    assert _lede_weights(clusters, {1: "2026-03-09"})[2] == 1 + LEDE_WEIGHT / 5  # undated: as many as all


def test_two_accounts_of_how_long_before_are_two_reports() -> None:
    """"warned 12 hours before opening the gates" and "warned 14 hours before opening the
    gates" disagree: they cannot be one point citing both."""
    from briefing.model import Entity
    from briefing.select import may_be_same

    twelve = Sentence(text="Dravia said it warned Morvana 12 hours before opening the gates.", source=1,
                      paragraph=0, index=0, entities=(Entity("12 hours", "TIME"),))
    fourteen = replace(twelve, text="Dravia said it warned Morvana 14 hours before opening the gates.", source=2,
                       entities=(Entity("14 hours", "TIME"),))
    assert not may_be_same(twelve, fourteen)
    assert may_be_same(twelve, replace(fourteen, entities=(Entity("12 hours", "TIME"),)))


def test_one_rare_word_in_common_makes_no_retelling() -> None:
    """"Morvana's government said it had received no warning" and "We have an inquiry, we
    have a warning rule": one rare word makes a high cosine of two short sentences, not one
    fact."""
    received = Sentence(text="Morvana's government said it had received no warning.", source=1, paragraph=0,
                        index=0, terms=("government", "receive", "warning"))
    rule = Sentence(text="We have an inquiry, we have a warning rule.", source=2, paragraph=0, index=0,
                    terms=("inquiry", "warning", "rule"))
    vectors = {received.key: {"government": 0.3, "receive": 0.3, "warning": 1.0},
               rule.key: {"inquiry": 0.3, "warning": 1.0, "rule": 0.3}}
    assert [len(c.members) for c in cluster([received, rule], 0.33, vectors)] == [1, 1]
    # Two words in common, one of them what both tell, make one.
    vectors[rule.key]["receive"] = 0.3
    told = [replace(received, event=("receive", "warning")),
            replace(rule, terms=(*rule.terms, "receive"), event=("receive", "rule"))]
    assert [len(c.members) for c in cluster(told, 0.33, vectors)] == [2]


def test_a_story_of_several_days_opens_its_takeaways_with_the_newest_days_news() -> None:
    """The best opening sentence of each of the two newest days' articles, whatever the
    section: Friday's confidence vote and Saturday's expulsions, not Monday's call for one."""
    from briefing.assemble import _newest_ledes
    from briefing.recency import Ages

    def opening(source: int, index: int = 0) -> Cluster:
        return Cluster((Sentence(text=f"News {source}.{index}.", source=source, paragraph=0, index=index),))

    clusters = [opening(1), opening(2), opening(3), opening(3, 4), opening(4)]
    ages = Ages(dates={1: "2026-03-09", 2: "2026-03-13", 3: "2026-03-14", 4: "2026-03-14"},
                newest="2026-03-14", older_after_days=30)
    score = {0: 5.0, 1: 2.0, 2: 1.0, 3: 9.0, 4: 3.0}
    assert _newest_ledes(clusters, ages, score) == [4, 1]
    assert _newest_ledes(clusters, ages, {i: v for i, v in score.items() if i != 1}) == [4]
    # Of the day before, not a party's stance: what it offered then the newest news may have changed.
    from briefing.config import load_config

    offer = Cluster((replace(clusters[1].lead, speaker="russia", stance=True, sections=("positions",)),))
    assert _newest_ledes([*clusters[:1], offer, *clusters[2:]], ages, score, load_config()) == [4]
    assert _newest_ledes(clusters, ages, score, load_config()) == [4, 1]
    # Nor a feature's opening scene: "the fourth day of the strike looked much like the first".
    scene = Cluster((replace(clusters[1].lead, event=("look", "day", "corridor")),))
    assert _newest_ledes([*clusters[:1], scene, *clusters[2:]], ages, score, load_config()) == [4]
    # One day, or none known: the sections choose.
    assert _newest_ledes(clusters, Ages(dates={1: "2026-03-09"}, newest="2026-03-09", older_after_days=30),
                         score) == []
    assert _newest_ledes(clusters, Ages(dates={}, newest=None, older_after_days=30), score) == []


def test_a_point_shows_its_day_only_in_a_story_of_several_days() -> None:
    from briefing.recency import Ages

    def said(source: int) -> Sentence:
        return Sentence(text="The offer stands.", source=source, paragraph=0, index=0)

    ages = Ages(dates={1: "2026-03-05", 2: "2026-03-07", 3: "2026-03-10"}, newest="2026-03-10", older_after_days=30)
    assert ages.before_newest(Cluster((said(1), said(2)))) == "2026-03-07"
    assert ages.before_newest(Cluster((said(1), said(3)))) is None  # reported on the newest day too
    assert ages.before_newest(Cluster((said(1), said(4)))) is None  # an undated report might be the newest
    one_day = Ages(dates={1: "2026-03-05", 2: "2026-03-05"}, newest="2026-03-05", older_after_days=30)
    assert one_day.before_newest(Cluster((said(1),))) is None
    dated = ages.date_clusters([Cluster((said(1),))])[0]
    assert dated.reported == "2026-03-05" and dated.point().reported == "2026-03-05"
    assert dated.cost == Cluster((said(1),)).cost + 2  # "(reported 2026-03-05)"


def test_where_sources_differ_leaves_the_open_questions_room() -> None:
    """The list takes its clearest pairs while they fit the share of words it is given, the
    first whatever its length: three long quoted pairs had left the questions none."""
    from briefing.assemble import _within
    from briefing.model import Point, Section

    def pair(n: int) -> Point:
        return Point(text=" ".join(["claim"] * 20), sources=(n,), sentences=((n, 0),),
                     versus=" ".join(["counter"] * 20), versus_sources=(n + 1,))

    differ = Section(key="differ", title="Where sources differ", points=(pair(1), pair(3), pair(5)))
    assert len(_within(differ, 100).points) == 2
    assert len(_within(differ, 1000).points) == 3
    assert len(_within(differ, 10).points) == 1
    assert _within(None, 100) is None


def test_a_long_first_pair_where_sources_differ_leaves_the_questions_their_share() -> None:
    from briefing.assemble import DIFFER_SHARE, questions_budget
    from briefing.model import Point, Section

    long_pair = Point(text=" ".join(["claim"] * 50), sources=(1,), sentences=((1, 0),),
                      versus=" ".join(["counter"] * 50), versus_sources=(2,))
    listed = Section(key="differ", title="Where sources differ", points=(long_pair,))
    assert listed.cost > 100
    assert questions_budget(150, listed) == 150 * (1 - DIFFER_SHARE)
    short = Section(key="differ", title="Where sources differ", points=(Point(
        text="a b c", sources=(1,), sentences=((1, 0),), versus="d e f", versus_sources=(2,)),))
    assert questions_budget(150, short) == 150 - short.cost
    assert questions_budget(150, None) == 150


def test_a_point_kept_for_a_partys_heading_is_told_when_the_sections_best_retells_it() -> None:
    """"Investors welcomed the merger" is the best of the talks, and retells "Nordair agreed to
    buy Baltica", kept for Nordair's heading: the takeaways tell the agreement, not neither."""
    from briefing.assemble import _takeaways
    from briefing.config import load_config
    from briefing.model import Entity
    from briefing.recency import Ages

    config = load_config()
    talks = ("talks",)

    def said(text: str, source: int, index: int) -> Cluster:
        words = tuple(text.rstrip(".").split())
        monday = (Entity("Monday", "DATE"),) if "Monday" in text else ()
        return Cluster((Sentence(text=text, source=source, paragraph=0, index=index, words=words,
                                 lemmas=tuple(w.lower() for w in words), sections=talks, entities=monday,
                                 parties=("nordair",) if "Nordair" in text else (),
                                 actor="nordair" if text.startswith("Nordair") else None),))

    agreed = said("Nordair agreed on Monday to buy its smaller rival Baltica in a merger of the two airlines.", 1, 0)
    welcomed = said("Investors welcomed the merger of the two airlines Nordair and Baltica on Monday morning.", 2, 0)
    other = said("Regulators in the capital will study the routes where only these carriers fly today.", 1, 3)
    spare = said("Pilots at both carriers asked for talks on seniority lists before any merger goes ahead.", 3, 2)
    clusters = [agreed, welcomed, other, spare]
    merger = {"merger": 0.6, "nordair": 0.4, "baltica": 0.4, "airline": 0.5}
    vectors = {(1, 0): merger, (2, 0): {**merger, "investor": 0.3}, (1, 3): {"regulator": 1.0, "route": 0.5},
               (3, 2): {"pilot": 1.0, "seniority": 0.5}}
    ages = Ages(dates={}, newest=None, older_after_days=30)
    sc = next(s for s in config.sections if s.kind == "summary")
    score = {0: 2.0, 1: 3.0, 2: 1.5, 3: 1.0}
    chosen = _takeaways(sc, clusters, config, score, 150, vectors, ages, set(), kept=[0])
    assert 0 in chosen and 1 not in chosen
    assert 0 not in _takeaways(sc, clusters, config, score, 150, vectors, ages, set(), kept=[3])


def test_a_later_days_new_figures_are_no_repeat() -> None:
    """Saturday's "raised its offer to 6.5 percent and 1,200 crowns" says something that
    Wednesday's "raised its offer to 5 percent plus 800 crowns" does not, however alike the
    words and the speaker; undated, two such tolls stay a repeat."""
    from briefing.model import Entity
    from briefing.select import says_again

    def offer(text: str, source: int, day: str | None, *amounts: tuple[str, str]) -> Cluster:
        return Cluster((Sentence(text=text, source=source, paragraph=0, index=0, speaker="government",
                                 entities=tuple(Entity(a, label) for a, label in amounts)),), reported=day)

    wednesday = offer("The ministry raised its offer to a 5 percent rise plus 800 crowns.", 1, "2026-04-08",
                      ("5 percent", "PERCENT"), ("800", "CARDINAL"))
    saturday = offer("The ministry raised its offer to a 6.5 percent rise plus 1,200 crowns.", 2, None,
                     ("6.5 percent", "PERCENT"), ("1,200", "CARDINAL"))
    words = {"ministry": 0.5, "raise": 0.5, "offer": 0.5, "crown": 0.5}
    vectors = {(1, 0): words, (2, 0): words}
    assert not says_again(1, [0], [wednesday, saturday], vectors, 0.35)
    assert says_again(1, [0], [replace(wednesday, reported=None), saturday], vectors, 0.35)
    assert says_again(0, [1], [wednesday, saturday], vectors, 0.35)  # the older one is the repeat


def test_one_speakers_stance_with_figures_of_its_own_is_no_repeat() -> None:
    """One speaker on one subject is said once ("would not pay compensation", "rejected any
    compensation claim"); not a point giving figures the other does not ("offered €5 million
    in aid and sent 40 rescue boats")."""
    from briefing.model import Entity
    from briefing.select import says_again

    def said(text: str, source: int, *amounts: tuple[str, str]) -> Cluster:
        return Cluster((Sentence(text=text, source=source, paragraph=0, index=0, speaker="dravia",
                                 entities=tuple(Entity(a, label) for a, label in amounts)),),
                       topic=frozenset({"compensation"}))

    refused = said("Dravia said it would not pay compensation for a natural disaster.", 1)
    again = said("Dravia rejected any claim for compensation.", 2)
    aid = said("Dravia offered €5 million in aid and 40 rescue boats, but no compensation.", 3,
               ("€5 million", "MONEY"), ("40", "CARDINAL"))
    vectors = {(1, 0): {"compensation": 1.0}, (2, 0): {"compensation": 0.2, "claim": 1.0},
               (3, 0): {"compensation": 0.2, "aid": 1.0, "boat": 1.0}}
    clusters = [refused, again, aid]
    assert says_again(1, [0], clusters, vectors, 0.35)
    assert not says_again(2, [0], clusters, vectors, 0.35)


def test_a_point_its_article_told_right_after_another_follows_it() -> None:
    """"The package replaces the 5 percent offer" goes on about the offer of 6.5 percent told
    just before it: ranked higher, it still comes after it. Points of other articles, or not
    next to each other, keep their rank."""
    from briefing.assemble import _as_written

    def said(source: int, index: int, paragraph: int = 0) -> Cluster:
        return Cluster((Sentence(text=f"{source}.{index}", source=source, paragraph=paragraph, index=index),))

    clusters = [said(5, 4), said(3, 2), said(5, 3), said(2, 3), said(5, 6), said(2, 4, paragraph=1)]
    assert _as_written([0, 1, 2, 3, 4, 5], clusters) == [1, 2, 0, 3, 4, 5]
    assert _as_written([1, 3, 4], clusters) == [1, 3, 4]


def shipped_analysis(*texts: str) -> list[Sentence]:
    """Each text as an article of its own, analysed with the shipped configuration."""
    from briefing.config import load_config
    from helpers import analyse_texts

    return analyse_texts(list(texts), load_config())


def test_two_of_a_series_are_two_reports() -> None:
    """"Will meet for a second round" and "the third round ended" are two rounds however alike
    their words; ordinals of different things ("for the first time", "a third consecutive
    cup") set nothing apart."""
    second, third, again, first_time, consecutive = shipped_analysis(
        "Negotiators from Kerevia and Solmund will meet again on Tuesday in Castrel for a second round of talks.",
        "The third round of talks between Kerevia and Solmund ended in Castrel on Friday.",
        "Kerevia and Solmund will hold a second round of talks in Castrel on Tuesday.",
        "Harbour City won the Continental Cup for the first time on Saturday.",
        "Real Castel's bid for a third consecutive Continental Cup ended on Saturday.")
    assert not may_be_same(second, third)
    assert may_be_same(second, again)
    assert may_be_same(first_time, consecutive)


def test_a_question_is_no_retelling_of_what_a_sentence_tells() -> None:
    """"Whether the federation will carry out its threat remains an open question" asks; "The
    federation made a similar threat before but did not carry it out" tells of another time.
    Two sources asking it are one point."""
    asks, tells, again = shipped_analysis(
        "Whether the federation will carry out its threat to blockade the ferry terminal remains an open question.",
        "The federation made a similar threat to blockade the ferry terminal before but did not carry it out.",
        "It is unclear whether the federation will carry out its threat to blockade the ferry terminal.")
    assert not may_be_same(asks, tells)
    assert may_be_same(asks, again)


def _news(text: str, source: int, index: int, sections: tuple[str, ...] = ("talks",)) -> Cluster:
    words = tuple(text.rstrip(".").split())
    return Cluster((Sentence(text=text, source=source, paragraph=0, index=index, words=words,
                             lemmas=tuple(w.lower() for w in words), sections=sections),))


def test_an_undated_storys_main_lede_is_the_most_central_opening_of_the_latest_articles() -> None:
    from briefing.assemble import main_lede

    clusters = [_news("Leaders will meet in Halden next week.", 1, 0),
                _news("The sides agreed on a ceasefire in Halden.", 2, 0),
                _news("Rockets killed seven civilians in Lysk.", 3, 0),
                _news("More than 11,000 people have been killed.", 2, 7)]
    central = [1.0, 0.8, 0.5, 0.9]
    assert main_lede(clusters, central, {}) == 0
    # An article that announces what the others report was written before them.
    assert main_lede(clusters, central, {1: "0001-01-01", 2: "0001-01-02", 3: "0001-01-02"}) == 1
    assert main_lede([replace(clusters[0], superseded=True), *clusters[1:]], central, {}) == 1
    assert main_lede(clusters[3:], central[3:], {}) is None  # no article's opening sentence


def test_the_undated_storys_news_leads_the_takeaways_when_none_tells_it() -> None:
    """A casualty toll every article repeats, a strike and a prisoner swap score higher than
    "The sides agreed on a ceasefire": the agreement is still the news."""
    from briefing.assemble import _takeaways
    from briefing.config import load_config
    from briefing.recency import Ages

    config = load_config()
    military = ("military",)
    lede = _news("Arvenia and Dostrava agreed on a ceasefire after two days of talks in Halden.", 1, 0)
    toll = _news("More than eleven thousand people have been killed in the war since it began.", 2, 5, military)
    strike = _news("Rockets killed seven civilians in the town of Lysk late on Sunday night.", 3, 2, military)
    swap = _news("The sides exchanged hundreds of prisoners at the border crossing on the second day.", 1, 3)
    clusters = [lede, toll, strike, swap]
    vectors = {(1, 0): {"ceasefire": 1.0, "agree": 0.5}, (2, 5): {"kill": 1.0, "war": 0.5},
               (3, 2): {"rocket": 1.0, "civilian": 0.5}, (1, 3): {"prisoner": 1.0, "exchange": 0.5}}
    ages = Ages(dates={}, newest=None, older_after_days=30)
    sc = next(s for s in config.sections if s.kind == "summary")
    score = {0: 1.0, 1: 5.0, 2: 4.5, 3: 4.0}
    budget = sum(c.cost for c in clusters[1:]) + 5  # room for three points, not four
    assert 0 not in _takeaways(sc, clusters, config, score, budget, vectors, ages, set())
    chosen = _takeaways(sc, clusters, config, score, budget, vectors, ages, set(), lede=0)
    assert 0 in chosen and len(chosen) >= 2
    # A takeaway that tells the agreement in other words already leads with the news.
    retold = {**vectors, (1, 3): {"ceasefire": 1.0, "agree": 0.4, "prisoner": 0.2}}
    assert 0 not in _takeaways(sc, clusters, config, score, budget, retold, ages, set(), lede=0)


def test_a_count_in_round_words_says_again_the_exact_count_of_the_same_things() -> None:
    from briefing.select import says_again

    def told(text: str, source: int, counts: tuple[tuple[str, str], ...] = ()) -> Cluster:
        words = tuple(text.rstrip(".").split())
        lemmas = tuple(w.lower().rstrip("s") for w in words)
        return Cluster((Sentence(text=text, source=source, paragraph=0, index=0, words=words,
                                 lemmas=lemmas, counts=counts),))

    rough = told("Hundreds of drones and dozens of missiles were fired at Kestria.", 1)
    exact = told("Morvanian forces launched 519 drones and 40 missiles overnight.", 2,
                 (("drone", "519"), ("missile", "40")))
    downed = told("Air defences shot down 474 drones and 29 missiles.", 3, (("drone", "474"), ("missile", "29")))
    drones = told("Hundreds of drones were seen over the border.", 4)
    clusters = [rough, exact, downed, drones]
    vectors = {(n, 0): {f"only{n}": 1.0} for n in range(1, 5)}  # no words in common
    assert says_again(1, [0], clusters, vectors, 0.35) and says_again(0, [1], clusters, vectors, 0.35)
    assert not says_again(2, [1], clusters, vectors, 0.35)  # two exact counts: maybe two events
    assert not says_again(3, [1], clusters, vectors, 0.35)  # one kind of thing in common


def test_two_short_sentences_sharing_two_words_outside_their_events_are_two_points() -> None:
    """"Drevna has ruled out discussing a buffer zone" and "Observers would monitor the zone,
    although who would supply them is still being discussed" come close on two words: the
    cosine of two short sentences is high, and they tell different things. Two words of
    the event both tell, or three words in common, still make one point."""
    from briefing.select import alike

    def told(text: str, terms: tuple[str, ...], event: tuple[str, ...], source: int) -> Sentence:
        return Sentence(text=text, source=source, paragraph=0, index=0, words=tuple(text.split()),
                        terms=terms, event=event)

    ruled = told("Drevna has ruled out discussing a buffer zone.", ("drevna", "rule", "discuss", "buffer", "zone"),
                 ("rule", "party:dostrava", "out"), 1)
    monitor = told("Observers would monitor the zone, although who would supply them is still being discussed.",
                   ("observer", "monitor", "zone", "supply", "discuss"), ("monitor", "observer", "zone"), 2)
    assert not alike(ruled, monitor, 0.6, 0.5)
    struck = told("Drones struck Mykolaiv overnight.", ("drone", "strike", "mykolaiv", "overnight"),
                  ("strike", "drone", "mykolaiv"), 1)
    again = told("Russian drones struck the port city.", ("russian", "drone", "strike", "port", "city"),
                 ("strike", "drone", "city"), 2)
    assert alike(struck, again, 0.6, 0.5)
    wider = replace(monitor, terms=(*monitor.terms, "buffer"))
    assert alike(ruled, wider, 0.6, 0.5)


def test_a_point_is_cited_first_to_the_sources_that_carry_its_quotation_and_figures() -> None:
    """Three papers report the Lysk strike; only the second gives "19 wounded", and only it
    and the third quote the military. An analyst checking the quotation or the figure is
    sent to those first."""
    from briefing.model import Entity

    lead = Sentence(text='Seven civilians were killed and 19 wounded in Lysk, a "deliberate attack on homes", '
                         'the military said.', source=2, paragraph=0, index=0,
                    entities=(Entity("Seven", "CARDINAL"), Entity("19", "CARDINAL")))
    plain = Sentence(text="Seven civilians were killed in Lysk.", source=1, paragraph=0, index=0,
                     entities=(Entity("Seven", "CARDINAL"),))
    quoting = Sentence(text='Rockets killed seven civilians and wounded 19 in a "deliberate attack on homes".',
                       source=3, paragraph=0, index=0, entities=(Entity("seven", "CARDINAL"), Entity("19", "CARDINAL")))
    assert Cluster((lead, plain, quoting)).wording == (2, 3)
    assert Cluster((lead, plain, quoting)).point().wording == (2, 3)
    assert Cluster((lead, quoting)).wording == ()  # every source carries them: a plain citation
    assert Cluster((plain, replace(plain, source=3))).wording == ()  # nothing only some carry


def test_two_changes_to_other_bare_numbers_are_two_facts() -> None:
    """"raise the retirement age from 60 to 62" and "accepted an increase in the retirement
    age to 61" are two offers, though no unit makes the ages figures; the same target, or a
    year, keeps them one."""
    from helpers import analyse_texts

    from briefing.config import load_config
    from briefing.select import may_be_same

    config = load_config()
    sixty_two, sixty_one, again, year = analyse_texts([
        "The offer would raise the retirement age for drivers and conductors from 60 to 62.",
        "The union accepted an increase in the retirement age for drivers and conductors to 61.",
        "The union accepted a rise in the retirement age for drivers and conductors to 61.",
        "The union accepted a rise in the retirement age for drivers and conductors in stages up to 2028.",
    ], config)
    assert not may_be_same(sixty_two, sixty_one)
    assert may_be_same(sixty_one, again) and may_be_same(sixty_one, year)


def test_a_step_to_come_on_a_calendar_day_is_specific_whoever_it_names() -> None:
    """"Members will vote in a ballot between April 28 and May 12" names no party, yet says
    exactly what happens next and when; "before the end of the year" says neither."""
    from briefing.model import Entity
    from briefing.select import ASIDE_WEIGHT, VAGUE_WEIGHT, specificity

    def step(*entities: Entity, planned: bool = True) -> Sentence:
        return Sentence(text="x", source=1, paragraph=0, index=0, planned=planned, entities=entities)

    ballot = step(Entity("between April 28 and May 12", "DATE", future=True), Entity("May 13", "DATE", future=True))
    assert specificity(ballot) > 1.0
    assert specificity(step(Entity("the end of the year", "DATE", future=True))) == VAGUE_WEIGHT
    assert specificity(step(Entity("April 28", "DATE"), planned=False)) == VAGUE_WEIGHT
    assert specificity(step(Entity("May 13", "DATE", future=True), Entity("Sellick", "GPE"))) > ASIDE_WEIGHT


def test_a_statement_that_gave_no_details_is_vague() -> None:
    """'"The Council stands ready to support any agreement," Marenko said, without giving
    details': it names the Council and an agreement and says nothing of either."""
    from helpers import analyse_texts

    from briefing.config import load_config
    from briefing.select import VAGUE_WEIGHT, specificity

    ready, warned = analyse_texts([
        '"The Council stands ready to support any agreement the parties reach," Secretary-General '
        'Lucia Marenko said in a statement, without giving details.',
        '"The Council will look at who fires first," Secretary-General Lucia Marenko said in Brenna.'],
        load_config())
    assert ready.undetailed and not warned.undetailed
    assert specificity(ready) == VAGUE_WEIGHT < specificity(warned)
