"""Hashed word and character n-grams, the input of the theme and risk models.

Character n-grams carry most of the signal: people type "docter", "meds",
"cant", drop accents ("cialem" for "ciąłem") and mix scripts, and one
multilingual model has to cope with all of it without per-language
tokenisers.  Hashing keeps the feature space fixed whatever the vocabulary.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, List, Tuple

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc
from thinc.api import Model, registry

_REPEATS = re.compile(r"(.)\1{2,}")
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, drop accents and other combining marks, squash letter runs ("sooo" -> "soo")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _REPEATS.sub(r"\1\1", unicodedata.normalize("NFKC", stripped))


@lru_cache(maxsize=32768)
def ngram_keys(text: str, char_min: int = 2, char_max: int = 5, max_words: int = 400) -> tuple[int, ...]:
    """Hash keys for one text: words, word pairs, and character n-grams of each word.

    Cached: training sees each text once an epoch, and a kiosk often sends
    the same short answers ("no", "nothing") again and again.
    """
    words = _WORD.findall(normalise(text))[:max_words]
    features = [f"w {w}" for w in words]
    features += [f"b {a} {b}" for a, b in zip(words, words[1:])]
    for word in words:
        padded = f"<{word}>"
        for n in range(char_min, char_max + 1):
            features.extend(f"c{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return tuple(hash_string(f) for f in features)


@registry.layers("wingvoice.hashed_ngrams.v1")
def hashed_ngrams(char_min: int = 2, char_max: int = 5) -> Model[List[Doc], Tuple]:
    """A layer turning docs into the (keys, values, lengths) triple SparseLinear reads."""
    return Model("hashed_ngrams", _forward, attrs={"char_min": char_min, "char_max": char_max})


def _forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[Tuple, Callable]:
    keys, values, lengths = [], [], []
    for doc in docs:
        doc_keys = ngram_keys(doc.text, model.attrs["char_min"], model.attrs["char_max"])
        # Scale so long and short comments weigh the same (unit L2 norm).
        weight = 1.0 / (len(doc_keys) ** 0.5) if doc_keys else 0.0
        keys.extend(doc_keys)
        values.extend([weight] * len(doc_keys))
        lengths.append(len(doc_keys))
    ops = model.ops
    out = (ops.asarray(numpy.asarray(keys, dtype="uint64")),
           ops.asarray(numpy.asarray(values, dtype="float32")),
           ops.asarray(numpy.asarray(lengths, dtype="int32")))
    return out, lambda d_out: []
