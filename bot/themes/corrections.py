"""Reviewers' corrected themes, as labelled records the trainer and evaluator can read."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Comment, CommentTheme


def corrected_records() -> list[dict]:
    """One labelled record per comment a reviewer has corrected (their themes only)."""
    rows = db.session.execute(
        select(Comment.id, Comment.text, Comment.language, CommentTheme.theme)
        .join(CommentTheme, CommentTheme.comment_id == Comment.id)
        .where(CommentTheme.source == CommentTheme.REVIEWER)
        .order_by(Comment.id, CommentTheme.theme))
    records: dict[int, dict] = {}
    for comment_id, text, language, theme in rows:
        records.setdefault(comment_id, {"text": text, "labels": [], "lang": language})["labels"].append(theme)
    return list(records.values())


def merge(records: list[dict], corrections: list[dict]) -> list[dict]:
    """Training records plus corrections; a correction replaces a record with the same text."""
    corrected = {c["text"] for c in corrections}
    return [r for r in records if r["text"] not in corrected] + corrections
