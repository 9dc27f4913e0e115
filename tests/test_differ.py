"""Where sources differ: one source certain where another is cautious is a disagreement
between people's assessments, not between a claim and a narrator's general doubt."""

from __future__ import annotations

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.differ import differences
from briefing.event import event_words
from briefing.model import Article, Block, Source


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def pairs(texts: list[str], config: Config) -> list[tuple[str, str]]:
    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)),
                        blocks=(Block(index=0, text=t, kind="body"),)) for n, t in enumerate(texts, start=1)]
    filler = Article(source=Source(number=len(texts) + 1, path="filler.txt", title="filler"),
                     blocks=(Block(index=0, text="Drones struck a power plant in Kharkiv overnight. "
                                                 "Officials said repairs would take weeks.", kind="body"),))
    found = analyse([*articles, filler], config)[0]
    return [(p.text, p.versus or "") for p in differences(found, config, 3, config.party_synonyms())]


SETTLED = "Zelensky said the U.S.-Ukraine security guarantees are fully settled."


def test_a_cautious_assessment_of_the_same_guarantees_differs(config: Config) -> None:
    cautious = "Trump offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are."
    assert pairs([SETTLED, cautious], config) == [(SETTLED, cautious)]


def test_a_narrators_doubt_is_no_counter_claim(config: Config) -> None:
    doubt = "With Kyiv demanding U.S.-Ukraine security guarantees, the path to peace remains uncertain."
    assert pairs([SETTLED, doubt], config) == []


def test_what_a_noun_clause_reports_is_the_event(config: Config) -> None:
    import spacy  # noqa: F401 — the model is loaded by analyse above in the same session

    from briefing.analyse import load_model

    nlp, _ = load_model(config.models)
    sent = next(nlp("Trump expressed optimism that negotiations are approaching a decisive phase.").sents)
    assert event_words(sent, {}, config.verbs)[:1] == ("approach",)


def test_a_quoted_he_is_given_the_name_it_stands_for(config: Config) -> None:
    """Quoted alone, "He added that..." would not say who: the name from the sentence before
    goes in brackets, as quotations are edited."""
    settled = ("Zelensky said Ukraine has accepted most of the framework. "
               "He added that the U.S.-Ukraine security guarantees are fully settled.")
    cautious = "Trump offered a more cautious assessment of how finalized the U.S.-Ukraine security guarantees are."
    (claim, versus), = pairs([settled, cautious], config)
    assert claim == "[Zelensky] added that the U.S.-Ukraine security guarantees are fully settled."
    assert versus == cautious


def test_candidates_hold_every_pair_that_differs(seed_sentences: list, config: Config) -> None:
    """Only pairs sharing a two-word term or close in words are compared: the same pairs
    as comparing all of them."""
    from briefing import differ

    synonyms = config.party_synonyms()
    claims = [c for c in (differ._claim(s, config) for s in seed_sentences)
              if c.certain or c.hedged or c.negated or c.figures]
    by_key = {s.key: s for s in differ.with_context(seed_sentences, config)}
    joined = [by_key.get(s.key, s) for s in seed_sentences]  # as `differences` compares them
    vectors = differ.tfidf(joined, synonyms)
    parties = frozenset(synonyms)
    bigrams = {s.key: differ._bigrams(s, parties) for s in joined}
    every = {(i, j) for j in range(len(claims)) for i in range(j)
             if differ._disagreement(claims[i], claims[j], vectors, bigrams) is not None}
    found = differ._candidates(claims, vectors, bigrams)
    assert every and every <= found
    assert len(found) < len(claims) * (len(claims) - 1) // 2


def test_a_figure_the_other_gives_in_passing_is_no_disagreement(config: Config) -> None:
    """"Baltica jumped 31 percent, while Nordair fell 4 percent" and "Nordair shares slipped 4
    percent" agree on Nordair; another figure for the same fall still differs."""
    both = "Shares of Baltica jumped 31 percent on Monday, while Nordair shares fell 4 percent."
    agreed = "Nordair shares slipped 4 percent on Monday as investors worried about the price."
    assert pairs([both, agreed], config) == []
    other = "Nordair shares slipped 9 percent on Monday as investors worried about the price."
    assert pairs([both, other], config) == [(both, other)]


def test_the_tail_of_a_split_quote_is_quoted_with_its_opening_mark(config: Config) -> None:
    """The second sentence of a quotation, given in passing as one side of a disagreement,
    reads as the speaker's words: its opening quotation mark is put back."""
    split = ('"The talks went well. Ukraine has accepted 90 percent of the framework," '
             'Zelensky told reporters on Monday.')
    other = "Officials said Ukraine had accepted 60 percent of the framework on Monday."
    found = pairs([split, other], config)
    assert found and all(side.startswith('"Ukraine has accepted') for pair in found for side in pair
                         if "Zelensky" in side), found
