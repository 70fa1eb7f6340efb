"""Read survey YAML files, report every problem at once, and compile them.

A problem always names the file, the item (where there is one) and the field,
so whoever edits the file can find and fix it without reading code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .expressions import ExpressionError, parse
from .model import CHOICE_TYPES, DONT_KNOW, ITEM_TYPES, Choice, Item, Survey

NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
SURVEY_FIELDS = {"id", "version", "title", "description", "icon", "default_language",
                 "offered_to", "choice_lists", "items"}
ITEM_FIELDS = {"name", "type", "label", "easy", "hint", "image", "required", "relevant",
               "choices", "constraint", "constraint_message", "min", "max",
               "allow_dont_know", "themes", "audio"}
CHOICE_FIELDS = {"name", "label", "icon"}
SCALE_POINTS = 5


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a survey file."""

    file: str
    item: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.item:
            where.append(f"item '{self.item}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.message}"


class SurveyError(Exception):
    """Raised when one or more survey files are invalid; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _FileChecker:
    """Validates and compiles one parsed YAML document, collecting problems."""

    def __init__(self, path: Path, data: Any, icons: set[str] | None):
        self.file = path.name
        self.source = str(path)
        self.data = data
        self.icons = icons
        self.problems: list[Problem] = []
        self.language = "en"

    def problem(self, item: str | None, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, item, field, message))

    def text(self, value: Any, item: str | None, field: str, required: bool = False):
        """Normalise a text field to ``{language: text}``; check the default language is there."""
        if value is None:
            if required:
                self.problem(item, field, f"is missing: write the text in '{self.language}'")
            return None
        if isinstance(value, str):
            value = {self.language: value}
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            self.problem(item, field, "must be text, or a list of texts by language")
            return None
        if not value.get(self.language, "").strip():
            self.problem(item, field, f"has no text in the default language '{self.language}'")
            return None
        # The default language first: it is the source text translators see.
        ordered = {self.language: value[self.language]} | value
        return {k: v.strip() for k, v in ordered.items()}

    def icon(self, value: Any, item: str | None, field: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not NAME.match(value):
            self.problem(item, field, f"{value!r} is not a picture name (lower_snake_case)")
            return None
        if self.icons is not None and value not in self.icons:
            self.problem(item, field, f"there is no picture called '{value}'")
        return value

    def compile(self) -> Survey | None:
        data = self.data
        if not isinstance(data, dict):
            self.problem(None, None, "the file must be a questionnaire (a set of 'field: value' lines)")
            return None
        for key in sorted(set(data) - SURVEY_FIELDS):
            self.problem(None, str(key), "is not a questionnaire field (check the spelling)")
        self.language = data.get("default_language") or "en"
        if not isinstance(self.language, str):
            self.problem(None, "default_language", "must be a language code such as 'en'")
            self.language = "en"
        survey_id = data.get("id")
        if not isinstance(survey_id, str) or not NAME.match(survey_id):
            self.problem(None, "id", "must be lower_snake_case, e.g. 'medicines'")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(None, "version", "must be a whole number, 1 or more")
        title = self.text(data.get("title"), None, "title", required=True)
        description = self.text(data.get("description"), None, "description")
        icon = self.icon(data.get("icon"), None, "icon")
        sites, units = self.offered_to(data.get("offered_to"))
        lists = self.choice_lists(data.get("choice_lists"))
        items = self.items(data.get("items"), lists)
        if self.problems:
            return None
        return Survey(id=survey_id, version=version, title=title, items=tuple(items),
                      source=self.source, description=description, icon=icon,
                      default_language=self.language, units=units, sites=sites)

    def offered_to(self, value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if value is None:
            return (), ()
        if not isinstance(value, dict) or set(value) - {"sites", "units"}:
            self.problem(None, "offered_to", "must list 'sites' and/or 'units'")
            return (), ()
        found = []
        for key in ("sites", "units"):
            names = value.get(key) or []
            if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
                self.problem(None, "offered_to", f"'{key}' must be a list of names")
                names = []
            found.append(tuple(names))
        return found[0], found[1]

    def choice_lists(self, value: Any) -> dict[str, tuple[Choice, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(None, "choice_lists", "must name each list, then list its choices")
            return {}
        return {str(name): self.choices(choices, None, f"choice_lists.{name}")
                for name, choices in value.items()}

    def choices(self, value: Any, item: str | None, field: str) -> tuple[Choice, ...]:
        if not isinstance(value, list) or not value:
            self.problem(item, field, "must be a list of choices, each with a name and a label")
            return ()
        result, seen = [], set()
        for index, raw in enumerate(value, 1):
            where = f"{field}[{index}]"
            if not isinstance(raw, dict):
                self.problem(item, where, "must have a name and a label")
                continue
            for key in sorted(set(raw) - CHOICE_FIELDS):
                self.problem(item, f"{where}.{key}", "is not a choice field")
            name = raw.get("name")
            if not isinstance(name, str) or not NAME.match(name):
                self.problem(item, f"{where}.name", "must be lower_snake_case")
                continue
            if name in seen:
                self.problem(item, f"{where}.name", f"'{name}' is used twice in this list")
            seen.add(name)
            label = self.text(raw.get("label"), item, f"{where}.label", required=True)
            result.append(Choice(name, label or {}, self.icon(raw.get("icon"), item, f"{where}.icon")))
        return tuple(result)

    def items(self, value: Any, lists: dict[str, tuple[Choice, ...]]) -> list[Item]:
        if not isinstance(value, list) or not value:
            self.problem(None, "items", "must be a list of at least one item")
            return []
        compiled: list[Item] = []
        earlier: set[str] = set()
        all_names = {raw.get("name") for raw in value if isinstance(raw, dict)}
        for index, raw in enumerate(value, 1):
            if not isinstance(raw, dict):
                self.problem(f"#{index}", None, "must be an item with a name and a type")
                continue
            item = self.item(raw, index, lists, earlier, all_names)
            name = raw.get("name")
            if isinstance(name, str):
                if name in earlier:
                    self.problem(name, "name", "is used by an earlier item: names must be unique")
                earlier.add(name)
            if item:
                compiled.append(item)
        return compiled

    def expression(self, source: Any, name: str, field: str, earlier: set[str],
                   all_names: set, allow_current: bool):
        if source is None:
            return None
        try:
            expr = parse(source if isinstance(source, str) else str(source))
        except ExpressionError as exc:
            self.problem(name, field, f"cannot be read: {exc}")
            return None
        for ref in sorted(expr.names):
            if ref == name:
                self.problem(name, field, "refers to its own item; use '.' for the answer being given"
                             if allow_current else "refers to its own item")
            elif ref not in earlier:
                where = "a later item" if ref in all_names else "an item that does not exist"
                self.problem(name, field, f"refers to '{ref}', {where}")
        if expr.uses_current and not allow_current:
            self.problem(name, field, "'.' can only be used in a constraint")
        return expr

    def item(self, raw: dict, index: int, lists, earlier: set[str], all_names: set) -> Item | None:
        name = raw.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            self.problem(f"#{index}", "name", "is missing or not lower_snake_case")
            return None
        for key in sorted(set(raw) - ITEM_FIELDS):
            self.problem(name, str(key), "is not an item field (check the spelling)")
        kind = raw.get("type")
        if kind not in ITEM_TYPES:
            self.problem(name, "type", f"{kind!r} is not a type; use one of {', '.join(ITEM_TYPES)}")
            return None
        label = self.text(raw.get("label"), name, "label", required=True)
        options: dict[str, Any] = {
            "easy": self.text(raw.get("easy"), name, "easy"),
            "hint": self.text(raw.get("hint"), name, "hint"),
            "image": self.icon(raw.get("image"), name, "image"),
            "relevant": self.expression(raw.get("relevant"), name, "relevant", earlier, all_names, False),
            "constraint": self.expression(raw.get("constraint"), name, "constraint", earlier, all_names, True),
            "constraint_message": self.text(raw.get("constraint_message"), name, "constraint_message"),
        }
        for flag in ("required", "themes", "allow_dont_know"):
            if flag in raw and not isinstance(raw[flag], bool):
                self.problem(name, flag, "must be true or false")
        options["required"] = raw.get("required", True) is not False and kind != "note"
        options["themes"] = raw.get("themes", True) is not False
        if "themes" in raw and kind != "text":
            self.problem(name, "themes", "only free-text items go to theme sorting")
        if raw.get("constraint") is not None and options["constraint_message"] is None:
            self.problem(name, "constraint_message", "is missing: say what to do when the answer is not allowed")
        options["choices"] = self.item_choices(raw, name, kind, lists)
        options.update(self.bounds(raw, name, kind))
        audio = raw.get("audio") or {}
        if not isinstance(audio, dict) or not all(isinstance(v, str) for v in audio.values()):
            self.problem(name, "audio", "must give a recording file per language, e.g. {en: file.ogg}")
            audio = {}
        options["audio"] = audio
        if label is None:
            return None
        return Item(name=name, type=kind, label=label, **options)

    def item_choices(self, raw: dict, name: str, kind: str, lists) -> tuple[Choice, ...]:
        value = raw.get("choices")
        if kind == "yes_no":
            if value is not None:
                self.problem(name, "choices", "a yes_no item has its own choices")
            names = ["yes", "no"] + ([DONT_KNOW] if raw.get("allow_dont_know") else [])
            return tuple(Choice(n, {}, n) for n in names)
        if "allow_dont_know" in raw:
            self.problem(name, "allow_dont_know", "is only for yes_no items")
        if kind not in CHOICE_TYPES:
            if value is not None:
                self.problem(name, "choices", f"a {kind} item has no choices")
            return ()
        if value is None:
            self.problem(name, "choices", "is missing: name a choice list or write the choices")
            return ()
        if isinstance(value, str):
            if value not in lists:
                self.problem(name, "choices", f"there is no choice list called '{value}'")
                return ()
            choices = lists[value]
        else:
            choices = self.choices(value, name, "choices")
        if kind == "scale":
            if len(choices) != SCALE_POINTS:
                self.problem(name, "choices", f"a scale needs exactly {SCALE_POINTS} choices, best first")
            if any(c.name == DONT_KNOW for c in choices):
                self.problem(name, "choices", "'dont_know' is added to every scale for you")
            choices = choices + (Choice(DONT_KNOW, {}, DONT_KNOW),)
        return choices

    def bounds(self, raw: dict, name: str, kind: str) -> dict[str, int | None]:
        found: dict[str, int | None] = {"min": None, "max": None}
        for key in ("min", "max"):
            if key not in raw:
                continue
            if kind != "number":
                self.problem(name, key, "is only for number items")
            elif not isinstance(raw[key], int) or isinstance(raw[key], bool):
                self.problem(name, key, "must be a whole number")
            else:
                found[key] = raw[key]
        if found["min"] is not None and found["max"] is not None and found["min"] > found["max"]:
            self.problem(name, "min", "is larger than max")
        return found


def load_file(path: Path, icons: set[str] | None = None) -> tuple[Survey | None, list[Problem]]:
    """Load one survey file; return the survey (or None) and the problems found."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(path.name, None, None, "is not UTF-8 text")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        return None, [Problem(path.name, None, None, f"is not valid YAML{where}: {getattr(exc, 'problem', exc)}")]
    checker = _FileChecker(path, data, icons)
    survey = checker.compile()
    return survey, checker.problems


def load_surveys(paths: list[Path], icons: set[str] | None = None) -> dict[str, Survey]:
    """Load and validate every file; raise :class:`SurveyError` listing all problems."""
    surveys: dict[str, Survey] = {}
    problems: list[Problem] = []
    for path in sorted(paths):
        survey, found = load_file(path, icons)
        problems.extend(found)
        if survey is None:
            continue
        if survey.id in surveys:
            problems.append(Problem(path.name, None, "id",
                                    f"'{survey.id}' is already used by {Path(surveys[survey.id].source).name}"))
        surveys[survey.id] = survey
    if problems:
        raise SurveyError(problems)
    return surveys


def survey_files(directory: Path) -> list[Path]:
    """The survey files in ``directory`` (``*.yaml`` and ``*.yml``)."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
