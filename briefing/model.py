"""The one data model that flows from reading to rendering.

Every stage takes and returns these frozen dataclasses; renderers see only a
`Briefing`. Provenance (source number, paragraph, index) rides on every sentence
so that citations, de-duplication and ordering all follow from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from .quotes import closes_a_quote, reopened


@dataclass(frozen=True)
class Source:
    """One article file; `number` is what citations print. Outlet, URL, date (YYYY-MM-DD)
    and author are None where neither the file nor sources.toml says."""

    number: int
    path: str
    title: str
    title_is_derived: bool = False
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Block:
    """One non-empty line of an article after cleaning, with what the cleaner made of it."""

    index: int
    text: str
    kind: str  # title | heading | body | boilerplate | byline | caption


@dataclass(frozen=True)
class Article:
    source: Source
    blocks: tuple[Block, ...]

    @property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "body")


@dataclass(frozen=True)
class Entity:
    text: str
    label: str
    future: bool = False  # a date the sentence looks ahead to ("will meet on Friday")


@dataclass(frozen=True)
class Figure:
    """A number in a sentence and the words that say what it measures."""

    value: str
    kind: str  # PERCENT, MONEY, QUANTITY, CARDINAL, DATE (spaCy's entity labels)
    context: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body, as spaCy split it, with what analysis found."""

    text: str
    source: int
    paragraph: int
    index: int
    words: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()  # lower-case lemma of each word, for cue phrases
    terms: tuple[str, ...] = ()  # lower-case lemmas of content words, for cues and similarity
    voice: tuple[str, ...] = ()  # those of `terms` that say who speaks (attribute.voice)
    # Per word: inside a clause or phrase that only sets the scene ("Despite diplomatic
    # efforts, ...", "even as diplomats search..."); cues there count for less.
    backdrop: tuple[bool, ...] = ()
    entities: tuple[Entity, ...] = ()
    parties: tuple[str, ...] = ()  # parties mentioned anywhere in the sentence
    speaker: str | None = None  # party that holds the stance the sentence reports
    actor: str | None = None  # party that is the subject of the main clause, whatever the verb
    stance: bool = False  # the speaker demands, rejects, proposes... (not merely "said")
    vouched: str | None = None  # party whose account it is: "according to X", "X confirmed"
    figures: tuple[Figure, ...] = ()
    counts: tuple[tuple[str, str], ...] = ()  # (what is counted, how many): "seven people" (counts.py)
    # (verb, what, how many, as written): ("detain", "people", "9", "detained nine people") (counts.py)
    acts: tuple[tuple[str, str, str, str], ...] = ()
    event: tuple[str, ...] = ()  # what it reports: predicate and argument heads (see event.py)
    subject: str = ""  # the head of that predicate's subject, as a word of `event`
    needs_context: bool = False  # leans on the sentence before it: "He added...", "that ultimatum"
    pointers: tuple[str, ...] = ()  # lemmas of bare plural references back: "described the strikes as"
    connective: bool = False  # leans on the sentence before only by its first word: "Yet with..."
    commentary: bool = False  # interprets rather than reports: "The divide highlights..." (commentary.py)
    background: bool = False  # tells how the story began: "The war, which began in 2022..." (background.py)
    general: bool = False  # how things are as a rule, not what happened: "Measles spreads through the air"
    dated: tuple[str, ...] = ()  # the years that date its main clause (background.main_years)
    denies: bool = False  # denies that something is so: "denied reports that a deal was reached" (event.denies)
    # Says only that someone said nothing, "declined to comment"; not "declined to say
    # whether...", which tells what is not yet known (attribute.silent).
    silent: bool = False
    undetailed: bool = False  # says it gave nothing to go on: "..., without giving details" (`attribution.no_details`)
    planned: bool = False  # its main clause announces what is to come: "are set to meet" (event.planned)
    sections: tuple[str, ...] = ()  # the sections the router gave the sentence, best first
    brief: str = ""  # the text without an opener or close the briefing can do without (trim.py)
    short: str = ""  # of a dated sentence, `shown` without a closing scene or aside (trim.short_form), for a timeline
    names: tuple[tuple[str, str], ...] = ()  # (title and full name as written, surname)

    @property
    def shown(self) -> str:
        """The words the briefing quotes; the tail of a quotation split in two has its
        opening mark back, so that it reads as quoted on its own."""
        text = self.brief or self.text
        return reopened(text) if closes_a_quote(self.text) else text

    @property
    def shown_short(self) -> str:
        """`shown` without a closing scene or aside, when the sentence has one (`short`)."""
        if not self.short:
            return self.shown
        return reopened(self.short) if closes_a_quote(self.text) else self.short

    @property
    def key(self) -> tuple[int, int]:
        return (self.source, self.index)

    @property
    def holder(self) -> str | None:
        """Whose act or word the sentence tells: its speaker, else its main clause's subject."""
        return self.speaker or self.actor

    @property
    def scene(self) -> tuple[bool, ...]:
        """Which words only set the scene, one flag per word (none known: none do)."""
        return self.backdrop if len(self.backdrop) == len(self.words) else (False,) * len(self.words)


