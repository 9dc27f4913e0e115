"""Figures go into benchmarks/README.md between <!-- NAME:start --> and <!-- NAME:end -->."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).with_name("README.md")


def put_block(start: str, end: str, text: str, readme: Path = README) -> None:
    """Replace what stands between the two markers with `text` (appended when they are missing)."""
    content = readme.read_text(encoding="utf-8")
    block = f"{start}\n{text}\n{end}"
    if start in content:
        content = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(content, encoding="utf-8")
