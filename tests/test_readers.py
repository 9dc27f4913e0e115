"""Readers: each format gives the article's lines and the metadata it carries; sources.toml
adds what a file cannot say; anything unreadable is named once, never read as an article."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.readers import Meta, read_folder
from briefing.readers.docx import read_docx
from briefing.readers.html import read_html
from briefing.readers.markdown import read_markdown

DATA = Path(__file__).resolve().parent / "data" / "mixed"
PAGE = DATA / "sylvania-herald-quota-talks.html"
BODY = "The harbour authority said on Monday that the new ferry timetable would start in spring."

# Text around the article in the saved page: none of it is the story.
PAGE_CHROME = ["cookies", "Subscribe", "Search the Herald", "Related stories", "Most read",
               "Marenza United", "interest rates", "All rights reserved", "Privacy policy",
               "Contact the newsroom", "newsletter", "Share on", "Home", "Photo:"]


def test_html_reads_the_article_and_its_metadata() -> None:
    raw = read_html(PAGE)
    text = "\n".join(raw.lines)
    assert raw.lines[0] == "Sylvania and Freedonia agree quota framework in Marenza"
    assert 0 in raw.headings and "Deal still needs signatures" in raw.lines
    assert raw.lines[raw.headings and sorted(raw.headings)[1]] == "Deal still needs signatures"
    assert "It remains unclear whether the Freedonian parliament will approve the quotas" in text
    for chrome in PAGE_CHROME:
        assert chrome not in text, chrome
    assert raw.meta == Meta(
        title="Sylvania and Freedonia agree quota framework in Marenza", outlet="The Sylvania Herald",
        url="https://www.sylvaniaherald.example/world/2026/03/12/quota-framework-marenza",
        date="2026-03-12", author="Irena Vasko")


def test_html_without_an_article_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                        encoding="utf-8")
    (tmp_path / "story.txt").write_text(BODY + "\n", encoding="utf-8")
    articles, notes = read_folder(tmp_path)
    assert [a.path.name for a in articles] == ["story.txt"]
    assert notes == ["menu.html left out: no article text found in the page"]


def write_docx(path: Path, *, title: str = "", author: str = "", created: datetime | None = None,
               identifier: str = "") -> None:
    from docx import Document

    doc = Document()
    doc.add_heading("Ferry Timetable Delayed", level=1)
    doc.add_paragraph(BODY)
    doc.add_heading("Why now?", level=2)
    doc.add_paragraph("Crews are short.")
    props = doc.core_properties
    props.title, props.author, props.identifier = title, author, identifier
    if created is not None:
        props.created = created
    doc.save(str(path))


def test_docx_reads_paragraphs_headings_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "ferry.docx"
    write_docx(path, title="Ferry timetable delayed again", author="Ana Ruiz",
               created=datetime(2026, 3, 11, 8, 0, tzinfo=timezone.utc),
               identifier="https://harbour.example/ferry")
    raw = read_docx(path)
    assert raw.lines == ("Ferry Timetable Delayed", BODY, "Why now?", "Crews are short.")
    assert raw.headings == frozenset({0, 2})
    assert raw.meta == Meta(title="Ferry timetable delayed again", author="Ana Ruiz", date="2026-03-11",
                            url="https://harbour.example/ferry")


def test_docx_without_properties_claims_no_author_or_date(tmp_path: Path) -> None:
    """A file made from python-docx's own template carries its 2013 stamp, not the article's."""
    path = tmp_path / "plain.docx"
    write_docx(path)
    assert read_docx(path).meta == Meta()


def test_broken_docx_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "story.txt").write_text(BODY + "\n", encoding="utf-8")
    articles, notes = read_folder(tmp_path)
    assert [a.path.name for a in articles] == ["story.txt"]
    assert notes == ["broken.docx left out: not a Word (.docx) document"]


FRONT = """---
title: Ferry timetable delayed again
source: Harbour Gazette
url: https://gazette.example/ferry
date: 2026-03-13
author: [Ana Ruiz, Tom Berg]
tags: [ferries]
---
# Ferry Timetable Delayed

{body}
"""


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(FRONT.format(body=BODY), encoding="utf-8")
    raw = read_markdown(path)
    assert raw.lines == ("Ferry Timetable Delayed", "", BODY)
    assert raw.headings == frozenset({0})
    assert raw.meta == Meta(title="Ferry timetable delayed again", outlet="Harbour Gazette",
                            url="https://gazette.example/ferry", date="2026-03-13",
                            author="Ana Ruiz, Tom Berg")


def test_markdown_without_front_matter_keeps_a_leading_rule(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text(BODY + "\n\n---\n\nMore text.\n", encoding="utf-8")
    raw = read_markdown(path)
    assert raw.meta == Meta() and raw.lines[0] == BODY


@pytest.mark.parametrize("front, message", [
    ("---\ntitle: [unclosed\n---\n", "ferry.md: front matter is not valid YAML (line 2)"),
    ("---\ntitle: Ferry\n", "ferry.md: front matter opened with '---' is never closed"),
    ("---\n- a\n- b\n---\n", "ferry.md: front matter must be 'key: value' lines"),
    ("---\ndate: sometime soon\n---\n", "'date' is not a full date: 'sometime soon'; write it as YYYY-MM-DD"),
    ("---\nurl: javascript:alert(1)\n---\n", "'url' must be an http:// or https:// address"),
])
def test_bad_front_matter_is_a_clear_error(tmp_path: Path, front: str, message: str) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(front + BODY + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_markdown(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_sources_toml_fills_in_and_corrects_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(FRONT.format(body=BODY), encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '["a.txt"]\ntitle = "Ferry news"\noutlet = "Harbour Radio"\ndate = 2026-01-05\n\n'
        '["b.md"]\ndate = "14 March 2026"\n\n["gone.txt"]\ntitle = "Old"\n', encoding="utf-8")
    articles, notes = read_folder(tmp_path)
    meta = {a.path.name: a.meta for a in articles}
    assert meta["a.txt"] == Meta(title="Ferry news", outlet="Harbour Radio", date="2026-01-05")
    # The file's own values stay where sources.toml says nothing.
    assert meta["b.md"].date == "2026-03-14" and meta["b.md"].outlet == "Harbour Gazette"
    assert notes == [f"sources.toml describes gone.txt, which is not an article in {tmp_path}"]


@pytest.mark.parametrize("toml, message", [
    ('["a.txt"]\npublished = 2026-01-05\n', "unknown key 'published'"),
    ('title = "x"\n', '"title" must be a table'),
    ('["a.txt"\n', "invalid TOML"),
    ('["a.txt"]\ndate = "last week"\n', "'date' is not a full date"),
])
def test_bad_sources_toml_is_a_clear_error(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(BODY + "\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_folder(tmp_path)
    assert message in str(info.value) and "sources.toml" in str(info.value)


def test_unsupported_files_are_named_once(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(BODY + "\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "~$draft.docx").write_bytes(b"\x00")
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    articles, notes = read_folder(tmp_path)
    assert [a.path.name for a in articles] == ["story.txt"]
    assert len(notes) == 1
    assert notes[0].startswith("skipped 2 files not ending in .txt, .md, .markdown, .html, .htm or .docx")
    assert notes[0].endswith(": photo.jpg, scan.pdf")
