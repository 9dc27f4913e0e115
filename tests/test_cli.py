"""The command line, through typer's CliRunner (in-process, so spaCy stays loaded between builds)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app

runner = CliRunner()


def flat(text: str) -> str:
    """Error text without rich's box drawing and line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def invoke(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def assert_clean_error(result, exit_code: int = 1) -> str:
    """One `error:` line on stderr, no traceback, the given exit code; returns the line."""
    assert result.exit_code == exit_code, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path):
    """One default CLI build of the seeds (md + docx), shared by the tests that only read it."""
    out = tmp_path_factory.mktemp("cli") / "out"
    return invoke("build", seeds_dir, "--out", out), out


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-article corpus: quick to build, for error paths that don't need the seeds."""
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "a.txt").write_text(
        "Harbour Strike Ends\n\nDock workers in Portmere ended their strike on Monday after talks.\n"
        "The union said the new agreement raised pay by four percent.\n"
        "Ferries are expected to run normally from Wednesday.\n", encoding="utf-8")
    return folder


# --- information ---------------------------------------------------------------------------------

def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefing {__version__}"


def test_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "build" in result.stdout and "--version" in result.stdout


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "build" in result.output and "Usage" in result.output


def test_build_help_lists_options() -> None:
    result = invoke("build", "--help")
    assert result.exit_code == 0
    text = flat(result.stdout)
    for option in ("--out", "--format", "--config", "--method", "--model", "--templates",
                   "--reference-docx", "--no-comments", "--jobs", "--discard-edits", "--debug"):
        assert option in text, option
    assert "md, docx, json" in text
    assert "lexrank" in text


