"""Where a person is in a questionnaire, worked out from the answers so far.

Pure logic, no database: given a survey, the stored answers and the item being
changed (after "back"), it says what the transcript shows, which item is asked
now, and how far along the person is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..surveys.model import Item, Survey


@dataclass
class Step:
    """One exchange in the transcript: the bot's item and, for questions, the answer."""

    item: Item
    answered: bool = False
    value: Any = None


@dataclass
class Conversation:
    """The state of one response at this moment."""

    steps: list[Step] = field(default_factory=list)
    current: Item | None = None
    position: int = 0
    total: int = 0
    relevant: set[str] = field(default_factory=set)

    @property
    def finished(self) -> bool:
        """True when every relevant question has an answer (or was skipped)."""
        return self.current is None

    @property
    def answered_items(self) -> list[Item]:
        """The questions already answered, in order: where "back" can go."""
        return [s.item for s in self.steps if s.answered]

    def steps_before(self, item_name: str) -> int:
        """How many transcript steps come before ``item_name``'s (all of them if it has none)."""
        return next((i for i, s in enumerate(self.steps) if s.item.name == item_name), len(self.steps))


def is_relevant(item: Item, values: Mapping[str, Any]) -> bool:
    """Whether ``item`` should be asked given the answers so far."""
    return item.relevant is None or item.relevant.evaluate(values)


def walk(survey: Survey, answers: Mapping[str, Any], editing: str | None = None) -> Conversation:
    """Walk the survey in order and build the :class:`Conversation`.

    ``answers`` maps item names to stored values, with skipped items present
    and mapped to None.  Relevance is judged on the answers as they stand, so
    changing an early answer can hide or reveal later items.
    """
    values = {name: value for name, value in answers.items() if value is not None}
    state = Conversation()
    for item in survey.items:
        if not is_relevant(item, values):
            continue
        state.relevant.add(item.name)
        if not item.is_question:
            if state.current is None:
                state.steps.append(Step(item))
            continue
        state.total += 1
        if state.current is not None:
            continue
        if item.name == editing or item.name not in answers:
            state.current = item
            state.position = state.total
        else:
            state.steps.append(Step(item, answered=True, value=answers[item.name]))
    if state.current is None:  # finished: the progress bar shows "n of n"
        state.position = state.total
    return state
