"""A text categoriser trained with weighted cross-entropy and per-label thresholds.

Registered as the spaCy factory ``wingvoice_textcat``.  With
``exclusive = false`` each label is a yes/no question (themes, risk reasons);
with ``exclusive = true`` exactly one label applies (sentiment).
"""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List, Optional

import numpy
from spacy.language import Language
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

from .features import fit_idf

# Caps the boost a rare label gets, so a label seen twice cannot dominate.
MAX_POSITIVE_WEIGHT = 12.0


@Language.factory("wingvoice_textcat", default_config={"exclusive": False},
                  default_score_weights={"labels_macro_f": 1.0})
def make_textcat(nlp: Language, name: str, model: Model, exclusive: bool) -> "WeightedTextCategorizer":
    """Build the component (spaCy calls this from the config)."""
    return WeightedTextCategorizer(nlp.vocab, model, name, exclusive=exclusive)


def _sigmoid(x):
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(x, -30, 30)))


def _softmax(x):
    shifted = numpy.exp(x - x.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class WeightedTextCategorizer(MultiLabel_TextCategorizer):
    """Multi-label or exclusive categoriser with class weighting and tuned thresholds."""

    def __init__(self, vocab, model: Model, name: str, *, exclusive: bool = False):
        super().__init__(vocab, model, name, threshold=0.5, scorer=None)
        self.cfg["exclusive"] = exclusive
        self.cfg.setdefault("thresholds", {})
        self.cfg.setdefault("weights", {})

    @property
    def exclusive(self) -> bool:
        """True when exactly one label applies to each text."""
        return bool(self.cfg["exclusive"])

    def _probabilities(self, logits):
        logits = self.model.ops.to_numpy(logits)
        return _softmax(logits) if self.exclusive else _sigmoid(logits)

    def predict(self, docs: Iterable[Doc]):
        """Probabilities per label for each doc."""
        docs = list(docs)
        if not docs:
            return numpy.zeros((0, len(self.labels)), dtype="float32")
        return self._probabilities(self.model.predict(docs))

    def set_annotations(self, docs: Iterable[Doc], scores) -> None:
        """Write every label's probability to ``doc.cats``."""
        for i, doc in enumerate(docs):
            for j, label in enumerate(self.labels):
                doc.cats[label] = float(scores[i, j])

    def _weights(self) -> numpy.ndarray:
        return numpy.asarray([self.cfg["weights"].get(label, 1.0) for label in self.labels], dtype="float32")

    def get_loss(self, examples: Iterable[Example], logits):
        """Cross-entropy on the logits; positives of rare labels weigh more."""
        truths, not_missing = self._examples_to_truth(examples)
        truths = numpy.asarray(self.model.ops.to_numpy(truths), dtype="float32")
        mask = numpy.asarray(self.model.ops.to_numpy(not_missing), dtype="float32")
        probs = self._probabilities(logits)
        weights = self._weights()
        eps = 1e-7
        if self.exclusive:
            row_weight = (truths * weights).sum(axis=1, keepdims=True)
            d_logits = (probs - truths) * row_weight
            loss = -(row_weight[:, 0] * numpy.log((probs * truths).sum(axis=1) + eps)).mean()
        else:
            scale = truths * weights + (1.0 - truths)
            d_logits = (probs - truths) * scale * mask
            loss = -(scale * (truths * numpy.log(probs + eps)
                              + (1 - truths) * numpy.log(1 - probs + eps)) * mask).mean()
        return float(loss), self.model.ops.asarray(d_logits.astype("float32"))

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Optional[Language] = None,
                   labels: Optional[Iterable[str]] = None):
        """Add labels, learn the n-gram IDF table from the training texts, weigh
        each label by how rare its positives are, and note whether every
        training text has a label (then every text gets at least one)."""
        super().initialize(get_examples, nlp=nlp, labels=labels)
        counts = {label: 0 for label in self.labels}
        texts = []
        unlabelled = 0
        for example in get_examples():  # one pass: reading the corpus is the slow part
            texts.append(example.x.text)
            found = False
            for label in self.labels:
                if example.y.cats.get(label, 0.0) >= 0.5:
                    counts[label] += 1
                    found = True
            unlabelled += not found
        total = len(texts)
        fit_idf(self.model, texts)
        self.cfg["at_least_one"] = total > 0 and unlabelled == 0
        weights = {}
        for label, positives in counts.items():
            if self.exclusive:
                # Inverse frequency relative to the largest class.
                largest = max(counts.values()) or 1
                weights[label] = float(min(MAX_POSITIVE_WEIGHT, (largest / max(positives, 1)) ** 0.5))
            else:
                ratio = (total - positives) / max(positives, 1)
                weights[label] = float(min(MAX_POSITIVE_WEIGHT, max(1.0, ratio ** 0.5)))
        self.cfg["weights"] = weights

    def chosen(self, doc: Doc) -> List[str]:
        """The labels that apply to ``doc``: over their tuned threshold, or the top one if exclusive."""
        if self.exclusive:
            scores = {label: doc.cats.get(label, 0.0) for label in self.labels}
            return [max(scores, key=scores.get)] if scores else []
        thresholds = self.cfg.get("thresholds", {})
        chosen = [label for label in self.labels if doc.cats.get(label, 0.0) >= thresholds.get(label, 0.5)]
        if not chosen and self.cfg.get("at_least_one") and self.labels:
            # Every comment is about something: take the label nearest its cut-off.
            chosen = [max(self.labels, key=lambda label: doc.cats.get(label, 0.0) - thresholds.get(label, 0.5))]
        return chosen

    def score(self, examples: Iterable[Example], **kwargs) -> Dict[str, float]:
        """Macro F1 over this component's labels, under keys named after the component."""
        examples = list(examples)
        scores = Scorer.score_cats(examples, "cats", labels=self.labels, multi_label=not self.exclusive,
                                   threshold=0.5)
        return {f"{self.name}_macro_f": scores["cats_macro_f"], f"{self.name}_micro_f": scores["cats_micro_f"]}
