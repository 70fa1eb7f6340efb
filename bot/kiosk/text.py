"""Survey text in the person's language."""
from __future__ import annotations

from typing import Mapping

from flask_babel import gettext, lazy_gettext as _l

from ..surveys.model import Choice, Item

# Choices the app adds itself (yes_no items and the "don't know" on scales).
BUILTIN_LABELS = {"yes": _l("Yes"), "no": _l("No"), "dont_know": _l("Don't know")}


def localise(text: Mapping[str, str] | None, language: str) -> str:
    """``text`` in ``language``: the survey's own wording for it if given,
    otherwise the default-language text through the gettext catalogues
    (which falls back to that text when no translation exists)."""
    if not text:
        return ""
    if language in text:
        return text[language]
    return gettext(next(iter(text.values())))


def choice_label(choice: Choice, language: str) -> str:
    """What a choice button says."""
    if choice.label:
        return localise(choice.label, language)
    return str(BUILTIN_LABELS[choice.name])


def answer_text(item: Item, value, language: str) -> str:
    """How a stored answer reads in the transcript."""
    if value is None:
        return gettext("Skipped")
    if item.type in ("single", "scale", "yes_no"):
        choice = item.choice(value)
        return choice_label(choice, language) if choice else str(value)
    if item.type == "multi":
        return ", ".join(choice_label(c, language) for c in item.choices if c.name in value)
    return str(value)
