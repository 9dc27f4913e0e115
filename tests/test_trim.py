"""Points quote their sentence without scene-setting openers, commenting closes, and
with a person's title and full name at the first mention only."""

from __future__ import annotations

import pytest

from helpers import analyse_texts

from briefing.config import Config, load_config
from briefing.model import Sentence
from briefing.trim import shorten_names


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def analysed(text: str, config: Config) -> Sentence:
    found = analyse_texts([text], config)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, shown", [
    ("Despite the escalation, Trump maintained that Moscow remains open to diplomacy.",
     "Trump maintained that Moscow remains open to diplomacy."),
    ("However, the minister emphasized that tariffs on steel would stay.",
     "The minister emphasized that tariffs on steel would stay."),
    ("The meeting could take place “in the near future,” the president said on Friday, "
     "indicating fresh momentum in diplomatic efforts to end the war.",
     "The meeting could take place “in the near future,” the president said on Friday."),
    # What was done, and a closing announcement of what is to come, which other articles
    # may report as done by now.
    ('Zelensky described recent discussions with the envoys as "very good" and suggested that '
     'the upcoming summit could help secure progress before the New Year.',
     'Zelensky described recent discussions with the envoys as "very good".'),
])
def test_openers_and_comments_are_cut(text: str, shown: str, config: Config) -> None:
    s = analysed(text, config)
    assert s.text == text  # the sentence as written stays for matching and quotes
    assert s.shown == shown


@pytest.mark.parametrize("text", [
    # A date, place or name in the opener is news; a participle that reports more is too.
    "On Thursday, Ukrainian forces targeted a major oil refinery in the Rostov region.",
    "In Geneva, negotiators agreed on a timetable for the tariff cuts.",
    "Russia launched hundreds of drones at Kyiv, damaging energy infrastructure across the city.",
    "After hosting the Ukrainian president at his estate in Florida, Trump said talks were closer than ever.",
    # Time and condition are news, however short.
    "Until now, treatment has been limited to controlling blood pressure.",
    # An announcement throughout is an announcement: nothing to cut.
    "Trump said the summit would take place soon and hoped it would end the war.",
    "Under the constitution, the president must dissolve parliament when the prime minister asks.",
])
def test_what_carries_news_is_kept(text: str, config: Config) -> None:
    assert analysed(text, config).shown == text


def test_trimming_can_be_turned_off(config: Config) -> None:
    verbatim = load_config(overrides={"analysis": {"trim": False}})
    s = analysed("Despite the escalation, Trump maintained that Moscow remains open to diplomacy.", verbatim)
    assert s.shown == s.text and s.names == ()


def test_names_with_titles_are_found(config: Config) -> None:
    s = analysed("Ukrainian President Volodymyr Zelensky met U.S. President Donald Trump in Florida.", config)
    assert dict(s.names) == {"Ukrainian President Volodymyr Zelensky": "Zelensky",
                             "U.S. President Donald Trump": "Trump"}


def test_later_mentions_give_the_surname() -> None:
    name = (("Trade Minister Ana Ruiz", "Ruiz"),)
    texts = shorten_names([
        ("Ruiz said talks would resume.", ()),  # the surname alone is no full mention
        ("Trade Minister Ana Ruiz proposed a quota.", name),
        ("Trade Minister Ana Ruiz rejected the tariff.", name),
        ("The tariff was rejected by Trade Minister Ana Ruiz on Monday.", name),
    ])
    assert texts == ["Ruiz said talks would resume.", "Trade Minister Ana Ruiz proposed a quota.",
                     "Ruiz rejected the tariff.", "The tariff was rejected by Ruiz on Monday."]


def test_a_name_told_by_another_report_does_not_count_as_mentioned() -> None:
    texts = shorten_names([("Talks resumed in Geneva.", (("Trade Minister Ana Ruiz", "Ruiz"),)),
                           ("Trade Minister Ana Ruiz proposed a quota.", (("Trade Minister Ana Ruiz", "Ruiz"),))])
    assert texts[1] == "Trade Minister Ana Ruiz proposed a quota."


@pytest.mark.parametrize("text", [
    # A closing participle that reports what was said, or news, is kept.
    "Trump argued that delaying a deal could worsen Ukraine’s position, suggesting that compromise now "
    "may prevent further losses.",
    "The central bank cut its forecast on Tuesday, raising interest rates by half a point.",
])
def test_closing_participles_that_report_are_kept(text: str, config: Config) -> None:
    assert analysed(text, config).shown == text


