"""Theme classification throughput (one process) and training time.

    .venv/bin/python bench/themes_speed.py [--n 10000]

Trains the app's theme model from data/themes/train (timed), then classifies
held-out comments, repeated up to --n, in one process.  Target: at least
2,000 comments per second; training under 3 minutes.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.safeguarding import detector  # noqa: E402
from bot.themes import store  # noqa: E402
from bot.themes.classifier import classify  # noqa: E402
from bot.themes.data import read_many  # noqa: E402
from bot.themes.features import term_weights  # noqa: E402
from bot.themes.training import train_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    train = read_many(sorted((ROOT / "data/themes/train").glob("*.jsonl")))
    held = [r["text"] for r in read_many(sorted((ROOT / "data/themes/heldout").glob("*.jsonl")))]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = train_model(train, Path(tmp) / "model")
        print(f"training: {time.perf_counter() - started:.1f} s on {summary['train']} texts "
              f"(and {summary['dev']} held back to tune thresholds), {len(summary['labels'])} themes + sentiment")
        nlp = store.load(Path(tmp) / "model")
        # Unique texts, so the feature cache cannot flatter the figure.
        texts = [f"{text} #{i}" for i, text in zip(range(args.n), itertools.cycle(held))]
        term_weights.cache_clear()
        started = time.perf_counter()
        classify(nlp, texts)
        elapsed = time.perf_counter() - started
        print(f"themes + sentiment: {len(texts) / elapsed:,.0f} comments/s ({len(texts)} comments, {elapsed:.2f} s)")
        term_weights.cache_clear()
        risk_dir = ROOT / "instance/models/risk"
        risk_nlp = store.load_built(risk_dir)
        started = time.perf_counter()
        detector.check(texts, risk_nlp)
        elapsed = time.perf_counter() - started
        print(f"risk check{'' if risk_nlp else ' (patterns only: no risk model built)'}: "
              f"{len(texts) / elapsed:,.0f} comments/s")


if __name__ == "__main__":
    main()
