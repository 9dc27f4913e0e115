"""A folder as users have one: a saved news web page, a Word file, Markdown with front matter
and plain text described by sources.toml, one article months older than the rest."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from helpers import all_points, docx_paragraphs, md_blocks
from markdown_it import MarkdownIt

DATA = Path(__file__).resolve().parent / "data"
CONFIG = DATA / "trade.toml"
OLD = 4  # trentino-monitor-talks-announced.txt, dated 2025-11-03 in sources.toml
OLD_DATE = "2025-11-03"

# Everything around the article in the saved page, none of which is the story.
PAGE_CHROME = ["cookie", "Subscribe", "Search the Herald", "Related stories", "Most read",
               "Marenza United", "interest rates", "All rights reserved", "Privacy policy",
               "Contact the newsroom", "newsletter", "Share on", "Breadcrumb", "Photo: Herald",
               "Sylvanian steel plants cut shifts as orders collapse", "Quotas, not tariffs",
               "trade correspondent", "Registered in Trentino"]

LINKS = {
    "The Sylvania Herald": "https://www.sylvaniaherald.example/world/2026/03/12/quota-framework-marenza",
    "Marenza Business Daily": "https://marenzadaily.example/2026/03/11/quota-talks-resume",
    "Freedonia Wire": "https://freedoniawire.example/politics/cabinet-backs-quota-framework",
    "Trentino Trade Monitor": "https://trentinomonitor.example/news/2025/11/03/freedonia-sylvania-talks",
}


def write_wire_docx(path: Path) -> None:
    """A wire story received as a Word file: title style, a subheading, core properties."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Freedonian Cabinet Backs Marenza Quota Framework", style="Title")
    for text in [
        "Freedonia's cabinet approved on Friday the quota framework agreed with Sylvania in Marenza, "
        "sending it to parliament for a vote.",
        "Freedonia's trade minister said the quotas would protect jobs at home while ending a dispute "
        "that had hurt exporters on both sides.",
        "Sylvania's government welcomed the cabinet decision and said it expected the framework to be "
        "signed next month.",
    ]:
        doc.add_paragraph(text)
    doc.add_heading("Parliament vote next", level=2)
    for text in [
        "The Freedonian parliament is expected to vote on the framework before its spring recess.",
        "Opposition lawmakers in Freedonia said they would vote against any deal that did not end "
        "Sylvanian steel subsidies.",
        "Customs officers will continue to collect the higher steel duties until the quotas take effect.",
    ]:
        doc.add_paragraph(text)
    props = doc.core_properties
    props.title = "Freedonian cabinet backs Marenza quota framework"
    props.author = "Freedonia Wire desk"
    props.created = datetime(2026, 3, 13, 17, 40, tzinfo=timezone.utc)
    doc.save(str(path))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs") / "story"
    shutil.copytree(DATA / "mixed", root)
    write_wire_docx(root / "freedonia-wire-cabinet-backs-framework.docx")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return root


@pytest.fixture(scope="module")
def built(folder: Path):
    from briefing.config import load_config
    from briefing.pipeline import build_briefing, render

    briefing = build_briefing(folder, load_config(CONFIG))
    files = render(briefing, ("md", "docx", "json"))
    return briefing, files["briefing.md"].decode("utf-8"), files["briefing.docx"], files["briefing.json"]


def section(briefing, key: str):
    return next(s for s in briefing.sections if s.key == key)


def test_every_format_is_read(built) -> None:
    briefing, *_ = built
    assert [s.path for s in briefing.sources] == [
        "freedonia-wire-cabinet-backs-framework.docx", "marenza-daily-talks-resume.md",
        "sylvania-herald-quota-talks.html", "trentino-monitor-talks-announced.txt"]
    cited = {n for p in all_points(briefing) for n in p.sources}
    assert cited == {1, 2, 3, 4}


def test_no_page_navigation_or_footer_reaches_the_briefing(built) -> None:
    briefing, md, docx, _ = built
    docx_text = "\n".join(text for _, text in docx_paragraphs(docx))
    for chrome in PAGE_CHROME:
        assert chrome.lower() not in md.lower(), chrome
        assert chrome.lower() not in docx_text.lower(), chrome
    # The page's article did get through.
    assert any(3 in p.sources for p in all_points(briefing))


