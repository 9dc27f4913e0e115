"""Deterministic corpora for the scale benchmark: the seeds plus articles recombined from them.

Each generated article takes a seed title or subheading as its title, and paragraphs of
seed sentences — some spliced at a comma with another sentence, with a share of the proper
names swapped for invented ones and numbers changed. So a large corpus has what a real
news stream has: the same fact told by many outlets, near-duplicates that differ in a name
or a figure, and sentences no other article has. Article `i` depends only on the seed and
`i`, so the corpus of 500 contains the one of 50.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.clean import clean  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.readers import read_folder  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d+\b")
_SYLLABLES = ("ka", "ro", "vel", "dan", "mir", "os", "ta", "len", "bor", "is", "av", "uri", "ne", "gor")


class Seeds:
    """What the generator draws from: the seeds' titles, headings, sentences and names."""

    def __init__(self, folder: Path) -> None:
        config = load_config()
        raws, _ = read_folder(folder)
        self.paths = [raw.path for raw in raws]
        articles = [clean(raw, n, config) for n, raw in enumerate(raws, 1)]
        self.titles = [b.text for a in articles for b in a.blocks if b.kind in ("title", "heading")]
        self.sentences = [s for a in articles for b in a.body for s in _SENTENCE_END.split(b.text)
                          if len(s.split()) >= 5]
        self.names = sorted({m.group() for s in self.sentences for m in _NAME.finditer(s)})


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _sentence(seeds: Seeds, rng: random.Random) -> str:
    text = rng.choice(seeds.sentences)
    if rng.random() < 0.3:  # a new sentence from the opening of one and the close of another
        other = rng.choice(seeds.sentences)
        if "," in text and "," in other:
            text = text[:text.index(",")] + other[other.index(","):]
    if rng.random() < 0.5:
        text = _NUMBER.sub(lambda m: str(rng.randint(2, 10 ** len(m.group()) - 1)), text)
    return text


def article(seeds: Seeds, seed: int, number: int) -> str:
    """The text of generated article `number`: a title line, then paragraphs and subheadings."""
    rng = random.Random(f"{seed}:{number}")
    swapped = {name: _invented(rng) for name in seeds.names if rng.random() < 0.25}
    lines = [rng.choice(seeds.titles)]
    for n in range(rng.randint(10, 25)):
        if n and n % 5 == 0:
            lines.append(rng.choice(seeds.titles))
        lines.append(" ".join(_sentence(seeds, rng) for _ in range(rng.randint(1, 2))))
    text = "\n".join(lines) + "\n"
    if swapped:
        text = re.sub(r"\b(" + "|".join(map(re.escape, swapped)) + r")\b", lambda m: swapped[m.group()], text)
    return text


def write_corpus(size: int, folder: Path, seeds_dir: Path = ROOT / "seeds", seed: int = 0) -> Path:
    """`folder` filled with the seeds and `size` minus their number of generated articles."""
    seeds = Seeds(seeds_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for path in seeds.paths[:size]:
        shutil.copyfile(path, folder / path.name)
    for number in range(len(seeds.paths), size):
        (folder / f"gen_{number:05d}.txt").write_text(article(seeds, seed, number), encoding="utf-8")
    return folder
