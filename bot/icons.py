"""Pictures beside words, rendered as plain ``<img>`` tags.

A Python global rather than a Jinja macro: a chat page draws dozens of them
and this is on every turn's hot path.
"""
from __future__ import annotations

from flask import Flask, url_for
from markupsafe import Markup, escape


def init_app(app: Flask) -> None:
    """Expose ``icon(name, size=48)`` to templates."""

    @app.context_processor
    def icon_helper():
        prefix = url_for("static", filename="icons/")

        def icon(name: str | None, size: int = 48) -> Markup:
            if not name:
                return Markup("")
            # Decorative: the words beside the picture carry the meaning.
            return Markup('<img class="icon" src="{}{}.svg" alt="" width="{}" height="{}">').format(
                prefix, escape(name), int(size), int(size))

        return {"icon": icon}
