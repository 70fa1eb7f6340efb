"""The command-line contract other tools depend on: train, classify, evaluate."""
import json

import pytest
from flask.cli import ScriptInfo

from bot.themes.cli import themes_cli

SMALL = [
    ("meds late again at the hatch", ["medication"]),
    ("waited 6 weeks for the dentist", ["dental", "access_waiting"]),
    ("nurse was kind and sorted my tablets", ["praise", "medication"]),
    ("tooth is killing me and no dentist", ["dental"]),
    ("still no reply to my doctor app", ["access_waiting"]),
    ("the hatch queue takes an hour", ["medication"]),
    ("dentist was brilliant, thank you", ["dental", "praise"]),
    ("doctor appointment cancelled twice", ["access_waiting"]),
] * 4


@pytest.fixture
def run(app):
    """Invoke ``flask themes ...`` against the test app."""
    runner = app.test_cli_runner()

    def invoke(*args, input=None):
        return runner.invoke(themes_cli, list(args), input=input, obj=ScriptInfo(create_app=lambda: app))

    return invoke


@pytest.fixture
def small_data(tmp_path):
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"{t} ({i})", "labels": l}) for i, (t, l) in enumerate(SMALL)))
    return path


def test_train_uses_exactly_the_labels_in_the_file(run, small_data, tmp_path):
    result = run("train", "--data", str(small_data), "--out", str(tmp_path / "model"))
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "model" / "wingvoice.json").read_text())
    assert meta["labels"] == ["access_waiting", "dental", "medication", "praise"]
    assert meta["sentiment"] is False

    out = run("classify", "--model", str(tmp_path / "model"), input="the hatch queue again\n")
    line = json.loads(out.output)
    assert set(line["scores"]) == {"access_waiting", "dental", "medication", "praise"}


def test_train_reports_a_bad_file_by_line(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "labels": ["a"]}\nnot json\n')
    result = run("train", "--data", str(bad), "--out", str(tmp_path / "m"))
    assert result.exit_code != 0 and "line 2" in result.output


def test_classify_writes_one_object_per_line_in_order(run):
    comments = ["put 3 apps in to see the doctor, nothing back", "", "meds not given out again",
                "cant cope anymore, gonna end it tonight", "this wait is killing me"]
    result = run("classify", input="\n".join(comments) + "\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == len(comments)
    for line in lines:
        assert set(line) == {"themes", "scores", "sentiment", "risk"}
        assert set(line["risk"]) == {"urgent", "reasons"}
    assert lines[0]["themes"] and "access_waiting" in lines[0]["themes"]
    assert lines[1] == {"themes": [], "scores": {}, "sentiment": "unknown", "risk": {"urgent": False, "reasons": []}}
    assert "medication" in lines[2]["themes"]
    assert lines[3]["risk"]["urgent"] and "suicide" in lines[3]["risk"]["reasons"]
    assert lines[4]["risk"]["urgent"] is False
    assert lines[0]["sentiment"] in {"positive", "neutral", "negative", "mixed"}


def test_evaluate_prints_per_theme_and_summary_figures(run, tmp_path):
    data = tmp_path / "eval.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [
        {"text": "meds late again", "labels": ["medication"], "sentiment": "negative"},
        {"text": "waiting months for the dentist", "labels": ["dental", "access_waiting"], "sentiment": "negative"},
    ]))
    result = run("evaluate", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "medication" in result.output and "precision" in result.output
    assert "micro-F1" in result.output and "macro-F1" in result.output
    assert "risk recall" in result.output and "risk precision" in result.output


def test_reviewer_corrections_feed_training_and_evaluation(app, run, small_data, tmp_path):
    from bot.extensions import db
    from bot.models import Answer, Comment, CommentTheme, Response

    with app.app_context():
        response = Response(token="t", survey_id="medicines", survey_version=1, language="en",
                            site="s", unit="u", kiosk="k")
        answer = Answer(item_name="anything_else", item_type="text", value="x", turn="t1")
        response.answers.append(answer)
        comment = Comment(survey_id="medicines", item_name="anything_else", language="en", site="s",
                          unit="u", text="the gym instructor is sound")
        answer.comment = comment
        db.session.add(response)
        db.session.flush()
        db.session.add(CommentTheme(comment_id=comment.id, theme="praise", source=CommentTheme.REVIEWER))
        db.session.commit()

    result = run("train", "--data", str(small_data), "--out", str(tmp_path / "fixed"), "--with-corrections")
    assert result.exit_code == 0, result.output
    assert "including 1 corrected comment(s)" in result.output
    scored = run("evaluate", "--model", str(tmp_path / "fixed"), "--corrections")
    assert scored.exit_code == 0, scored.output
    assert "scoring against 1 reviewer-corrected comment(s)" in scored.output
    assert "praise" in scored.output and "macro-F1" in scored.output
