"""Our theme model against a TF-IDF + linear SVM baseline, same data, same run.

    .venv/bin/python bench/themes_vs_baseline.py --data FILE.jsonl [--test-fraction 0.2] [--seed 0]
    .venv/bin/python bench/themes_vs_baseline.py --train A.jsonl --test B.jsonl
    .venv/bin/python bench/themes_vs_baseline.py --train data/themes/train --test data/themes/heldout

Either a labelled JSONL split here (deterministic, by --seed), or explicit
train and test files (or folders of them).  Both models see the same training texts; both are
scored by macro-F1 over the labels present in the test set.  Prints both
figures and their ratio (ours / baseline).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402
from sklearn.pipeline import make_union  # noqa: E402
from sklearn.preprocessing import MultiLabelBinarizer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from bot.themes import store  # noqa: E402
from bot.themes.classifier import classify  # noqa: E402
from bot.themes.data import label_set, read_jsonl, read_many  # noqa: E402
from bot.themes.evaluation import label_scores  # noqa: E402
from bot.themes.training import train_model  # noqa: E402


def baseline(train: list[dict], test: list[dict], labels: list[str]) -> tuple[list[set], float]:
    """TF-IDF (word 1-2 grams and character 2-5 grams) + one-vs-rest LinearSVC."""
    started = time.perf_counter()
    vectoriser = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))
    binariser = MultiLabelBinarizer(classes=labels)
    x_train = vectoriser.fit_transform([r["text"] for r in train])
    model = OneVsRestClassifier(LinearSVC()).fit(x_train, binariser.fit_transform([r["labels"] for r in train]))
    predicted = model.predict(vectoriser.transform([r["text"] for r in test]))
    return [set(binariser.classes_[row.nonzero()[0]]) for row in predicted], time.perf_counter() - started


def read_records(path: Path) -> list[dict]:
    """The labelled records in a JSONL file, or in every JSONL file of a folder."""
    return read_many(sorted(path.glob("*.jsonl"))) if path.is_dir() else read_jsonl(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--train", type=Path)
    parser.add_argument("--test", type=Path)
    parser.add_argument("--test-fraction", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.data:
        records = read_jsonl(args.data)
        random.Random(args.seed).shuffle(records)
        cut = int(len(records) * (1 - args.test_fraction))
        train, test = records[:cut], records[cut:]
    elif args.train and args.test:
        train, test = read_records(args.train), read_records(args.test)
    else:
        parser.error("give --data, or --train and --test")
    labels = label_set(train)
    gold = [set(r["labels"]) for r in test]

    predicted, base_seconds = baseline(train, test, labels)
    _, base_micro, base_macro = label_scores(gold, predicted, labels)

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        train_model(train, Path(tmp) / "model", seed=args.seed)
        ours_seconds = time.perf_counter() - started
        nlp = store.load(Path(tmp) / "model")
        ours = [set(r.themes) for r in classify(nlp, [r["text"] for r in test])]
    _, micro, macro = label_scores(gold, ours, labels)

    print(f"{len(train)} training texts, {len(test)} test texts, {len(labels)} labels")
    print(f"baseline TF-IDF + LinearSVC  macro-F1 {base_macro:.3f}  micro-F1 {base_micro:.3f}  ({base_seconds:.1f} s)")
    print(f"Wing Voice themes model      macro-F1 {macro:.3f}  micro-F1 {micro:.3f}  ({ours_seconds:.1f} s)")
    print(f"ratio (ours / baseline) macro-F1 {macro / base_macro if base_macro else float('inf'):.2f}")


if __name__ == "__main__":
    main()
