"""The DOCX read back with python-docx, and opened by LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from helpers import differ_points, all_points, docx_paragraphs, normalise_ws

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
        "Open questions", "Key figures", "Sources"]


def test_heading_2_are_the_party_names(paragraphs, briefing) -> None:
    h2 = styled(paragraphs, "Heading 2")
    assert h2[-1] == "Where sources differ"  # under Open questions
    h2 = h2[:-1]
    assert h2[:4] == ["Ukraine", "Russia", "United States", "Europe"]
    positions = next(s for s in briefing.sections if s.key == "positions")
    assert h2 == [s.title for s in positions.subsections]
    # They sit between the "Positions by party" heading and the next Heading 1.
    order = [(s, t) for s, t in paragraphs if s in ("Heading 1", "Heading 2")]
    start = order.index(("Heading 1", "Positions by party"))
    assert [t for _, t in order[start + 1:start + 1 + len(h2)]] == h2
    assert order[start + 1 + len(h2)][0] == "Heading 1"


def test_every_point_is_a_bullet_with_its_citation(paragraphs, briefing) -> None:
    bullets = [b for b in styled(paragraphs, "List Bullet") if " — whereas " not in b]
    points = all_points(briefing)
    assert bullets == [f"{p.text} {cite(p.sources, p.wording)} ({len(p.sources)} of 5 sources)" for p in points]


def test_where_sources_differ_quotes_both_sides(paragraphs, briefing) -> None:
    differ = differ_points(briefing)
    assert differ
    pairs = [b for b in styled(paragraphs, "List Bullet") if " — whereas " in b]
    assert pairs == [f"{p.label}: “{p.text}” {cite(p.sources)} — whereas {p.versus_label}: “{p.versus}” "
                     f"{cite(p.versus_sources)}" for p in differ]


def test_every_markdown_point_is_in_a_bullet(paragraphs, markdown: str) -> None:
    from helpers import md_bullets

    bullets = styled(paragraphs, "List Bullet")
    for text, _ in md_bullets(markdown):
        assert any(b.startswith(text + " [") for b in bullets), text


def test_citations_use_the_character_style(docx_bytes: bytes) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet" and " — whereas " not in p.text]
    assert bullets
    for p in bullets:
        runs = [r for r in p.runs if r.text]  # the comment's reference mark is a run without text
        assert len(runs) == 2
        assert runs[1].style.name == "Citation"
        assert re.fullmatch(r" \[[\d, ]+\] \(\d of 5 sources\)", runs[1].text)


def test_sources_are_a_numbered_list(paragraphs, briefing) -> None:
    numbered = styled(paragraphs, "List Number")
    assert len(numbered) == len(briefing.sources) == 5
    for text, source in zip(numbered, briefing.sources):
        mark = " — no point cites it" if source.number in briefing.uncited else ""
        assert text.endswith(f" — {source.path}{mark}")
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


def test_a_point_cites_the_sources_of_its_own_words_first_in_word_too() -> None:
    from briefing.model import Briefing, Point, Section, Source
    from briefing.render.docx import render_docx

    point = Point(text='Sorvik called it "a starting point, not a ceasefire".', sources=(1, 2, 3),
                  sentences=((1, 0), (2, 0), (3, 0)), wording=(2,))
    b = Briefing(title="T", subject="S", method="lexrank", model="m",
                 sections=(Section(key="talks", title="Status of talks", points=(point,)),),
                 sources=tuple(Source(number=n, path=f"{n}.txt", title=str(n)) for n in (1, 2, 3)))
    paras = docx_paragraphs(render_docx(b))
    assert ("List Bullet", f"{point.text} [2; also 1, 3] (3 of 3 sources)") in paras


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


# --- a document people can work in -----------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_contents_field_updates_on_open(docx_bytes: bytes, briefing) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    instructions = [e.text for e in doc.element.body.iter(f"{W}instrText")]
    assert any(i.strip().startswith("TOC ") and '\\o "1-2"' in i for i in instructions)
    update = doc.settings.element.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    # Until a program updates it, the field shows every section and party heading.
    entries = [p.text for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert entries == [t for s in briefing.sections for t in (s.title, *(x.title for x in s.subsections))]


def test_each_point_has_a_comment_naming_its_sources(docx_bytes: bytes, briefing) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    comments = list(doc.comments)
    cited = [p for p in all_points(briefing) if p.sources]
    assert len(comments) == len(cited)
    titles = {s.number: s.title for s in briefing.sources}
    for comment, point in zip(comments, cited):
        assert comment.author == "briefing"
        for n in point.sources:
            assert f"[{n}] " in comment.text and titles[n][:30] in comment.text


def test_comments_can_be_left_out(briefing) -> None:
    from docx import Document

    from briefing.render.docx import DocxOptions, render_docx

    doc = Document(io.BytesIO(render_docx(briefing, options=DocxOptions(comments=False))))
    assert list(doc.comments) == []


def test_party_overview_is_a_styled_table(docx_bytes: bytes, briefing) -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    tables = doc.tables
    assert len(tables) == 2  # the party overview, then the key figures
    assert all(t.style.name == "Briefing Table" for t in tables)
    table = tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Party", "Points", "Leading point", "Sources"]
    positions = next(s for s in briefing.sections if s.subsections)
    parties = [s for s in positions.subsections if s.points]
    assert [r[0] for r in rows[1:]] == [s.title for s in parties]
    assert [r[1] for r in rows[1:]] == [str(len(s.points)) for s in parties]
    for row, sub in zip(rows[1:], parties):
        assert row[3] == cite(tuple(sorted({n for p in sub.points for n in p.sources})))
        words = sub.points[0].text.split()
        assert row[2].startswith(" ".join(words[:10]))
        assert len(row[2].split()) <= 15  # an opening, not the point again


def test_author_comes_from_the_configuration(tmp_path: Path, seeds_dir: Path) -> None:
    from docx import Document
    from typer.testing import CliRunner

    from briefing.cli import app

    config = tmp_path / "c.toml"
    config.write_text('[briefing]\nauthor = "Policy Unit"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(seeds_dir), "--out", str(tmp_path / "out"),
                                      "--config", str(config), "--format", "docx"])
    assert result.exit_code == 0, result.output
    doc = Document(str(tmp_path / "out" / "briefing.docx"))
    assert doc.core_properties.author == "Policy Unit"
    assert {c.author for c in doc.comments} == {"Policy Unit"}


def test_newest_source_date_is_in_the_properties() -> None:
    from docx import Document

    from briefing.model import Briefing, Section, Source
    from briefing.render.docx import render_docx

    b = Briefing(title="T", subject="S", method="lexrank", model="m",
                 sections=(Section(key="talks", title="Talks", note="None."),),
                 sources=(Source(number=1, path="a.txt", title="A", date="2026-03-01"),
                          Source(number=2, path="b.txt", title="B", date="2026-03-13"),
                          Source(number=3, path="c.txt", title="C")))
    props = Document(io.BytesIO(render_docx(b))).core_properties
    assert "newest source dated 2026-03-13" in props.comments


# --- reference document -------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_reference_is_what_the_script_makes(tmp_path: Path) -> None:
    import sys
    import zipfile

    target = tmp_path / "reference.docx"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_reference_docx.py"), str(target)],
                   check=True, capture_output=True)
    shipped = zipfile.ZipFile(ROOT / "templates" / "reference.docx")
    made = zipfile.ZipFile(target)
    assert shipped.namelist() == made.namelist()
    for name in shipped.namelist():
        assert shipped.read(name) == made.read(name), f"{name}: run `make reference-docx` and commit"


def _reference(tmp_path: Path, drop: str | None = None, colour: str | None = None) -> Path:
    """The shipped reference with one style removed or Heading 1 recoloured, as a user's template."""
    from docx import Document
    from docx.shared import RGBColor

    doc = Document(str(ROOT / "templates" / "reference.docx"))
    if drop:
        element = next(s for s in doc.styles if s.name == drop).element
        element.getparent().remove(element)
    if colour:
        doc.styles["Heading 1"].font.color.rgb = RGBColor.from_string(colour)
    path = tmp_path / "corporate.docx"
    doc.save(str(path))
    return path


