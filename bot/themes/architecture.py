"""The model architecture registered with spaCy: hashed n-grams into one linear layer.

It returns raw scores (logits); :mod:`.component` turns them into
probabilities and trains them with cross-entropy.  spaCy's stock multilabel
loss (squared error through a sigmoid) starves rare labels of gradient, which
is where prison feedback is thinnest (dental, hospital escorts, women's
health on a men's site).
"""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, SparseLinear_v2, chain
from thinc.types import Floats2d

from .features import hashed_ngrams


@registry.architectures("wingvoice.HashedNgramLinear.v2")
def hashed_ngram_linear(nO: Optional[int] = None, length: int = 2 ** 20,
                        char_min: int = 2, char_max: int = 5) -> Model[List[Doc], Floats2d]:
    """Docs -> logits, one column per label, over TF-IDF weighted hashed n-grams.

    ``SparseLinear_v2``, not the original ``SparseLinear``: the original's
    indexing makes neighbouring labels share weights, which cost about 0.04
    macro-F1 on the held-back dev split.
    """
    return chain(hashed_ngrams(length, char_min, char_max), SparseLinear_v2(nO=nO, length=length))
