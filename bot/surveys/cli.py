"""``flask surveys check``: validate questionnaire files and report every problem."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from ..config import default_surveys_dir, icon_names
from .loader import SurveyError, load_surveys, survey_files

surveys_cli = AppGroup("surveys", help="Questionnaire definitions.")


# Runs without loading the app: the app refuses to start while a survey is
# invalid, and this command is how the author finds out why.
@surveys_cli.command("check", with_appcontext=False)
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check(files: tuple[Path, ...]) -> None:
    """Check FILES (default: every survey in SURVEYS_DIR); exit 1 on any problem."""
    paths = list(files) or survey_files(default_surveys_dir())
    try:
        surveys = load_surveys(paths, icon_names())
    except SurveyError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} problem(s) in {len(paths)} file(s).", err=True)
        raise SystemExit(1)
    for survey in surveys.values():
        click.echo(f"ok  {Path(survey.source).name}: {survey.id} v{survey.version}, "
                   f"{len(survey.questions)} questions")
