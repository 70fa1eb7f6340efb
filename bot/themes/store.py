"""Where the app's trained models live, how they are built, and loading them once.

The models are not committed: ``flask --app wsgi themes build`` (run by
``make run`` and ``make test``) trains them from ``data/`` into
``instance/models/`` and skips the work when nothing they depend on changed.
"""
from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import spacy
from spacy.language import Language

from ..config import PACKAGE_DIR, PROJECT_DIR
from . import architecture, component  # noqa: F401  (registrations needed to load a model)
from .data import read_many
from .training import train_model

DATA_DIR = PROJECT_DIR / "data"
KINDS = {"themes": DATA_DIR / "themes" / "train", "risk": DATA_DIR / "risk" / "train"}
_SOURCES = [PACKAGE_DIR / "themes" / name for name in ("config.cfg", "features.py", "component.py",
                                                        "architecture.py", "training.py", "data.py")]
_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def fingerprint(kind: str) -> str:
    """A hash of everything a model is built from: its data and the training code."""
    digest = hashlib.sha256()
    for path in sorted(KINDS[kind].glob("*.jsonl")) + _SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(model_dir: Path, kind: str) -> bool:
    """True when ``model_dir`` holds a model built from the current data and code."""
    meta = model_dir / "wingvoice.json"
    if not meta.exists():
        return False
    return json.loads(meta.read_text()).get("fingerprint") == fingerprint(kind)


def build(model_dir: Path, kind: str) -> dict:
    """Train the app's ``kind`` model from the shipped data into ``model_dir``."""
    records = read_many(sorted(KINDS[kind].glob("*.jsonl")))
    if kind == "risk":
        # A missed disclosure is worse than a false alarm, so the cut-off must
        # catch every urgent dev example: keep a fifth back to have enough of
        # them.  The risk data is small, so smaller batches give the model
        # enough updates.
        summary = train_model(records, model_dir, recall_first=frozenset({"urgent"}),
                              settings={"training.batcher.size": 64}, dev_fraction=0.2)
    else:
        summary = train_model(records, model_dir)
    summary["fingerprint"] = fingerprint(kind)
    (model_dir / "wingvoice.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    return summary


def is_built(model_dir: Path | str) -> bool:
    """True when ``model_dir`` holds a trained pipeline."""
    return (Path(model_dir) / "config.cfg").exists()


def load_built(model_dir: Path | str) -> Language | None:
    """The pipeline in ``model_dir`` (loaded once per process), or None when none is built."""
    return load(model_dir) if str(model_dir) in _loaded or is_built(model_dir) else None


def load(model_dir: Path | str) -> Language:
    """The pipeline in ``model_dir``, loaded once per process and shared."""
    given = str(model_dir)
    if given in _loaded:  # every free-text answer asks: no file system calls then
        return _loaded[given]
    key = str(Path(model_dir).resolve())
    with _lock:
        if key not in _loaded:
            _loaded[key] = spacy.load(key)
        _loaded[given] = _loaded[key]
        return _loaded[key]
