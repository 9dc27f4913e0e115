"""The cleaner: what each line of an article is (title, heading, body, byline, caption, junk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.clean import classify_line, clean, normalise
from briefing.config import load_config
from briefing.readers import RawArticle

CONFIG = load_config()

BODY = ("The harbour authority said on Monday that the new ferry timetable would start in spring, "
        "after months of delays caused by a shortage of trained crews.")


def kind(line: str, *, seen_body: bool = True, seen_title: bool = True, previous: str | None = None,
         declared_heading: bool = False) -> str:
    return classify_line(line, CONFIG, declared_heading=declared_heading, seen_body=seen_body,
                         seen_title=seen_title, previous=previous)


def article(*lines: str, name: str = "story.txt", headings: frozenset[int] = frozenset()) -> RawArticle:
    return RawArticle(path=Path(name), lines=tuple(lines), headings=headings)


@pytest.mark.parametrize("line", [
    "- Advertisement -",
    "Advertisement",
    "— ADVERTISEMENT —",
    "Ad imageAd image",
    "Ad image",
    "Share This Article",
    "Share",
    "Print this story",
    "Leave a Comment",
    "Leave a Reply",
    "Follow US",
    "Follow us on Telegram",
    "Your email address will not be published.",
    "Your email address will not be published. Required fields are marked *",
    "Required fields are marked *",
    "Subscribe to our daily newsletter",
    "Read more: ferry strikes in the north",
    "Related Articles",
    "Related: Who is Dana Whitlow, Alden Cray's peace envoy?",
    "Share this:",
    "We use cookies to improve your experience.",
    "Click here to continue reading",
    "© 2024 Harbour Gazette. All rights reserved.",
    "Comments (12)",
    "Post Comment",
])
def test_boilerplate_lines(line: str) -> None:
    assert kind(line) == "boilerplate"
    # Junk is junk wherever it turns up, even before the article has started.
    assert kind(line, seen_body=False, seen_title=False) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Photo: Reuters",
    "Photo: Marta Quill/Harbour Gazette",
    "Image credit: city archive",
    "Credit: Port Authority handout",
    "The new ferry leaves the dock on its first trial run. (Photo: Port Authority)",
    "Crews load the ferry at dawn / Reuters",
])
def test_photo_credits_are_captions(line: str) -> None:
    assert kind(line) == "caption"


@pytest.mark.parametrize("line", [
    "By Jane Doe",
    "by Jane Doe and Omar Lindqvist",
    "Written by Priya Natarajan, Harbour Gazette",
    "Jane Doe, transport correspondent",
])
def test_bylines(line: str) -> None:
    assert kind(line, seen_body=False) == "byline"


def test_name_alone_after_the_title_is_a_byline() -> None:
    assert kind("Marta Quill", seen_body=False, seen_title=True) == "byline"
    # ...but once the body has started, a short name-like line is a subheading.
    assert kind("Harbour Works", seen_body=True, seen_title=True) == "heading"


def test_a_repeated_line_is_dropped() -> None:
    assert kind("Marta Quill", seen_body=False, previous="Marta Quill") == "boilerplate"
    assert kind(BODY, previous=BODY) == "boilerplate"


def test_first_heading_like_line_is_the_title() -> None:
    assert kind("Ferry Timetable Delayed Again as Crews Run Short",
                seen_body=False, seen_title=False) == "title"


def test_a_long_first_line_without_a_closing_mark_is_the_title() -> None:
    """Headlines run long; the same line further down is a sentence."""
    headline = ("Kestria lifts nurses' pay offer to 5 pct; federation rejects it as strike spreads "
                "to 19 hospitals")
    assert kind(headline, seen_body=False, seen_title=False) == "title"
    assert kind(headline) == "body"
    cleaned = clean(article(headline, "DUNMARROW, April 9 (Kestria Press Agency) - " + BODY), 1, CONFIG)
    assert cleaned.source.title == headline and not cleaned.source.title_is_derived
    assert [b.text for b in cleaned.body] == [BODY]


@pytest.mark.parametrize("line", [
    "What Comes Next for the Harbour",
    "Crew shortage deepens",
    "A timeline of the delays",
])
def test_short_lines_without_closing_punctuation_are_headings(line: str) -> None:
    assert kind(line) == "heading"


@pytest.mark.parametrize("line", [
    BODY,
    "Crews are short.",  # short, but a sentence: it ends with a full stop
    "“We will not sail until it is safe,” the captain said.",
    "Is the timetable realistic?",
    "The union listed three demands:",
])
def test_sentences_are_body(line: str) -> None:
    assert kind(line) == "body"


def test_long_line_without_punctuation_is_body() -> None:
    line = " ".join(["word"] * (CONFIG.heading_max_words + 1))
    assert kind(line) == "body"
    assert kind(" ".join(["word"] * CONFIG.heading_max_words)) == "heading"


def test_declared_markdown_heading_is_a_heading_even_with_punctuation() -> None:
    assert kind("Why now?", declared_heading=True) == "heading"
    assert kind("Why now?", declared_heading=False) == "body"


def test_normalise_spaces_and_invisible_characters() -> None:
    assert normalise("  Ferry\u00a0crews\t\tare   short.\u200b ") == "Ferry crews are short."
    assert normalise("Cafe\u0301 owners\x07 complain.") == "Café owners complain."


def test_clean_whole_article() -> None:
    raw = article(
        "Ferry Timetable Delayed Again as Crews Run Short",
        "",
        "By Marta Quill",
        "Photo: Reuters",
        BODY,
        "- Advertisement -",
        "Ad imageAd image",
        "Union Demands",
        "The crew union said it wanted higher pay before any new routes were opened.",
        "Share This Article",
        "Leave a Comment",
        "Your email address will not be published.",
        "Follow US",
    )
    result = clean(raw, 7, CONFIG)
    kinds = [(b.text, b.kind) for b in result.blocks]
    assert kinds == [
        ("Ferry Timetable Delayed Again as Crews Run Short", "title"),
        ("By Marta Quill", "byline"),
        ("Photo: Reuters", "caption"),
        (BODY, "body"),
        ("- Advertisement -", "boilerplate"),
        ("Ad imageAd image", "boilerplate"),
        ("Union Demands", "heading"),
        ("The crew union said it wanted higher pay before any new routes were opened.", "body"),
        ("Share This Article", "boilerplate"),
        ("Leave a Comment", "boilerplate"),
        ("Your email address will not be published.", "boilerplate"),
        ("Follow US", "boilerplate"),
    ]
    assert [b.index for b in result.blocks] == list(range(len(result.blocks)))
    assert [b.text for b in result.body] == [
        BODY, "The crew union said it wanted higher pay before any new routes were opened."]
    assert result.source.number == 7
    assert result.source.path == "story.txt"
    assert result.source.title == "Ferry Timetable Delayed Again as Crews Run Short"
    assert result.source.title_is_derived is False


def test_only_the_first_heading_like_line_is_the_title() -> None:
    result = clean(article("Harbour News", "What the delays mean for commuters", BODY), 1, CONFIG)
    assert [b.kind for b in result.blocks] == ["title", "heading", "body"]
    assert result.source.title == "Harbour News"


def test_article_without_title_gets_a_derived_title() -> None:
    second = "Passengers were told to expect cancellations until the end of the month."
    result = clean(article(BODY, second, name="untitled.txt"), 2, CONFIG)
    assert [b.kind for b in result.blocks] == ["body", "body"]
    assert result.source.title_is_derived is True
    # The opening ten words of the first body line, marked as cut short.
    assert result.source.title == " ".join(BODY.split()[:10]) + "…"


def test_short_untitled_article_title_is_not_marked_as_cut() -> None:
    result = clean(article("Crews are short."), 1, CONFIG)
    assert result.source.title == "Crews are short."
    assert result.source.title_is_derived is True


def test_article_with_nothing_usable_is_named_after_its_file() -> None:
    result = clean(article("- Advertisement -", "Share This Article", name="empty-page.txt"), 3, CONFIG)
    assert result.body == ()
    assert result.source.title == "empty-page"
    assert result.source.title_is_derived is True


def test_blank_lines_are_skipped() -> None:
    result = clean(article("", "   ", "\u00a0", BODY, ""), 1, CONFIG)
    assert [b.text for b in result.blocks] == [BODY]


# --- reading files feeds the cleaner -------------------------------------------------------------

def test_markdown_headings_are_declared(tmp_path: Path) -> None:
    from briefing.readers import read_markdown

    path = tmp_path / "story.md"
    path.write_text("# Ferry Timetable Delayed\n\n" + BODY + "\n\n## Why now?\n\nCrews are short.\n",
                    encoding="utf-8")
    raw = read_markdown(path)
    result = clean(raw, 1, CONFIG)
    assert [(b.text, b.kind) for b in result.blocks] == [
        ("Ferry Timetable Delayed", "title"), (BODY, "body"), ("Why now?", "heading"),
        ("Crews are short.", "body")]


def test_text_encodings(tmp_path: Path) -> None:
    from briefing.readers import read_text

    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffCafé owners complain.\n".encode("utf-8"))
    assert read_text(bom).lines == ("Café owners complain.",)
    legacy = tmp_path / "cp1252.txt"
    legacy.write_bytes("“Café” owners complain – again.\n".encode("cp1252"))
    assert read_text(legacy).lines == ("“Café” owners complain – again.",)


@pytest.mark.parametrize("dateline", ["SAN TELMO, Veralta — ", "KOVEL, Marovia (Wire) _ ",
                                      "LONDON, March 3 (Reuters) - "])
def test_the_dateline_of_the_first_paragraph_is_left_out(dateline: str) -> None:
    """Where the story was filed is no part of a point: "SAN TELMO, Veralta — A magnitude 6.6
    earthquake struck..." would be quoted with it, and misparsed."""
    later = "SAN TELMO is the regional capital — and the worst hit."
    cleaned = clean(article("Quake hits Veralta", dateline + BODY, later), 1, CONFIG)
    assert [b.text for b in cleaned.body] == [BODY, later]
    # After a standfirst, the paragraph that opens the report.
    standfirst = "The strongest quake in decades has left thousands without power."
    cleaned = clean(article("Quake hits Veralta", standfirst, dateline + BODY, later), 1, CONFIG)
    assert [b.text for b in cleaned.body] == [standfirst, BODY, later]
