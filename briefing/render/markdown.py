"""Markdown through Jinja2: user templates first, the shipped ones last."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined, TemplateNotFound
from jinja2.exceptions import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import ConfigError
from ..model import Briefing, cited
from ..shipped import template_dir

TEMPLATE = "briefing.md.j2"
# Characters that could start Markdown or HTML markup inside a line of article text.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#>+=-])")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")  # "1. x" would start a numbered list


def md(text: object) -> str:
    """Article text as literal Markdown: every markup character escaped."""
    # Any line ending CommonMark knows (\r, \n) would end the list item.
    out = _INLINE.sub(r"\\\1", re.sub(r"\r\n?|\n", " ", str(text)))
    out = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), out)


def code(text: object) -> str:
    """A code span that holds any text: its fence is longer than any backtick run inside."""
    value = str(text).replace("\n", " ")
    fence = "`" * (max((len(r) for r in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def link(url: object) -> str:
    """A Markdown link showing the address itself (it survives printing); the text is escaped
    and the destination bracketed, so nothing in an address can break out into markup."""
    value = str(url)
    target = value.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{md(value)}](<{target}>)"


def cite(numbers: tuple[int, ...], wording: tuple[int, ...] = ()) -> str:
    """ "[1, 3]"; past `model.CITED_AT_MOST` numbers, "[1, 2, 3, 4, 5, … and 7 more]". With
    `wording` (`Point.wording`), the sources of the point's own words first: "[2; also 1, 3]"."""
    if not numbers:
        return ""
    shown, lead, more = cited(numbers, wording)
    listed = ", ".join(str(n) for n in shown)
    if lead and lead < len(shown):
        listed = ", ".join(str(n) for n in shown[:lead]) + "; also " + ", ".join(str(n) for n in shown[lead:])
    return f"[{listed}, … and {more} more]" if more else f"[{listed}]"


def support(numbers: tuple[int, ...], total: int) -> str:
    """How many of the briefing's sources report a point: " (3 of 5 sources)", after its
    citation; nothing to say with a single source."""
    return f" ({len(numbers)} of {total} sources)" if numbers and total > 1 else ""


def environment(user_dir: Path | None = None) -> SandboxedEnvironment:
    # The shipped templates' environment is made once: it compiles each template once, and
    # its loader still notices a changed file.
    return _environment(user_dir) if user_dir is not None else _shipped_environment()


@lru_cache(maxsize=1)
def _shipped_environment() -> SandboxedEnvironment:
    return _environment(None)


def _environment(user_dir: Path | None) -> SandboxedEnvironment:
    shipped = FileSystemLoader(str(template_dir()))
    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders += [PrefixLoader({"default": shipped}), shipped]
    # Sandboxed and strict: a template can't reach Python internals, and a typo fails loudly.
    env = SandboxedEnvironment(loader=ChoiceLoader(loaders), undefined=StrictUndefined,
                               autoescape=False, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
    env.filters["md"] = md
    env.filters["cite"] = cite
    env.filters["support"] = support
    env.filters["code"] = code
    env.filters["link"] = link
    return env


def render_markdown(briefing: Briefing, user_dir: Path | None = None) -> str:
    if user_dir is not None and not user_dir.is_dir():
        raise ConfigError(f"templates folder not found: {user_dir}")
    try:
        text = environment(user_dir).get_template(TEMPLATE).render(briefing=briefing)
    except TemplateNotFound as exc:
        raise ConfigError(f"template not found: {exc.name}") from None
    except TemplateError as exc:
        where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise ConfigError(f"template {TEMPLATE}{where}: {exc.message}") from None
    # One blank line between blocks, one newline at the end, whatever the template did.
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text
