"""A party's stance a later source says it moved from, and an earlier day's point a later day
tells again, are no longer where things stand (shifts.py, retold.py)."""

from __future__ import annotations

from briefing.model import Sentence
from briefing.retold import retold_later
from briefing.select import Cluster
from briefing.shifts import moved_on, shifted

DATES = {1: "2026-04-20", 2: "2026-04-23"}


def said(text: str, source: int, speaker: str | None, event: tuple[str, ...], index: int = 0) -> Sentence:
    words = tuple(text.rstrip(".").split())
    lemmas = tuple(w.lower() for w in words)
    return Sentence(text=text, source=source, paragraph=0, index=index, words=words, lemmas=lemmas,
                    terms=tuple(w for w in lemmas if w not in _GRAMMAR), speaker=speaker, event=event)


_GRAMMAR = frozenset({"the", "is", "in", "a", "an", "of", "to", "its", "for", "from", "on", "no"})


DEMAND = said("The union is demanding no change to the pension age.", 1, "union",
              ("demand", "party:union", "change"))
PAY = said("The union called the arbitration threat an attack on the right to strike.", 1, "union",
           ("call", "party:union", "threat"), index=1)
SHIFT = said("In a shift from its position earlier in the week, the union accepted an increase in the retirement "
             "age for new staff.", 2, "union", ("accept", "shift", "party:union", "increase", "age", "retirement"))


def test_a_source_saying_a_party_moved_from_its_position_tells_what_it_moved_on() -> None:
    assert moved_on(SHIFT, {}) == {"increase", "age", "retirement"}
    # Not moved from anything it held: troops shifting positions, a change to the pension age.
    assert not moved_on(said("Troops shifted positions along the front.", 2, "union",
                             ("shift", "troop", "position")), {})
    assert not moved_on(DEMAND, {})


def test_the_partys_earlier_stance_on_that_subject_is_overtaken_and_no_other() -> None:
    clusters = [Cluster((DEMAND,)), Cluster((PAY,)), Cluster((SHIFT,))]
    assert shifted(clusters, [DEMAND, PAY, SHIFT], DATES, {}) == {0}
    # Another party's stance on the same subject is its own.
    other = said("The operator is demanding a rise in the pension age.", 1, "operator",
                 ("demand", "party:operator", "rise"))
    assert shifted([Cluster((other,)), Cluster((SHIFT,))], [other, SHIFT], DATES, {}) == set()
    # Undated, which came first is unknown.
    assert shifted(clusters, [DEMAND, PAY, SHIFT], {}, {}) == set()


def test_an_earlier_days_point_a_later_day_tells_again_is_the_earlier_telling() -> None:
    held = Sentence(text="Sunland said the vessel would be held pending a court hearing on March 12.", source=1,
                    paragraph=0, index=0, terms=("sunland", "vessel", "hold", "court", "hearing", "march"),
                    speaker="quartet")
    custody = Sentence(text="The tanker remains in Sunlander custody ahead of a court hearing on March 12.",
                       source=2, paragraph=0, index=0, terms=("tanker", "custody", "court", "hearing", "march"))
    unrelated = Sentence(text="Exports rose to 1.4 million barrels a day.", source=2, paragraph=0, index=1,
                         terms=("export", "rise", "barrel", "day"))
    clusters = [Cluster((held,)), Cluster((custody,)), Cluster((unrelated,))]
    vectors = {(1, 0): {"vessel": 0.5, "court": 0.6, "hearing": 0.6}, (2, 0): {"tanker": 0.5, "court": 0.6,
                                                                               "hearing": 0.6},
               (2, 1): {"export": 1.0, "barrel": 1.0}}
    assert retold_later(range(3), clusters, vectors, DATES, frozenset(), {}, 0.35) == {0}
    # The later telling is the state: nothing retells it later still.
    assert retold_later([1, 2], clusters, vectors, DATES, frozenset(), {}, 0.35) == set()
    # Only when both are dated, on different days.
    assert retold_later(range(3), clusters, vectors, {1: "2026-04-20", 2: "2026-04-20"}, frozenset(), {},
                        0.35) == set()
