"""The survey validator: every broken file is reported with file, item and field."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.surveys.cli import surveys_cli
from bot.surveys.loader import SurveyError, load_surveys, survey_files

PROJECT_SURVEYS = Path(__file__).resolve().parents[2] / "surveys"

GOOD_TOP = "id: sample\nversion: 1\ntitle: Sample\n"

BROKEN = {
    "unknown_type": (GOOD_TOP + "items:\n  - {name: q1, type: essay, label: Hello}\n",
                     "item 'q1'", "field 'type'", "'essay' is not a type"),
    "duplicate_name": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One}\n"
                       "  - {name: q1, type: text, label: Two}\n",
                       "item 'q1'", "field 'name'", "names must be unique"),
    "later_reference": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One, relevant: \"q2 == 'x'\"}\n"
                        "  - {name: q2, type: text, label: Two}\n",
                        "item 'q1'", "field 'relevant'", "'q2', a later item"),
    "unknown_reference": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One, relevant: \"ghost == 'x'\"}\n",
                          "item 'q1'", "field 'relevant'", "does not exist"),
    "bad_expression": (GOOD_TOP + "items:\n  - {name: q0, type: text, label: Zero}\n"
                       "  - {name: q1, type: text, label: One, relevant: \"q0 = 'x'\"}\n",
                       "item 'q1'", "field 'relevant'", "cannot be read"),
    "missing_list": (GOOD_TOP + "items:\n  - {name: q1, type: single, label: Pick, choices: colours}\n",
                     "item 'q1'", "field 'choices'", "no choice list called 'colours'"),
    "no_default_text": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: {pl: Cześć}}\n",
                        "item 'q1'", "field 'label'", "no text in the default language 'en'"),
    "missing_label": (GOOD_TOP + "items:\n  - {name: q1, type: text}\n",
                      "item 'q1'", "field 'label'", "is missing"),
    "constraint_without_message": (GOOD_TOP + "items:\n  - {name: q1, type: number, label: How many, constraint: '. > 0'}\n",
                                   "item 'q1'", "field 'constraint_message'", "is missing"),
    "scale_size": (GOOD_TOP + "items:\n  - name: q1\n    type: scale\n    label: Rate it\n"
                   "    choices: [{name: a, label: A}, {name: b, label: B}]\n",
                   "item 'q1'", "field 'choices'", "exactly 5 choices"),
    "misspelt_field": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One, requird: false}\n",
                       "item 'q1'", "field 'requird'", "not an item field"),
    "bounds_on_text": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One, min: 3}\n",
                       "item 'q1'", "field 'min'", "only for number items"),
    "unknown_picture": (GOOD_TOP + "items:\n  - {name: q1, type: text, label: One, image: unicorn}\n",
                        "item 'q1'", "field 'image'", "no picture called 'unicorn'"),
    "yes_parsed_as_boolean": (GOOD_TOP + "items:\n  - name: q1\n    type: single\n    label: Pick\n"
                              "    choices: [{name: yes, label: Yes}, {name: nope, label: No}]\n",
                              "item 'q1'", "field 'choices[1].name'", "lower_snake_case"),
    "bad_version": ("id: sample\nversion: one\ntitle: Sample\nitems:\n  - {name: q1, type: text, label: One}\n",
                    "field 'version'", "whole number"),
    "not_yaml": ("id: sample\n  version: [1\n", "not valid YAML", "(line"),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_file_is_named_with_item_and_field(tmp_path, name):
    text, *expected = BROKEN[name]
    path = _write(tmp_path, name, text)
    with pytest.raises(SurveyError) as caught:
        load_surveys([path], icons={"clipboard"})
    message = str(caught.value)
    assert f"{name}.yaml" in message
    for part in expected:
        assert part in message


def test_every_problem_is_reported_at_once(tmp_path):
    paths = [_write(tmp_path, name, BROKEN[name][0]) for name in BROKEN]
    with pytest.raises(SurveyError) as caught:
        load_surveys(paths, icons=set())
    reported_files = {p.file for p in caught.value.problems}
    assert reported_files == {f"{name}.yaml" for name in BROKEN}


def test_duplicate_survey_ids_across_files(tmp_path):
    body = "items:\n  - {name: q1, type: text, label: One}\n"
    paths = [_write(tmp_path, "first", GOOD_TOP + body), _write(tmp_path, "second", GOOD_TOP + body)]
    with pytest.raises(SurveyError, match="second.yaml: field 'id': 'sample' is already used by first.yaml"):
        load_surveys(paths, icons=set())


def test_shipped_surveys_are_valid():
    from bot.config import icon_names

    surveys = load_surveys(survey_files(PROJECT_SURVEYS), icon_names())
    assert {"healthcare_experience", "medicines", "first_days", "feeling",
            "womens_health", "release"} <= set(surveys)
    for survey in surveys.values():
        assert survey.items[-1].name == "anything_else" and survey.items[-1].type == "text"


def test_check_command_lists_every_problem_and_fails(tmp_path):
    paths = [str(_write(tmp_path, n, BROKEN[n][0])) for n in ("unknown_type", "missing_list")]
    result = CliRunner().invoke(surveys_cli, ["check", *paths])
    assert result.exit_code == 1
    assert "unknown_type.yaml: item 'q1': field 'type'" in result.output
    assert "missing_list.yaml: item 'q1': field 'choices'" in result.output
    assert "2 problem(s) in 2 file(s)" in result.output


def test_check_command_passes_the_shipped_surveys():
    result = CliRunner().invoke(surveys_cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "ok  medicines.yaml" in result.output


def test_app_refuses_to_start_with_an_invalid_survey(tmp_path, monkeypatch):
    from bot import create_app

    _write(tmp_path, "broken", BROKEN["unknown_type"][0])
    with pytest.raises(SurveyError, match="broken.yaml: item 'q1': field 'type'"):
        create_app({"SURVEYS_DIR": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
