"""Renderers: each turns a Briefing into bytes of one format."""