def test_those_x_is_given_the_words_that_say_which(config: Config) -> None:
    """"Those guarantees" after "U.S.-Ukraine security guarantees": the point names them in
    brackets and reads alone; the sentence as written stays for matching."""
    from briefing.model import Article, Block, Source
    from briefing.analyse import analyse

    paragraphs = ["Zelensky said the U.S.-Ukraine security guarantees are fully settled.",
                  "Those guarantees could resemble NATO-style protections for Ukraine.",
                  "These talks matter, Zelensky said."]
    article = Article(source=Source(number=1, path="a.txt", title="A"),
                      blocks=tuple(Block(i, t, "body") for i, t in enumerate(paragraphs)))
    _, those, these = analyse([article], config)[0]
    assert those.text == paragraphs[1]
    assert those.shown == "[U.S.-Ukraine security] guarantees could resemble NATO-style protections for Ukraine."
    assert not those.needs_context
    # Nothing in the sentence before says which talks: it still leans on it.
    assert these.shown == these.text and these.needs_context


def test_this_position_is_given_whose_it_is(config: Config) -> None:
    """"This position" after a Kremlin official's: the point says whose, in brackets, and reads
    alone; with no one speaking before it, it still leans on the sentence before."""
    from briefing.model import Article, Block, Source
    from briefing.analyse import analyse

    paragraphs = ["A senior Kremlin official said Moscow opposes a temporary ceasefire.",
                  "This position clashes with European proposals that support a ceasefire.",
                  "The talks resumed on Monday in Geneva.",
                  "This position is hard to square with the timetable."]
    article = Article(source=Source(number=1, path="a.txt", title="A"),
                      blocks=tuple(Block(i, t, "body") for i, t in enumerate(paragraphs)))
    _, after_speaker, _, after_report = analyse([article], config)[0]
    assert after_speaker.text == paragraphs[1]
    assert after_speaker.shown == "[Russia's] position clashes with European proposals that support a ceasefire."
    assert not after_speaker.needs_context
    assert after_report.shown == after_report.text and after_report.needs_context


@pytest.mark.parametrize("paragraph, tail", [
    ('"We are not against new technology. We are against being thrown away by it," '
     'union leader Frank Deegan told strikers.',
     '"We are against being thrown away by it," union leader Frank Deegan told strikers.'),
    ("“Cases are rising. Measles can kill,” Osei said.", "“Measles can kill,” Osei said."),
])
def test_the_tail_of_a_quote_split_in_two_is_shown_as_quoted(paragraph: str, tail: str, config: Config) -> None:
    """A quote of two sentences: the second names its speaker and reads alone once its
    opening mark is back; without it the point reads as the speaker's words run into ours."""
    sentences = analyse_texts([paragraph], config)
    assert [s.shown for s in sentences][-1] == tail
    assert sentences[-1].text == tail[1:]


def test_a_quote_split_in_two_and_joined_again_is_quoted_once(config: Config) -> None:
    """"We broke the windows..." leans on the sentence before ("We"): joined to it, the pair
    is the quotation as written, with no second opening mark."""
    from briefing.context import with_context

    paragraph = ('"People were screaming in the dark. We broke the windows to get out," '
                 'said a passenger speaking from a hospital in Kovel.')
    joined = with_context(analyse_texts([paragraph], config), config)
    assert [s.shown for s in joined] == [paragraph]


def test_a_title_is_never_cut_out_of_a_hyphenated_word(config: Config) -> None:
    """"19-year-old substitute Jonah Okafor" named again: "19-year-old Okafor", not the
    "19-year-Okafor" of taking "old" for a title."""
    first, later = analyse_texts(["Substitute Jonah Okafor, 19, said he was calm.",
                                  "In the shoot-out, 19-year-old substitute Jonah Okafor scored the winning kick."], config)
    assert shorten_names([(first.text, first.names), (later.text, later.names)])[1] == (
        "In the shoot-out, 19-year-old Okafor scored the winning kick.")


def test_a_word_inside_a_quotation_is_never_cut(config: Config) -> None:
    """The splitter cuts '"We want to stay. But we will not wait," Roth said.' in two; the
    "But" is Roth's word, not a link the briefing may drop, where outside a quotation it is."""
    tail = analyse_texts(['"We want to stay in Harbourne. But we will not spend another five years waiting," '
                          'Roth said.'], config)[-1]
    assert tail.shown == '"But we will not spend another five years waiting," Roth said.'
    outside = analysed("However, the club will not wait another five years, Roth said.", config)
    assert outside.shown == "The club will not wait another five years, Roth said."


