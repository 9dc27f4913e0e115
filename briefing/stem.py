"""English Snowball (Porter2) stems, from the Snowball project's own Python package.

Ranking and concept weights stem every word; importing NLTK for its stemmer costs seconds at
start-up (it pulls in SciPy's statistics), while `snowballstemmer` loads in microseconds.
The same function is handed to sumy's summarizers, so every method sees the same stems.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The stem of a word, lower-cased first (as sumy does before stemming)."""
    return _stemmer().stemWord(word.lower())
