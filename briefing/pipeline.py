"""The one place that knows the stage order: read → clean → analyse → classify → select/assemble → render → write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .config import Config, load_config
from .errors import ConfigError, InputError
from .model import Briefing, Sentence

FORMATS = ("md", "docx", "json")

# Called with each stage's name as it starts (read, clean, load, parse, route, select, render,
# write) and "done" at the end: what the scale benchmark times and measures memory by.
OnStage = Callable[[str], None]


def _quiet(stage: str) -> None:
    pass


@dataclass(frozen=True)
class BuildResult:
    briefing: Briefing | None  # None: nothing changed, nothing was written
    written: list[Path] = field(default_factory=list)
    merges: list[Any] = field(default_factory=list)  # merge.Report of each Markdown/DOCX output
    edited: list[Path] = field(default_factory=list)  # outputs the user edited, left as they are


def build_briefing(seeds: Path, config: Config | None = None, *, method: str | None = None,
                   model: str | None = None, cache_dir: Path | None = None,
                   use_cache: bool = False, jobs: int = 1, on_stage: OnStage = _quiet,
                   previous: dict[str, Any] | None = None) -> Briefing:
    """Turn a folder of articles into a Briefing (no files written).

    Args:
        seeds: folder holding the articles (*.txt, *.md, *.html, *.docx) and optionally
            sources.toml; read in file-name order.
        config: settings; the shipped defaults when None.
        method: sumy summarizer name overriding the config (see `SUMMARIZERS`).
        model: spaCy pipeline name overriding the config's candidates.
        cache_dir: where per-article analysis is cached (platform default when None).
        use_cache: reuse cached analysis of unchanged articles.
        jobs: processes parsing with spaCy when the input is large enough to gain from them.
        on_stage: called with each stage's name as it starts.
        previous: the last briefing's model (`out/.briefing-model.json`): new points are
            marked and dropped ones listed, within the same word budget.
    Returns:
        The Briefing every renderer takes.
    """
    from .assemble import SECTION_DIVERSITY, prepare, select
    from .changes import KEY as CHANGES, favour, known_paths, mark_changes
    from .clean import clean, screen
    from .heard import louder, unheard
    from .readers import read_folder
    from .summarize import SUMMARIZERS

    config = config or load_config()
    method = method or config.method
    if method not in SUMMARIZERS:
        raise ConfigError(f"unknown method '{method}': choose one of {', '.join(SUMMARIZERS)}")
    on_stage("read")
    raws, notes = read_folder(seeds)
    on_stage("clean")
    articles, screened = screen([clean(raw, n, config) for n, raw in enumerate(raws, start=1)], config)
    notes += screened
    if not articles:
        raise InputError(f"no usable article text in {seeds}: " + "; ".join(notes))
    sentences, model_name = _analyse_cached(articles, config, model, cache_dir, use_cache, jobs, on_stage)
    on_stage("select")
    story = prepare(articles, sentences, config, method)
    # A regenerated briefing keeps what it said, and takes in what new articles report,
    # before old material it left out.
    weights = favour(story.clusters, story.sources, previous)
    briefing = _fit(lambda slack: select(story, config, method, model_name, slack, weights), config)
    quiet = unheard(story.clusters, briefing, known_paths(previous), story.score, story.vectors, SECTION_DIVERSITY)
    if quiet:
        weights = louder(weights, quiet)
        briefing = _fit(lambda slack: select(story, config, method, model_name, slack, weights), config)
    marked = mark_changes(briefing, previous)
    if any(s.key == CHANGES for s in marked.sections):
        # What changed takes words of its own: the briefing is fitted again with it, keeping
        # the news it took in. (Not otherwise: the same inputs give what a first build gives.)
        weights = louder(favour(story.clusters, story.sources, previous, briefing), quiet)
        marked = _fit(lambda slack: mark_changes(select(story, config, method, model_name, slack, weights),
                                                 previous, briefing), config)
    briefing = marked
    return replace(briefing, notes=tuple(notes + _foreign(sentences, config)))


def _foreign(sentences: Sequence[Sentence], config: Config) -> list[str]:
    """A note when none of the configured parties speaks or acts in the sources (a mention
    in passing, "one of Europe's most fragmented parliaments", is not enough): the articles
    are about another story than the configuration's, and its party sections stay empty."""
    configured = {p.key for p in config.parties}
    if not configured or any(s.speaker in configured or s.actor in configured for s in sentences):
        return []
    names = ", ".join(p.name for p in config.parties)
    return [f"none of the configured parties ({names}) speaks or acts in the sources: is the "
            f"configuration ('{config.title}') for another story? Give one with --config"]


