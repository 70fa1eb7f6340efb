"""The shipped training data: valid, the taxonomy's ids only, enough of each, and a clean split."""
from collections import Counter
from pathlib import Path

from bot.themes.data import read_many
from bot.themes.taxonomy import theme_ids

DATA = Path(__file__).resolve().parents[2] / "data"
TRAIN = read_many(sorted((DATA / "themes" / "train").glob("*.jsonl")))
HELDOUT = read_many(sorted((DATA / "themes" / "heldout").glob("*.jsonl")))


def test_labels_are_exactly_the_taxonomy():
    used = {label for record in TRAIN + HELDOUT for label in record["labels"]}
    assert used == set(theme_ids())


def test_enough_examples_per_theme_and_language():
    all_records = TRAIN + HELDOUT
    for lang in {r["lang"] for r in all_records}:
        counts = Counter(label for r in all_records if r["lang"] == lang for label in r["labels"])
        minimum = 60 if lang == "en" else 15
        thin = {theme: counts[theme] for theme in theme_ids() if counts[theme] < minimum}
        assert not thin, f"{lang}: too few examples for {thin}"


def test_heldout_never_seen_in_training():
    assert not {r["text"] for r in TRAIN} & {r["text"] for r in HELDOUT}
