"""Configuration: shipped defaults, then the user's file, key by key; validated at once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

SECTION_KINDS = ("summary", "cues", "parties", "questions", "timeline", "figures", "sources")

# Keys every [sections.NAME] / [parties.NAME] table may hold, with their types;
# new sections and parties are allowed, unknown keys inside them are not.
_SECTION_KEYS: dict[str, type] = {
    "kind": str, "title": str, "cues": list, "min_points": int, "max_points": int,
    "max_words": int, "current": bool, "newest": bool,
}
_PARTY_KEYS: dict[str, type] = {"name": str, "aliases": list}


@dataclass(frozen=True)
class SectionConfig:
    key: str
    kind: str
    title: str
    cues: tuple[str, ...]
    min_points: int
    max_points: int
    max_words: int
    current: bool = False  # only points that some recent source reports
    newest: bool = False  # where things stand as of the newest day: earlier days' points weigh half


@dataclass(frozen=True)
class PartyConfig:
    key: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """Validated settings; `raw` is the merged table, kept for reproducing a build."""

    raw: dict[str, Any]
    title: str
    subject: str
    max_words: int
    method: str
    sections: tuple[SectionConfig, ...]
    parties: tuple[PartyConfig, ...]
    all_parties: tuple[PartyConfig, ...]
    other_parties: bool
    models: tuple[str, ...]
    language: str
    heading_max_words: int
    max_sentence_chars: int
    language_words: frozenset[str]
    min_language_share: float
    boilerplate: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    caption: tuple[re.Pattern[str], ...]
    similarity: float
    verbs: frozenset[str]
    stance_verbs: frozenset[str]
    stance_nouns: frozenset[str]
    pronouns: frozenset[str]
    actor_excluded_sections: frozenset[str]
    source_verbs: frozenset[str] = frozenset()
    clause_verbs: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    not_agents: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    stance_markers: frozenset[str] = frozenset()
    decision_verbs: frozenset[str] = frozenset()
    silence_verbs: frozenset[str] = frozenset()
    no_details: frozenset[str] = frozenset()
    commentary_verbs: frozenset[str] = frozenset()
    firm_stance: frozenset[str] = frozenset()
    commentators: frozenset[str] = frozenset()
    backdrop_markers: frozenset[str] = frozenset()
    trim: bool = True
    aside_verbs: frozenset[str] = frozenset()
    trim_openers: frozenset[str] = frozenset()
    origin_words: frozenset[str] = frozenset()
    stance_weight: float = 3.0
    speaker_weight: float = 1.0
    secondary_share: float = 0.6
    assessment_cues: tuple[str, ...] = ()  # a verdict on how far the talks have come
    assessment_section: str = ""  # the section such a verdict belongs to
    plan_nouns: frozenset[str] = frozenset()  # a plan on the table, as the subject of a sentence
    plan_section: str = ""  # the section what a plan says belongs to
    next_section: str = ""  # the section a dated step to come belongs to when no other claims it
    older_after_days: int = 30
    ahead_cues: frozenset[str] = frozenset()
    done_cues: frozenset[str] = frozenset()
    certain_cues: tuple[str, ...] = ()  # a claim stated as settled
    hedge_cues: tuple[str, ...] = ()  # a claim stated with caution
    denial_cues: tuple[str, ...] = ()  # a claim denied
    word_groups: tuple[tuple[str, ...], ...] = ()  # words outlets use for one thing, first is the name
    ignored_words: tuple[str, ...] = ()  # titles and roles: say who, not what happened
    # Verbs of opposite states, as (one side, the other): "remains in intensive care" and
    # "has left intensive care" are two reports.
    opposites: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    differ_title: str = "Where sources differ"
    differ_max_points: int = 3
    author: str = ""  # the DOCX's author property and comment author

    def section(self, key: str) -> SectionConfig:
        return next(s for s in self.sections if s.key == key)

    def party_name(self, key: str) -> str:
        """A party's name; a party found by the parser ("other:Turkey") is named as written."""
        if key.startswith(OTHER_PARTY):
            return key[len(OTHER_PARTY):]
        for p in self.all_parties:
            if p.key == key:
                return p.name
        return key

    def party_synonyms(self) -> dict[str, str]:
        """Each one-word alias, lower case, to its party's key, and each word of a word group
        to the group's first word: "moscow" and "putin", "talks" and "negotiation", count as
        one word when sentences are compared; an ignored word maps to "" (left out)."""
        words = {w: group[0] for group in self.word_groups for w in group[1:]}
        words.update((w, "") for w in self.ignored_words)
        words.update({a.lower(): f"party:{p.key}" for p in self.all_parties for a in p.aliases
                      if " " not in a})
        return words