# A citation lists at most this many source numbers and says how many more there are: a
# point that 400 of 500 articles report would otherwise spend 400 words of the briefing on
# its citation. The count of sources after it says how many report it in all.
CITED_AT_MOST = 5


def cited(numbers: tuple[int, ...], wording: tuple[int, ...] = ()) -> tuple[tuple[int, ...], int, int]:
    """The source numbers a citation lists, those of `wording` first; how many of them it
    lists before "also" (0: no "also"); and how many more it leaves out. `wording`: of
    `numbers`, the sources whose own words the point gives, when the others tell it otherwise
    (`Point.wording`)."""
    if wording:
        own = set(wording)
        first = tuple(n for n in numbers if n in own)
        ordered = first + tuple(n for n in numbers if n not in own)
        lead = len(first) if first and len(first) < len(numbers) else 0
    else:  # most points, asked on every fit: no list made
        ordered, lead = numbers, 0
    if len(ordered) <= CITED_AT_MOST + 1:
        return ordered, lead, 0
    return ordered[:CITED_AT_MOST], min(lead, CITED_AT_MOST), len(ordered) - CITED_AT_MOST


def citation_words(numbers: tuple[int, ...], wording: tuple[int, ...] = ()) -> int:
    """Words a citation takes as the reader counts them: "[1, 2, … and 7 more]", "[2; also 1, 3]"."""
    shown, lead, more = cited(numbers, wording)
    return len(shown) + (4 if more else 0) + (1 if lead and lead < len(shown) else 0)


@dataclass(frozen=True)
class Point:
    """One statement in the briefing: a sentence's original wording and every source reporting it."""

    text: str
    sources: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # (source, index) of every merged sentence
    party: str | None = None
    # Of `sources`, those whose own words the text gives when the others tell it otherwise:
    # a quotation or a figure only some of them carry. Cited first, the others after "also".
    wording: tuple[int, ...] = ()
    new: bool = False  # not in the previous briefing
    figure: str | None = None  # in a key-figures table: the number; `text` says what it measures
    older: str | None = None  # date of the newest source reporting it, when that is older context
    reported: str | None = None  # of a story of several days, that date when before the newest
    when: str | None = None  # timeline: the day, month or week the point is about
    # Where sources differ: who says `text` (a party's name, when known), and the other
    # source's wording, its sources and who says it.
    label: str | None = None
    versus: str | None = None
    versus_sources: tuple[int, ...] = ()
    versus_label: str | None = None
    # Another source's count of the act the text counts, in its words, and that source:
    # given after the point ("other count: “detained nine people” [3]").
    disputed: str | None = None
    disputed_sources: tuple[int, ...] = ()
    # Where sources differ: the source of the claim a later report bears out, and that
    # report's ("[3] borne out by [5]").
    borne_out: tuple[int, int] | None = None


