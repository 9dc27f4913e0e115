"""Shared fixtures: one build of the seeds briefing for the whole session, golden-file switch,
and the LibreOffice marker (skipped locally when soffice is missing, a failure in CI)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/* from the current output instead of comparing.")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "libreoffice: needs `soffice` on PATH (skipped locally without it, fails in CI)")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("libreoffice") and shutil.which("soffice") is None:
        if in_ci():
            pytest.fail("soffice (LibreOffice) is not on PATH, and CI must run the LibreOffice tests")
        pytest.skip("soffice (LibreOffice) is not on PATH")


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Builds in tests cache their analysis in a folder of their own, not the user's."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"seeds folder missing: {SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def briefing(seeds_dir: Path):
    """The seeds briefing, built once per session (loading spaCy is the slow part)."""
    from briefing.pipeline import build_briefing

    return build_briefing(seeds_dir)


@pytest.fixture(scope="session")
def rendered(briefing) -> dict[str, bytes]:
    """File name → bytes of every format, rendered once from the session briefing."""
    from briefing.pipeline import render

    return render(briefing, ("md", "docx", "json"))


@pytest.fixture(scope="session")
def markdown(rendered: dict[str, bytes]) -> str:
    return rendered["briefing.md"].decode("utf-8")


@pytest.fixture(scope="session")
def docx_bytes(rendered: dict[str, bytes]) -> bytes:
    return rendered["briefing.docx"]


@pytest.fixture(scope="session")
def source_texts(seeds_dir: Path) -> dict[int, str]:
    """Source number → whitespace-normalised text of the file (numbers follow file-name order)."""
    from briefing.readers import decode

    files = sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in (".txt", ".md"))
    return {n: " ".join(decode(p.read_bytes()).split()) for n, p in enumerate(files, start=1)}


@pytest.fixture(scope="session")
def soffice() -> str:
    path = shutil.which("soffice")
    if path is None:  # pragma: no cover - the marker hook decides first
        if in_ci():
            pytest.fail("soffice is not on PATH")
        pytest.skip("soffice is not on PATH")
    return path


@pytest.fixture(scope="session")
def seed_sentences(seeds_dir: Path) -> list:
    """The analysed and routed sentences of the seeds, as the pipeline hands them to select."""
    from briefing.analyse import analyse
    from briefing.classify import classify
    from briefing.clean import clean
    from briefing.config import load_config
    from briefing.readers import read_folder

    config = load_config()
    raws, _ = read_folder(seeds_dir)
    sentences, _ = analyse([clean(raw, n, config) for n, raw in enumerate(raws, 1)], config)
    return classify(sentences, config)
