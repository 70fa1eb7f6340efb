"""What happens to a free-text answer after it is saved: risk first, then themes.

The answer is already committed when this runs.  Each step commits on its own
and a failure in one never undoes the answer or the step before: a broken
theme model leaves the comment unthemed, a broken risk model leaves the
patterns, and if even those fail the comment is flagged (when in doubt, flag).
"""
from __future__ import annotations

import logging

from flask import current_app
from sqlalchemy import select

from .extensions import db
from .models import Alert, Comment, CommentTheme, Response
from .safeguarding import detector
from .safeguarding.detector import RiskResult
from .themes import store
from .themes.classifier import classify

log = logging.getLogger(__name__)


def _pipeline(key: str):
    return store.load_built(current_app.config[key])


def assess_risk(comment: Comment, response: Response) -> RiskResult:
    """Check one comment for risk and store an alert at once when it is urgent."""
    try:
        try:
            risk_nlp = _pipeline("RISK_MODEL_DIR")
        except Exception:
            log.exception("risk model could not be loaded; using patterns only")
            risk_nlp = None
        risk = detector.check([comment.text], risk_nlp)[0]
    except Exception:
        log.exception("risk check failed; flagging the comment for a person to read")
        risk = RiskResult(True, ["unchecked"])
    if risk.urgent:
        db.session.add(Alert(
            response_id=response.id, comment_id=comment.id, site=response.site, unit=response.unit,
            kiosk=response.kiosk, text=comment.text, language=response.language, reasons=risk.reasons,
            respondent_hash=response.respondent_hash if response.contact_opt_in else None))
        db.session.commit()
    return risk


def sort_into_themes(comment: Comment) -> None:
    """Attach the model's themes and sentiment to a comment (best effort)."""
    try:
        nlp = _pipeline("THEMES_MODEL_DIR")
        if nlp is None:
            return
        result = classify(nlp, [comment.text])[0]
        db.session.execute(db.delete(CommentTheme).where(
            CommentTheme.comment_id == comment.id, CommentTheme.source == CommentTheme.MODEL))
        for theme in result.themes:
            db.session.add(CommentTheme(comment_id=comment.id, theme=theme, score=result.scores[theme]))
        comment.sentiment = result.sentiment
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("theme sorting failed for comment %s; it stays unthemed", comment.id)


def analyse(comment: Comment, response: Response) -> RiskResult:
    """Risk, then themes, for a comment that has just been saved."""
    risk = assess_risk(comment, response)
    sort_into_themes(comment)
    return risk


def has_alert(response: Response) -> bool:
    """True when something this person wrote raised an alert."""
    if not any(answer.item_type == "text" and answer.value for answer in response.answers):
        return False  # nothing written yet: no need to ask the database
    return db.session.scalar(select(Alert.id).where(Alert.response_id == response.id).limit(1)) is not None


def share_contact(response: Response) -> None:
    """The person asked to be contacted: attach their pseudonymous id to their alerts."""
    if response.respondent_hash is None:
        return
    for alert in db.session.scalars(select(Alert).where(Alert.response_id == response.id)):
        alert.respondent_hash = response.respondent_hash
    db.session.commit()
