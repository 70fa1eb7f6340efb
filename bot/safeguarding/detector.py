"""Decide whether a comment suggests someone is at risk: patterns, then a classifier.

Separate from theme sorting and tuned the other way: a missed disclosure is
far worse than a false alarm, so the classifier's cut-off is set low enough to
catch every urgent example in its dev split, and a pattern hit alone is enough.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable

from spacy.language import Language

from ..themes.classifier import MAX_CHARS
from .patterns import pattern_reasons

log = logging.getLogger(__name__)
REASONS = ("suicide", "self_harm", "overdose_medical", "abuse", "threat")


@dataclass
class RiskResult:
    """Whether a text is urgent and why."""

    urgent: bool = False
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON shape used by ``themes classify``."""
        return {"urgent": self.urgent, "reasons": self.reasons}


def check(texts: Iterable[str], nlp: Language | None) -> list[RiskResult]:
    """Risk for each text.  Without a model (or if it fails) the patterns still run."""
    texts = [t[:MAX_CHARS] if t else "" for t in texts]
    results = []
    model_scores: list[dict] = [{} for _ in texts]
    if nlp is not None:
        try:
            labels = nlp.get_pipe("labels")
            for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
                if texts[i].strip():
                    model_scores[i] = {name: name in labels.chosen(doc) for name in labels.labels}
        except Exception:  # the model must never stop the patterns
            log.exception("risk model failed; using patterns only")
            model_scores = [{} for _ in texts]
    for text, scores in zip(texts, model_scores):
        reasons = set(pattern_reasons(text)) if text.strip() else set()
        urgent = bool(reasons) or bool(scores.get("urgent"))
        if urgent:
            reasons |= {r for r in REASONS if scores.get(r)}
        results.append(RiskResult(urgent, [r for r in REASONS if r in reasons]))
    return results
