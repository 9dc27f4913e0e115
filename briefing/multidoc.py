"""A multi-document summary: the sentences of a set of articles that best cover what they
report together, within a word budget.

Articles pass through the same cleaner as the briefing (titles, subheadings, bylines and
web boilerplate never enter), spaCy splits sentences, `concepts` weighs the word pairs the
articles share and `coverage` picks the sentences covering the most of that weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .concepts import Bigram, Unit, bigrams, weigh
from .config import Config, load_config
from .coverage import Problem, solve
from .model import Article
from .quotes import closes_a_quote

if TYPE_CHECKING:
    from spacy.language import Language

    from .readers import RawArticle

# Sentences shorter than this rarely carry a whole fact (Gillick & Favre drop them too);
# they are still used when nothing longer exists.
MIN_WORDS = 10
# A small reward for coming early in an article, in units of concept weight: among
# sentences that cover the same, the one nearer the lead wins.
POSITION_BONUS = 0.3
# Concepts in the first LEAD sentences of an article earn LEAD_BONUS more for each such
# article: news states its main facts first (see `concepts.weigh`).
LEAD_BONUS = 0.5
LEAD = 3
_QUOTES = ("\"", "“", "‘", "'", "`", "«")


@dataclass(frozen=True)
class Candidate:
    text: str
    unit: Unit


@dataclass(frozen=True)
class Settings:
    """The summarizer's few numbers, together so that the benchmark can vary them."""

    min_words: int = MIN_WORDS
    position_bonus: float = POSITION_BONUS
    lead_bonus: float = LEAD_BONUS
    lead: int = LEAD


DEFAULTS = Settings()


def _sentences(articles: Sequence[Article], nlp: Language) -> list[Candidate]:
    """Every body sentence in reading order. Only the sentence recogniser runs: the summary
    needs sentences and words, not tags, parses or entities, and this keeps it fast."""
    items = []
    for doc_no, article in enumerate(articles):
        for block in article.body:
            items.append((block.text, doc_no))
    senter = nlp.get_pipe("senter") if "senter" in nlp.component_names else None
    texts = nlp.tokenizer.pipe(t for t, _ in items)
    docs = senter.pipe(texts) if senter is not None else nlp.pipe(t for t, _ in items)
    out: list[Candidate] = []
    position: dict[int, int] = {}
    for doc, (_, doc_no) in zip(docs, items):
        for sent in doc.sents:
            text = sent.text.strip()
            if not any(ch.isalnum() for ch in text):
                continue
            words = tuple(t.text for t in sent if not (t.is_punct or t.is_space))
            p = position.get(doc_no, 0)
            position[doc_no] = p + 1
            out.append(Candidate(text, Unit(doc=doc_no, position=p, words=words, length=len(text.split()))))
    return out


def eligible(c: Candidate, shortest: int = MIN_WORDS) -> bool:
    """Whether a sentence may stand in a summary: long enough to state a fact, and readable
    without the sentence before it (see `needs_context`)."""
    return c.unit.length >= shortest and not needs_context(c.text)


# Openers that point back to something the summary may not have said: a pronoun for a
# person or thing named earlier, or a connective continuing the previous sentence.
_BACK_REFERENCES = frozenset("he she it they we i his her its their this these those but also "
                             "however meanwhile still yet".split())


def needs_context(text: str) -> bool:
    """Whether a sentence only makes sense after the one before it: a quotation, whose
    speaker the reader would not know (or the end of one the splitter cut in two), a
    question, or an opening that points back."""
    if text.startswith(_QUOTES) or text.rstrip(_CLOSERS).endswith("?"):
        return True
    if closes_a_quote(text):
        return True
    first = text.split(maxsplit=1)[0].lower().strip(",;:") if text.strip() else ""
    return first in _BACK_REFERENCES


_CLOSERS = "\"”’'»)] "


def choose(units: Sequence[Unit], max_words: int, *, candidates: Sequence[int] | None = None,
           max_items: int | None = None, min_items: int = 0, apart: Sequence[tuple[int, int]] = (),
           method: str = "ilp", settings: Settings = DEFAULTS) -> list[int]:
    """Indices into `units` of the sentences to say, ascending.

    Concepts are weighed over all `units` (every sentence of every article), but only
    `candidates` (all by default) may be chosen. `apart` lists pairs of indices into
    `units` that must not both be chosen.
    """
    weights = weigh(units, settings.lead_bonus, settings.lead)
    pool = _shortlist(units, weights, list(range(len(units))) if candidates is None else list(candidates))
    local = {j: k for k, j in enumerate(pool)}
    problem = Problem(
        concepts=[frozenset(g for g in bigrams(units[j].words) if g in weights) for j in pool],
        lengths=[units[j].length for j in pool],
        weights=weights,
        budget=max_words,
        bonus=[settings.position_bonus / (1 + units[j].position) for j in pool],
        max_items=max_items, min_items=min_items,
        apart=[(local[a], local[b]) for a, b in apart if a in local and b in local],
    )
    return sorted(pool[k] for k in solve(problem, method))


# The solver's time grows fast with near-equal options; sentences outside both top lists
# are practically never in the optimum.
SHORTLIST = 30