def test_unsupported_file_is_named_once(built) -> None:
    briefing, *_ = built
    assert [n for n in briefing.notes if "scan.pdf" in n] == [
        "skipped 1 file not ending in .txt, .md, .markdown, .html, .htm or .docx: scan.pdf"]


def test_sources_show_title_outlet_date_and_link(built) -> None:
    briefing, md, _, _ = built
    lines = [line for line in dict(md_blocks(md))["Sources"] if line.strip()]
    expected = [
        ("Freedonian cabinet backs Marenza quota framework", "Freedonia Wire", "2026-03-13"),
        ("Quota talks resume in Marenza as steel makers count losses", "Marenza Business Daily", "2026-03-11"),
        ("Sylvania and Freedonia agree quota framework in Marenza", "The Sylvania Herald", "2026-03-12"),
        ("Freedonia and Sylvania to Open Talks on Steel Tariff", "Trentino Trade Monitor", OLD_DATE),
    ]
    for n, (line, (title, outlet, day)) in enumerate(zip(lines, expected, strict=True), start=1):
        assert line.startswith(f"{n}. {title} — {outlet}, {day} — "), line
    # Each line holds one real link to the article's address.
    html = MarkdownIt("commonmark").render("\n".join(lines))
    hrefs = re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)
    assert hrefs == [(LINKS[outlet], LINKS[outlet]) for _, outlet, _ in expected]
    by_number = {s.number: s for s in briefing.sources}
    assert by_number[2].author == "Pavel Dorn" and by_number[3].author == "Irena Vasko"


