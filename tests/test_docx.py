"""The DOCX read back with python-docx, and opened by LibreOffice."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from helpers import all_points, docx_paragraphs, normalise_ws

from briefing.render.markdown import cite


@pytest.fixture(scope="module")
def paragraphs(docx_bytes: bytes) -> list[tuple[str, str]]:
    return docx_paragraphs(docx_bytes)


def styled(paragraphs: list[tuple[str, str]], style: str) -> list[str]:
    return [text for s, text in paragraphs if s == style]


def test_title_paragraph(paragraphs, briefing) -> None:
    assert styled(paragraphs, "Title") == [briefing.title]
    assert paragraphs[0] == ("Title", "Russia–Ukraine peace talks")
    assert styled(paragraphs, "Subtitle") == [briefing.subject]


def test_heading_1_are_the_section_titles_in_order(paragraphs) -> None:
    assert styled(paragraphs, "Heading 1") == [
        "Key takeaways", "Status of talks", "Positions by party", "Military developments",
        "Open questions", "Sources"]


def test_heading_2_are_the_party_names(paragraphs, briefing) -> None:
    h2 = styled(paragraphs, "Heading 2")
    assert h2[:4] == ["Ukraine", "Russia", "United States", "Europe"]
    positions = next(s for s in briefing.sections if s.key == "positions")
    assert h2 == [s.title for s in positions.subsections]
    # They sit between the "Positions by party" heading and the next Heading 1.
    order = [(s, t) for s, t in paragraphs if s in ("Heading 1", "Heading 2")]
    start = order.index(("Heading 1", "Positions by party"))
    assert [t for _, t in order[start + 1:start + 1 + len(h2)]] == h2
    assert order[start + 1 + len(h2)][0] == "Heading 1"


def test_every_point_is_a_bullet_with_its_citation(paragraphs, briefing) -> None:
    bullets = styled(paragraphs, "List Bullet")
    points = all_points(briefing)
    assert bullets == [f"{p.text} {cite(p.sources)}" for p in points]


def test_every_markdown_point_is_in_a_bullet(paragraphs, markdown: str) -> None:
    from helpers import md_bullets

    bullets = styled(paragraphs, "List Bullet")
    for text, _ in md_bullets(markdown):
        assert any(b.startswith(text + " [") for b in bullets), text


def test_citations_use_the_character_style(docx_bytes: bytes) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets
    for p in bullets:
        assert len(p.runs) == 2
        assert p.runs[1].style.name == "Citation"
        assert p.runs[1].text.startswith(" [") and p.runs[1].text.endswith("]")


def test_sources_are_a_numbered_list(paragraphs, briefing) -> None:
    numbered = styled(paragraphs, "List Number")
    assert len(numbered) == len(briefing.sources) == 5
    for text, source in zip(numbered, briefing.sources):
        assert text.endswith(f" — {source.path}")
        if source.title_is_derived:
            assert text.startswith(f"Untitled: “{source.title}”")
        else:
            assert text.startswith(source.title)


def test_core_properties(docx_bytes: bytes, briefing) -> None:
    from docx import Document

    props = Document(io.BytesIO(docx_bytes)).core_properties
    assert props.title == briefing.title
    assert props.subject == briefing.subject
    assert props.created is not None
    now = datetime.now(timezone.utc)
    created = props.created if props.created.tzinfo else props.created.replace(tzinfo=timezone.utc)
    assert abs((now - created).total_seconds()) < 24 * 3600
    assert "Ukraine" in props.keywords and "Russia" in props.keywords


def test_created_date_can_be_fixed(briefing) -> None:
    from docx import Document

    from briefing.render.docx import render_docx

    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    props = Document(io.BytesIO(render_docx(briefing, created=when))).core_properties
    assert props.created.replace(tzinfo=timezone.utc) == when


def test_section_without_points_shows_its_note() -> None:
    from briefing.model import Briefing, Section, Source
    from briefing.render.docx import render_docx

    b = Briefing(title="T", subject="S", method="lexrank", model="m",
                 sections=(Section(key="talks", title="Status of talks", note="Nothing in the sources."),),
                 sources=(Source(number=1, path="a.txt", title="A"),))
    paras = docx_paragraphs(render_docx(b))
    assert ("Briefing Note", "Nothing in the sources.") in paras
    assert ("Heading 1", "Status of talks") in paras
    assert any(t.startswith("Built from 1 source (") for _, t in paras)  # singular


def test_long_properties_are_cut_to_what_docx_holds() -> None:
    # Hundreds of articles can name dozens of other parties: the keywords list must still fit.
    from docx import Document

    from briefing.model import Briefing, Section, Source
    from briefing.render.docx import render_docx

    parties = tuple(Section(key=f"positions.other:{n}", title=f"Party number {n}") for n in range(60))
    b = Briefing(title="T" * 300, subject="S", method="lexrank", model="m",
                 sections=(Section(key="positions", title="Positions", subsections=parties),),
                 sources=(Source(number=1, path="a.txt", title="A"),))
    props = Document(io.BytesIO(render_docx(b))).core_properties
    assert len(props.keywords) <= 255 and props.keywords.startswith("Party number 0, Party number 1, ")
    assert props.keywords.endswith(tuple("0123456789"))  # cut between two names, not inside one
    assert len(props.title) == 255 and props.title.endswith("…")
    assert ("Title", "T" * 300) in docx_paragraphs(render_docx(b))  # the document itself is whole


# --- LibreOffice ---------------------------------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_reads_the_docx(tmp_path: Path, soffice: str, docx_bytes: bytes, briefing) -> None:
    docx = tmp_path / "briefing.docx"
    docx.write_bytes(docx_bytes)
    outdir = tmp_path / "txt"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "txt:Text", "--outdir", str(outdir), str(docx)],
        capture_output=True, text=True, timeout=120, check=False)
    txt = outdir / "briefing.txt"
    assert proc.returncode == 0 and txt.is_file(), f"soffice failed:\n{proc.stdout}\n{proc.stderr}"
    raw = txt.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # pragma: no cover - some builds export in the locale's code page
        text = raw.decode("cp1252", errors="replace")
    flat = normalise_ws(text)
    assert briefing.title in flat
    lines = [line.strip() for line in text.splitlines()]
    for section in briefing.sections:
        assert section.title in lines, section.title
        for sub in section.subsections:
            assert sub.title in lines, sub.title
    for point in all_points(briefing):
        assert normalise_ws(point.text) in flat, point.text
    for source in briefing.sources:
        assert source.path in flat
