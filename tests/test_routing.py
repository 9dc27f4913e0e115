"""Attribution and routing rules, one sentence (or two) at a time, with the shipped config."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.analyse import analyse
from briefing.classify import classify, route
from briefing.config import Config, load_config
from briefing.model import Article, Block, Sentence, Source


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def sentences_of(text: str, config: Config) -> list[Sentence]:
    """`text` as one article, one paragraph per line, analysed and routed."""
    source = Source(number=1, path="a.txt", title="A")
    lines = [line for line in text.splitlines() if line.strip()]
    blocks = tuple(Block(index=n, text=line, kind="body") for n, line in enumerate(lines))
    analysed, _ = analyse([Article(source=source, blocks=blocks)], config)
    return classify(analysed, config)


def only(text: str, config: Config) -> Sentence:
    found = sentences_of(text, config)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


def test_a_party_confirming_a_fact_is_its_source_not_its_stance(config: Config) -> None:
    s = only("The Kremlin has confirmed that a location for the meeting has been agreed.", config)
    assert s.speaker is None
    assert s.sections == ("talks",)


def test_according_to_names_a_source_not_a_stance_holder(config: Config) -> None:
    s = only("The two leaders have agreed to hold a meeting, according to Kremlin aide Yuri Ushakov.", config)
    assert s.speaker is None


@pytest.mark.parametrize("text", [
    "Russian officials dismissed proposals for a temporary ceasefire.",
    # Blaming is accusing: a stance, talks mentioned or not.
    'Kremlin spokesman Dmitry Peskov blamed "foreign saboteurs" and said Russia would raise the matter '
    'at the talks.',
])
def test_a_stance_verb_is_a_stance(text: str, config: Config) -> None:
    s = only(text, config)
    assert (s.speaker, s.stance) == ("russia", True)
    assert s.sections[0] == "positions"


def test_a_stance_wins_a_tie_with_as_many_cue_words(config: Config) -> None:
    """Three words of the talks (proposal, ceasefire, referendum) weigh as much as a stance:
    the sentence is still first where the party stands, and news of the talks as well."""
    from briefing.classify import section_scores

    s = only("European leaders support proposals for a ceasefire as a precursor to referendums.", config)
    assert (s.speaker, s.stance) == ("europe", True)
    scores, _ = section_scores(s, config)
    assert scores["talks"] == scores["positions"]
    assert s.sections == ("positions", "talks")


@pytest.mark.parametrize("text", [
    "Zelensky said Ukraine could withdraw troops if Russia also pulled back.",
    "Zelensky stated that Europe must be involved in any negotiations.",
    "Zelensky said Ukraine was ready to accept the framework.",
    "Zelensky said Ukraine has accepted most of the proposed framework.",
    "Zelensky has expressed support for a summit.",
])
def test_a_stance_in_what_a_party_says(text: str, config: Config) -> None:
    s = only(text, config)
    assert s.speaker == "ukraine" and s.stance


def test_saying_a_fact_is_not_a_stance(config: Config) -> None:
    s = only("Zelensky said leaders had agreed on talks with Trump.", config)
    assert s.speaker == "ukraine" and not s.stance
    assert s.sections == ("talks",)  # reporting the talks is news of the talks


def test_a_decision_is_the_deciding_partys_stance(config: Config) -> None:
    s = only("The U.S. on Tuesday approved $200 million in additional military aid to Ukraine.", config)
    assert (s.speaker, s.stance) == ("us", True)


@pytest.mark.parametrize("text", [
    "The Kremlin did not immediately respond to the report.",
    "The Kremlin declined to comment on the talks.",
    "The Kremlin declined to say whether Putin would attend the summit.",
    "The Kremlin did not say how many troops would be withdrawn.",
    "Russian Foreign Minister Sergei Lavrov did not speak to reporters on Wednesday morning.",
])
def test_saying_nothing_is_no_stance(text: str, config: Config) -> None:
    s = only(text, config)
    assert s.speaker is None and s.actor is None and not s.stance
    assert "positions" not in s.sections


def test_declining_to_say_whether_leaves_an_open_question(config: Config) -> None:
    s = only("The Kremlin declined to say whether Putin would attend the summit.", config)
    assert s.sections[0] == "open_questions"
    assert only("The Kremlin said Putin would attend the summit.", config).speaker == "russia"


def test_a_refused_proposal_is_still_a_stance(config: Config) -> None:
    s = only("The Kremlin did not accept the proposal.", config)
    assert s.speaker == "russia"


def test_acting_in_the_talks_is_news_of_the_talks(config: Config) -> None:
    s = only("Ukrainian President Volodymyr Zelensky is set to meet Donald Trump to push forward peace talks.", config)
    assert s.speaker is None


@pytest.mark.parametrize("text", [
    "\u201cWe\u2019re much closer than we\u2019ve ever been,\u201d Trump said.",
    "Trump pointed to land disputes as the primary sticking point.",
    "U.S. President Donald Trump says the war may be approaching a turning point.",
])
def test_a_partys_verdict_on_the_talks_is_news_of_the_talks(text: str, config: Config) -> None:
    s = only(text, config)
    assert s.speaker == "us"  # still said by the United States
    assert "positions" not in s.sections and "talks" in s.sections


def test_a_verdict_with_a_demand_stays_a_stance(config: Config) -> None:
    s = only("Putin said progress depends on Ukraine withdrawing its troops, which Moscow demands.", config)
    assert "positions" in s.sections


def test_verdicts_stay_with_the_party_when_the_talks_section_is_left_out(tmp_path, config: Config) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[briefing]\nsections = ["positions", "sources"]\n', encoding="utf-8")
    s = only("\u201cWe\u2019re much closer than we\u2019ve ever been,\u201d Trump said.", load_config(path))
    assert s.sections == ("positions",)


@pytest.mark.parametrize("text", [
    "The latest U.S.-backed framework would halt fighting along current front lines and create a buffer zone.",
    "Zelensky said the plan would freeze front lines and withdraw troops from the demilitarized zone.",
])
def test_what_a_plan_on_the_table_would_do_is_news_of_the_talks(text: str, config: Config) -> None:
    s = only(text, config)
    assert s.sections[0] == "talks"
    if text.startswith("The latest"):
        assert "military" not in s.sections  # its military words are the plan's: half of talks'


def test_a_plan_that_is_only_mentioned_does_not_take_the_sentence(config: Config) -> None:
    s = only("Russian drones struck Kharkiv overnight, hours after the plan was published.", config)
    assert s.sections == ("military",)


def test_an_unconfigured_body_acting_holds_no_stance(config: Config) -> None:
    """A party the parser found by itself gets a subsection for what it says, not for what it
    does: an article about something else would otherwise open one ("Harbour City")."""
    s = only("Harbour City won the Continental Cup for the first time on Saturday, beating holders "
             "Real Castel on penalties.", config)
    assert s.speaker is None
    assert "positions" not in s.sections
    said = only("Turkey offered to host the next round of negotiations in Istanbul.", config)
    assert said.speaker == "other:Turkey"


def test_what_a_party_owns_moving_is_no_act_of_the_party(config: Config) -> None:
    """"Russian shares fell 7 percent" is a market moving, not Russia acting: no stance of
    Russia's, and no second report of what Russia did that day. Russian officials acting
    still are Russia acting."""
    fell = only("Russian shares fell 7 percent on Tuesday.", config)
    assert fell.actor is None and fell.speaker is None and "positions" not in fell.sections
    assert only("Russian officials signed the decree on Tuesday.", config).actor == "russia"


@pytest.mark.parametrize("text", [
    "Russia was accused of deliberately targeting civilian infrastructure.",
    "The River Tolland was expected to peak on Saturday at its highest level since records began.",
])
def test_the_subject_of_a_passive_is_no_speaker(text: str, config: Config) -> None:
    """Who is accused, or expected to do something, is not who accuses or expects."""
    assert only(text, config).speaker is None


def test_a_clause_before_a_colon_is_the_main_one(config: Config) -> None:
    """What follows the colon spells out the offer; the parser hangs the offer under it."""
    s = only("Russian negotiators on Tuesday offered a compromise: the troops would be pulled back "
             "over two years.", config)
    assert (s.speaker, s.stance) == ("russia", True)


def test_a_clause_before_a_colon_and_its_list_is_the_main_one(config: Config) -> None:
    """The parser hangs "agreed" under the second item of the list after the colon; the
    list spells out the conditions of what Russia agreed to, which is Russia's stance."""
    s = only("In a reversal of its position earlier in the week, Russia also agreed to international monitors "
             "along the line, subject to conditions: monitors must give 24 hours' notice, the visits will be "
             "limited to declared sites, and they will begin only after the first prisoners have been released.",
             config)
    assert (s.speaker, s.stance) == ("russia", True)
    assert s.sections[0] == "positions"