def test_docx_sources_are_real_hyperlinks(built) -> None:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE

    _, _, data, _ = built
    doc = Document(io.BytesIO(data))
    rels = {r.rId: r.target_ref for r in doc.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK}
    items = [p for p in doc.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(items) == 4
    found = []
    for para in items:
        links = para._p.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink")
        assert len(links) == 1
        r_id = links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        found.append(rels[r_id])
        assert rels[r_id] in para.text  # the address is shown, so it survives printing
    assert sorted(found) == sorted(LINKS.values())


def test_old_article_is_marked_older(built) -> None:
    briefing, md, _, _ = built
    assert briefing.older_before == "2026-02-11"
    assert ("Sources dated 2025-11-03 to 2026-03-13. Points reported only before 2026-02-11 "
            "are marked as older.") in md
    old_only = [p for p in all_points(briefing) if p.sources == (OLD,)]
    assert old_only, "the old article should still be heard, as older context"
    for point in old_only:
        assert point.older == OLD_DATE
    bullets = [line for line in md.splitlines() if line.startswith("- ") and line.endswith(f"[{OLD}] (1 of 4 sources)")]
    assert bullets and all(line.endswith(f" *(older: {OLD_DATE})* [{OLD}] (1 of 4 sources)") for line in bullets)
    # Points a recent source also reports are not older.
    assert all(p.older is None for p in all_points(briefing) if p.sources != (OLD,))


def test_old_article_does_not_drive_the_status_of_talks(built) -> None:
    briefing, *_ = built
    for key in ("talks", "takeaways"):
        points = section(briefing, key).points
        assert points
        assert all(p.sources != (OLD,) for p in points), key
        assert all(p.older is None for p in points), key


def test_without_the_old_date_the_old_article_would_drive_the_talks(folder: Path, tmp_path: Path) -> None:
    """The test above means something: undated, the old article's stale plans make the section."""
    from briefing.config import load_config
    from briefing.pipeline import build_briefing

    undated = tmp_path / "story"
    shutil.copytree(folder, undated)
    (undated / "sources.toml").unlink()
    briefing = build_briefing(undated, load_config(CONFIG))
    assert any(p.sources == (OLD,) for p in section(briefing, "talks").points)


def test_timeline_resolves_relative_dates_against_each_article(built) -> None:
    briefing, md, docx, _ = built
    timeline = section(briefing, "timeline")
    assert [s.key for s in briefing.sections].index("timeline") == 2  # right after Status of talks
    whens = [p.when for p in timeline.points]
    assert 3 <= len(whens) and all(whens)
    assert whens == sorted(whens)
    by_text = {p.text.split(",")[0].rstrip("."): p.when for p in timeline.points}
    # "on Friday" in the Word file of Friday 2026-03-13; "next month" from March is April.
    assert by_text.get("Freedonia's cabinet approved on Friday the quota framework agreed with Sylvania in "
                       "Marenza") == "2026-03-13"
    assert "2026-04" in whens
    assert "## Timeline" in md and "- **2026-03-13** — Freedonia's cabinet approved on Friday" in md
    assert ("List Bullet", next(f"2026-03-13 — {p.text} [1] (1 of 4 sources)" for p in timeline.points
                                if p.when == "2026-03-13")) in docx_paragraphs(docx)


def test_json_carries_the_source_metadata(built) -> None:
    import json

    *_, data = built
    sources = json.loads(data)["sources"]
    assert sources[2]["outlet"] == "The Sylvania Herald"
    assert sources[2]["date"] == "2026-03-12"
    assert sources[2]["url"] == LINKS["The Sylvania Herald"]


def test_cli_warns_once_and_builds(folder: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    result = CliRunner().invoke(app, ["build", str(folder), "--out", str(tmp_path / "out"),
                                      "--config", str(CONFIG), "--format", "md"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: skipped 1 file not ending in .txt, .md, .markdown, .html, .htm or "
                        ".docx: scan.pdf"]


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_source_links(built, tmp_path: Path, soffice: str) -> None:
    _, _, data, _ = built
    docx = tmp_path / "briefing.docx"
    docx.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "html", "--outdir", str(tmp_path / "html"), str(docx)],
        capture_output=True, text=True, timeout=120, check=False)
    html_file = tmp_path / "html" / "briefing.html"
    assert proc.returncode == 0 and html_file.is_file(), f"soffice failed:\n{proc.stdout}\n{proc.stderr}"
    html = html_file.read_text(encoding="utf-8", errors="replace")
    for url in LINKS.values():
        assert f'href="{url}"' in html, url


def test_a_small_story_keeps_a_point_in_every_section_and_a_stance_per_party(tmp_path: Path) -> None:
    """Key takeaways take the best of each section but never a section's last point, nor a
    party's stance: "Nothing in the sources" under a heading the takeaways emptied, or "no
    stance" for a party whose stance is in the takeaways, would mislead."""
    from briefing.config import load_config
    from briefing.pipeline import build_briefing

    root = tmp_path / "story"
    shutil.copytree(DATA / "mixed", root)
    briefing = build_briefing(root, load_config(CONFIG))
    for key in ("talks", "military", "open_questions"):
        assert section(briefing, key).points, key
    parties = {s.title: s.points for s in section(briefing, "positions").subsections}
    assert parties["Freedonia"] and parties["Sylvania"]
    takeaways = section(briefing, "takeaways").points
    assert len(takeaways) >= 3
    assert not any(p.party and "insisted" in p.text for p in takeaways)


def test_a_partys_act_of_the_newest_day_may_be_a_takeaway_while_its_heading_keeps_a_stance() -> None:
    """Of a story told over several days, the newest day's acts are what it has come to:
    "The INOA revised its estimate to 212 kg" is a key takeaway, not only the inspectors'
    stance, and their heading still shows what they said that day."""
    from briefing.config import load_config
    from briefing.pipeline import build_briefing

    story = DATA / "framework"
    briefing = build_briefing(story / "seeds", load_config(story / "config.toml"))
    takeaways = [p.text for p in section(briefing, "takeaways").points]
    assert any("212 kg" in t for t in takeaways), takeaways
    parties = {s.title: [p.text for p in s.points] for s in section(briefing, "positions").subsections}
    assert parties["INOA (inspectors)"] and not any("212 kg" in t for t in parties["INOA (inspectors)"])
