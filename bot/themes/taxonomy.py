"""The theme taxonomy, read from ``taxonomy.yaml`` (one data file a prison can extend)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.yaml")


@dataclass(frozen=True)
class Theme:
    """One theme: a stable id, a short name and what it covers."""

    id: str
    label: str
    description: str


@lru_cache(maxsize=1)
def themes() -> tuple[Theme, ...]:
    """Every theme, in the file's order."""
    return tuple(Theme(**entry) for entry in yaml.safe_load(TAXONOMY_FILE.read_text(encoding="utf-8")))


def theme_ids() -> list[str]:
    """The theme ids, in the file's order."""
    return [theme.id for theme in themes()]