FIT_TRIES = 8  # selections at most; the parse, clusters and scores are made once (`prepare`)
FIT_CLOSE_ENOUGH = 10  # words under `max_words` at which a briefing is full
FIT_MAX_RATE = 6.0  # budget words moved for each word the reader sees change, at most


def counted_words(markdown: str, config: Config) -> int:
    """The Markdown's words as `max_words` counts them: the list of sources for a fifth of the
    budget at most (see `assemble._fixed_words`). Hundreds of articles list more words of
    sources than the whole budget, and the points would otherwise be cut to nothing."""
    from .render.markdown import md

    title = next((s.title for s in config.sections if s.kind == "sources"), None)
    lines = markdown.splitlines()
    start = next((n for n, line in enumerate(lines) if title is not None and line == f"## {md(title)}"), None)
    if start is None:
        return len(markdown.split())
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
    listed = sum(len(line.split()) for line in lines[start:end])
    return len(markdown.split()) - listed + min(listed, config.max_words // 5)


def _fit(build: Callable[[int], Briefing], config: Config) -> Briefing:
    """The briefing that fills `max_words` as the reader counts it, in the shipped Markdown.
    Section budgets are set before the words of headings, citations and sources are known,
    from an estimate of them; what the estimate got wrong is given back or taken away.
    A word of budget is usually a word shown, but not always (a point left out of a
    regenerated briefing is listed under what changed): the step follows what the last
    two tries showed."""
    from .render.markdown import render_markdown

    slack, rate = 0, 1.0
    best: tuple[int, Briefing] | None = None
    smallest: tuple[int, Briefing] | None = None
    last: tuple[int, int] | None = None  # (slack, shown) of the try before
    under: int | None = None  # the largest slack that fitted
    over: int | None = None  # the smallest slack that showed too much
    for _ in range(FIT_TRIES):
        briefing = build(slack)
        shown = counted_words(render_markdown(briefing), config)
        if shown <= config.max_words and (best is None or shown > best[0]):
            best = (shown, briefing)
        if smallest is None or shown < smallest[0]:
            smallest = (shown, briefing)
        left = config.max_words - shown
        if 0 <= left < FIT_CLOSE_ENOUGH:
            break
        if left >= 0:
            under = slack if under is None else max(under, slack)
        else:
            over = slack if over is None else min(over, slack)
        if last is not None and shown != last[1]:
            rate = min(FIT_MAX_RATE, max(1.0, (slack - last[0]) / (shown - last[1])))
        elif last is not None:
            rate = min(FIT_MAX_RATE, rate * 2)
        last = (slack, shown)
        slack += round(left * rate)
        if under is not None and over is not None:
            if over - under <= 1:
                break  # one more word of budget adds a whole point too many
            if not under < slack < over:
                # A point or a cascade of them comes in between the two: look halfway.
                slack = (under + over) // 2
    return (best or smallest or (0, briefing))[1]


def _analyse_cached(articles: list, config: Config, model: str | None, cache_dir: Path | None,
                    use_cache: bool, jobs: int = 1, on_stage: OnStage = _quiet) -> tuple[list, str]:
    """Analysis of every article, routed to sections; only what the cache does not hold is
    parsed, and only what it holds no routing of for this configuration is routed."""
    from .analyse import analyse, load_model
    from .classify import classify

    if not use_cache:
        on_stage("load")
        load_model([model] if model else config.models)  # kept loaded: analyse finds it ready
        on_stage("parse")
        sentences, model_name = analyse(articles, config, model, jobs=jobs)
        on_stage("route")
        return classify(sentences, config), model_name
    from .cache import AnalysisCache, article_key, default_dir, routing_key
    from .modelinfo import identity, resolve

    name = model or resolve(config.models)
    cache = AnalysisCache(cache_dir or default_dir())
    model_id = identity(name)
    keys = {a.source.number: article_key(a, config, model_id) for a in articles}
    found = {n: cache.get(k) for n, k in keys.items()}
    todo = [a for a in articles if found[a.source.number] is None]
    model_name = name or ""
    if todo:
        on_stage("load")
        load_model([model] if model else config.models)  # kept loaded: analyse finds it ready
        on_stage("parse")
        fresh, model_name = analyse(todo, config, model, jobs=jobs)
        parsed: dict[int, list] = {a.source.number: [] for a in todo}
        for s in fresh:
            parsed[s.source].append(s)
        for n, mine in parsed.items():
            found[n] = mine
            cache.put(keys[n], mine)
    on_stage("route")
    # Routing reads one article at a time (a sentence goes on from the one before it in its
    # own article), so it is kept per article and configuration like the analysis.
    routes = routing_key(config)
    for n, key in keys.items():
        sentences = found[n] or []
        routed = cache.get_routes(key, routes, sentences)
        if routed is None:
            routed = classify(sentences, config)
            cache.put_routes(key, routes, routed)
        found[n] = routed
    # Entries are stored per article; the number they cite is the article's place in this build.
    sentences = [s if s.source == a.source.number else replace(s, source=a.source.number)
                 for a in articles for s in found[a.source.number] or []]
    return sentences, model_name


def render(briefing: Briefing, formats: tuple[str, ...], templates: Path | None = None,
           docx_options: Any = None) -> dict[str, bytes]:
    """File name → content for each requested format (`docx_options`: a render.docx.DocxOptions)."""
    files: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            from .render.markdown import render_markdown

            files["briefing.md"] = render_markdown(briefing, templates).encode("utf-8")
        elif fmt == "docx":
            from .render.docx import render_docx

            files["briefing.docx"] = render_docx(briefing, options=docx_options)
        elif fmt == "json":
            from .render.json import render_json

            files["briefing.json"] = render_json(briefing).encode("utf-8")
        else:
            raise ConfigError(f"unknown format '{fmt}': choose from {', '.join(FORMATS)}")
    return files


MODEL_FILE = ".briefing-model.json"


def _previous(out: Path) -> dict | None:
    import json

    try:
        data = json.loads((out / MODEL_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def build(seeds: Path, out: Path, *, config: Config | None = None, formats: tuple[str, ...] = ("md", "docx"),
          method: str | None = None, model: str | None = None, templates: Path | None = None,
          discard_edits: bool = False, force: bool = False, cache_dir: Path | None = None,
          use_cache: bool = True, on_wait: Callable[[], None] | None = None,
          reference_docx: Path | None = None, comments: bool = True, jobs: int = 1,
          on_stage: OnStage = _quiet) -> BuildResult:
    """Build the briefing and write it to `out`; nothing is written if any step fails.

    When the inputs, configuration, templates and version are those of the last build,
    nothing is done (`BuildResult.briefing` is None) unless `force` — even if the user edited
    an output since: their file is the latest version until there is something new to merge.
    Otherwise the user's edits to the Markdown and DOCX are merged into the new briefing
    (see merge.py) and their file is kept as a backup; `discard_edits` replaces it instead.
    """
    from .fingerprint import fingerprint
    from .lock import build_lock
    from .output import MANIFEST, edited_files, read_manifest, sweep, up_to_date, write_outputs

    config = config or load_config()
    method = method or config.method
    names = [f"briefing.{fmt}" for fmt in formats]
    digest = fingerprint(seeds, config, formats=formats, method=method, model=model, templates=templates,
                         extra={"reference_docx": reference_docx, "comments": comments})
    with build_lock(out, on_wait):
        # Leftovers of a killed build go even when this build turns out to have nothing to do.
        sweep(out, [*names, MODEL_FILE, MANIFEST])
        edited = edited_files(out, names) if out.is_dir() else []
        if not force and up_to_date(out, digest, names) and not (discard_edits and edited):
            return BuildResult(None, edited=[out / n for n in edited])
        from .merge import MERGED, load, produce
        from .render.docx import DocxOptions
        from .render.json import render_json

        if "docx" in formats:  # a bad reference document stops the build before the slow part
            from .render.styles import find_reference, open_reference

            open_reference(find_reference(reference_docx, templates))
        manifest = read_manifest(out)
        # Read the user's files first: a file that cannot be merged stops the build before
        # anything else is done.
        edits = {fmt: load(out, f"briefing.{fmt}", manifest, discard_edits) for fmt in formats if fmt in MERGED}
        briefing = build_briefing(seeds, config, method=method, model=model, cache_dir=cache_dir,
                                  use_cache=use_cache, jobs=jobs, on_stage=on_stage, previous=_previous(out))
        on_stage("render")
        options = DocxOptions(reference=reference_docx, templates=templates, author=config.author,
                              comments=comments)
        files: dict[str, bytes] = {}
        records: dict[str, Any] = {}
        reports = []
        for fmt in formats:
            name = f"briefing.{fmt}"
            if fmt in MERGED:
                files[name], records[name], report = produce(fmt, briefing, edits[fmt], templates=templates,
                                                             docx_options=options)
                reports.append(report)
            else:
                files.update(render(briefing, (fmt,), templates))
        internal = {MODEL_FILE: render_json(briefing).encode("utf-8")}
        on_stage("write")
        # A JSON file the user changed is no document to merge: it stops the build as before.
        keep = tuple(n for n in edited if discard_edits or n.rsplit(".", 1)[-1] in MERGED)
        backups = write_outputs(out, files, backup=keep, internal=internal,
                                fingerprint=digest, records=records)
    for report in reports:
        report.backup = backups.get(report.name)
    on_stage("done")
    return BuildResult(briefing, [out / n for n in files], merges=reports)