@pytest.mark.parametrize("text, stance", [
    ("Russia agreed to international monitors along the front line.", True),
    ("Russia agreed to meet Ukrainian negotiators in Istanbul next week.", False),
])
def test_agreeing_to_something_accepts_it_agreeing_to_meet_reports_talks(text: str, stance: bool,
                                                                          config: Config) -> None:
    s = only(text, config)
    assert s.stance is stance


def test_a_verb_in_the_past_goes_with_the_main_verb_not_with_a_gerund_before_it(config: Config) -> None:
    """The parser hangs "described" on "meeting"; "and later described" goes on from "spoke"."""
    first, second = sentences_of("Trump maintained that Moscow remains open to diplomacy.\n"
                                 "He spoke by phone with Russian President Vladimir Putin shortly before meeting "
                                 "Zelensky and later described the Russian leader as serious about ending the war.", config)
    assert first.speaker == second.speaker == "us"


def test_a_clause_that_says_when_is_no_ones_report(config: Config) -> None:
    """"after Russia supplied the data ... and pushed its deadline back": the parser hangs the
    second verb under the "after" clause; neither is what the sentence reports."""
    s = only("The commission restarted its review on Tuesday after Russia supplied the data it had asked "
             "for, and pushed its decision deadline back to June 15.", config)
    assert s.speaker != "russia"


