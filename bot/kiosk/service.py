"""The chat's business logic: start, answer, go back, finish.  Owns the queries.

Every answer is committed in its own transaction the moment it arrives.  The
page carries a per-turn id, so a double tap or a resent form is recognised
and stored once.
"""
from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Answer, Comment, Response, utcnow
from ..surveys.model import Survey
from .answers import parse_answer
from .conversation import Conversation, walk
from .identity import Kiosk


class ChatError(Exception):
    """A request the chat cannot act on; ``status`` is the HTTP status to send."""

    status = 400

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


def new_turn() -> str:
    """A fresh id for the question being shown, carried by its form."""
    return secrets.token_urlsafe(12)


def start_response(survey: Survey, kiosk: Kiosk, language: str,
                   respondent_hash: str | None = None) -> Response:
    """Open a new response for ``survey`` on ``kiosk`` and commit it."""
    response = Response(
        token=secrets.token_urlsafe(24), survey_id=survey.id, survey_version=survey.version,
        language=language, site=kiosk.site, unit=kiosk.unit, kiosk=kiosk.kiosk,
        respondent_hash=respondent_hash)
    db.session.add(response)
    db.session.commit()
    return response


def find_response(token: str | None) -> Response | None:
    """The response with this public token, or None."""
    if not token:
        return None
    return db.session.scalar(select(Response).where(Response.token == token))


def stored_answers(response: Response) -> dict[str, Any]:
    """Item name -> stored value (None for a skipped item)."""
    return {a.item_name: a.value for a in response.answers}


def conversation(response: Response, survey: Survey) -> Conversation:
    """Where this response is now."""
    return walk(survey, stored_answers(response), response.editing_item)


def expire_if_stale(response: Response, window, now: datetime | None = None) -> bool:
    """Mark an unfinished response abandoned once the resume window has passed."""
    now = now or utcnow()
    if response.status == Response.IN_PROGRESS and response.updated_at < now - window:
        response.status = Response.ABANDONED
        db.session.commit()
        return True
    return False


def record_answer(response: Response, survey: Survey, item_name: str, turn: str,
                  values: list[str], skip: bool, max_chars: int) -> Answer | None:
    """Store the answer to ``item_name``; return it, or None when it was a replay.

    Raises :class:`ChatError` for anything that cannot be stored, and
    :class:`~.answers.AnswerNotAccepted` when the survey's rules refuse it.
    Nothing is written in either case.
    """
    if response.status != Response.IN_PROGRESS:
        raise ChatError(_("This questionnaire has already ended."), 409)
    item = survey.item(item_name)
    if item is None or not item.is_question:
        raise ChatError(_("That question is not part of this questionnaire."))
    if not turn or len(turn) > 64:
        raise ChatError(_("The page was incomplete. Please try again."))
    answers = stored_answers(response)
    existing = next((a for a in response.answers if a.item_name == item_name), None)
    if existing is not None and existing.turn == turn:
        return None  # the same form sent again: already stored
    state = walk(survey, answers, response.editing_item)
    if state.current is None or state.current.name != item_name:
        raise ChatError(_("That question has already been answered. Use Back to change an answer."), 409)
    if skip:
        if item.required:
            raise ChatError(_("This question cannot be skipped."))
        value = None
    else:
        earlier = {k: v for k, v in answers.items() if v is not None}
        value = parse_answer(item, values, earlier, max_chars, response.language)
    stored = _store(response, item, existing, value, turn)
    answers[item_name] = value
    response.editing_item = None
    _drop_irrelevant(response, survey, answers)
    if walk(survey, answers).finished:
        response.status = Response.COMPLETED
        response.completed_at = utcnow()
    response.updated_at = utcnow()
    try:
        db.session.commit()
    except IntegrityError:
        # Two copies of the same tap raced; the other one stored it.
        db.session.rollback()
        return None
    return stored


def _store(response: Response, item, existing: Answer | None, value: Any, turn: str) -> Answer:
    if existing is None:
        existing = Answer(item_name=item.name, item_type=item.type, value=value, turn=turn)
        response.answers.append(existing)
    else:
        existing.value, existing.turn, existing.changed_at = value, turn, utcnow()
    if item.type != "text":
        return existing
    if value is None:
        existing.comment = None
    elif existing.comment is None:
        existing.comment = Comment(
            survey_id=response.survey_id, item_name=item.name, language=response.language,
            site=response.site, unit=response.unit, text=value, for_themes=item.themes)
    else:
        existing.comment.text, existing.comment.updated_at = value, utcnow()
    return existing


def _drop_irrelevant(response: Response, survey: Survey, answers: dict[str, Any]) -> None:
    """Remove answers to items that a changed answer has made irrelevant.

    As in XLSForm, an item that is no longer asked keeps no value.
    """
    relevant = walk(survey, answers).relevant
    for answer in list(response.answers):
        if answer.item_name not in relevant:
            response.answers.remove(answer)
            answers.pop(answer.item_name, None)


def go_back(response: Response, survey: Survey, from_item: str) -> str | None:
    """Reopen the answer before ``from_item`` and return its name; None when there
    is nothing to do (a resent "back" finds it already done)."""
    if response.status != Response.IN_PROGRESS:
        raise ChatError(_("This questionnaire has already ended."), 409)
    state = conversation(response, survey)
    if state.current is None or state.current.name != from_item:
        return None  # a resent "back": it already happened
    earlier = state.answered_items
    if not earlier:
        return None
    response.editing_item = earlier[-1].name
    response.updated_at = utcnow()
    db.session.commit()
    return response.editing_item


def set_language(response: Response, language: str) -> None:
    """The person switched language mid-conversation: later messages and comments use it."""
    response.language = language
    db.session.commit()


def opt_in_to_contact(response: Response) -> None:
    """Record that the person wants staff to contact them (their pseudonymous id
    is then passed with any alert); anonymous otherwise."""
    response.contact_opt_in = True
    response.updated_at = utcnow()
    db.session.commit()


def abandon(response: Response) -> None:
    """The person walked away or ended early: keep the answers, mark it partial."""
    if response.status == Response.IN_PROGRESS:
        response.status = Response.ABANDONED
        response.updated_at = utcnow()
        db.session.commit()
