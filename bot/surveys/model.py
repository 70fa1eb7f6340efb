"""The compiled form of a questionnaire: immutable objects the chat walks through."""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Mapping

from .expressions import Expression

ITEM_TYPES = ("note", "single", "multi", "scale", "yes_no", "number", "text")
CHOICE_TYPES = ("single", "multi", "scale")
DONT_KNOW = "dont_know"


@dataclass(frozen=True)
class Choice:
    """One answer a person can tap; ``name`` is what gets stored."""

    name: str
    label: Mapping[str, str]
    icon: str | None = None


@dataclass(frozen=True)
class Item:
    """One step of the conversation: a message or a question."""

    name: str
    type: str
    label: Mapping[str, str]
    easy: Mapping[str, str] | None = None
    hint: Mapping[str, str] | None = None
    image: str | None = None
    required: bool = True
    relevant: Expression | None = None
    choices: tuple[Choice, ...] = ()
    constraint: Expression | None = None
    constraint_message: Mapping[str, str] | None = None
    min: int | None = None
    max: int | None = None
    themes: bool = True
    audio: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_question(self) -> bool:
        """Notes are only said; every other type waits for an answer."""
        return self.type != "note"

    def choice(self, name: str) -> Choice | None:
        """The choice called ``name``, or None when the item has no such choice."""
        return next((c for c in self.choices if c.name == name), None)


@dataclass(frozen=True)
class Survey:
    """A whole questionnaire, validated and ready to run."""

    id: str
    version: int
    title: Mapping[str, str]
    items: tuple[Item, ...]
    source: str
    description: Mapping[str, str] | None = None
    icon: str | None = None
    default_language: str = "en"
    units: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()

    def item(self, name: str) -> Item | None:
        """The item called ``name``, or None."""
        return next((i for i in self.items if i.name == name), None)

    @property
    def questions(self) -> tuple[Item, ...]:
        """The items that take an answer, in order."""
        return tuple(i for i in self.items if i.is_question)

    def offered_to(self, site: str, unit: str) -> bool:
        """True when a kiosk on ``site``/``unit`` may show this survey."""
        site_ok = not self.sites or any(fnmatchcase(site, p) for p in self.sites)
        unit_ok = not self.units or any(fnmatchcase(unit, p) for p in self.units)
        return site_ok and unit_ok
