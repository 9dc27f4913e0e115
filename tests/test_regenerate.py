"""Regeneration: no-op builds, the analysis cache, the build lock, "what changed", watch and schedule."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.lock import build_lock
from briefing.watch import Watcher

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def seeds(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    return folder


def snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir() if p.is_file()}


def first_article(seeds: Path) -> Path:
    return sorted(seeds.glob("*.txt"))[0]


def test_unchanged_inputs_write_nothing(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out).exit_code == 0
    before = snapshot(out)
    result = run("build", seeds, "--out", out)
    assert result.exit_code == 0
    assert "Nothing changed since the last build" in result.stdout
    assert "wrote" not in result.stdout
    assert snapshot(out) == before
    forced = run("build", seeds, "--out", out, "--force")
    assert forced.exit_code == 0 and "wrote" in forced.stdout


def test_noop_build_does_not_import_spacy(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out).exit_code == 0
    code = ("import sys; from briefing.cli import app\n"
            "try:\n    app(['build', sys.argv[1], '--out', sys.argv[2]])\nexcept SystemExit:\n    pass\n"
            "print('heavy:', sorted(m for m in ('spacy', 'sumy', 'docx', 'jinja2') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code, str(seeds), str(out)], capture_output=True,
                            text=True, timeout=60, env=os.environ.copy())
    assert "Nothing changed" in result.stdout, result.stdout + result.stderr
    assert "heavy: []" in result.stdout


def test_a_new_analysis_format_rebuilds(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an upgrade that changes what analysis stores, the same seeds are no no-op."""
    from briefing import cache

    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    result = run("build", seeds, "--out", out, "--format", "md")
    assert result.exit_code == 0 and "wrote" in result.stdout, result.output


