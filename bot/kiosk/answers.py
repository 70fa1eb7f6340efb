"""Turn what a form sent into the value stored for an item, or say what is wrong.

Two kinds of failure, kept apart on purpose:
- :class:`BadAnswer` is a request no kiosk page could have sent (a choice that
  does not exist, a number that is not a number): 400, nothing stored.
- :class:`AnswerNotAccepted` is a real person's answer that breaks a rule of
  the survey (too long, out of range, a constraint): the question is asked
  again with the survey's own message, and nothing is stored.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from flask_babel import gettext as _

from ..surveys.model import Item
from .text import localise

# Control characters other than newline and tab: they have no place in an answer,
# and PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class BadAnswer(ValueError):
    """The request is malformed: 400."""


class AnswerNotAccepted(ValueError):
    """The person's answer breaks a rule of the survey: ask again."""


def clean_text(raw: str) -> str:
    """Normalise typed text: NFC, no control characters, trimmed."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", raw)).strip()


def parse_answer(item: Item, values: list[str], answers: dict[str, Any],
                 max_chars: int, language: str) -> Any:
    """The value to store for ``item`` from the form's ``value`` fields.

    ``answers`` are the earlier answers, which a constraint may read.
    """
    if item.type in ("single", "scale", "yes_no"):
        if len(values) != 1:
            raise BadAnswer(_("Please choose one answer."))
        if item.choice(values[0]) is None:
            raise BadAnswer(_("That answer is not one of the choices."))
        value: Any = values[0]
    elif item.type == "multi":
        chosen = list(dict.fromkeys(v for v in values if v))
        if any(item.choice(v) is None for v in chosen):
            raise BadAnswer(_("That answer is not one of the choices."))
        if not chosen:
            raise AnswerNotAccepted(_("Please choose at least one answer, or skip."))
        value = chosen
    elif item.type == "number":
        value = _number(item, values)
    elif item.type == "text":
        if len(values) != 1:
            raise BadAnswer(_("Please send one answer."))
        value = clean_text(values[0])
        if not value:
            raise AnswerNotAccepted(_("Please type your answer, or skip."))
        if len(value) > max_chars:
            raise AnswerNotAccepted(
                _("That is too long. Please use fewer than %(max)d letters.", max=max_chars))
    else:
        raise BadAnswer(_("This message does not take an answer."))
    if item.constraint is not None and not item.constraint.evaluate(answers, current=value):
        raise AnswerNotAccepted(localise(item.constraint_message, language))
    return value


def _number(item: Item, values: list[str]) -> int:
    if len(values) != 1:
        raise BadAnswer(_("Please send one number."))
    text = values[0].strip()
    if not re.fullmatch(r"-?\d{1,9}", text):
        raise AnswerNotAccepted(_("Please type a whole number, like 3."))
    number = int(text)
    low, high = item.min, item.max
    if low is not None and high is not None and not low <= number <= high:
        raise AnswerNotAccepted(_("Please type a number from %(min)d to %(max)d.", min=low, max=high))
    if low is not None and number < low:
        raise AnswerNotAccepted(_("Please type a number of %(min)d or more.", min=low))
    if high is not None and number > high:
        raise AnswerNotAccepted(_("Please type a number of %(max)d or less.", max=high))
    return number
