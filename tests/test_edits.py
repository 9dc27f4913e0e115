"""Edits survive regeneration: a user edits the DOCX or the Markdown (with python-docx, or
through LibreOffice), a seed changes, the briefing is built again."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()
MILITARY = "Military developments"
NOTE = "Analyst view: strikes on energy infrastructure will likely intensify before winter."
REWRITE = "Ukrainian drones hit a Russian refinery in Rostov on Thursday, in our own words."
NEW_FACT = ("\nRussian forces shelled the port of Odesa overnight, destroying three grain terminals, "
            "the regional governor said.\n")


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def story(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    """A copy of the seeds and a first build of them."""
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = tmp_path / "out"
    result = run("build", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    return seeds, out


def change_a_seed(seeds: Path) -> None:
    """A new article arrives: the next briefing must differ (at least in its sources)."""
    (seeds / "005_new.txt").write_text("Odesa Port Shelled\n" + NEW_FACT, encoding="utf-8")


def section(doc_path: Path, title: str) -> list[tuple[str, str]]:
    """(style, text) of the paragraphs under the Heading 1 `title`, up to the next Heading 1."""
    paras = [(p.style.name, p.text) for p in Document(str(doc_path)).paragraphs]
    start = paras.index(("Heading 1", title))
    end = next((i for i in range(start + 1, len(paras)) if paras[i][0] == "Heading 1"), len(paras))
    return paras[start + 1:end]


def edit_docx(path: Path) -> tuple[str, str, str]:
    """As a user would: a note after the first military point, the second rewritten, the
    third deleted. Returns the rewritten, the deleted and the first point's words."""
    doc = Document(str(path))
    paras = doc.paragraphs
    at = next(i for i, p in enumerate(paras) if p.text == MILITARY and p.style.name == "Heading 1")
    first, second, third = paras[at + 1], paras[at + 2], paras[at + 3]
    note = Paragraph(copy.deepcopy(first._p), first._parent)
    first._p.addnext(note._p)
    for run_ in note.runs:
        run_._r.getparent().remove(run_._r)
    note.style = doc.styles["Normal"]
    note.add_run(NOTE)
    rewritten, deleted, anchor = second.text, third.text, first.text
    for run_ in second.runs[1:]:
        run_._r.getparent().remove(run_._r)
    second.runs[0].text = REWRITE
    third._p.getparent().remove(third._p)
    doc.save(str(path))
    return tuple(t.rsplit(" [", 1)[0] for t in (rewritten, deleted, anchor))


def libreoffice_resave(soffice: str, path: Path, tmp_path: Path) -> None:
    """Open the DOCX in LibreOffice and save it as DOCX again, replacing the file."""
    target = tmp_path / "lo-out"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(target), str(path)],
                          capture_output=True, text=True, timeout=180, check=False)
    saved = target / path.name
    assert proc.returncode == 0 and saved.is_file(), proc.stdout + proc.stderr
    shutil.copyfile(saved, path)


def assert_edits_survived(out: Path, result, rewritten: str, deleted: str, edited: bytes, anchor: str) -> None:
    assert result.exit_code == 0, result.output
    military = section(out / "briefing.docx", MILITARY)
    assert ("Analyst Note", NOTE) in military
    assert ("Analyst Note", REWRITE) in military
    # The note sits right after the point it followed, or, when a new source moved that
    # point to another section, at the end of the section the user wrote it in.
    at = military.index(("Analyst Note", NOTE))
    after = military[at - 1] if at > 0 else ("", "")
    assert after[0] == "List Bullet" and after[1].startswith(anchor) or military[at:] == [
        ("Analyst Note", NOTE), ("Analyst Note", REWRITE)], military
    text = "\n".join(p.text for p in Document(str(out / "briefing.docx")).paragraphs)
    assert deleted not in text
    assert rewritten not in text  # replaced by the user's wording
    assert "What changed since the last briefing" in text  # the new build saw the changed seed
    backups = list(out.glob("briefing.edited-*.docx"))
    assert len(backups) == 1 and backups[0].read_bytes() == edited
    assert f"{out / 'briefing.docx'}: carried over 2 paragraphs of yours as analyst notes" in result.stdout
    assert f"under {MILITARY}" in result.stdout
    assert "you deleted" in result.stdout and str(backups[0]) in result.stdout


