"""Sort comments into themes and a sentiment with a trained pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from spacy.language import Language

# Longest text looked at: a comment box allows less, and classification time
# must not grow with hostile input.
MAX_CHARS = 5000


@dataclass
class ThemeResult:
    """Themes chosen, every theme's score, and the overall sentiment."""

    themes: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    sentiment: str | None = None


def classify(nlp: Language, texts: Iterable[str]) -> list[ThemeResult]:
    """One result per text, in order; blank texts get an empty result."""
    texts = list(texts)
    results = [ThemeResult() for _ in texts]
    wanted = [i for i, text in enumerate(texts) if text and text.strip()]
    labels = nlp.get_pipe("labels")
    sentiment = nlp.get_pipe("sentiment") if "sentiment" in nlp.pipe_names else None
    docs = nlp.pipe((texts[i][:MAX_CHARS] for i in wanted), batch_size=256)
    for i, doc in zip(wanted, docs):
        results[i] = ThemeResult(
            themes=labels.chosen(doc),
            scores={label: round(doc.cats[label], 4) for label in labels.labels},
            sentiment=sentiment.chosen(doc)[0] if sentiment else None)
    return results