def test_the_end_of_a_longer_name_is_not_shortened() -> None:
    """"owner Gideon Roth" found, then met inside "Harbourne Athletic owner Gideon Roth": the
    club's name stays whole, not "Harbourne Athletic Roth"."""
    found = (("owner Gideon Roth", "Roth"),)
    first, later = shorten_names([("The club's owner Gideon Roth spoke.", found),
                                  ("Harbourne Athletic owner Gideon Roth said it would leave.", found)])
    assert later == "Harbourne Athletic owner Gideon Roth said it would leave."
    assert shorten_names([("The club's owner Gideon Roth spoke.", found),
                          ("Fans thanked owner Gideon Roth.", found)])[1] == "Fans thanked Roth."


def test_a_name_no_source_shortens_is_left_whole(config: Config) -> None:
    """The parser takes "Ostrand Minerals" for a person's name; no source writes "Minerals"
    alone, so no point does: "after Minerals completed its headcount" would garble it."""
    from briefing.assemble import _people

    texts = ["Ostrand Minerals said 23 workers were trapped.", "Mine manager Petra Lind said rescuers were close.",
             "Ostrand Minerals completed its headcount.", "Lind said the air was good."]
    sentences = analyse_texts(texts, config)
    kept = {short for names in _people(sentences).values() for _, short in names}
    assert "Lind" in kept and "Minerals" not in kept


def test_a_name_that_qualifies_a_noun_is_no_person_named(config: Config) -> None:
    """"a new Harbourne Athletic stadium": the parser may take the club for a person, and
    "new" for a title; named again it would read "a Athletic stadium"."""
    s = analysed("The council approved funding for a new Harbourne Athletic stadium on the rail yards.", config)
    assert s.names == ()


def test_a_plan_dropped_is_no_plan_announced(config: Config) -> None:
    """"...and said the company had dropped its plan to delay launching two medicines"
    reports what was done: it stays. "...and said he plans to meet Trump soon" announces."""
    dropped = ('Chief executive Marten Lowe called the deal "a responsible compromise" and said the company had '
               "dropped its plan to delay launching two other medicines.")
    assert analysed(dropped, config).shown == dropped
    plans = 'Zelensky described the talks as "very good" and said he plans to meet Trump soon.'
    assert analysed(plans, config).shown == 'Zelensky described the talks as "very good".'


def test_a_person_first_named_by_surname_alone_is_introduced() -> None:
    """"Sandor said the service had been informed" leans on the article's earlier "Water
    Minister Lev Sandor": the briefing's first mention gives his title and name, the later
    ones the surname. Not inside a quotation, not where a longer name ends in it, not where
    the title is already there."""
    known = {"Sandor": "Water Minister Lev Sandor"}
    texts = shorten_names([("In Florida, Sandor said the service had been informed.", ()),
                           ("Sandor repeated the claim.", ())], known)
    assert texts == ["In Florida, Water Minister Lev Sandor said the service had been informed.",
                     "Sandor repeated the claim."]
    assert shorten_names([('"Ask Sandor," she said, and then Sandor spoke.', ())], known) == [
        '"Ask Sandor," she said, and then Water Minister Lev Sandor spoke.']
    assert shorten_names([("Ana Sandor spoke.", ())], known) == ["Ana Sandor spoke."]
    assert shorten_names([("Water Minister Lev Sandor spoke. Sandor left.", (("Water Minister Lev Sandor", "Sandor"),))],
                         known) == ["Water Minister Lev Sandor spoke. Sandor left."]


def test_full_names_skip_the_partys_own_people_and_shared_surnames() -> None:
    from briefing.assemble import _full_names
    from briefing.config import load_config
    from briefing.model import Sentence

    def said(text: str, index: int, *names: tuple[str, str]) -> Sentence:
        return Sentence(text=text, source=1, paragraph=index, index=index, names=names)

    sentences = [
        said("Goalkeeper Tomás Pereira dived twice.", 0, ("Goalkeeper Tomás Pereira", "Pereira")),
        said("It was public health director Dr Amara Osei who spoke.", 1,
             ("public health director Dr Amara Osei", "Osei")),
        said("Ukrainian President Volodymyr Zelensky spoke.", 2, ("Ukrainian President Volodymyr Zelensky", "Zelensky")),
        said("Minister Ana Ruiz and coach Luis Ruiz met.", 3, ("Minister Ana Ruiz", "Ruiz"), ("coach Luis Ruiz", "Ruiz")),
    ]
    assert _full_names(sentences, load_config()) == {
        "Pereira": "Tomás Pereira",  # a title that opens a sentence is capitalised for that only
        "Osei": "public health director Dr Amara Osei"}


