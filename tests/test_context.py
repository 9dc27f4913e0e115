"""A sentence that leans on the one before is offered joined to it."""

from __future__ import annotations

import pytest

from briefing.analyse import analyse
from briefing.config import Config, load_config
from briefing.context import with_context
from briefing.model import Article, Block, Source


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def story(paragraphs: list[str], config: Config) -> list[str]:
    article = Article(source=Source(number=1, path="1.txt", title="1"),
                      blocks=tuple(Block(index=i, text=p, kind="body") for i, p in enumerate(paragraphs)))
    return [s.text for s in with_context(analyse([article], config)[0], config)]


# Twenty-odd sentences of a story about talks: "the talks" is the story's own subject.
TALKS = [f"Delegates met for talks on day {n} and the talks went on past midnight." for n in range(1, 23)]
STRIKES = "Russia launched hundreds of missiles and drones at Kyiv over the weekend."


def test_the_strikes_named_once_in_a_story_need_the_sentence_that_tells_of_them(config: Config) -> None:
    texts = story([*TALKS, f"{STRIKES} Zelensky described the strikes as a direct response to the peace efforts."],
                  config)
    assert f"{STRIKES} Zelensky described the strikes as a direct response to the peace efforts." in texts


def test_what_the_main_verb_acts_on_through_a_preposition_needs_the_sentence_that_tells_it(config: Config) -> None:
    """"will go ahead with the deductions": which deductions the sentence before says."""
    before = "The two sides also failed to agree on pay deducted for the strike days of April 20 and 21."
    after = "The operator will go ahead with the deductions, a spokesman said."
    assert f"{before} {after}" in story([*TALKS, f"{before} {after}"], config)


def test_what_the_sentence_itself_names_needs_no_sentence_before(config: Config) -> None:
    """"the patrols" after "new patrols" in the same sentence says which patrols."""
    alone = ("The army agreed to new patrols along the border, subject to conditions: the patrols "
             "will be limited to daylight hours.")
    texts = story([*TALKS, f"{STRIKES} {alone}"], config)
    assert STRIKES in texts
    assert alone in texts


def test_the_talks_of_a_story_about_talks_need_no_sentence_before(config: Config) -> None:
    texts = story([*TALKS, f"{STRIKES} Zelensky described the talks as a direct response to the attacks."], config)
    assert STRIKES in texts
    assert "Zelensky described the talks as a direct response to the attacks." in texts


OPTIMISM = "Trump's optimism reflects his belief that personal diplomacy can bring results."
UNCERTAIN = ("Yet with Ukraine demanding ironclad security guarantees and Russia confident in its battlefield "
             "momentum, the path to peace remains uncertain.")


def test_after_commentary_a_sentence_tied_only_by_its_connective_stands_alone(config: Config) -> None:
    article = Article(source=Source(number=1, path="1.txt", title="1"),
                      blocks=(Block(index=0, text=f"{OPTIMISM} {UNCERTAIN}", kind="body"),))
    found = with_context(analyse([article], config)[0], config)
    assert [s.text for s in found] == [OPTIMISM, UNCERTAIN]
    alone = found[1]
    assert not alone.needs_context
    assert alone.shown.startswith("With Ukraine demanding ironclad security guarantees")


def test_a_connective_before_a_pronoun_still_needs_the_sentence_before(config: Config) -> None:
    texts = story(["Trump hosted Zelensky in Florida on Sunday. However, he said the talks were stuck."], config)
    assert texts == ["Trump hosted Zelensky in Florida on Sunday. However, he said the talks were stuck."]


@pytest.mark.parametrize("opening, leans", [
    ("Until then, police may only obtain data with a court order.", True),
    ("After that, talks resumed in Geneva.", True),
    ("Until now, treatment has been limited to dialysis.", False),
    ("In several cases the unions won agreements to retrain workers.", True),
    ("In Geneva, talks resumed on Monday.", False),
])
def test_a_fronted_phrase_that_points_back_needs_the_sentence_before(opening: str, leans: bool, config: Config) -> None:
    """"Until then" is until whatever the sentence before set, "In several cases" of whatever
    it told of; "Until now" is news itself."""
    before = "The court gave the government six months to write a new law."
    assert story([f"{before} {opening}"], config) == ([f"{before} {opening}"] if leans else [before, opening])


