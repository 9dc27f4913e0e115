"""What a key figure measures, in few words: who or what, the verb, and the figure with what
it is of, out of a sentence that may say much else."""

from __future__ import annotations

import pytest

from briefing.analyse import load_model
from briefing.config import load_config
from briefing.figures import extract


@pytest.fixture(scope="module")
def measured() -> dict[str, str]:
    nlp, _ = load_model(load_config().models)
    texts = [
        "Russian forces currently control most of Luhansk and around 70 percent of Donetsk.",
        "Zelensky said Ukraine has accepted about 90 percent of the proposed framework.",
        "The proposal reportedly includes around 20 points and is said to be roughly 90% complete.",
        "Baltica shareholders will receive $14.50 a share, a premium of 38 percent over Friday's closing price.",
        "In a 7-2 decision, the judges said the law was void.",
        "The Bank of Lundia raised its main interest rate to 4.5 percent, its fourth increase this year.",
    ]
    return {f.value: f.context for text in texts for sent in nlp(text).sents for f in extract(sent)}


def test_the_conjunct_that_holds_the_figure_not_the_whole_object(measured: dict[str, str]) -> None:
    assert measured["around 70 percent"] == "Russian forces currently control around 70 percent of Donetsk"


def test_a_named_speaker_is_kept(measured: dict[str, str]) -> None:
    assert measured["about 90 percent"] == "Zelensky said Ukraine has accepted about 90 percent of the proposed framework"


def test_the_verb_a_figure_completes_is_said_with_its_subject(measured: dict[str, str]) -> None:
    """With the source's hedge: "reportedly includes" is not "includes"."""
    assert measured["20 points"] == "The proposal reportedly includes around 20 points"
    assert measured["roughly 90%"] == "The proposal is said to be roughly 90% complete"


def test_the_phrase_that_holds_the_figure_past_a_comma(measured: dict[str, str]) -> None:
    assert measured["$14.50"] == "Baltica shareholders will receive $14.50 a share"
    assert measured["38 percent"] == "a premium of 38 percent over Friday's closing price"


def test_an_opening_adjunct_keeps_the_words_around_it(measured: dict[str, str]) -> None:
    """Moved after its verb, "the judges said In a 7-2 decision" would read wrong: the
    stretch of the sentence that holds the figure is kept instead."""
    assert measured["7 decision"] == "In a 7-2 decision"


def test_what_the_verb_acts_on_and_nothing_past_the_comma(measured: dict[str, str]) -> None:
    assert measured["4.5 percent"] == "The Bank of Lundia raised its main interest rate to 4.5 percent"