def test_a_name_the_parser_took_for_a_persons_is_none_when_its_last_word_opens_another() -> None:
    """"Clean Taps Varne", a residents' group, is no person called Varne: the sources write of
    "the Varne Water Company". Given "Varne" a full name, "Varne's water utility" had read
    "Taps Varne's water utility"."""
    from briefing.assemble import _full_names
    from briefing.config import load_config
    from briefing.model import Sentence

    group = Sentence(text="Clean Taps Varne said its hotline took 150 calls.", source=1, paragraph=0, index=0,
                     names=(("Clean Taps Varne", "Varne"),))
    chief = Sentence(text="Tomas Reuvel, chief executive of the Varne Water Company, spoke.", source=1,
                     paragraph=1, index=1, names=(("Tomas Reuvel", "Reuvel"),))
    assert _full_names([group, chief], load_config()) == {"Reuvel": "Tomas Reuvel"}
    assert _full_names([group], load_config()) == {"Varne": "Taps Varne"}


def test_a_closing_announcement_inside_a_quotation_is_the_speakers_and_kept(config: Config) -> None:
    """The tail of a quotation the splitter cut in two: its "and the agency is ready to
    deploy inspectors as soon as..." is Okafor's, and cutting it dropped the closing mark."""
    tail = ('I welcome the framework, and the agency is ready to deploy additional inspectors as soon as '
            'the parties ask us."')
    sentences = analyse_texts([f'Okafor said the revision followed an inspection. "This is why access '
                               f'matters. {tail}'], config)
    assert sentences[-1].text == tail
    assert sentences[-1].shown.endswith('as soon as the parties ask us."')


@pytest.mark.parametrize("text, entry", [
    # A scene the news is set in, after the news.
    ("Veldoria on Monday rejected a proposal that would have capped its enrichment at 5 percent, "
     "hours after the agency reported that the country is still enriching uranium to 60 percent.",
     "Veldoria on Monday rejected a proposal that would have capped its enrichment at 5 percent."),
    ("Talks between the two delegations stalled on Wednesday in Geneva, with the delegation leaving "
     "the venue for more than four hours in a dispute over sanctions.",
     "Talks between the two delegations stalled on Wednesday in Geneva."),
    ("The two sides agreed on Thursday on a framework to cap enrichment at 20 percent, "
     "after four days of talks that at times appeared close to collapse.",
     "The two sides agreed on Thursday on a framework to cap enrichment at 20 percent."),
    # A closing participle that only comments.
    ("Negotiators reached an agreement in principle on Tuesday to cap enrichment at 20 percent, "
     "marking the first concrete convergence since negotiations resumed.",
     "Negotiators reached an agreement in principle on Tuesday to cap enrichment at 20 percent."),
    # A second event with a subject of its own: the sections tell it, the entry the first.
    # The plan it mentions ("had been due to begin on Friday") is one that was, so the
    # sections keep the clause: it announces nothing.
    ("The union and the operator reached a tentative agreement on Thursday that raises pay by 6 percent, "
     "and the union suspended a strike that had been due to begin on Friday.",
     "The union and the operator reached a tentative agreement on Thursday that raises pay by 6 percent."),
])
def test_a_dated_sentence_has_a_short_form_without_its_closing_scene(text: str, entry: str,
                                                                    config: Config) -> None:
    s = analysed(text, config)
    assert s.shown == text  # the sections quote the whole sentence
    assert s.shown_short == entry


@pytest.mark.parametrize("text", [
    # The other side of a contrast is news of its own.
    "The duration of the cap is still disputed on Thursday: the Quartet wants 15 years, while Veldoria has proposed five.",
    # A speaker's words are quoted as said.
    '"We rejected the proposal on Monday, after long talks with our partners," the minister said.',
    # Too little would be left to tell who did what.
    "Talks stalled on Monday, with the delegation walking out of the venue for four hours.",
    # A closing participle of saying tells what was said.
    "The union disputed the company's figures for Monday, saying that more than 3,300 trains had been cancelled.",
    # Undated: only a timeline's entry is ever cut short.
    "Veldoria rejected a proposal that would have capped its enrichment at 5 percent, hours after the agency reported.",
])
def test_a_short_form_never_drops_news_a_quotation_or_the_subject(text: str, config: Config) -> None:
    s = analysed(text, config)
    assert s.shown_short == s.shown
