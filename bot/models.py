"""Database records: responses, their answers, and free-text comments."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo: SQLite keeps no zone, so all times are naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Response(db.Model):
    """One person's pass through one questionnaire on one kiosk.

    Anonymous: it knows where (site, unit, kiosk) and what (survey, version,
    language), never who, unless the kiosk platform passed a pseudonymous id,
    of which only a salted hash is kept.
    """

    __tablename__ = "responses"

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ABANDONED = "abandoned"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    survey_id: Mapped[str] = mapped_column(String(64), index=True)
    survey_version: Mapped[int]
    language: Mapped[str] = mapped_column(String(16))
    site: Mapped[str] = mapped_column(String(40), index=True)
    unit: Mapped[str] = mapped_column(String(40))
    kiosk: Mapped[str] = mapped_column(String(40))
    respondent_hash: Mapped[str | None] = mapped_column(String(64))
    contact_opt_in: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default=IN_PROGRESS, index=True)
    # The item the person went "back" to, while they are changing it.
    editing_item: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id")

    @property
    def is_partial(self) -> bool:
        """Anything not completed counts as a partial response."""
        return self.status != self.COMPLETED


class Answer(db.Model):
    """The answer to one item of a response; at most one per item."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "item_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    item_name: Mapped[str] = mapped_column(String(64))
    item_type: Mapped[str] = mapped_column(String(16))
    # None when the person skipped the item.
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    # The id the page carried for this turn: a resent form with the same id is a replay.
    turn: Mapped[str] = mapped_column(String(64))
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_at: Mapped[datetime | None]

    response: Mapped[Response] = relationship(back_populates="answers")
    comment: Mapped[Comment | None] = relationship(
        back_populates="answer", cascade="all, delete-orphan", uselist=False)

    @property
    def skipped(self) -> bool:
        """True when the person chose to skip this item."""
        return self.value is None


class Comment(db.Model):
    """A free-text answer, kept as a record of its own.

    Themes, sentiment, risk flags and the reviewers' status attach here; the
    where/what fields are copied from the response so reviews and exports need
    no join back to it.
    """

    __tablename__ = "comments"

    NEW = "new"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), unique=True)
    survey_id: Mapped[str] = mapped_column(String(64), index=True)
    item_name: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16))
    site: Mapped[str] = mapped_column(String(40), index=True)
    unit: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    # Whether the survey sends this item to theme sorting and risk checks.
    for_themes: Mapped[bool] = mapped_column(default=True)
    sentiment: Mapped[str | None] = mapped_column(String(16))
    review_status: Mapped[str] = mapped_column(String(16), default=NEW, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="comment")


class CommentTheme(db.Model):
    """A theme on a comment, from the model or from a reviewer's correction."""

    __tablename__ = "comment_themes"
    __table_args__ = (UniqueConstraint("comment_id", "theme", "source"),)

    MODEL = "model"
    REVIEWER = "reviewer"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    theme: Mapped[str] = mapped_column(String(40), index=True)
    score: Mapped[float | None]
    source: Mapped[str] = mapped_column(String(16), default=MODEL)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Alert(db.Model):
    """An urgent safeguarding alert raised by a free-text answer.

    Anonymous unless the person asked to be contacted: then their
    pseudonymous id's hash is attached so staff can find them.
    """

    __tablename__ = "alerts"

    OPEN = "open"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    site: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(40))
    kiosk: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[Any] = mapped_column(JSON)
    respondent_hash: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
