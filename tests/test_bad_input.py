"""Hostile and messy input through the CLI: a clear message or a handled warning, the right
exit code, and nothing lost, half-written or injected on disk."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefing.cli import app

ARTICLE = (
    "Harbour Workers Strike Over Pay\n"
    "Dock workers in Portsmouth walked out on Monday after talks with the port authority collapsed, "
    "the union said in a statement.\n"
    "The union wants a pay rise of 6 percent and says the authority has refused to negotiate.\n"
    "Port officials said the strike would delay shipments of grain and fuel for at least a week.\n"
)
OTHER = (
    "Ferry Operators Warn Of Delays\n"
    "Ferry operators warned passengers on Tuesday that crossings could be cancelled while the strike lasts.\n"
    "The transport minister urged both sides to return to talks before the holiday weekend.\n"
)
runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def one_line_error(result) -> str:
    err = result.stderr.strip()
    assert "Traceback" not in result.output + result.stderr
    assert err.startswith("error: "), err
    assert len(err.splitlines()) == 1, err
    return err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return seeds


def build_md(seeds: Path, out: Path, *extra: object):
    result = run("build", seeds, "--out", out, "--format", "md", *extra)
    return result, (out / "briefing.md").read_text(encoding="utf-8") if (out / "briefing.md").exists() else ""


# --- the folder -------------------------------------------------------------------------

def test_missing_folder(tmp_path: Path) -> None:
    result = run("build", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "seeds folder not found" in one_line_error(result)
    assert not (tmp_path / "out").exists()


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    result = run("build", tmp_path / "seeds", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "no articles in" in one_line_error(result)


def test_only_unsupported_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "scan.pdf").write_bytes(b"%PDF-1.4")
    (seeds / "notes.odt").write_bytes(b"PK")
    result = run("build", seeds, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "*.txt" in one_line_error(result)


def test_directory_named_like_an_article(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").mkdir()
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning: b.txt left out: a folder, not a file" in result.stderr
    assert "Dock workers in Portsmouth" in md


def test_symlink_loop(folder: Path, tmp_path: Path) -> None:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "loop.txt left out: a broken or looping link" in result.stderr


# --- the articles ------------------------------------------------------------------------

def test_empty_whitespace_and_heading_only_articles(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (folder / "d.txt").write_text("Just A Headline\n\nAnd A Subheading\n", encoding="utf-8")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    for name in ("b.txt", "c.txt", "d.txt"):
        assert f"warning: {name} left out: no article text" in result.stderr
    assert "`a.txt`" in md and "`d.txt`" not in md


def test_only_empty_articles_is_an_error(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("\n\n", encoding="utf-8")
    (seeds / "b.md").write_text("# Only A Heading\n", encoding="utf-8")
    result = run("build", seeds, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "no usable article text" in one_line_error(result)
    assert not (tmp_path / "out" / "briefing.md").exists()


def test_binary_file_named_txt(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_bytes(bytes(range(256)) * 10)
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning: b.txt left out: not a text file" in result.stderr


def test_duplicated_article_counts_once(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")
    result = run("build", folder, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "warning: b.txt left out: same text as a.txt" in result.stderr
    import json

    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    assert [s["path"] for s in data["sources"]] == ["a.txt", "c.txt"]
    cited = {n for sec in data["sections"] for sub in [sec, *sec["subsections"]] for p in sub["points"]
             for n in p["sources"]}
    assert cited <= {1, 2}


@pytest.mark.parametrize("encoded", [
    pytest.param(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"), id="utf8-bom-crlf"),
    pytest.param(ARTICLE.encode("utf-16"), id="utf16"),
    pytest.param(ARTICLE.replace("\n", "\r").encode("utf-8"), id="old-mac-cr"),
])
def test_encodings_and_line_ends(encoded: bytes, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes(encoded)
    result, md = build_md(seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "\ufeff" not in md and "\r" not in md and "\ufffd" not in md
    assert "Harbour Workers Strike Over Pay" in md
    assert "Dock workers in Portsmouth walked out on Monday" in md


def test_cp1252_smart_quotes_decode_correctly(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = ARTICLE + "\u201cWe will not go back,\u201d the union\u2019s leader said \u2013 and the crowd cheered.\n"
    (seeds / "a.txt").write_bytes(text.encode("cp1252"))
    result, md = build_md(seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "\ufffd" not in md
    assert "union\u2019s" in md or "\u201cWe will not go back" in md or "Dock workers" in md
    from briefing.textfile import decode

    assert decode(text.encode("cp1252")) == text


def test_latin1_with_bytes_cp1252_lacks(tmp_path: Path) -> None:
    from briefing.textfile import decode

    text = "Caf\u00e9 owners in M\u00fcnchen said the strike hurt trade.\x81"
    assert "\ufffd" not in decode(text.encode("latin-1"))


def test_mixed_scripts_are_kept(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(
        "Talks In Kyiv\nThe envoy met Volodymyr (Володимир) Zelensky and officials from 東京 on Monday, "
        "the foreign ministry said in a statement about the talks.\n", encoding="utf-8")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Володимир" in md and "東京" in md


def test_huge_line_without_punctuation_does_not_hang(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text("Log Dump\n" + " ".join(["token"] * 20_000) + "\n" + OTHER, encoding="utf-8")
    started = time.monotonic()
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "b.txt: 1 line without sentence breaks left out" in result.stderr
    assert "token token" not in md
    assert time.monotonic() - started < 120  # a guard against a hang, not a speed target


def test_paragraph_longer_than_spacy_accepts_is_split() -> None:
    from briefing.clean import chunks

    sentence = "The port authority said the talks would resume on Friday after the holiday. "
    paragraph = sentence * 3000  # 228,000 characters, past the 100,000-character chunk
    pieces = chunks(paragraph.strip())
    assert len(pieces) >= 3
    assert all(len(p) <= 100_000 for p in pieces)
    assert all(p.endswith("holiday.") for p in pieces)
    assert " ".join(pieces) == paragraph.strip()


def test_non_english_article_is_left_out(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(
        "Streik Im Hafen\nDie Hafenarbeiter in Hamburg haben am Montag die Arbeit niedergelegt, nachdem "
        "die Gespräche mit der Hafenbehörde gescheitert waren. Die Gewerkschaft fordert eine Lohnerhöhung "
        "von sechs Prozent und wirft der Behörde vor, Verhandlungen abzulehnen. Nach Angaben der Behörde "
        "verzögert der Streik Lieferungen von Getreide und Treibstoff um mindestens eine Woche.\n",
        encoding="utf-8")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning: b.txt left out: does not read as the briefing's language" in result.stderr
    assert "Hafenarbeiter" not in md


# --- nothing an article contains is executed or taken as markup ---------------------------

def test_template_syntax_appears_literally(folder: Path, tmp_path: Path) -> None:
    # In the story's lead sentence, which any briefing of it quotes.
    (folder / "a.txt").write_text(ARTICLE.replace("after talks", "after {{ 7*7 }} rounds of talks"), encoding="utf-8")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "after {{ 7\\*7 }} rounds of talks" in md and "49 rounds" not in md


def test_template_statements_in_a_point_appear_literally() -> None:
    """spaCy splits sentences at "%}", so a statement tag is tried on the renderer itself."""
    from briefing.model import Briefing, Point, Section, Source
    from briefing.render.markdown import render_markdown

    text = "The union said {% for x in range(3) %}more{% endfor %} workers joined."
    briefing = Briefing(title="T", subject="S", method="ilp", model="m",
                        sections=(Section(key="talks", title="Status", points=(Point(text, (1,), ((1, 0),)),)),),
                        sources=(Source(number=1, path="a.txt", title="A"),))
    md = render_markdown(briefing)
    assert "{% for x in range(3) %}more{% endfor %}" in md and "moremoremore" not in md


def test_markdown_and_html_in_articles_stay_text(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(
        "Markup Trick\n"
        "The union said <script>alert('x')</script> was posted on its site during the talks on pay.\n"
        "# The strike committee said it would meet again on Friday to discuss the talks.\n"
        "Workers shared [a link](javascript:alert(1)) and a table | a | b | during the talks, the union said.\n",
        encoding="utf-8")
    result, md = build_md(folder, tmp_path / "out")
    assert result.exit_code == 0, result.output
    html = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<script>" not in html and 'href="javascript' not in html
    tokens = MarkdownIt("commonmark").parse(md)
    h1 = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
    assert len(h1) == 1  # only the briefing's own title
    assert "&lt;script&gt;" in html or "The union said" not in md


def test_xml_forbidden_characters_are_removed_and_docx_opens(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").write_text(
        "Control\x1b Characters\nThe union\x0b said the talks\x0c would resume on Friday, officials\x07 said.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", folder, "--out", out, "--format", "md,docx")
    assert result.exit_code == 0, result.output
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out / "briefing.docx")).paragraphs)
    assert "said the talks would resume on Friday" in text
    assert not any(ch in text for ch in "\x1b\x0b\x0c\x07")


def test_docx_renderer_strips_forbidden_characters_from_config_text(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[briefing]\ntitle = "Strike\\u0001 watch\\u001b"\n', encoding="utf-8")
    result = run("build", folder, "--out", tmp_path / "out", "--config", config, "--format", "docx")
    assert result.exit_code == 0, result.output
    import docx

    assert docx.Document(str(tmp_path / "out" / "briefing.docx")).core_properties.title == "Strike watch"


# --- the outputs --------------------------------------------------------------------------

def test_output_path_is_a_file(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("keep me", encoding="utf-8")
    result = run("build", folder, "--out", target)
    assert result.exit_code == 1
    assert "not a folder" in one_line_error(result)
    assert target.read_text(encoding="utf-8") == "keep me"


def _previous(folder: Path, out: Path) -> dict[str, bytes]:
    result = run("build", folder, "--out", out)
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_unwritable_output_keeps_previous_briefing(folder: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    before = _previous(folder, out)
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("briefing.output.tempfile.mkstemp", refuse)
    result = run("build", folder, "--out", out)
    assert result.exit_code == 1
    assert "Permission denied" in one_line_error(result)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_disk_full_during_write_keeps_previous_briefing(folder: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    before = _previous(folder, out)
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")
    real_fdopen = os.fdopen
    calls = {"n": 0}

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd, *args, **kwargs):
        calls["n"] += 1
        handle = real_fdopen(fd, *args, **kwargs)
        return FullDisk(handle) if calls["n"] == 2 else handle  # the second file fills the disk

    monkeypatch.setattr("briefing.output.os.fdopen", fdopen)
    result = run("build", folder, "--out", out)
    assert result.exit_code == 1
    assert "No space left on device" in one_line_error(result)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temp file left either


def test_killed_build_leaves_previous_outputs_and_next_build_works(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous(folder, out)
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(folder), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # inside start-up or parsing: before any output is renamed into place
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.endswith(".tmp")}
    assert after == before or set(after) == set(before)  # old outputs, or (if it got that far) new ones
    # A temporary file a killed build left behind is cleared by the next build.
    stale = out / ".briefing.md.leftover.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    result = run("build", folder, "--out", out)
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert "Ferry operators" in (out / "briefing.md").read_text(encoding="utf-8")


# --- configuration and options ------------------------------------------------------------

def test_config_not_toml_names_file_and_line(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[briefing]\ntitle = "ok"\nmax_words = = 3\n', encoding="utf-8")
    result = run("build", folder, "--out", tmp_path / "out", "--config", config)
    assert result.exit_code == 1
    err = one_line_error(result)
    assert "bad.toml" in err and "line 3" in err


def test_config_every_problem_at_once(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(
        '[briefing]\ncolour = "red"\nmax_words = "lots"\nsections = ["takeaways", "weather"]\n'
        'parties = ["ukraine", "mars"]\n[parties.russia]\naliases = []\n', encoding="utf-8")
    result = run("build", folder, "--out", tmp_path / "out", "--config", config)
    assert result.exit_code == 1
    err = one_line_error(result)
    for problem in ("unknown key 'briefing.colour'", "'briefing.max_words' must be an integer",
                    "no [sections.weather]", "no [parties.mars]", "'parties.russia.aliases' must list"):
        assert problem in err, err


@pytest.mark.parametrize("option, value, valid", [
    ("--format", "pdf", "md, docx, json"),
    ("--method", "bert", "lexrank"),
])
def test_unknown_option_values_are_usage_errors(folder: Path, tmp_path: Path, option: str, value: str,
                                                valid: str) -> None:
    result = run("build", folder, "--out", tmp_path / "out", option, value)
    assert result.exit_code == 2
    assert valid in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_hard_wrapped_text_is_joined_back(tmp_path: Path) -> None:
    import textwrap

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = ("Dock workers in Portsmouth walked out on Monday after talks with the port authority "
            "collapsed, the union said in a statement. The union wants a pay rise of 6 percent and "
            "says the authority has refused to negotiate with its representatives.")
    (seeds / "a.txt").write_text("Harbour Workers Strike Over Pay\n\n" + textwrap.fill(body, 70) + "\n",
                                 encoding="utf-8")
    result, md = build_md(seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Dock workers in Portsmouth walked out on Monday after talks with the port authority collapsed" in md
