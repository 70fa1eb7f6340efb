"""Questionnaires: loaded and validated once per process, then shared read-only."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app

from ..config import icon_names
from .loader import SurveyError, load_surveys, survey_files
from .model import Survey

_KEY = "wingvoice.surveys"


def init_app(app: Flask) -> None:
    """Load every survey in ``SURVEYS_DIR``; refuse to start when any is invalid."""
    directory = Path(app.config["SURVEYS_DIR"])
    app.extensions[_KEY] = load_surveys(survey_files(directory), icon_names())


def all_surveys() -> list[Survey]:
    """Every loaded survey, in title order of their ids."""
    return sorted(current_app.extensions[_KEY].values(), key=lambda s: s.id)


def get_survey(survey_id: str) -> Survey | None:
    """The survey with this id, or None."""
    return current_app.extensions[_KEY].get(survey_id)


__all__ = ["Survey", "SurveyError", "all_surveys", "get_survey", "init_app"]
