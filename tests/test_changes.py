"""What a regenerated briefing keeps: what it showed, and what new articles report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefing.changes import stay
from briefing.model import Sentence, Source
from briefing.select import Cluster


def sentence(source: int, index: int) -> Sentence:
    return Sentence(text=f"s{source}.{index}", source=source, paragraph=0, index=index)


def test_kept_are_the_points_shown_and_a_new_articles_news() -> None:
    # Last time: a.txt was source 1 and b.txt source 2; one point quoted b.txt's sentence 3.
    previous = {"sources": [{"number": 1, "path": "a.txt"}, {"number": 2, "path": "b.txt"}],
                "sections": [{"points": [{"text": "x", "sentences": [[2, 3]]}], "subsections": []}]}
    # Now new.txt sorts first and renumbers the others.
    sources = [Source(number=1, path="new.txt", title="n"), Source(number=2, path="a.txt", title="a"),
               Source(number=3, path="b.txt", title="b")]
    clusters = [Cluster((sentence(3, 3),)), Cluster((sentence(2, 0),)), Cluster((sentence(1, 0),)),
                Cluster((sentence(2, 5), sentence(3, 3)))]
    assert stay(clusters, sources, previous) == frozenset({0, 2, 3})
    assert stay(clusters, sources, None) == frozenset()
    assert stay(clusters, sources, {"sources": "garbage"}) == frozenset()


def test_a_short_flash_reaches_a_first_build(seeds_dir: Path, tmp_path: Path) -> None:
    """Two lines are too few to judge whether an article is about something else."""
    import shutil

    from briefing.pipeline import build_briefing
    from briefing.render.markdown import render_markdown

    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    (folder / "005_odesa.txt").write_text("Odesa Port Shelled\n\nRussian forces shelled the port of Odesa overnight, "
                                          "destroying three grain terminals, the regional governor said.\n",
                                          encoding="utf-8")
    assert "Russian forces shelled the port of Odesa" in render_markdown(build_briefing(folder))


def test_only_a_few_unheard_sources_get_a_second_chance() -> None:
    """A source no point cites is listened for when it is one of a few; among hundreds the
    briefing is choosing, and in a regenerated briefing only the new files are listened for."""
    from briefing.heard import louder, unheard
    from briefing.model import Briefing, Point, Section

    def briefing(n: int, cites: set[int]) -> Briefing:
        points = tuple(Point(text=f"p{k}", sources=(k,), sentences=((k, 0),)) for k in sorted(cites))
        return Briefing(title="T", subject="S", sections=(Section(key="talks", title="Talks", points=points),),
                        sources=tuple(Source(number=k, path=f"{k:03}.txt", title=f"A{k}") for k in range(1, n + 1)),
                        method="lexrank", model="m")

    clusters = [Cluster((Sentence(text=f"s{k}", source=k, paragraph=0, index=0),)) for k in range(1, 11)]
    assert unheard(clusters, briefing(6, {1, 2, 3, 4, 5})) == {5}  # cluster of source 6
    assert unheard(clusters, briefing(10, {1, 2, 3, 4, 5, 6, 7})) == frozenset()  # 3 of 10: too many
    assert unheard(clusters, briefing(10, {1, 2, 3, 4, 5, 6, 7, 8})) == {8, 9}
    assert unheard(clusters, briefing(6, {1, 2, 3, 4, 5}), known={"006.txt"}) == frozenset()
    assert louder({5: 4.0, 1: 1.25}, frozenset({5, 1})) == {5: 4.0, 1: 2.0}


def test_a_source_cited_only_beside_others_for_a_key_figure_is_unheard() -> None:
    """"86 cases [1, 2, 3]" in the key figures gives article 2 no voice: its own news (the
    schools barring unvaccinated pupils) may be nowhere. A figure only it gives does."""
    from briefing.heard import unheard
    from briefing.model import Briefing, Point, Section

    def briefing(row: tuple[int, ...]) -> Briefing:
        points = tuple(Point(text=f"p{k}", sources=(k,), sentences=((k, 0),)) for k in (1, 3))
        figures = (Point(text="cases", sources=row, sentences=tuple((k, 1) for k in row), figure="86 cases"),)
        return Briefing(title="T", subject="S", sections=(Section(key="talks", title="Talks", points=points),
                                                          Section(key="figures", title="Key figures", points=figures)),
                        sources=tuple(Source(number=k, path=f"{k:03}.txt", title=f"A{k}") for k in (1, 2, 3)),
                        method="lexrank", model="m")

    clusters = [Cluster((Sentence(text=f"s{k}", source=k, paragraph=0, index=0),)) for k in (1, 2, 3)]
    assert unheard(clusters, briefing((1, 2, 3))) == {1}  # the cluster of source 2
    assert unheard(clusters, briefing((2,))) == frozenset()


def test_an_unheard_source_is_heard_not_made_to_fill_the_briefing() -> None:
    """Its best points are brought forward, not all of them: an older article left uncited
    at one word budget had taken six points of the seeds' briefing in the second selection."""
    from briefing.heard import UNHEARD_POINTS, unheard
    from briefing.model import Briefing, Point, Section

    points = (Point(text="p", sources=(1,), sentences=((1, 0),)),)
    briefing = Briefing(title="T", subject="S", sections=(Section(key="talks", title="Talks", points=points),),
                        sources=tuple(Source(number=k, path=f"{k:03}.txt", title=f"A{k}") for k in (1, 2)),
                        method="lexrank", model="m")
    clusters = [Cluster((Sentence(text="a", source=1, paragraph=0, index=0),))] + [
        Cluster((Sentence(text=f"b{k}", source=2, paragraph=0, index=k),)) for k in range(5)]
    score = {0: 3.0, 1: 0.5, 2: 2.0, 3: 0.1, 4: 1.5, 5: 0.2}
    assert UNHEARD_POINTS == 2
    assert unheard(clusters, briefing, score=score) == {2, 4}  # source 2's two best
    assert unheard(clusters, briefing) == {1, 2, 3, 4, 5}  # without scores, all of them
    # An announcement ("to meet in the coming days") comes after what the source reports as
    # done, however central: uncited, the source may be the oldest.
    clusters[2] = replace(clusters[2], ahead=True)
    assert unheard(clusters, briefing, score=score) == {4, 1}
    # A point that says again what the briefing says is passed over: the source is heard
    # for what it adds.
    vectors = {m.key: {m.text: 1.0} for c in clusters for m in c.members}
    assert unheard(clusters, briefing, score=score, vectors=vectors, diversity=0.35) == {4, 1}
    vectors[(2, 3)] = {"a": 1.0}  # cluster 4, its best, words the point shown (cluster 0) alike
    assert unheard(clusters, briefing, score=score, vectors=vectors, diversity=0.35) == {1, 5}
