"""Golden files: the seeds briefing as Markdown (byte for byte) and as a DOCX text dump.

After an intended change of output, rewrite them with `pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
MD_GOLDEN = GOLDEN / "briefing.md"
DOCX_GOLDEN = GOLDEN / "briefing.docx.txt"


def docx_dump(data: bytes) -> str:
    """The DOCX as text: its stable core properties, then `[style] text` for every paragraph
    and `[table style] cell | cell` for every table row, in document order."""
    from docx import Document
    from docx.table import Table

    doc = Document(io.BytesIO(data))
    props = doc.core_properties
    lines = [f"core.title: {props.title}", f"core.subject: {props.subject}",
             f"core.keywords: {props.keywords}", f"core.author: {props.author}",
             f"core.comments: {props.comments}", ""]
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            name = item.style.name if item.style is not None else ""
            lines += [f"[table {name}] " + " | ".join(c.text for c in row.cells) for row in item.rows]
        else:
            lines.append(f"[{item.style.name if item.style is not None else ''}] {item.text}")
    return "\n".join(lines) + "\n"


def compare_golden(actual: bytes, golden: Path, update: bool) -> None:
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
        return
    if not golden.exists():
        pytest.fail(f"{golden} does not exist: run `pytest --update-golden` to create it")
    expected = golden.read_bytes()
    if actual == expected:
        return
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=str(golden), tofile="actual", n=2)
    text = "".join(diff) or "(the files differ only in bytes a text diff cannot show, e.g. line endings)"
    pytest.fail(f"output differs from {golden.name} (run `pytest --update-golden` if intended):\n{text}",
                pytrace=False)


def test_markdown_matches_golden(rendered: dict[str, bytes], update_golden: bool) -> None:
    compare_golden(rendered["briefing.md"], MD_GOLDEN, update_golden)


def test_docx_text_matches_golden(docx_bytes: bytes, update_golden: bool) -> None:
    compare_golden(docx_dump(docx_bytes).encode("utf-8"), DOCX_GOLDEN, update_golden)


def test_compare_golden_reports_a_unified_diff(tmp_path: Path) -> None:
    """The golden check itself must fail, with a diff, when output changes."""
    golden = tmp_path / "g.md"
    golden.write_bytes(b"# Title\n\n- one [1]\n")
    compare_golden(b"# Title\n\n- one [1]\n", golden, update=False)
    with pytest.raises(pytest.fail.Exception) as info:
        compare_golden(b"# Title\n\n- two [1]\n", golden, update=False)
    message = str(info.value)
    assert "-- one [1]" in message and "+- two [1]" in message and "@@" in message


def test_build_is_deterministic(seeds_dir: Path, rendered: dict[str, bytes]) -> None:
    from briefing.pipeline import build_briefing, render

    again = render(build_briefing(seeds_dir), ("md",))["briefing.md"]
    assert again == rendered["briefing.md"]


def test_docx_text_is_deterministic(briefing, docx_bytes: bytes) -> None:
    from briefing.pipeline import render

    assert docx_dump(render(briefing, ("docx",))["briefing.docx"]) == docx_dump(docx_bytes)


def test_readme_example_is_the_golden_briefing() -> None:
    """The README's example output is excerpts of the seeds' briefing as it is built now."""
    readme = (GOLDEN.parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("Excerpts of `out/briefing.md`", 1)[1].split("```markdown\n", 1)[1].split("\n```", 1)[0]
    golden = MD_GOLDEN.read_text(encoding="utf-8").splitlines()
    lines = [line for line in example.splitlines() if line and line != "…"]
    assert len(lines) > 20
    assert [line for line in lines if line not in golden] == []
