"""The wheel carries the templates and the shipped configuration, and finds them once installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("briefing-*.whl"))


def test_wheel_ships_templates_and_defaults(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/templates/briefing.md.j2" in names
    assert "briefing/defaults.toml" in names
    assert "briefing/render/markdown.py" in names
    assert "briefing/readers/html.py" in names and "briefing/readers/docx.py" in names


def test_installed_wheel_finds_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("from briefing.shipped import template_dir; from briefing.config import load_config; "
            "print(template_dir()); print(load_config().title)")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    found, title = result.stdout.splitlines()
    assert Path(found) == target / "briefing" / "templates"
    assert title