def test_maintain_without_a_clause_reports_nothing(config: Config) -> None:
    s = only("Ukraine has carried out strikes, while Russian forces maintain military operations.", config)
    assert s.speaker is None
    assert s.sections == ("military",)


def test_a_pronoun_stands_for_a_name_before_it_not_after(config: Config) -> None:
    first, second = sentences_of("Trump maintained that Moscow remains open to diplomacy.\n"
                                 "He later described the Russian leader as serious.", config)
    assert first.speaker == second.speaker == "us"


def test_the_official_continues_the_last_speaker(config: Config) -> None:
    _, second = sentences_of("A senior Kremlin official said the talks were useful.\n"
                             "The official suggested that a settlement would require a bold decision.", config)
    assert second.speaker == "russia"


def test_cues_in_a_scene_setting_clause_count_half(config: Config) -> None:
    s = only("Despite diplomatic efforts, Russia has continued large-scale air attacks on Ukraine.", config)
    assert s.sections == ("military",)


def test_doubt_voiced_in_passing_is_no_open_question(config: Config) -> None:
    s = only("Trump said negotiations are closer than ever, even as talks stalled over territory.", config)
    assert "open_questions" not in s.sections


def test_an_open_question_comes_first_and_keeps_its_subject(config: Config) -> None:
    s = only("The final shape of any peace agreement remains uncertain.", config)
    assert s.sections == ("open_questions", "talks")


def test_a_sentence_without_cues_goes_on_with_the_one_before(config: Config) -> None:
    _, second = sentences_of("Zelensky said leaders had agreed on talks with Trump.\n"
                             "He added that crucial decisions could come before the New Year.", config)
    assert "talks" in second.sections


def test_a_new_speaker_does_not_go_on_with_the_one_before(config: Config) -> None:
    _, second = sentences_of("Kremlin officials argue that a freeze would only delay future fighting.\n"
                             "\u201cIt\u2019s a tough situation,\u201d Trump said.", config)
    assert "military" not in second.sections


