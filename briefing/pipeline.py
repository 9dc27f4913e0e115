"""The one place that knows the stage order: read → clean → analyse → classify → select/assemble → render → write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Config, load_config
from .errors import ConfigError, InputError
from .model import Briefing

FORMATS = ("md", "docx", "json")

# Called with each stage's name as it starts (read, clean, load, parse, route, select, render,
# write) and "done" at the end: what the scale benchmark times and measures memory by.
OnStage = Callable[[str], None]


def _quiet(stage: str) -> None:
    pass


@dataclass(frozen=True)
class BuildResult:
    briefing: Briefing
    written: list[Path] = field(default_factory=list)


def build_briefing(seeds: Path, config: Config | None = None, *, method: str | None = None,
                   model: str | None = None, jobs: int = 1, on_stage: OnStage = _quiet) -> Briefing:
    """Turn a folder of articles into a Briefing (no files written).

    Args:
        seeds: folder holding the articles (*.txt, *.md), read in file-name order.
        config: settings; the shipped defaults when None.
        method: sumy summarizer name overriding the config (see `SUMMARIZERS`).
        model: spaCy pipeline name overriding the config's candidates.
        jobs: processes parsing with spaCy when the input is large enough to gain from them.
        on_stage: called with each stage's name as it starts.
    Returns:
        The Briefing every renderer takes.
    """
    from .analyse import analyse, load_model
    from .assemble import assemble
    from .classify import classify
    from .clean import clean
    from .read import read_folder
    from .summarize import SUMMARIZERS

    config = config or load_config()
    method = method or config.method
    if method not in SUMMARIZERS:
        raise ConfigError(f"unknown method '{method}': choose one of {', '.join(SUMMARIZERS)}")
    on_stage("read")
    raws, skipped = read_folder(seeds)
    on_stage("clean")
    articles = [clean(raw, n, config) for n, raw in enumerate(raws, start=1)]
    empty = [a.source.path for a in articles if not a.body]
    if not articles or len(empty) == len(articles):
        raise InputError(f"no article text in {seeds}: every file is empty, binary or only headings")
    on_stage("load")
    load_model([model] if model else config.models)  # kept loaded: analyse finds it ready
    on_stage("parse")
    sentences, model_name = analyse(articles, config, model, jobs=jobs)
    on_stage("route")
    sentences = classify(sentences, config)
    on_stage("select")
    briefing = assemble(articles, sentences, config, method, model_name)
    notes = skipped + [f"{name} has no article text (only headings or boilerplate)" for name in empty]
    return replace(briefing, notes=tuple(notes))


def render(briefing: Briefing, formats: tuple[str, ...], templates: Path | None = None) -> dict[str, bytes]:
    """File name → content for each requested format."""
    files: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            from .render.markdown import render_markdown

            files["briefing.md"] = render_markdown(briefing, templates).encode("utf-8")
        elif fmt == "docx":
            from .render.docx import render_docx

            files["briefing.docx"] = render_docx(briefing)
        elif fmt == "json":
            from .render.json import render_json

            files["briefing.json"] = render_json(briefing).encode("utf-8")
        else:
            raise ConfigError(f"unknown format '{fmt}': choose from {', '.join(FORMATS)}")
    return files


def build(seeds: Path, out: Path, *, config: Config | None = None, formats: tuple[str, ...] = ("md", "docx"),
          method: str | None = None, model: str | None = None, templates: Path | None = None,
          discard_edits: bool = False, jobs: int = 1, on_stage: OnStage = _quiet) -> BuildResult:
    """Build the briefing and write it to `out`; nothing is written if any step fails."""
    from .output import write_outputs

    briefing = build_briefing(seeds, config, method=method, model=model, jobs=jobs, on_stage=on_stage)
    on_stage("render")
    files = render(briefing, formats, templates)
    on_stage("write")
    written = write_outputs(out, files, discard_edits=discard_edits)
    on_stage("done")
    return BuildResult(briefing, written)
