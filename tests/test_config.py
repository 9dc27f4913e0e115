"""Configuration: shipped defaults, a user file merged key by key, and validation errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.config import load_config, merge
from briefing.errors import BriefingError, ConfigError


def write(tmp_path: Path, text: str, name: str = "briefing.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


# --- defaults -----------------------------------------------------------------------------

def test_defaults() -> None:
    config = load_config()
    assert config.title == "Russia–Ukraine peace talks"
    assert config.max_words == 1000
    assert config.method == "lexrank"
    assert [s.key for s in config.sections] == [
        "takeaways", "talks", "timeline", "positions", "military", "open_questions", "figures", "sources"]
    assert [s.title for s in config.sections] == [
        "Key takeaways", "Status of talks", "Timeline", "Positions by party", "Military developments",
        "Open questions", "Key figures", "Sources"]
    assert [s.kind for s in config.sections] == [
        "summary", "cues", "timeline", "parties", "cues", "questions", "figures", "sources"]
    assert [s.key for s in config.sections if s.current] == [
        "takeaways", "talks", "positions", "military", "open_questions"]
    assert config.older_after_days == 30
    assert [p.key for p in config.parties] == ["ukraine", "russia", "us", "europe"]
    assert [p.name for p in config.parties] == ["Ukraine", "Russia", "United States", "Europe"]
    takeaways = config.section("takeaways")
    assert (takeaways.min_points, takeaways.max_points) == (3, 5)
    assert "Kremlin" in next(p for p in config.parties if p.key == "russia").aliases
    assert config.other_parties is True
    assert 0 < config.similarity <= 1
    assert config.models[0] == "en_core_web_sm"
    # Patterns are compiled case-insensitively.
    assert any(p.fullmatch("- ADVERTISEMENT -") for p in config.boilerplate)
    # Cues are stored lower-case; stance verbs are a subset of reporting verbs.
    assert all(c == c.lower() for s in config.sections for c in s.cues)
    assert config.stance_verbs <= config.verbs | config.stance_verbs
    assert "insist" in config.stance_verbs and "say" not in config.stance_verbs


def test_config_error_is_a_briefing_error() -> None:
    assert issubclass(ConfigError, BriefingError)


# --- merging --------------------------------------------------------------------------------

def test_user_file_overrides_one_key_and_keeps_the_others(tmp_path: Path) -> None:
    defaults = load_config()
    config = load_config(write(tmp_path, '[briefing]\ntitle = "Harbour strike"\n'))
    assert config.title == "Harbour strike"
    # Every other key of [briefing] and every other table keeps its default.
    assert config.subject == defaults.subject
    assert config.max_words == defaults.max_words
    assert config.method == defaults.method
    assert config.sections == defaults.sections
    assert config.parties == defaults.parties
    assert config.boilerplate == defaults.boilerplate
    assert config.raw["briefing"] == {**defaults.raw["briefing"], "title": "Harbour strike"}


def test_nested_tables_merge_key_by_key(tmp_path: Path) -> None:
    defaults = load_config()
    config = load_config(write(tmp_path, """
[sections.military]
title = "Trade measures"

[parties.us]
name = "USA"
"""))
    military = config.section("military")
    assert military.title == "Trade measures"
    assert military.cues == defaults.section("military").cues
    assert military.max_points == defaults.section("military").max_points
    us = next(p for p in config.parties if p.key == "us")
    assert us.name == "USA"
    assert us.aliases == next(p for p in defaults.parties if p.key == "us").aliases


def test_lists_replace_rather_than_append(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[briefing]\nparties = ["russia", "ukraine"]\n'
                                         '[sections.military]\ncues = ["tariff", "quota"]\n'))
    assert [p.key for p in config.parties] == ["russia", "ukraine"]  # the order given
    assert config.section("military").cues == ("tariff", "quota")
    assert {p.key for p in config.all_parties} >= {"us", "europe"}  # still known, just not listed


def test_overrides_apply_after_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[briefing]\ntitle = "From file"\nmethod = "lsa"\n')
    config = load_config(path, overrides={"briefing": {"method": "textrank"}})
    assert (config.title, config.method) == ("From file", "textrank")


def test_merge_is_recursive_and_does_not_mutate() -> None:
    base = {"a": {"x": 1, "y": [1, 2]}, "b": 2}
    out = merge(base, {"a": {"y": [3]}, "c": 4})
    assert out == {"a": {"x": 1, "y": [3]}, "b": 2, "c": 4}
    assert base == {"a": {"x": 1, "y": [1, 2]}, "b": 2}


def test_new_section_and_party_are_allowed(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
[briefing]
sections = ["takeaways", "economy", "sources"]
parties = ["freedonia"]

[sections.economy]
title = "Economy"
cues = ["tariff", "Export"]

[parties.freedonia]
aliases = ["Freedonia"]
"""))
    assert [s.key for s in config.sections] == ["takeaways", "economy", "sources"]
    economy = config.section("economy")
    assert (economy.kind, economy.cues) == ("cues", ("tariff", "export"))
    assert [(p.key, p.name, p.aliases) for p in config.parties] == [
        ("freedonia", "freedonia", ("Freedonia",))]


# --- errors ---------------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    message = config_error(path)
    assert "not found" in message and str(path) in message


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[briefing]\ntitle = "ok"\nmax_words = \n')
    message = config_error(path)
    assert str(path) in message
    assert "invalid TOML" in message
    assert re.search(r"\bline 3\b", message), message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[briefing]\ntitle = "Café"\n'.encode("latin-1"))
    message = config_error(path)
    assert str(path) in message and "UTF-8" in message


