"""Decide whether a comment suggests someone is at risk: patterns, then a classifier.

Separate from theme sorting and tuned the other way: a missed disclosure is
far worse than a false alarm, so the classifier's cut-off is set low enough to
catch every urgent example in its dev split, and a pattern hit alone is enough.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Iterable

from spacy.language import Language

from ..themes.classifier import MAX_CHARS
from .patterns import pattern_reasons, without_figures

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")
MIN_WORDS = 3
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
    texts = [without_figures(t[:MAX_CHARS]) if t else "" for t in texts]
    results = []
    model_scores: list[dict] = [{} for _ in texts]
    if nlp is not None:
        try:
            labels = nlp.get_pipe("labels")
            for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
                # A word or two left after removing a figure of speech is not a disclosure.
                if len(_WORD.findall(texts[i])) >= MIN_WORDS:
                    chosen = labels.chosen(doc)
                    model_scores[i] = {name: name in chosen for name in labels.labels}
                    model_scores[i]["_top"] = max(REASONS, key=lambda r: doc.cats.get(r, 0.0))
        except Exception:  # the model must never stop the patterns
            log.exception("risk model failed; using patterns only")
            model_scores = [{} for _ in texts]
    for text, scores in zip(texts, model_scores):
        reasons = set(pattern_reasons(text)) if text.strip() else set()
        urgent = bool(reasons) or bool(scores.get("urgent"))
        if urgent:
            reasons |= {r for r in REASONS if scores.get(r)}
            if not reasons:  # urgent, but no single reason passed its cut-off
                reasons.add(scores.get("_top", "suicide"))
        results.append(RiskResult(urgent, [r for r in REASONS if r in reasons]))
    return results
