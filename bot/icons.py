"""Pictures beside words, rendered as plain ``<img>`` tags.

A Python global rather than a Jinja macro: a chat page draws dozens of them
and this is on every turn's hot path.
"""
from __future__ import annotations

from functools import lru_cache

from flask import Flask, url_for
from markupsafe import Markup, escape


@lru_cache(maxsize=1024)
def _img(prefix: str, name: str, size: int) -> Markup:
    # Decorative: the words beside the picture carry the meaning.
    return Markup('<img class="icon" src="{}{}.svg" alt="" width="{}" height="{}">').format(
        prefix, escape(name), size, size)


def init_app(app: Flask) -> None:
    """Expose ``icon(name, size=48)`` to templates."""

    @app.context_processor
    def icon_helper():
        prefix = url_for("static", filename="icons/")

        def icon(name: str | None, size: int = 48) -> Markup:
            return _img(prefix, name, int(size)) if name else Markup("")

        return {"icon": icon}