HEAVY = ("spacy", "sumy", "nltk", "docx", "numpy", "scipy", "jinja2")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"]])
def test_start_up_imports_no_heavy_library(args: list[str]) -> None:
    # `briefing --help` and `--version` must answer at once: spaCy, sumy, NLTK, python-docx,
    # numpy and scipy are imported only when a build needs them.
    code = (f"import sys\nfrom briefing.cli import app\ntry:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            f"print('loaded:', *sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "loaded:"


@pytest.mark.parametrize(("args", "code", "stream", "text"), [
    (["--version"], 0, "stdout", f"briefing {__version__}"),
    (["build", "no-such-folder"], 1, "stderr", "error: seeds folder not found: no-such-folder"),
    (["build", "--jobs", "-1"], 2, "stderr", "Invalid value for '--jobs'"),
])
def test_command_exit_codes_and_output(args: list[str], code: int, stream: str, text: str) -> None:
    # The command leaves without the interpreter's teardown: codes and output must survive it.
    out = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, check=False)
    assert out.returncode == code
    assert text in getattr(out, stream)


def test_jobs_gives_the_same_briefing(tmp_path: Path, seeds_dir: Path, markdown: str) -> None:
    result = invoke("build", seeds_dir, "--out", tmp_path, "--format", "md", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "briefing.md").read_text(encoding="utf-8") == markdown


def test_negative_jobs_is_a_usage_error(tmp_path: Path, tiny: Path) -> None:
    result = invoke("build", tiny, "--out", tmp_path, "--jobs", "-1")
    assert result.exit_code == 2


# --- building ----------------------------------------------------------------------------------------

def test_build_writes_markdown_and_docx(built, markdown: str) -> None:
    result, out = built
    assert result.exit_code == 0, result.output
    assert (out / "briefing.md").is_file() and (out / "briefing.docx").is_file()
    assert not (out / "briefing.json").exists()
    assert f"wrote {out / 'briefing.md'}" in result.stdout
    assert f"wrote {out / 'briefing.docx'}" in result.stdout
    assert re.search(r"Briefing of 5 sources: \d+ points, \d+ words \(lexrank, ", result.stdout)
    # The CLI writes what the library renders.
    assert (out / "briefing.md").read_text(encoding="utf-8") == markdown
    assert (out / "briefing.docx").read_bytes()[:2] == b"PK"
    # No temporary files are left behind.
    assert sorted(p.name for p in out.iterdir()) == [
        ".briefing-manifest.json", ".briefing-model.json", ".briefing.lock", "briefing.docx", "briefing.md"]


def test_articles_of_another_story_are_flagged(built, tmp_path: Path, tiny: Path) -> None:
    """A dock strike built with the shipped Russia–Ukraine configuration: the briefing is
    written, and the user is told why its party sections are empty and what to do."""
    result = invoke("build", tiny, "--out", tmp_path / "out", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "warning: none of the configured parties (Ukraine, Russia, United States, Europe) speaks or acts" \
        in result.stderr
    assert "Give one with --config" in result.stderr
    seeds_result, _ = built
    assert "configured parties" not in seeds_result.stderr


def test_json_format(tmp_path: Path, seeds_dir: Path, briefing) -> None:
    out = tmp_path / "out"
    result = invoke("build", seeds_dir, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert (out / "briefing.json").is_file()
    assert not (out / "briefing.md").exists() and not (out / "briefing.docx").exists()
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["title"] == briefing.title
    assert [s["title"] for s in data["sections"]] == [s.title for s in briefing.sections]
    assert [s["path"] for s in data["sources"]] == [s.path for s in briefing.sources]
    takeaways = data["sections"][0]
    assert takeaways["points"] and all(p["sources"] for p in takeaways["points"])


def test_format_list_is_case_and_space_tolerant() -> None:
    from briefing.cli import _formats

    assert _formats(" MD , json,md ") == ("md", "json")
    assert _formats("docx") == ("docx",)


def test_textrank_method(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    result = invoke("build", seeds_dir, "--out", out, "--method", "textrank", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "(textrank, " in result.stdout
    text = (out / "briefing.md").read_text(encoding="utf-8")
    assert text.startswith("# Russia–Ukraine peace talks\n")
    assert "## Key takeaways" in text and "## Sources" in text


# --- usage errors (exit 2) ------------------------------------------------------------------------

def test_unknown_format(tmp_path: Path, seeds_dir: Path) -> None:
    result = invoke("build", seeds_dir, "--out", tmp_path / "out", "--format", "xml")
    assert result.exit_code == 2
    text = flat(result.stderr)
    assert "xml" in text
    assert "md, docx, json" in text
    assert not (tmp_path / "out").exists()


def test_unknown_method(tmp_path: Path, seeds_dir: Path) -> None:
    result = invoke("build", seeds_dir, "--out", tmp_path / "out", "--method", "foo")
    assert result.exit_code == 2
    text = flat(result.stderr)
    assert "foo" in text and "lexrank" in text and "textrank" in text
    assert not (tmp_path / "out").exists()


# --- errors the user can fix (exit 1, one line) ------------------------------------------------------

def test_missing_seeds_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-seeds"
    line = assert_clean_error(invoke("build", missing, "--out", tmp_path / "out"))
    assert str(missing) in line and "not found" in line
    assert not (tmp_path / "out").exists()


def test_empty_seeds_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")  # not an article format
    line = assert_clean_error(invoke("build", empty, "--out", tmp_path / "out"))
    assert str(empty) in line and "*.txt" in line


def test_folder_without_article_text(tmp_path: Path) -> None:
    folder = tmp_path / "hollow"
    folder.mkdir()
    (folder / "a.txt").write_text("Just A Headline\n", encoding="utf-8")
    (folder / "b.md").write_text("", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    line = assert_clean_error(invoke("build", folder, "--out", tmp_path / "out"))
    assert "no article text" in line and str(folder) in line
    assert not (tmp_path / "out").exists()


def test_binary_file_is_left_out_with_a_warning(tmp_path: Path, tiny: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(tiny, folder)
    (folder / "b.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "out"
    result = invoke("build", folder, "--out", out, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "warning: b.txt left out: not a text file" in result.stderr
    text = (out / "briefing.md").read_text(encoding="utf-8")
    assert "`a.txt`" in text and "b.txt" not in text
    assert "Built from 1 source " in text


def test_seeds_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "article.txt"
    file.write_text("Hello there.\n", encoding="utf-8")
    line = assert_clean_error(invoke("build", file, "--out", tmp_path / "out"))
    assert str(file) in line


def test_bad_config_file(tmp_path: Path, seeds_dir: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[briefing\ntitle = 'x'\n", encoding="utf-8")
    line = assert_clean_error(invoke("build", seeds_dir, "--out", tmp_path / "out", "--config", config))
    assert str(config) in line and "line 1" in line
    assert not (tmp_path / "out").exists()


def test_invalid_config_values(tmp_path: Path, seeds_dir: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[briefing]\nmax_words = "lots"\ncolour = "red"\n', encoding="utf-8")
    line = assert_clean_error(invoke("build", seeds_dir, "--out", tmp_path / "out", "-c", config))
    assert "briefing.max_words" in line and "briefing.colour" in line


def test_missing_config_file(tmp_path: Path, seeds_dir: Path) -> None:
    line = assert_clean_error(invoke("build", seeds_dir, "--config", tmp_path / "nope.toml",
                                     "--out", tmp_path / "out"))
    assert "nope.toml" in line


def test_missing_templates_folder(tmp_path: Path, tiny: Path) -> None:
    line = assert_clean_error(invoke("build", tiny, "--out", tmp_path / "out",
                                     "--templates", tmp_path / "no-templates"))
    assert "no-templates" in line
    assert not (tmp_path / "out" / "briefing.md").exists()


def test_output_path_is_a_file(tmp_path: Path, tiny: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    line = assert_clean_error(invoke("build", tiny, "--out", blocker, "--format", "md"))
    assert str(blocker) in line
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    from briefing.errors import InputError

    result = invoke("build", tmp_path / "missing", "--out", tmp_path / "out", "--debug")
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)


# --- never clobber the user's edits ----------------------------------------------------------------

def test_edited_output_is_kept_merged_or_replaced_with_backup(built, tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built[1], out)  # a finished build, manifest included
    edited = (out / "briefing.md").read_text(encoding="utf-8") + "\nMy own note for the minister.\n"
    (out / "briefing.md").write_text(edited, encoding="utf-8")
    docx_before = (out / "briefing.docx").read_bytes()

    # Same inputs: the edited file is the latest version, and nothing is touched.
    second = invoke("build", seeds_dir, "--out", out)
    assert second.exit_code == 0, second.output
    assert "Nothing changed since the last build" in second.stdout
    assert f"Your edits to {out / 'briefing.md'} are kept" in second.stdout
    assert "briefing.docx" not in second.stdout  # only the edited file is named
    assert (out / "briefing.md").read_text(encoding="utf-8") == edited
    assert (out / "briefing.docx").read_bytes() == docx_before
    assert list(out.glob("briefing.edited-*")) == []

    # Forced: the edit is merged, and the user's file is backed up first.
    merged = invoke("build", seeds_dir, "--out", out, "--force")
    assert merged.exit_code == 0, merged.output
    assert "carried over 1 paragraph of yours as analyst notes (under Sources)" in merged.stdout
    backups = list(out.glob("briefing.edited-*"))
    assert [b.name for b in backups] == [backups[0].name] and backups[0].suffix == ".md"
    assert re.fullmatch(r"briefing\.edited-\d{8}-\d{6}\.md", backups[0].name)
    assert backups[0].read_text(encoding="utf-8") == edited
    assert (out / "briefing.md").read_text(encoding="utf-8").endswith("\n> My own note for the minister.\n")

    # Edited again, then thrown away: replaced by a fresh briefing, the edited file backed up.
    with (out / "briefing.md").open("a", encoding="utf-8") as handle:
        handle.write("\nA second thought.\n")
    third = invoke("build", seeds_dir, "--out", out, "--discard-edits")
    assert third.exit_code == 0, third.output
    assert "carried over" not in third.stdout
    fresh = (out / "briefing.md").read_text(encoding="utf-8")
    assert "My own note for the minister." not in fresh
    assert fresh.startswith("# Russia–Ukraine peace talks\n")
    assert len(list(out.glob("briefing.edited-*"))) == 2

    # The replaced files are the known ones again: a plain rebuild changes nothing.
    again = invoke("build", seeds_dir, "--out", out, "--format", "md")
    assert again.exit_code == 0, again.output
    assert (out / "briefing.md").read_text(encoding="utf-8") == fresh
    assert len(list(out.glob("briefing.edited-*"))) == 2


def test_foreign_file_with_an_output_name_is_protected(tmp_path: Path, tiny: Path) -> None:
    """A briefing.md the tool never wrote (no manifest entry) is not overwritten either."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing.md").write_text("someone else's notes\n", encoding="utf-8")
    line = assert_clean_error(invoke("build", tiny, "--out", out, "--format", "md,json"))
    assert "briefing.md" in line
    assert (out / "briefing.md").read_text(encoding="utf-8") == "someone else's notes\n"
    assert not (out / "briefing.json").exists()  # all or nothing


@pytest.mark.parametrize("name, text, message", [
    ("sources.toml", '["a.txt"]\ndate = "last week"\n',
     "sources.toml [\"a.txt\"]: 'date' is not a full date: 'last week'; write it as YYYY-MM-DD"),
    ("b.md", "---\ntitle: [broken\n---\nText.\n", "b.md: front matter is not valid YAML (line 2)"),
])
def test_bad_metadata_is_one_error_line(tmp_path: Path, tiny: Path, name: str, text: str,
                                        message: str) -> None:
    folder = tmp_path / "story"
    shutil.copytree(tiny, folder)
    (folder / name).write_text(text, encoding="utf-8")
    line = assert_clean_error(invoke("build", folder, "--out", tmp_path / "out"))
    assert message in line
    assert not (tmp_path / "out").exists()


def test_readme_documents_every_build_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for option in ("--out", "--format", "--config", "--method", "--model", "--templates",
                   "--reference-docx", "--no-comments", "--discard-edits", "--force"):
        assert f"`{option}" in readme, option
    assert "## Editing the briefing" in readme