def test_a_secondary_section_needs_a_score_near_the_best(config: Config) -> None:
    stance = Sentence(text="x", source=1, paragraph=0, index=0, words=("ceasefire",),
                      lemmas=("ceasefire",), speaker="russia", stance=True)
    assert route(stance, config) == ("positions",)  # the ceasefire is what the stance is about
    assert route(replace(stance, stance=False), config) == ("talks", "positions")


@pytest.mark.parametrize("text", [
    "The divide highlights the difficulty of aligning American and Russian priorities.",
    "The announcement comes as Kyiv's peace proposal is being reviewed by Moscow.",
    "The outcome of the meeting is expected to shape the next phase of negotiations.",
    "Analysts say Washington's role will prove decisive in shaping any agreement.",
    "Observers also point to the importance of protecting civilian infrastructure.",
    '"Sanctions harden Moscow\'s demands," said Helena Strand, a labour economist at the University of Dunmarrow.',
    "Helena Marsh, a senior fellow at the Castor Institute, said the choice of venue was designed to signal "
    "personal investment.",
    "Here is what we know about the Varn Cray meeting so far.",
    # A former official holds no office to speak for: "Ukrainian" says where he served.
    "Piotr Wend, a former Ukrainian deputy foreign minister, said the proposal was designed to put the onus on Moscow.",
    # That the talks happened, set beside what went on around them.
    "The talks took place after a weekend of heavy attacks on Kyiv.",
    "The meeting took place during a tense moment in the conflict.",
])
def test_commentary_is_told_from_reporting(text: str, config: Config) -> None:
    assert only(text, config).commentary


@pytest.mark.parametrize("text", [
    "Russian officials dismissed proposals for a temporary ceasefire.",
    "Trump highlighted progress in the talks.",
    "The official suggested that a settlement would require a bold decision on territory.",
    "Moscow has claimed further territorial gains in eastern Ukraine.",
    "Piotr Wend, Ukraine's deputy foreign minister, said the proposal was designed to put the onus on Moscow.",
    "The Florida meeting took place at Trump's Mar-a-Lago resort after a phone call with Putin.",
    "Further talks will take place in January after the holidays.",
])
def test_reporting_is_no_commentary(text: str, config: Config) -> None:
    assert not only(text, config).commentary


def test_commentary_on_what_is_unresolved_is_an_open_question_only(config: Config) -> None:
    s = only("The divide highlights the difficulty of aligning priorities, and the path to peace "
             "remains uncertain.", config)
    assert s.sections == ("open_questions",)


def test_a_sentence_whose_subject_is_it_leans_on_the_one_before(config: Config) -> None:
    s = only("Whether it leads to a historic breakthrough may become clear in the weeks ahead.", config)
    assert s.needs_context


def test_a_trailing_participle_sets_the_scene(config: Config) -> None:
    s = only("Moscow has claimed further territorial gains in eastern Ukraine, strengthening its "
             "leverage at the negotiating table.", config)
    assert s.sections[0] == "military"


def story_config(tmp_path, toml: str) -> Config:
    """The shipped configuration with `toml` over it, as a story's config file gives it."""
    path = tmp_path / "story.toml"
    path.write_text(toml, encoding="utf-8")
    return load_config(path)


def test_a_lower_case_alias_is_a_common_noun_capitalized_or_not(tmp_path, config: Config) -> None:
    """"unions" names a party whether a sentence opens with it or not; a name keeps its case:
    the pronoun "us" is not the US."""
    story = story_config(tmp_path, '[briefing]\nparties = ["labour", "us"]\n\n'
                         '[parties.labour]\nname = "Labour"\naliases = ["unions", "trade unions"]\n')
    opening = only("Unions representing steel workers said they would seek guarantees on jobs.", story)
    inside = only("Steel unions said they would seek guarantees on jobs.", story)
    assert (opening.speaker, inside.speaker) == ("labour", "labour")
    assert only("Join us in seeking guarantees on jobs, the union leaflet said.", story).parties == ()