def test_reference_docx_restyles_the_output(tmp_path: Path, briefing) -> None:
    from docx import Document

    from briefing.render.docx import DocxOptions, render_docx

    corporate = _reference(tmp_path, colour="C00000")
    doc = Document(io.BytesIO(render_docx(briefing, options=DocxOptions(reference=corporate))))
    assert str(doc.styles["Heading 1"].font.color.rgb) == "C00000"
    # The sample text of the template is gone; the briefing is all there is.
    assert doc.paragraphs[0].text == briefing.title
    # Found in a --templates folder too.
    folder = tmp_path / "tpl"
    folder.mkdir()
    shutil.copyfile(corporate, folder / "reference.docx")
    doc = Document(io.BytesIO(render_docx(briefing, options=DocxOptions(templates=folder))))
    assert str(doc.styles["Heading 1"].font.color.rgb) == "C00000"


@pytest.mark.parametrize("style, kind", [("Analyst Note", "paragraph"), ("Citation", "character"),
                                         ("Briefing Table", "table")])
def test_reference_lacking_a_style_is_one_error_line(tmp_path: Path, style: str, kind: str) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Harbour Strike Ends\n\nDock workers in Portmere ended their strike on "
                                 "Monday after talks with the port authority.\n", encoding="utf-8")
    corporate = _reference(tmp_path, drop=style)
    result = CliRunner().invoke(app, ["build", str(seeds), "--out", str(tmp_path / "out"),
                                      "--reference-docx", str(corporate)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert "\n" not in line
    assert line.startswith("error: reference document") and f"'{style}' ({kind})" in line
    assert not (tmp_path / "out" / "briefing.md").exists()  # nothing written


def test_reference_that_is_not_a_word_file(tmp_path: Path, briefing) -> None:
    from briefing.errors import ConfigError
    from briefing.render.docx import DocxOptions, render_docx

    bad = tmp_path / "bad.docx"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not a Word"):
        render_docx(briefing, options=DocxOptions(reference=bad))
    with pytest.raises(ConfigError, match="not found"):
        render_docx(briefing, options=DocxOptions(reference=tmp_path / "missing.docx"))


def test_key_figures_is_a_table(docx_bytes: bytes, briefing) -> None:
    from docx import Document

    table = Document(io.BytesIO(docx_bytes)).tables[1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Figure", "What it measures", "Source"]
    figures = next(s for s in briefing.sections if s.kind == "figures")
    assert [r[0] for r in rows[1:]] == [p.figure for p in figures.points]
    assert [r[1] for r in rows[1:]] == [p.text for p in figures.points]
    assert [r[2] for r in rows[1:]] == [cite(p.sources) for p in figures.points]
