"""Measure a theme model (and the risk detector) against labelled data."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LabelScore:
    """Precision, recall, F1 and support of one label."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def label_scores(gold: list[set], predicted: list[set], labels: list[str]) -> tuple[list[LabelScore], float, float]:
    """Per-label scores, micro-F1 and macro-F1 (macro over labels with support)."""
    rows, totals = [], [0, 0, 0]
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, predicted))
        fp = sum(label not in g and label in p for g, p in zip(gold, predicted))
        fn = sum(label in g and label not in p for g, p in zip(gold, predicted))
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        rows.append(LabelScore(label, *_prf(tp, fp, fn), support=tp + fn))
    supported = [r.f1 for r in rows if r.support]
    macro = sum(supported) / len(supported) if supported else 0.0
    return rows, _prf(*totals)[2], macro


def risk_scores(gold: list[bool], predicted: list[bool]) -> tuple[float, float, int]:
    """Recall and precision of the urgent flag, and how many urgent texts there were."""
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    precision, recall, _ = _prf(tp, fp, fn)
    return recall, precision, tp + fn