def _shortlist(units: Sequence[Unit], weights: dict, pool: list[int]) -> list[int]:
    """The candidates worth solving for: the best by concept weight and by weight per word."""
    if len(pool) <= 2 * SHORTLIST:
        return pool
    total = {j: sum(weights.get(g, 0.0) for g in bigrams(units[j].words)) for j in pool}
    by_total = sorted(pool, key=lambda j: (-total[j], j))[:SHORTLIST]
    by_density = sorted(pool, key=lambda j: (-total[j] / max(1, units[j].length), j))[:SHORTLIST]
    return sorted(set(by_total) | set(by_density))


def summarize_candidates(cands: Sequence[Candidate], max_words: int, method: str = "ilp",
                         settings: Settings = DEFAULTS) -> list[str]:
    """The summary of already split sentences: whole sentences in reading order, then, if
    words are left, the start of the sentence adding most, cut to fit."""
    if max_words <= 0 or not cands:
        return []
    units = [c.unit for c in cands]
    pool = _first_of_each([j for j, c in enumerate(cands) if eligible(c, settings.min_words)], cands)
    if not pool:  # tiny input: any sentence that is not a quotation will do
        pool = _first_of_each([j for j, c in enumerate(cands) if eligible(c, shortest=1)]
                              or list(range(len(cands))), cands)
    chosen = choose(units, max_words, candidates=pool, method=method, settings=settings)
    sentences = [cands[j].text for j in chosen]
    left = max_words - sum(units[j].length for j in chosen)
    if left > 0:
        cut = _filler(cands, weigh(units, settings.lead_bonus, settings.lead), chosen, pool, left)
        if cut:
            sentences.append(cut)
    return sentences


def _first_of_each(pool: list[int], cands: Sequence[Candidate]) -> list[int]:
    """Candidates without the repeats of a sentence already seen: wire copies repeat
    whole sentences, and identical options only make the solver try both."""
    seen: set[str] = set()
    out = []
    for j in pool:
        key = " ".join(cands[j].text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(j)
    return out


def _filler(cands: Sequence[Candidate], weights: dict[Bigram, float], chosen: list[int], pool: list[int],
            left: int) -> str | None:
    """The first `left` words of the unchosen sentence whose opening adds the most (the
    earliest one when none adds a concept: leads carry the news)."""
    units = [c.unit for c in cands]
    covered = set().union(*(bigrams(units[j].words) for j in chosen)) if chosen else set()
    rest = [j for j in pool if j not in chosen]
    if not rest:
        return None

    def gain(j: int) -> float:
        head = [w.strip(_PUNCT) for w in cands[j].text.split()[:left]]
        return sum(weights.get(g, 0.0) for g in bigrams(head) - covered)

    best = max(rest, key=lambda j: (gain(j), -units[j].position, -units[j].doc))
    return " ".join(cands[best].text.split()[:left])


_PUNCT = ".,;:!?…\"'“”‘’()[]«»`_—–-"


def _articles_from_texts(texts: Sequence[str], config: Config) -> list[Article]:
    from .clean import clean, screen
    from .newswire import plain
    from .readers import RawArticle, unwrap

    raws = [RawArticle(path=Path(f"text-{n}"), lines=tuple(unwrap(plain(t)))) for n, t in enumerate(texts, 1)]
    articles, _ = screen([clean(raw, n, config) for n, raw in enumerate(raws, 1)], config)
    return articles


def summarize_texts(texts: list[str], max_words: int, *, model: str | None = None,
                    config: Config | None = None) -> list[str]:
    """A summary of articles about one story, at most `max_words` words.

    Args:
        texts: the articles, each as plain text (a first line without closing punctuation
            is taken as its title and left out, like subheadings and web boilerplate).
        max_words: the length limit, in whitespace-separated words.
        model: spaCy pipeline to use (default: the configured ones, first that loads).
        config: settings for the cleaner; the shipped defaults when None.
    Returns:
        Sentences as the articles wrote them, in reading order (article by article); the
        last one may be cut short to use up the budget. Empty for empty input.
    """
    config = config or load_config()
    articles = _articles_from_texts(texts, config)
    if not articles or max_words <= 0:
        return []
    return summarize_articles(articles, max_words, config, model)


def summarize_articles(articles: Sequence[Article], max_words: int, config: Config,
                       model: str | None = None) -> list[str]:
    from .analyse import load_model

    nlp, _ = load_model([model] if model else config.models)
    return summarize_candidates(_sentences(articles, nlp), max_words)


def summarize_folder(folder: Path, max_words: int, *, config: Config | None = None,
                     model: str | None = None) -> tuple[list[str], list[str]]:
    """The summary of a folder of articles (any format the briefing reads) and the notes
    on files left out."""
    from .clean import clean, screen
    from .errors import InputError
    from .readers import read_folder

    config = config or load_config()
    raws, notes = read_folder(folder)
    raws = [_without_markup(raw) for raw in raws]
    articles, screened = screen([clean(raw, n, config) for n, raw in enumerate(raws, 1)], config)
    notes += screened
    if not articles:
        raise InputError(f"no usable article text in {folder}: " + "; ".join(notes))
    return summarize_articles(articles, max_words, config, model), notes


def _without_markup(raw: RawArticle) -> RawArticle:
    """A file read as text that is an SGML newswire document, as plain paragraphs."""
    from dataclasses import replace

    from .newswire import is_markup, plain
    from .readers import unwrap

    text = "\n".join(raw.lines)
    return replace(raw, lines=tuple(unwrap(plain(text))), headings=frozenset()) if is_markup(text) else raw
