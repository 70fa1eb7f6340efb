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
from typing import Callable, Iterable, List, Tuple

import numpy
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model

_REPEATS = re.compile(r"(.)\1{2,}")
_WORD = re.compile(r"\w+", re.UNICODE)


# Letters that carry their stroke inside them, so Unicode decomposition leaves
# them alone: Polish "ł" and Vietnamese "đ" are typed "l" and "d" as often as not.
_STROKED = str.maketrans({"ł": "l", "đ": "d"})


def normalise(text: str) -> str:
    """Lower-case, drop accents and other combining marks (and the stroke of
    "ł" and "đ"), squash letter runs ("sooo" -> "soo")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_STROKED))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _REPEATS.sub(r"\1\1", unicodedata.normalize("NFKC", stripped))


def ngram_keys(text: str, char_min: int = 2, char_max: int = 5, max_words: int = 400) -> tuple[int, ...]:
    """Hash keys for one text: words, word pairs, and character n-grams of each word."""
    words = _WORD.findall(normalise(text))[:max_words]
    features = [f"w {w}" for w in words]
    features += [f"b {a} {b}" for a, b in zip(words, words[1:])]
    for word in words:
        padded = f"<{word}>"
        for n in range(char_min, char_max + 1):
            features.extend(f"c{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return tuple(hash_string(f) for f in features)


@registry.tokenizers("wingvoice.WhitespaceTokenizer.v1")
def whitespace_tokenizer() -> Callable:
    """spaCy's tokenizer with no punctuation rules: it only splits on spaces.

    The models read ``doc.text`` and make their own n-grams, so the default
    tokenizer's affix rules were pure cost (most of the training time, as
    spaCy re-tokenises the corpus every epoch).
    """
    return lambda nlp: Tokenizer(nlp.vocab)


@registry.layers("wingvoice.hashed_ngrams.v2")
def hashed_ngrams(length: int, char_min: int = 2, char_max: int = 5) -> Model[List[Doc], Tuple]:
    """Docs -> the (keys, values, lengths) triple SparseLinear reads, TF-IDF weighted.

    Each distinct n-gram weighs (1 + log count) x its inverse document
    frequency, and each text's vector has unit length: words that every
    comment uses ("the", "i") count for little, and a long comment weighs no
    more than a short one.  The IDF table (one value per hash bucket) is
    learned from the training texts by :func:`fit_idf` and saved with the
    model; it is not trained by gradient.
    """
    return Model("hashed_ngrams", _forward, params={"idf": None}, init=_init,
                 attrs={"char_min": char_min, "char_max": char_max, "length": length})


def _init(model: Model, X=None, Y=None) -> None:
    if not model.has_param("idf"):  # declared but unset until initialised or loaded
        model.set_param("idf", model.ops.alloc1f(model.attrs["length"]) + 1.0)


def fit_idf(model: Model, texts: Iterable[str]) -> None:
    """Set the IDF table of the ``hashed_ngrams`` layer inside ``model`` from ``texts``."""
    layer = next(node for node in model.walk() if node.name == "hashed_ngrams")
    length = layer.attrs["length"]
    counts = numpy.zeros(length, dtype="float64")
    total = 0
    for text in texts:
        keys, _ = term_weights(text, layer.attrs["char_min"], layer.attrs["char_max"])
        buckets = numpy.unique(keys % numpy.uint64(length)).astype("int64")
        counts[buckets] += 1
        total += 1
    layer.set_param("idf", layer.ops.asarray1f(numpy.log((1 + total) / (1 + counts)) + 1.0))


@lru_cache(maxsize=32768)
def term_weights(text: str, char_min: int, char_max: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The distinct n-gram keys of a text and their (1 + log count) weights.

    Cached: training sees each text once an epoch in every component, and a
    kiosk often gets the same short answers ("no", "nothing") again and again.
    """
    unique, counts = numpy.unique(numpy.asarray(ngram_keys(text, char_min, char_max), dtype="uint64"),
                                  return_counts=True)
    return unique, (1.0 + numpy.log(counts)).astype("float32")


def _forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[Tuple, Callable]:
    idf = model.ops.to_numpy(model.get_param("idf"))
    length = numpy.uint64(model.attrs["length"])
    keys, values, lengths = [], [], []
    for doc in docs:
        unique, tf = term_weights(doc.text, model.attrs["char_min"], model.attrs["char_max"])
        weights = tf * idf[(unique % length).astype("int64")]
        norm = numpy.sqrt((weights ** 2).sum())
        keys.append(unique)
        values.append(weights / norm if norm else weights)
        lengths.append(len(unique))
    ops = model.ops
    out = (ops.asarray(numpy.concatenate(keys) if keys else numpy.zeros(0, dtype="uint64")),
           ops.asarray(numpy.concatenate(values).astype("float32") if values else numpy.zeros(0, dtype="float32")),
           ops.asarray(numpy.asarray(lengths, dtype="int32")))
    return out, lambda d_out: []