def test_a_quotation_split_in_two_and_said_by_she_goes_with_the_sentence_that_names_her(config: Config) -> None:
    """'"Stay where you are. Do not go out," she told residents.' alone does not say who she
    is: the sentence before it in the paragraph does. Named at its end, the quotation stands
    alone."""
    governor = "Governor Ruth Calder said it was too early to know the extent of the damage."
    quote = '"Stay where you are. Do not go out to look at the water," she told residents.'
    assert story([f"{governor} {quote}"], config) == [f"{governor} {quote}"]
    named = '"Stay where you are. Do not go out to look at the water," Governor Calder told residents.'
    assert story([f"{governor} {named}"], config)[0] == governor


def test_a_quotation_the_splitter_cut_in_two_is_one_candidate(config: Config) -> None:
    """'"Dravia broke the treaty, and Dravia will pay.' alone is a quotation nobody said and
    nobody closed: with its second half, which names the speaker, it is one statement."""
    quote = ('"Dravia broke the treaty, and Dravia will pay. We will not accept regret in place of '
             'responsibility," Ardel said in an address to the nation.')
    assert story([quote], config) == [quote]


def test_a_quotation_cut_in_two_is_said_by_whom_its_end_names(config: Config) -> None:
    """'"Russia is a strong partner. We intend to keep talking," said the Turkish foreign
    minister': Turkey speaks, not Russia, the subject of the quotation's first half."""
    article = Article(source=Source(number=1, path="1.txt", title="1"), blocks=(Block(
        index=0, kind="body", text='"Russia is a strong partner that has been ignored for a decade. We intend to keep '
                                   'talking to it, as a neutral country," said Hakan Demir, the foreign minister of Turkey.'),))
    from briefing.classify import classify

    joined = with_context(classify(analyse([article], config)[0], config), config)
    assert len(joined) == 1 and joined[0].speaker != "russia"


def test_a_first_person_stance_in_a_quotations_first_half_is_its_speakers(config: Config) -> None:
    """'"We have agreed to monitors because the other side has agreed to a prisoner swap.
    These are conditions, not concessions," Umerov said': Ukraine's stance, for its heading."""
    from briefing.classify import classify

    article = Article(source=Source(number=1, path="1.txt", title="1"), blocks=(Block(
        index=0, kind="body", text='"We have agreed to international monitors because the other side has agreed to '
                                   'a prisoner swap. These are conditions, not concessions," Umerov said.'),))
    joined = with_context(classify(analyse([article], config)[0], config), config)
    assert len(joined) == 1
    assert (joined[0].speaker, joined[0].stance) == ("ukraine", True)
    assert joined[0].sections[0] == "positions"


def test_a_quote_whose_speaker_is_he_is_joined_to_the_sentence_naming_him(config: Config) -> None:
    """'"Tavaria cannot stay on the streets for weeks," he said': the name inside the quote
    is no antecedent of the speaker; the sentence before says who "he" is."""
    said = "President Marek Dolan said on Thursday he would accept the result of the recount."
    quote = '"Tavaria cannot stay on the streets for weeks," he said in a televised address.'
    assert story([f"{said} {quote}"], config) == [f"{said} {quote}"]


def test_a_claim_named_only_as_the_claim_is_joined_to_the_sentence_that_tells_it(config: Config) -> None:
    """"Ardel dismissed the claim": which claim is in the sentence before."""
    claim = "Dravia has said it warned Morvanan authorities 12 hours before opening the gates."
    dismissed = "Ardel dismissed the claim."
    assert story([*TALKS, f"{claim} {dismissed}"], config)[-1] == f"{claim} {dismissed}"


def test_a_demand_named_only_as_the_demand_is_joined_to_the_sentence_that_tells_it(config: Config) -> None:
    """"The governing party rejected the demand": which demand is in the sentence before."""
    demand = "The opposition asked for a recount of the ballots in 212 polling stations."
    rejected = "The governing party rejected the demand."
    assert story([*TALKS, f"{demand} {rejected}"], config)[-1] == f"{demand} {rejected}"