def _opposites(pairs: list[str]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """"remain stay | leave" as ({remain, stay}, {leave}); checked by `load_config`."""
    out = []
    for pair in pairs:
        one, _, other = pair.lower().partition("|")
        out.append((frozenset(one.split()), frozenset(other.split())))
    return tuple(out)


def _lower_set(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(v).lower() for v in table.get(key, []))


OTHER_PARTY = "other:"  # key prefix of a country or body outside the configured parties


def default_table() -> dict[str, Any]:
    text = resources.files("briefing").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Defaults, then the TOML file at `path`, then `overrides` (e.g. from the CLI)."""
    table = default_table()
    if path is not None:
        table = merge(table, _read_toml(path))
    if overrides:
        table = merge(table, overrides)
    return _build(table, str(path) if path else "defaults")


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Tables merge recursively; any other value replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _check(table: dict[str, Any], schema: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    """Record every problem, and return the table with each bad value replaced by its default,
    so that the checks after this one still run and report their problems in the same message."""
    good = dict(schema)
    for key, value in table.items():
        name = f"{where}.{key}" if where else key
        if key not in schema:
            problems.append(f"unknown key '{name}'")
            continue
        expected = schema[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                problems.append(f"'{name}' must be a table")
            elif where == "" and key in ("sections", "parties"):
                entry = _SECTION_KEYS if key == "sections" else _PARTY_KEYS
                good[key] = {**expected, **{
                    sub: {**expected.get(sub, {}), **_check_entry(body, entry, f"{name}.{sub}", problems)}
                    for sub, body in value.items()}}
            else:
                good[key] = _check(value, expected, name, problems)
        elif _value_ok(value, type(expected), name, problems):
            good[key] = value
    return good


def _value_ok(value: Any, expected: type, name: str, problems: list[str]) -> bool:
    """Whether a scalar or list setting has the right type; records the problem if not."""
    if not _type_ok(value, expected):
        problems.append(f"'{name}' must be {_type_name(expected)}, not {_type_name(type(value))}")
        return False
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        problems.append(f"'{name}' must be a list of strings")
        return False
    return True


def _check_entry(body: Any, entry: dict[str, type], name: str, problems: list[str]) -> dict[str, Any]:
    if not isinstance(body, dict):
        problems.append(f"'{name}' must be a table")
        return {}
    good = {}
    for k, v in body.items():
        if k not in entry:
            problems.append(f"unknown key '{name}.{k}'")
        elif _value_ok(v, entry[k], f"{name}.{k}", problems):
            good[k] = v
    return good


def _type_ok(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            list: "a list", dict: "a table"}.get(t, t.__name__)


def _compile(patterns: list[str], name: str, problems: list[str]) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            problems.append(f"'{name}': bad regular expression {p!r}: {exc}")
    return tuple(out)


def _build(table: dict[str, Any], origin: str) -> Config:
    problems: list[str] = []
    table = _check(table, default_table(), "", problems)

    b, a, c, att, d = (table["briefing"], table["analysis"], table["clean"], table["attribution"],
                       table["differ"])
    routing = table.get("routing", {})
    sections: list[SectionConfig] = []
    for key in b["sections"]:
        body = table["sections"].get(key)
        if body is None:
            problems.append(f"'briefing.sections' names '{key}' but there is no [sections.{key}]")
            continue
        kind = body.get("kind", "cues")
        if kind not in SECTION_KINDS:
            problems.append(f"'sections.{key}.kind' must be one of {', '.join(SECTION_KINDS)}")
        if kind in ("cues", "questions") and not body.get("cues"):
            problems.append(f"'sections.{key}.cues' must list at least one cue")
        sections.append(SectionConfig(
            key=key, kind=kind, title=body.get("title", key.replace("_", " ").capitalize()),
            cues=tuple(str(x).lower() for x in body.get("cues", [])),
            min_points=int(body.get("min_points", 0)), max_points=int(body.get("max_points", 5)),
            max_words=int(body.get("max_words", 200)), current=bool(body.get("current", False)),
            newest=bool(body.get("newest", False)),
        ))
    all_parties = []
    for key, body in table["parties"].items():
        aliases = tuple(a_ for a_ in body.get("aliases", []) if a_.strip())
        if not aliases:
            problems.append(f"'parties.{key}.aliases' must list at least one name")
        all_parties.append(PartyConfig(key=key, name=body.get("name", key), aliases=aliases))
    known = {p.key for p in all_parties}
    for key in b["parties"]:
        if key not in known:
            problems.append(f"'briefing.parties' names '{key}' but there is no [parties.{key}]")
    if c["max_sentence_chars"] < 100:
        problems.append("'clean.max_sentence_chars' must be at least 100")
    if b["max_words"] <= 0:
        problems.append("'briefing.max_words' must be positive")
    for pair in table["dedupe"].get("opposites", []):
        one, bar, other = str(pair).partition("|")
        if not (bar and one.split() and other.split()):
            problems.append(f"'dedupe.opposites' entry '{pair}' must be words, '|', words")
    if not 0 < table["dedupe"]["similarity"] <= 1:
        problems.append("'dedupe.similarity' must be between 0 and 1")
    if d["max_points"] < 0:
        problems.append("'differ.max_points' must be 0 or more")
    if not 0 < float(routing.get("secondary_share", 0.6)) <= 1:
        problems.append("'routing.secondary_share' must be between 0 and 1")
    for key in ("assessment_section", "plan_section", "next_section"):
        named = routing.get(key, "")
        if named and named not in table["sections"]:
            problems.append(f"'routing.{key}' names '{named}' but there is no [sections.{named}]")
    if table["dates"]["older_after_days"] < 1:
        problems.append("'dates.older_after_days' must be at least 1")
    if not a["models"]:
        problems.append("'analysis.models' must name at least one spaCy pipeline")
    patterns = {k: _compile(c[k], f"clean.{k}", problems) for k in ("boilerplate", "byline", "caption")}
    if problems:
        raise ConfigError(f"{origin}: " + "; ".join(problems))

    order = {k: i for i, k in enumerate(b["parties"])}
    return Config(
        raw=table, title=b["title"], subject=b["subject"].strip() or _subject(sections),
        max_words=b["max_words"],
        method=b["method"], sections=tuple(sections),
        parties=tuple(sorted((p for p in all_parties if p.key in order), key=lambda p: order[p.key])),
        all_parties=tuple(all_parties), other_parties=b["other_parties"],
        models=tuple(a["models"]), language=a["language"], backdrop_markers=_lower_set(a, "backdrop_markers"),
        trim=bool(a.get("trim", True)), aside_verbs=_lower_set(a, "aside_verbs"),
        trim_openers=_lower_set(a, "trim_openers"),
        origin_words=_lower_set(a, "origin_words"),
        heading_max_words=c["heading_max_words"], max_sentence_chars=c["max_sentence_chars"],
        language_words=frozenset(w.lower() for w in c["language_words"]),
        min_language_share=float(c["min_language_share"]), boilerplate=patterns["boilerplate"],
        byline=patterns["byline"], caption=patterns["caption"],
        similarity=float(table["dedupe"]["similarity"]),
        word_groups=tuple(tuple(g.lower().split()) for g in table["dedupe"]["synonyms"] if g.strip()),
        ignored_words=tuple(w.lower() for w in table["dedupe"]["ignore"]),
        opposites=_opposites(table["dedupe"].get("opposites", [])),
        verbs=frozenset(v.lower() for v in att["verbs"]),
        stance_verbs=frozenset(v.lower() for v in att["stance_verbs"]),
        stance_nouns=frozenset(v.lower() for v in att["stance_nouns"]),
        pronouns=frozenset(v.lower() for v in att["pronouns"]),
        actor_excluded_sections=frozenset(att["actor_excluded_sections"]),
        source_verbs=_lower_set(att, "source_verbs"), clause_verbs=_lower_set(att, "clause_verbs"),
        role_nouns=_lower_set(att, "role_nouns"), possessives=_lower_set(att, "possessives"),
        not_agents=_lower_set(att, "not_agents"),
        stance_markers=_lower_set(att, "stance_markers"), decision_verbs=_lower_set(att, "decision_verbs"),
        silence_verbs=_lower_set(att, "silence_verbs"), no_details=_lower_set(att, "no_details"),
        firm_stance=_lower_set(att, "firm_stance"), commentary_verbs=_lower_set(a, "commentary_verbs"),
        commentators=_lower_set(a, "commentators"),
        older_after_days=table["dates"]["older_after_days"],
        ahead_cues=_lower_set(table["dates"], "ahead_cues"), done_cues=_lower_set(table["dates"], "done_cues"),
        stance_weight=float(routing.get("stance_weight", 3.0)),
        speaker_weight=float(routing.get("speaker_weight", 1.0)),
        secondary_share=float(routing.get("secondary_share", 0.6)),
        assessment_cues=_cues(routing.get("assessment_cues", [])),
        # A section left out of the briefing takes no verdicts or plans: they stay where
        # their words put them.
        assessment_section=_shown(routing.get("assessment_section", ""), b["sections"]),
        plan_nouns=_lower_set(routing, "plan_nouns"),
        plan_section=_shown(routing.get("plan_section", ""), b["sections"]),
        next_section=_shown(routing.get("next_section", ""), b["sections"]),
        author=b["author"].strip(),
        certain_cues=_cues(d["certain"]), hedge_cues=_cues(d["hedged"]), denial_cues=_cues(d["denied"]),
        differ_title=d["title"], differ_max_points=d["max_points"],
    )


def _shown(key: str, sections: list[str]) -> str:
    """`key` when the briefing shows that section, else ""."""
    return key if key in sections else ""


def _subject(sections: list[SectionConfig]) -> str:
    """What the briefing covers, from the titles of its sections of points: "Status of talks,
    positions by party, military developments and open questions"."""
    titles = [sc.title for sc in sections if sc.kind in ("cues", "parties", "questions") and sc.title]
    titles = titles[:1] + [t if t.split()[0].isupper() else t[0].lower() + t[1:] for t in titles[1:]]
    return ", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1 else "".join(titles)


def _cues(values: list[str]) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in values if str(v).strip())
