"""Choose the sentences that cover the most concept weight within a word budget.

The objective — the summed weight of the concepts the chosen sentences contain, each
counted once — is monotone submodular: a second sentence repeating a covered concept earns
nothing for it, which is what keeps the summary from saying a thing twice. It is solved
exactly as an integer linear program (Gillick & Favre 2009) with HiGHS through
`scipy.optimize.milp`; the cost-scaled greedy of Lin & Bilmes (2010) is the fallback and
the reference the tests compare against.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

# Seconds. HiGHS proves the optimum for ten news articles in about a tenth of this, at its
# root node; past it the best solution found so far is compared with the greedy one. The
# margin is wide because an answer cut short by time depends on how busy the machine is.
_TIME_LIMIT = 1.5


@dataclass(frozen=True)
class Problem:
    """Sentences as sets of concepts with a length each, the concept weights, the budget."""

    concepts: Sequence[frozenset[Hashable]]
    lengths: Sequence[int]
    weights: dict[Hashable, float]
    budget: int
    bonus: Sequence[float] = ()  # a per-sentence reward added to what it covers
    max_items: int | None = None
    min_items: int = 0
    apart: Sequence[tuple[int, int]] = field(default=())  # pairs never chosen together

    def value(self, chosen: Sequence[int]) -> float:
        covered = set().union(*(self.concepts[j] for j in chosen)) if chosen else set()
        return (sum(self.weights.get(c, 0.0) for c in covered)
                + sum(self._bonus(j) for j in chosen))

    def _bonus(self, j: int) -> float:
        return self.bonus[j] if self.bonus else 0.0

    def fits(self, chosen: Sequence[int]) -> bool:
        pairs = set(self.apart)
        return (sum(self.lengths[j] for j in chosen) <= self.budget
                and (self.max_items is None or len(chosen) <= self.max_items)
                and not any((a, b) in pairs or (b, a) in pairs for a in chosen for b in chosen))


def solve(problem: Problem, method: str = "ilp") -> list[int]:
    """Indices of the chosen sentences, ascending. `method`: "ilp" (exact) or "greedy"."""
    if not problem.lengths:
        return []
    if method == "ilp":
        found = _ilp(problem)
        if found is not None:
            chosen, optimal = found
            if optimal:
                return chosen
            greedy = _greedy(problem)
            return chosen if problem.value(chosen) >= problem.value(greedy) else greedy
    return _greedy(problem)


def _groups(problem: Problem) -> tuple[list[float], list[tuple[tuple[int, ...], float]]]:
    """The problem's concepts reduced without changing its optimum: a concept only one
    sentence holds adds its weight to that sentence's own value, and concepts held by the
    same sentences become one with their weights summed. News sentences share few word
    pairs, so this leaves a small fraction of the variables and keeps the solver's search
    short enough to finish, which also makes its answer independent of machine load."""
    own = [problem._bonus(j) for j in range(len(problem.lengths))]
    holders: dict[Hashable, list[int]] = {}
    for j, cs in enumerate(problem.concepts):
        # In a fixed order: sums of floats depend on it, and a set's order on the hash seed.
        for c in sorted(cs, key=repr):
            if problem.weights.get(c, 0.0) > 0:
                holders.setdefault(c, []).append(j)
    shared: dict[tuple[int, ...], float] = {}
    for c, js in holders.items():
        if len(js) == 1:
            own[js[0]] += problem.weights[c]
        else:
            key = tuple(js)
            shared[key] = shared.get(key, 0.0) + problem.weights[c]
    return own, sorted(shared.items())


def _ilp(problem: Problem) -> tuple[list[int], bool] | None:
    """The chosen sentences and whether they are proven optimal; None when the solver is
    missing or found no solution in time."""
    try:
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import lil_matrix
    except ImportError:  # pragma: no cover - scipy is a dependency
        return None
    n = len(problem.lengths)
    own, shared = _groups(problem)
    size = n + len(shared)
    # Variables: one per sentence (chosen or not), then one per shared concept (covered or not).
    objective = np.zeros(size)
    objective[:n] = [-v for v in own]
    for k, (_, weight) in enumerate(shared):
        objective[n + k] = -weight
    extra = 1 if problem.max_items is not None or problem.min_items else 0
    rows = 1 + len(shared) + extra + len(problem.apart)
    a = lil_matrix((rows, size))
    lo = np.full(rows, -np.inf)
    hi = np.zeros(rows)
    # The word budget.
    for j, length in enumerate(problem.lengths):
        a[0, j] = length
    hi[0] = problem.budget
    # A concept counts as covered only if some chosen sentence holds it.
    for k, (js, _) in enumerate(shared):
        a[1 + k, n + k] = 1
        for j in js:
            a[1 + k, j] = -1
    row = 1 + len(shared)
    if extra:
        a[row, :n] = 1
        lo[row] = problem.min_items
        hi[row] = problem.max_items if problem.max_items is not None else n
        row += 1
    for x, y in problem.apart:
        a[row, x] = a[row, y] = 1
        hi[row] = 1
        row += 1
    result = milp(objective, integrality=np.ones(size), bounds=Bounds(0, 1),
                  constraints=LinearConstraint(a.tocsr(), lo, hi),
                  options={"time_limit": _TIME_LIMIT})
    if result.x is None or result.status not in (0, 1):
        return None
    return [j for j in range(n) if result.x[j] > 0.5], result.status == 0


def _greedy(problem: Problem) -> list[int]:
    """Add the sentence with the best gain per word while it fits; then keep the better of
    that and the best single sentence, which bounds the loss against the optimum."""
    chosen: list[int] = []
    covered: set[Hashable] = set()
    left = set(range(len(problem.lengths)))

    def gain(j: int) -> float:
        return sum(problem.weights.get(c, 0.0) for c in problem.concepts[j] - covered) + problem._bonus(j)

    while left:
        fitting = [j for j in sorted(left) if problem.fits([*chosen, j])]
        if not fitting:
            break
        best = max(fitting, key=lambda j: (gain(j) / max(1, problem.lengths[j]), -j))
        if gain(best) <= 0 and len(chosen) >= problem.min_items:
            break
        chosen.append(best)
        covered |= problem.concepts[best]
        left.discard(best)
    singles = [j for j in range(len(problem.lengths)) if problem.fits([j])]
    if singles and problem.min_items <= 1:
        single = max(singles, key=lambda j: (problem.value([j]), -j))
        if problem.value([single]) > problem.value(chosen):
            chosen = [single]
    return sorted(chosen)