def test_a_name_written_with_the_in_lower_case_names_the_party_where_it_opens_a_sentence(tmp_path,
                                                                                        config: Config) -> None:
    """The alias "the Council" is the Council at the start of a sentence too, not a party of its
    own the parser finds there."""
    story = story_config(tmp_path, '[briefing]\nparties = ["council"]\nother_parties = true\n\n'
                         '[parties.council]\nname = "Baltic-Adriatic Council"\naliases = ["the Council"]\n')
    s = only("The Council said it would send 300 observers if both sides asked for them.", story)
    assert s.speaker == "council"


def test_a_quote_or_he_after_someone_else_speaks_is_not_the_last_partys(config: Config) -> None:
    """Between the Kremlin and "He added", an analyst spoke: "he" is the analyst."""
    found = sentences_of("The Kremlin said the talks were moving slowly.\n"
                         "“It is the step the market expected,” said John Hale, an analyst at a bank. "
                         "He added that sanctions would probably stay in place.", config)
    assert [s.speaker for s in found] == ["russia", None, None]


@pytest.mark.parametrize("text, leaning", [
    ("Opposition parties demanded her resignation too.\n"
     "Transport Minister Irena Kos said her ministry would inspect every signal.\n"
     "Voters gave the coalition a clear mandate.", [True, False, False]),
    # A subject whose owner is "its" or "their" before any name: whose?
    ("Its general staff said long-range missiles had struck an oil refinery.\n"
     "Their leaders have insisted that any deal must begin with a ceasefire.\n"
     "In its statement, the ministry said the refinery was on fire.", [True, True, False]),
])
def test_a_persons_pronoun_before_any_name_leans_on_the_sentence_before(text: str, leaning: list[bool],
                                                                        config: Config) -> None:
    assert [s.needs_context for s in sentences_of(text, config)] == leaning


def test_we_in_a_quote_is_the_voice_of_whoever_is_quoted(config: Config) -> None:
    found = sentences_of("Kremlin spokesman Dmitry Peskov said the talks were slow.\n"
                         "“We warned them that the plan was unworkable. Nobody listened,” he said.", config)
    assert (found[0].speaker, found[-1].speaker) == ("russia", "russia")


@pytest.mark.parametrize("text", [
    "The governor said it was too early to know the extent of the damage.",
    "The company did not disclose the price of the drug.",
    "It is not clear whether the repairs had been completed.",
])
def test_what_no_one_can_say_yet_is_an_open_question(text: str, config: Config) -> None:
    assert "open_questions" in only(text, config).sections


def test_a_question_a_fronted_participle_asks_is_the_reporters(config: Config) -> None:
    """"Asked whether a deal could be signed at a fourth round, Putin said he was certain of
    it" answers a question, it does not leave one open; unasked, the doubt is the sentence's."""
    answered = only("Asked whether a deal could be signed at a fourth round, Putin said he was certain of it.", config)
    assert "open_questions" not in answered.sections
    doubt = only("It is not clear whether a deal could be signed at a fourth round, Putin said.", config)
    assert "open_questions" in doubt.sections


def test_what_a_party_says_it_could_accept_is_its_stance(config: Config) -> None:
    """"Kerevia has said it could accept tracking, but only if Solmund frees the crews": the
    party's own "it" accepting is its stance, wherever the parser hangs the condition."""
    said = only("Russia has said it could accept tracking, but only if Ukraine frees the crews of the two ships.",
                config)
    assert (said.speaker, said.stance) == ("russia", True)
    assert "positions" in said.sections


def test_a_countrys_opposition_is_not_its_party(config: Config) -> None:
    """"Solmund's main opposition party" opposes the government that "Solmund" names: its
    warning is not that party's stance. The country's ministry is."""
    opposition = only("Russia's main opposition party welcomed the progress but warned against a quick deal.", config)
    assert opposition.speaker != "russia"
    ministry = only("Russia's foreign ministry welcomed the progress but warned against a quick deal.", config)
    assert ministry.speaker == "russia"



