"""The briefing's data model as JSON, for other tools."""

from __future__ import annotations

import json

from ..model import Briefing


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