@pytest.mark.parametrize("before, leaning", [
    ("Brennock has about 340,000 customers.", "According to the regulator, around 20,000 of them hold more than the guaranteed amount."),
    ('"If a buyer takes the deposits in full, good.', 'If not, the government must step in," said spokeswoman Kasia Drozd.'),
])
def test_of_them_and_if_not_need_the_sentence_before(before: str, leaning: str, config: Config) -> None:
    assert story([f"{before} {leaning}"], config) == [f"{before} {leaning}"]


def test_of_them_after_the_noun_it_stands_for_reads_alone(config: Config) -> None:
    """"230 people had been injured, 38 of them seriously" says of whom."""
    rescue = "Rescue teams with sniffer dogs searched the rubble through the morning."
    injured = "The agency said 230 people had been injured, 38 of them seriously."
    assert story([f"{rescue} {injured}"], config) == [rescue, injured]


def test_a_body_found_speaking_is_named_without_its_article() -> None:
    """"The Financial Supervisory Authority said" and "the Financial Supervisory Authority
    said" are one body, under one heading."""
    config = load_config(overrides={"briefing": {"other_parties": True}})
    article = Article(source=Source(number=1, path="1.txt", title="1"), blocks=(
        Block(index=0, text="The Financial Supervisory Authority said the bank had failed.", kind="body"),
        Block(index=1, text="Savers queued, and the Financial Supervisory Authority said deposits were safe.",
              kind="body")))
    speakers = {s.speaker for s in analyse([article], config)[0]}
    assert "other:Financial Supervisory Authority" in speakers
    assert not any(p and p.lower().startswith("other:the ") for p in speakers)


def test_a_demonstrative_subject_needs_the_sentence_before(config: Config) -> None:
    """"The utility said it hoped that would happen next week": what would happen is in the
    sentence before. "That" opening a clause is no such subject."""
    lifted = "The agency said the remaining notice would be lifted after two days of clean results."
    texts = story([f"{lifted} The utility said it hoped that would happen next week."], config)
    assert texts == [f"{lifted} The utility said it hoped that would happen next week."]
    texts = story([f"{lifted} The utility said that the notice would go next week."], config)
    assert texts == [lifted, "The utility said that the notice would go next week."]


def test_an_analyst_named_with_the_role_once_interprets_wherever_quoted(config: Config) -> None:
    """Once "said Omar Siddiq, an energy analyst", the story's "Omar Siddiq of Brightwater said"
    is commentary too, and so is the whole of a quotation he ends and goes on with."""
    from briefing.commentary import named_commentators

    one = Article(source=Source(number=1, path="1.txt", title="1"), blocks=(Block(index=0, kind="body", text=(
        '"The sequencing dispute is the classic trap. Each side fears being the one that pays first," said '
        'Omar Siddiq, an energy analyst at Brightwater Analytics. "A number on its own is just a number."')),))
    two = Article(source=Source(number=2, path="2.txt", title="2"), blocks=(Block(index=0, kind="body", text=(
        "Omar Siddiq of Brightwater Analytics said exports could rise by 400,000 barrels a day by the summer.")),))
    found = named_commentators(analyse([one, two], config)[0], config.commentators, config.party_synonyms())
    joined = with_context(found, config)
    assert [(s.source, s.commentary) for s in joined] == [(1, True), (2, True)]


def test_an_analyst_the_parser_takes_for_a_body_is_no_party_of_the_story(config: Config) -> None:
    """"Helena Marsh" read as an organisation still names the senior fellow: what she says
    elsewhere is commentary, not the stance of a party called Helena Marsh."""
    from briefing.commentary import named_commentators

    articles = [Article(source=Source(number=n, path=f"{n}.txt", title=str(n)), blocks=(Block(
        index=0, kind="body", text=text),)) for n, text in enumerate([
            "Helena Marsh, a senior fellow at the Castor Institute, said the choice of venue was designed to "
            "signal personal investment.",
            "Helena Marsh of the Castor Institute was more sceptical. \"A demilitarised zone only works if someone "
            "is prepared to enforce it,\" she said."], start=1)]
    found = named_commentators(analyse(articles, config)[0], config.commentators, config.party_synonyms())
    assert all(s.commentary and s.speaker is None for s in found)
