"""Labelled JSONL: one object a line, ``{"text": ..., "labels": [...], "lang": ..., "sentiment": ...}``."""
from __future__ import annotations

import json
import random
from pathlib import Path

SENTIMENTS = ("positive", "neutral", "negative", "mixed")


class DataError(ValueError):
    """A labelled file that cannot be used; the message names the file and line."""


def read_jsonl(path: Path) -> list[dict]:
    """Read and check a labelled file; ``labels`` may be missing only when ``urgent`` is given."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}: line {number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise DataError(f"{path}: line {number}: needs a \"text\" string")
            if "labels" not in record and "urgent" in record:
                # Risk data: the reasons are the labels, plus "urgent" itself.
                record["labels"] = (["urgent"] if record["urgent"] else []) + list(record.get("reasons", []))
            labels = record.get("labels")
            if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
                raise DataError(f"{path}: line {number}: \"labels\" must be a list of strings")
            sentiment = record.get("sentiment")
            if sentiment is not None and sentiment not in SENTIMENTS:
                raise DataError(f"{path}: line {number}: sentiment must be one of {', '.join(SENTIMENTS)}")
            records.append(record)
    return records


def read_many(paths: list[Path]) -> list[dict]:
    """Read several labelled files into one list, in the order given."""
    return [record for path in paths for record in read_jsonl(path)]


def label_set(records: list[dict]) -> list[str]:
    """Every label used in the records, sorted."""
    return sorted({label for record in records for label in record["labels"]})


def split(records: list[dict], dev_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """A deterministic train/dev split, taken per language so each keeps its share."""
    by_lang: dict[str, list[dict]] = {}
    for record in records:
        by_lang.setdefault(record.get("lang") or "", []).append(record)
    train, dev = [], []
    rng = random.Random(seed)
    for lang in sorted(by_lang):
        group = list(by_lang[lang])
        rng.shuffle(group)
        cut = int(round(len(group) * dev_fraction))
        dev.extend(group[:cut])
        train.extend(group[cut:])
    return train, dev