@pytest.mark.parametrize("change", ["config", "template", "format", "method", "sources.toml"])
def test_any_input_change_rebuilds(change: str, seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    config = tmp_path / "c.toml"
    config.write_text('[briefing]\ntitle = "Watch list"\n', encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text('{% extends "default/briefing.md.j2" %}\n', encoding="utf-8")
    base = ["build", seeds, "--out", out, "--config", config, "--templates", templates]
    assert run(*base).exit_code == 0
    extra: list[str] = []
    if change == "config":
        config.write_text('[briefing]\ntitle = "Watch list, revised"\n', encoding="utf-8")
    elif change == "template":
        (templates / "briefing.md.j2").write_text(
            '{% extends "default/briefing.md.j2" %}{% block header %}# Revised{% endblock %}\n', encoding="utf-8")
    elif change == "format":
        extra = ["--format", "md,docx,json"]
    elif change == "method":
        extra = ["--method", "textrank"]
    else:
        listing = seeds / "sources.toml"
        listing.write_text(listing.read_text(encoding="utf-8") + '\n["001_15e90f5fcd59cc0a.txt"]\n'
                           'outlet = "Example Wire"\n', encoding="utf-8")
    result = run(*base, *extra)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout


def test_only_changed_articles_are_parsed(seeds: Path, tmp_path: Path, monkeypatch) -> None:
    import briefing.analyse as analyse_module

    parsed: list[str] = []
    real = analyse_module.analyse

    def counting(articles, config, model=None, **kwargs):
        parsed.extend(a.source.path for a in articles)
        return real(articles, config, model, **kwargs)

    monkeypatch.setattr(analyse_module, "analyse", counting)
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--cache-dir", cache).exit_code == 0
    assert len(parsed) == 5
    parsed.clear()
    article = first_article(seeds)
    article.write_text(article.read_text(encoding="utf-8").replace("70 percent", "75 percent"), encoding="utf-8")
    (seeds / sorted(p.name for p in seeds.glob("*.txt"))[-1]).unlink()
    result = run("build", seeds, "--out", out, "--cache-dir", cache)
    assert result.exit_code == 0, result.output
    assert parsed == [article.name]
    assert "Briefing of 4 sources" in result.stdout


def test_cached_build_equals_a_fresh_one_and_corrupt_entries_are_rebuilt(seeds: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = tmp_path / "fresh"
    assert run("build", seeds, "--out", fresh, "--no-cache", "--format", "md").exit_code == 0
    warm = tmp_path / "warm"
    assert run("build", seeds, "--out", warm, "--cache-dir", cache, "--format", "md").exit_code == 0
    entries = sorted(p for p in cache.rglob("*.json") if ".routes-" not in p.name)
    routes = sorted(p for p in cache.rglob("*.json") if ".routes-" in p.name)
    assert len(entries) == 5 and len(routes) == 5
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text(json.dumps({"key": "other", "sentences": []}), encoding="utf-8")
    routes[2].write_text("{not json", encoding="utf-8")
    routes[3].write_text(json.dumps({"key": "other", "routes": []}), encoding="utf-8")
    again = tmp_path / "again"
    assert run("build", seeds, "--out", again, "--cache-dir", cache, "--format", "md").exit_code == 0
    md = (fresh / "briefing.md").read_text(encoding="utf-8")
    assert (warm / "briefing.md").read_text(encoding="utf-8") == md
    assert (again / "briefing.md").read_text(encoding="utf-8") == md
    assert json.loads(entries[0].read_text(encoding="utf-8"))["sentences"]
    assert json.loads(routes[2].read_text(encoding="utf-8"))["routes"]


def test_a_changed_section_cue_routes_cached_articles_again(seeds: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert run("build", seeds, "--out", tmp_path / "a", "--cache-dir", cache, "--format", "md").exit_code == 0
    config = tmp_path / "briefing.toml"
    # Refineries are no military matter any more: the cached routing must not say otherwise.
    config.write_text('[sections.military]\ncues = ["missile", "drone", "troops"]\n', encoding="utf-8")
    for name, extra in (("warm", ["--cache-dir", cache]), ("fresh", ["--no-cache"])):
        result = run("build", seeds, "--out", tmp_path / name, "--config", config, "--format", "md", *extra)
        assert result.exit_code == 0, result.output
    warm = (tmp_path / "warm" / "briefing.md").read_text(encoding="utf-8")
    assert warm == (tmp_path / "fresh" / "briefing.md").read_text(encoding="utf-8")
    assert warm != (tmp_path / "a" / "briefing.md").read_text(encoding="utf-8")


def test_second_build_waits_for_the_first(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    released = threading.Event()

    def hold() -> None:
        with build_lock(out):
            released.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(seeds), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    assert proc.poll() is None  # still waiting for the lock
    assert not (out / "briefing.md").exists()
    released.set()
    holder.join()
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert "another build is writing to" in stderr
    assert "wrote" in stdout and (out / "briefing.md").exists()


def test_what_changed_section(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    first = (out / "briefing.md").read_text(encoding="utf-8")
    assert "What changed" not in first
    article = first_article(seeds)
    article.write_text(article.read_text(encoding="utf-8") +
                       "\nRussian forces shelled the port of Odesa overnight, destroying three grain "
                       "terminals, the regional governor said.\n", encoding="utf-8")
    # An article that points of the first briefing cite, and no other source beside it.
    dropped = sorted(seeds.glob("*.txt"))[-2]
    assert "[4] (1 of 5 sources)" in first
    dropped.unlink()
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    second = (out / "briefing.md").read_text(encoding="utf-8")
    headings = [line for line in second.splitlines() if line.startswith("## ")]
    assert headings[0] == "## What changed since the last briefing"
    assert "**New:**" in second
    assert "No longer in the briefing:" in second
    assert dropped.name.replace("_", "\\_") in second.split("## Key takeaways")[0]
    # Every point marked new is one the first briefing did not have.
    for line in second.splitlines():
        if line.startswith("- **New:** "):
            text = line[len("- **New:** "):].rsplit(" [", 1)[0]
            assert text not in first
    # The section on what changed is part of the briefing's budget, and names a dropped
    # point by its opening words.
    assert len(second.split()) <= 1000
    gone = second.split("No longer in the briefing:")[1].split("## ")[0]
    items = [line[2:] for line in gone.splitlines() if line.startswith("- ")]
    assert items and all(len(item.split()) <= 13 for item in items), items
    assert all(item.rstrip(" …") in first for item in items)


def points_of(markdown: str) -> list[str]:
    """The points of a Markdown briefing without their citations and New marks."""
    body = markdown.split("## Key takeaways", 1)[1].split("## Sources", 1)[0]
    return [line[2:].replace("**New:** ", "").rsplit(" [", 1)[0] for line in body.splitlines()
            if line.startswith("- ")]


def test_one_minor_article_does_not_reshuffle_the_briefing(seeds: Path, tmp_path: Path) -> None:
    """A new one-line article about a port shelled: the briefing gains that and keeps what it
    said, its main fact first of all; points left out only to make room for "What changed"
    are counted there, not listed as if the news had displaced them. The news itself is not
    what makes room: a briefing naming a new source whose news it squeezed out would leave
    its reader to wonder what displaced the point it lists as gone."""
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    first = (out / "briefing.md").read_text(encoding="utf-8")
    (seeds / "005_odesa.txt").write_text("Odesa Port Shelled\n\nRussian forces shelled the port of Odesa "
                                         "overnight, destroying three grain terminals, the regional governor "
                                         "said.\n", encoding="utf-8")
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    second = (out / "briefing.md").read_text(encoding="utf-8")
    before, after = points_of(first), points_of(second)
    assert before[0] in after  # the top takeaway
    kept = [p for p in before if p in after]
    assert len(kept) >= 0.8 * len(before), (len(kept), len(before))
    changes = second.split("## What changed since the last briefing", 1)[1].split("## Key takeaways")[0]
    listed = [line for line in changes.splitlines() if line.startswith("- ")]
    assert f"{len(listed)} no longer in the briefing" in changes
    assert "left out to make room for this section" in changes
    assert "- **New:** Russian forces shelled the port of Odesa overnight" in second
    assert "1 new point (marked New)" in changes
    assert len(second.split()) <= 1000


def test_a_new_key_figure_is_marked_new_like_any_point(seeds: Path, tmp_path: Path) -> None:
    """"2 new points (marked New)" must be true of the table too: a row the last briefing did
    not have says so in the Markdown and in the DOCX."""
    from docx import Document

    out = tmp_path / "out"
    assert run("build", seeds, "--out", out).exit_code == 0
    article = first_article(seeds)
    article.write_text(article.read_text(encoding="utf-8") + "\nUkraine's central bank said reserves reached "
                       "$52 billion in November, the highest since the war began, after Western partners "
                       "increased their financial support.\n", encoding="utf-8")
    assert run("build", seeds, "--out", out).exit_code == 0
    markdown = (out / "briefing.md").read_text(encoding="utf-8")
    table = markdown.split("## Key figures", 1)[1].split("## Sources", 1)[0]
    row = next(line for line in table.splitlines() if "52 billion" in line)
    assert row.startswith("| **New:** ")
    count = int(markdown.split("## What changed since the last briefing", 1)[1].split(" new point")[0].split()[-1])
    assert count == markdown.count("**New:**")
    cells = [c.text for t in Document(str(out / "briefing.docx")).tables for r in t.rows for c in r.cells]
    assert any(c.startswith("New: ") and "52 billion" in c for c in cells)


def test_watcher_ignores_what_cannot_change_the_briefing(seeds: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    w = Watcher(seeds=seeds, out=seeds / "out", config_path=config, templates=tmp_path / "tpl")
    assert w.relevant(seeds / "new.txt") and w.relevant(seeds / "notes.md") and w.relevant(seeds / "sources.toml")
    assert w.relevant(config) and w.relevant(tmp_path / "tpl" / "briefing.md.j2")
    for ignored in (seeds / "out" / "briefing.md", seeds / ".hidden.txt", seeds / "a.txt.swp", seeds / "a.txt~",
                    seeds / ".#a.txt", seeds / "a.tmp", seeds / "photo.jpg", tmp_path / "other.toml"):
        assert not w.relevant(ignored), ignored


def test_failed_rebuild_logs_one_line_and_keeps_the_last_briefing(seeds: Path, tmp_path: Path) -> None:
    lines: list[str] = []
    config = tmp_path / "c.toml"
    config.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    w = Watcher(seeds=seeds, out=out, config_path=config, log=lines.append)
    assert w.rebuild_once(force=True)
    good = (out / "briefing.md").read_bytes()
    config.write_text("[briefing\n", encoding="utf-8")
    assert not w.rebuild_once([(None, str(config))])
    assert len(lines) == 2 and "build failed, keeping the last briefing" in lines[-1]
    assert "\n" not in lines[-1]
    assert (out / "briefing.md").read_bytes() == good
    assert not w.rebuild_once([(None, str(seeds / "x.swp"))])  # nothing relevant: no build
    config.write_text("", encoding="utf-8")
    assert w.rebuild_once([(None, str(config))])


def test_watch_rebuilds_on_save_and_stops_cleanly_on_ctrl_c(seeds: Path, tmp_path: Path) -> None:
    out = seeds / "out"  # inside the watched folder: its own writes must not trigger rebuilds
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "watch", str(seeds), "--out", str(out),
                             "--debounce", "100"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    docx = out / "briefing.docx"
    try:
        deadline = time.monotonic() + 90
        while not docx.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert docx.exists()
        time.sleep(1.5)
        before = docx.stat().st_mtime_ns
        article = first_article(seeds)
        swap = seeds / f".{article.name}.swp"
        swap.write_text(article.read_text(encoding="utf-8").replace("70 percent", "80 percent"), encoding="utf-8")
        os.replace(swap, article)  # an editor that saves by rename
        deadline = time.monotonic() + 60
        while docx.stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert docx.stat().st_mtime_ns != before
        assert "80 percent of Donetsk" in (out / "briefing.md").read_text(encoding="utf-8")
        time.sleep(1.5)
        settled = docx.stat().st_mtime_ns
        time.sleep(1.5)
        assert docx.stat().st_mtime_ns == settled  # its own output did not set off another build
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output
    assert "Traceback" not in output
    assert output.count("rebuilt") == 2, output


def test_schedule_recipes(tmp_path: Path, seeds: Path) -> None:
    cron = run("schedule", "--print", "cron", seeds, "--out", tmp_path / "out", "--every", "10")
    assert cron.exit_code == 0
    line = [ln for ln in cron.stdout.splitlines() if not ln.startswith("#")][0]
    assert line.startswith("*/10 * * * * ") and f"build {seeds.resolve()}" in line
    assert f"--out {(tmp_path / 'out').resolve()}" in line
    systemd = run("schedule", "--print", "systemd", seeds)
    assert systemd.exit_code == 0
    assert "[Timer]" in systemd.stdout and "OnUnitActiveSec=15min" in systemd.stdout
    assert "ExecStart=" in systemd.stdout and str(seeds.resolve()) in systemd.stdout
    bad = run("schedule", "--print", "launchd")
    assert bad.exit_code == 2 and "cron, systemd" in bad.stderr


def test_a_forced_rebuild_of_the_same_inputs_gives_the_same_briefing(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    first = (out / "briefing.md").read_bytes()
    assert run("build", seeds, "--out", out, "--format", "md", "--force").exit_code == 0
    assert (out / "briefing.md").read_bytes() == first


def test_watch_loads_the_model_before_its_first_build(monkeypatch: pytest.MonkeyPatch, seeds: Path,
                                                      tmp_path: Path) -> None:
    """Loaded after that build, the model would take seconds in which a saved article goes
    unseen: the watcher starts only once the build is done."""
    calls: list[str] = []
    monkeypatch.setattr(Watcher, "_load_model", lambda self: calls.append("model"))
    monkeypatch.setattr(Watcher, "rebuild_once", lambda self, changes=(), force=False: calls.append("build") or True)
    stop = threading.Event()
    stop.set()
    Watcher(seeds=seeds, out=tmp_path / "out", log=lambda line: None).run(stop_event=stop)
    assert calls == ["model", "build"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_watch_stops_on_a_signal_even_when_started_in_the_background(stop: int, seeds: Path,
                                                                      tmp_path: Path) -> None:
    """A shell without job control starts background commands with SIGINT ignored; a
    service manager stops them with SIGTERM. Either way watch ends cleanly."""
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "watch", str(seeds), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        deadline = time.monotonic() + 90
        while not (out / "briefing.docx").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)
        proc.send_signal(stop)
        output, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, output
    assert output.rstrip().endswith("stopped watching") and "Traceback" not in output


@pytest.mark.parametrize("model", ["not json", "[]", '{"sections": [{"points": [{"sentences": [["x", 1]]}]}],'
                                                 ' "sources": [{"number": 1}]}'])
def test_an_unreadable_last_briefing_model_builds_as_a_first_build(seeds: Path, tmp_path: Path, model: str) -> None:
    out = tmp_path / "out"
    assert run("build", seeds, "--out", out, "--format", "md").exit_code == 0
    first = (out / "briefing.md").read_text(encoding="utf-8")
    (out / ".briefing-model.json").write_text(model, encoding="utf-8")
    result = run("build", seeds, "--out", out, "--format", "md", "--force")
    assert result.exit_code == 0, result.output
    assert (out / "briefing.md").read_text(encoding="utf-8").split("## Key takeaways")[1] == \
        first.split("## Key takeaways")[1]