def test_they_is_not_a_place_named_as_the_object_before_it(tmp_path) -> None:
    """In "Kestrian officials have hinted that Varn may bring new ideas to Harrow Point, but they
    declined to give details", "they" are not Harrow Point, the broker's retreat."""
    story = story_config(tmp_path, '[briefing]\nparties = ["kestria", "union"]\n\n'
                         '[parties.kestria]\nname = "Kestria"\naliases = ["Kestrian", "Varn"]\n\n'
                         '[parties.union]\nname = "Federal Union"\naliases = ["Harrow Point", "Cray"]\n')
    s = only("Kestrian officials have hinted that Varn may bring new ideas to Harrow Point, possibly including a "
             "demilitarised zone, but they declined to give details.", story)
    assert s.speaker == "kestria"


def test_holding_territory_is_a_military_fact_not_a_stance(config: Config) -> None:
    s = only("Russia now controls about 40 percent of the province, while Ukraine holds the regional capital.", config)
    assert s.sections[0] == "military"
    assert "positions" not in s.sections


def test_a_dated_step_to_come_that_no_cue_claims_is_news_of_the_talks(tmp_path, config: Config) -> None:
    """"are to reconvene on March 16" announces the next step ("be to", as "will"); with no
    section's cues it belongs to `routing.next_section`, which "" turns off."""
    text = "Technical teams are to reconvene in Geneva on March 16."
    s = only(text, config)
    assert s.planned and [e.future for e in s.entities if e.label == "DATE"] == [True]
    assert s.sections == ("talks",)
    assert only("Technical teams reconvened in Geneva on March 16.", config).sections == ()
    off = story_config(tmp_path, '[routing]\nnext_section = ""\n')
    assert only(text, off).sections == ()


def test_who_after_a_place_is_the_person_from_it(config: Config) -> None:
    """The parser may hang "who" on the place a person comes from; a place is "which"."""
    s = only('"I support the workers, but this cannot go on," said a nurse travelling from Kyiv, '
             'who declined to give her name.', config)
    assert s.speaker is None and not s.stance


@pytest.mark.parametrize("text, quiet", [
    ("Federation leader Alma Torvik did not answer calls on Tuesday.", True),
    ("The education ministry declined to comment on the state of the talks.", True),
    ("The ministry answered the union's letter on Tuesday.", False),
    ("Moscow has yet to respond formally to the proposal.", False),
])
def test_saying_nothing_is_marked(text: str, quiet: bool, config: Config) -> None:
    s = only(text, config)
    assert s.silent is quiet and (s.speaker is None or not quiet)


def test_declining_to_say_whether_is_an_open_question_not_silence(config: Config) -> None:
    s = only("Solberg declined to say whether nurses would lose pay for the strike days.", config)
    assert not s.silent and s.speaker is None and s.sections[:1] == ("open_questions",)


@pytest.mark.parametrize("quoted", [
    '"Russia got the pause it wanted for its army.',
    '"Ukraine has said it will not give up the Donbas.',
])
def test_what_a_quoted_analyst_says_a_party_did_or_said_is_no_stance_of_that_party(config: Config,
                                                                                quoted: str) -> None:
    """An analyst's quotation tells the party's act or word in the analyst's voice; under the
    party's heading it would read as what the party holds."""
    found = sentences_of(f'Anna Berg of the Halden Institute said the talks had moved on. {quoted} '
                         'Both sides can call that a win," she said.', config)
    first = next(s for s in found if s.text.startswith(quoted))
    assert first.speaker is None and first.actor is None


def test_a_first_person_stance_in_a_quotation_stays_its_speakers(config: Config) -> None:
    found = sentences_of('"We will not give up the Donbas," Zelensky said.', config)
    assert found[0].speaker == "ukraine"


@pytest.mark.parametrize(("text", "leans"), [
    ("The move brings the number of entities under sanctions to 318.", True),
    ("Okafor said the change followed an inspection of the storage site.", True),
    ("The decision was welcomed in Kyiv.", True),
    ("The change in the estimate followed an inspection of the storage site.", False),
    ("The court's decision was welcomed in Kyiv.", False),
    ("The move to cut tariffs was welcomed in Kyiv.", False),
])
def test_a_bare_the_move_or_the_change_leans_on_the_sentence_that_tells_it(text: str, leans: bool,
                                                                           config: Config) -> None:
    assert only(text, config).needs_context is leans