def test_docx_edits_made_with_python_docx_survive(story, tmp_path: Path) -> None:
    seeds, out = story
    rewritten, deleted, anchor = edit_docx(out / "briefing.docx")
    edited = (out / "briefing.docx").read_bytes()
    change_a_seed(seeds)
    assert_edits_survived(out, run("build", seeds, "--out", out), rewritten, deleted, edited, anchor)
    # Built again: the notes are carried once more, not doubled, and nothing else is backed up.
    again = run("build", seeds, "--out", out, "--force")
    assert again.exit_code == 0, again.output
    military = section(out / "briefing.docx", MILITARY)
    assert military.count(("Analyst Note", NOTE)) == 1
    assert military.count(("Analyst Note", REWRITE)) == 1
    assert len(list(out.glob("briefing.edited-*.docx"))) == 1


@pytest.mark.libreoffice
def test_docx_edits_saved_through_libreoffice_survive(story, tmp_path: Path, soffice: str) -> None:
    seeds, out = story
    rewritten, deleted, anchor = edit_docx(out / "briefing.docx")
    libreoffice_resave(soffice, out / "briefing.docx", tmp_path)
    edited = (out / "briefing.docx").read_bytes()
    change_a_seed(seeds)
    assert_edits_survived(out, run("build", seeds, "--out", out), rewritten, deleted, edited, anchor)


@pytest.mark.libreoffice
def test_a_file_only_resaved_by_libreoffice_carries_nothing(story, tmp_path: Path, soffice: str) -> None:
    """Saving without changes rewrites the whole file; that must not read as edits."""
    seeds, out = story
    before = section(out / "briefing.docx", MILITARY)
    libreoffice_resave(soffice, out / "briefing.docx", tmp_path)
    result = run("build", seeds, "--out", out, "--force")
    assert result.exit_code == 0, result.output
    assert "carried over" not in result.stdout and "you deleted" not in result.stdout
    assert section(out / "briefing.docx", MILITARY) == before


def test_markdown_edits_survive(story) -> None:
    seeds, out = story
    path = out / "briefing.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {MILITARY}")
    bullets = [i for i in range(at, len(lines)) if lines[i].startswith("- ")][:3]
    rewritten, deleted = lines[bullets[1]], lines[bullets[2]]
    lines[bullets[1]] = f"- {REWRITE}"
    del lines[bullets[2]]
    lines.insert(bullets[0] + 1, NOTE)  # typed on the line under the first point
    path.write_text("\n".join(lines), encoding="utf-8")
    change_a_seed(seeds)
    result = run("build", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    part = text.split(f"## {MILITARY}\n", 1)[1].split("\n## ", 1)[0]
    assert f"\n> {NOTE}\n" in part
    assert f"> - {REWRITE}" in part
    assert part.index(NOTE) < part.index(REWRITE)
    assert deleted not in text and rewritten not in text
    assert "## What changed since the last briefing" in text
    assert len(list(out.glob("briefing.edited-*.md"))) == 1
    assert f"{path}: carried over 2 paragraphs of yours as analyst notes" in result.stdout


def test_deleted_point_stays_deleted_in_later_builds(story) -> None:
    seeds, out = story
    doc = Document(str(out / "briefing.docx"))
    victim = next(p for p in doc.paragraphs if p.style.name == "List Bullet")
    words = victim.text.rsplit(" [", 1)[0]
    victim._p.getparent().remove(victim._p)
    doc.save(str(out / "briefing.docx"))
    for _ in range(2):
        change_a_seed(seeds)
        result = run("build", seeds, "--out", out)
        assert result.exit_code == 0, result.output
        text = "\n".join(p.text for p in Document(str(out / "briefing.docx")).paragraphs)
        assert words not in text
    # The Markdown, which the user did not touch, still has the point.
    assert words in (out / "briefing.md").read_text(encoding="utf-8").replace("\\", "")


def test_note_whose_section_is_gone_is_kept_at_the_end(story, tmp_path: Path) -> None:
    seeds, out = story
    path = out / "briefing.md"
    text = path.read_text(encoding="utf-8").replace("## Open questions\n", "## Open questions\n\nMy question.\n", 1)
    path.write_text(text, encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text('[briefing]\nsections = ["takeaways", "talks", "sources"]\n', encoding="utf-8")
    result = run("build", seeds, "--out", out, "--config", config, "--format", "md")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith("## Analyst notes\n\n> My question.\n")


def test_unreadable_edited_docx_is_one_error_line(story) -> None:
    seeds, out = story
    (out / "briefing.docx").write_bytes(b"not a zip file")
    change_a_seed(seeds)
    result = run("build", seeds, "--out", out)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "briefing.docx is no longer a Word file" in result.stderr and "--discard-edits" in result.stderr
    assert (out / "briefing.docx").read_bytes() == b"not a zip file"