# "[3] borne out by [5]" as the reader counts it.
BORNE_OUT_WORDS = 5

# What the briefing calls another source's count of what a point counts.
DISPUTED_LABEL = "other count"


def disputed_words(text: str, sources: tuple[int, ...]) -> int:
    """Words "other count: “…” [n]" takes as the reader counts them."""
    return 2 + len(text.split()) + citation_words(sources)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    points: tuple[Point, ...] = ()
    subsections: tuple[Section, ...] = ()
    note: str = ""  # said instead of points when there are none
    kind: str = ""  # how renderers lay it out: "figures" is a table, "parties" gets an overview table

    @property
    def words(self) -> int:
        own = sum(len(p.text.split()) + len((p.versus or "").split()) for p in self.points)
        return own + sum(s.words for s in self.subsections)

    @property
    def cost(self) -> int:
        """Words it takes in the briefing with its heading, labels and citations."""
        extra = sum(2 + citation_words(p.sources) + citation_words(p.versus_sources) + len((p.label or "").split())
                    + len((p.versus_label or "").split()) + (2 if p.older or (p.reported and not p.when) else 0)
                    + (disputed_words(p.disputed, p.disputed_sources) if p.disputed else 0)
                    + (BORNE_OUT_WORDS if p.borne_out else 0)
                    for p in self.points)
        return len(self.title.split()) + 1 + self.words + extra


_NAMED = 3  # sources named in the line on dates; the rest counted


@dataclass(frozen=True)
class Briefing:
    title: str
    subject: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    method: str
    model: str
    notes: tuple[str, ...] = field(default=())  # warnings worth showing the reader
    older_before: str | None = None  # points reported only before this day are marked older
    older_sources: tuple[int, ...] = ()  # undated sources read as written well before the others

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sections)

    def points(self) -> Iterator[Point]:
        """Every point of every section and subsection, in reading order."""
        for section in self.sections:
            for sub in (section, *section.subsections):
                yield from sub.points

    @cached_property  # the list of sources asks it of every source
    def uncited(self) -> frozenset[int]:
        """Sources that no point, figure or disagreement cites: read, and left out (their
        news older, repeated or outweighed), which the reader checking coverage should see."""
        cited = {n for p in self.points() for n in (*p.sources, *p.versus_sources)}
        return frozenset(s.number for s in self.sources) - cited

    @property
    def dating(self) -> str:
        """One line on how old the sources are, for the reader to weigh the points."""
        dates = sorted(s.date for s in self.sources if s.date)
        if not dates and self.older_sources:
            many = len(self.older_sources) > 1
            shown = [str(n) for n in self.older_sources[:_NAMED]]
            left = len(self.older_sources) - len(shown)
            # A long list of numbers says nothing the list of sources does not: a few, and how many more.
            numbers = (f"{', '.join(shown)} and {left} more" if left else
                       f"{', '.join(shown[:-1])} and {shown[-1]}" if many else shown[0])
            return (f"Source dates are unknown. Source{'s' if many else ''} {numbers} read{'' if many else 's'} as "
                    f"written well before the others (what {'they announce' if many else 'it announces'}, "
                    f"later sources report as past): what only {'they report is' if many else 'it reports is'} left out.")
        if not dates:
            return "Source dates are unknown: newer and older reporting are not told apart."
        undated = len(self.sources) - len(dates)
        line = (f"Sources dated {dates[0]}" if dates[0] == dates[-1]
                else f"Sources dated {dates[0]} to {dates[-1]}")
        line += f", {undated} undated." if undated else "."
        if self.older_before and dates[0] < self.older_before:
            line += f" Points reported only before {self.older_before} are marked as older."
        elif dates[0] != dates[-1]:
            line += f" A point last reported before {dates[-1]} shows that day."
        return line

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "uncited": sorted(self.uncited)}
