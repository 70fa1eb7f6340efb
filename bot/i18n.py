"""Language helpers for templates: names in their own script, text direction."""
from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask import Flask
from flask_babel import get_locale

from .kiosk.text import answer_text, choice_label, localise


def language_name(code: str) -> str:
    """A language's name in its own language and script (never a flag)."""
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return code
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def language_dir(code: str) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except (ValueError, UnknownLocaleError):
        return "ltr"


def init_app(app: Flask) -> None:
    """Give every template the page language, its direction and the text helpers."""

    @app.context_processor
    def language_context():
        code = str(get_locale() or "en")

        def prompt(item) -> str:
            return localise(item.easy or item.label, code)

        return {
            "html_lang": code,
            "html_dir": language_dir(code),
            "language_name": language_name,
            "language_dir": language_dir,
            "localise": lambda text: localise(text, code),
            "choice_label": lambda choice: choice_label(choice, code),
            "answer_text": lambda item, value: answer_text(item, value, code),
            "prompt": prompt,
        }