def test_unknown_keys_and_wrong_types_are_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, """
[briefing]
titel = "typo"
max_words = "many"

[clean]
heading_max_words = true
colour = "red"

[sections.talks]
max_points = "3"
priority = 1

[parties.russia]
nickname = "Kremlin"
""")
    message = config_error(path)
    assert message.startswith(f"{path}: ")
    for problem in [
        "unknown key 'briefing.titel'",
        "'briefing.max_words' must be an integer, not a string",
        "'clean.heading_max_words' must be an integer",
        "unknown key 'clean.colour'",
        "'sections.talks.max_points' must be an integer",
        "unknown key 'sections.talks.priority'",
        "unknown key 'parties.russia.nickname'",
    ]:
        assert problem in message, f"{problem!r} missing from: {message}"
    assert "\n" not in message  # one message, one line


def test_missing_party_table_and_empty_aliases_are_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, """
[briefing]
parties = ["ukraine", "mars", "venus"]

[parties.russia]
aliases = []

[parties.europe]
aliases = ["  "]
""")
    message = config_error(path)
    for problem in [
        "'briefing.parties' names 'mars' but there is no [parties.mars]",
        "'briefing.parties' names 'venus' but there is no [parties.venus]",
        "'parties.russia.aliases' must list at least one name",
        "'parties.europe.aliases' must list at least one name",
    ]:
        assert problem in message, f"{problem!r} missing from: {message}"


def test_every_kind_of_problem_is_reported_in_one_message(tmp_path: Path) -> None:
    path = write(tmp_path, """
[briefing]
titel = "typo"
max_words = "many"
parties = ["ukraine", "mars"]

[parties.russia]
aliases = []
""")
    message = config_error(path)
    for problem in ["unknown key 'briefing.titel'", "'briefing.max_words' must be an integer",
                    "no [parties.mars]", "'parties.russia.aliases' must list at least one name"]:
        assert problem in message, f"{problem!r} missing from: {message}"


def test_non_string_alias_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[parties.ukraine]\naliases = [1, 2]\n")
    with pytest.raises(ConfigError, match=r"parties\.ukraine\.aliases"):
        load_config(path)


@pytest.mark.parametrize(("toml", "problem"), [
    ('[briefing]\nsections = ["takeaways", "weather"]\n',
     "'briefing.sections' names 'weather' but there is no [sections.weather]"),
    ('[sections.talks]\nkind = "poem"\n', "'sections.talks.kind' must be one of"),
    ('[sections.talks]\ncues = []\n', "'sections.talks.cues' must list at least one cue"),
    ('[briefing]\nmax_words = 0\n', "'briefing.max_words' must be positive"),
    ('[dedupe]\nsimilarity = 1.5\n', "'dedupe.similarity' must be between 0 and 1"),
    ('[analysis]\nmodels = []\n', "'analysis.models' must name at least one spaCy pipeline"),
    ("[clean]\nboilerplate = ['(unclosed']\n", "'clean.boilerplate': bad regular expression"),
    ('[briefing]\nparties = "ukraine"\n', "'briefing.parties' must be a list, not a string"),
    ('[briefing]\nother_parties = 1\n', "'briefing.other_parties' must be true or false"),
    ('[analysis]\nmodels = ["en", 3]\n', "'analysis.models' must be a list of strings"),
    ('briefing = 3\n', "'briefing' must be a table"),
    ('[sections]\ntalks = 3\n', "'sections.talks' must be a table"),
    ('[weather]\nrain = true\n', "unknown key 'weather'"),
    ('[dates]\nolder_after_days = 0\n', "'dates.older_after_days' must be at least 1"),
    ('[dates]\nolder_after_days = "30"\n', "'dates.older_after_days' must be an integer"),
    ('[sections.talks]\ncurrent = "yes"\n', "'sections.talks.current' must be true or false"),
    ('[routing]\nassessment_section = "status"\n',
     "'routing.assessment_section' names 'status' but there is no [sections.status]"),
    ('[routing]\nplan_section = "plans"\n', "'routing.plan_section' names 'plans' but there is no [sections.plans]"),
    ('[routing]\nnext_section = "next"\n', "'routing.next_section' names 'next' but there is no [sections.next]"),
])
def test_single_problems(tmp_path: Path, toml: str, problem: str) -> None:
    path = write(tmp_path, toml)
    message = config_error(path)
    assert problem in message
    assert str(path) in message


def test_the_subject_names_the_sections_unless_set(tmp_path: Path) -> None:
    """Another story's sections give its subject line; a subject in the file wins."""
    assert load_config().subject == "Status of talks, positions by party, military developments and open questions"
    path = write(tmp_path, '[sections.talks]\ntitle = "What happened"\n[sections.military]\ntitle = "Rescue"\n')
    assert load_config(path).subject == "What happened, positions by party, rescue and open questions"
    path = write(tmp_path, '[briefing]\nsubject = "The Kovel collision"\n')
    assert load_config(path).subject == "The Kovel collision"


def test_where_things_stand_as_of_the_newest_day_by_default() -> None:
    """The takeaways, the talks and the parties' positions weigh an earlier day's point half;
    the other sections weigh reporting by the story's pace."""
    config = load_config()
    assert [s.key for s in config.sections if s.newest] == ["takeaways", "talks", "positions"]
