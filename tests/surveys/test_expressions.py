"""The skip-logic language: what it accepts, what it means, what it refuses."""
import pytest

from bot.surveys.expressions import ExpressionError, parse


@pytest.mark.parametrize("source, answers, expected", [
    ("mood == 'poor'", {"mood": "poor"}, True),
    ("mood == 'poor'", {"mood": "good"}, False),
    ("mood != 'good'", {}, False),  # no answer compares false with everything
    ("not answered(mood) or mood != 'good'", {}, True),
    ("mood in ['poor', 'very_poor']", {"mood": "very_poor"}, True),
    ("mood not in ['poor', 'very_poor']", {"mood": "good"}, True),
    ("'late' in problems", {"problems": ["queue", "late"]}, True),
    ("'late' in problems", {"problems": ["queue"]}, False),
    ("problems in ['late', 'missed']", {"problems": ["queue", "missed"]}, True),
    ("nights >= 3 and nights <= 7", {"nights": 5}, True),
    ("nights >= 3 and nights <= 7", {"nights": 8}, False),
    ("nights > 'x'", {"nights": 3}, False),  # mismatched types are simply false
    ("(a == 'yes' or b == 'yes') and not c == 'no'", {"b": "yes", "c": "yes"}, True),
    ("answered(a)", {"a": "x"}, True),
    ("answered(a)", {}, False),
    ('a == "double quoted"', {"a": "double quoted"}, True),
    ("a == -1", {"a": -1}, True),
])
def test_evaluates_like_a_survey_author_expects(source, answers, expected):
    assert parse(source).evaluate(answers) is expected


def test_dot_is_the_answer_being_checked():
    constraint = parse(". >= 0 and . <= 7")
    assert constraint.evaluate({}, current=7)
    assert not constraint.evaluate({}, current=8)
    assert constraint.uses_current


def test_reports_names_it_reads():
    assert parse("a == 'x' or answered(b) or 'y' in c").names == {"a", "b", "c"}


@pytest.mark.parametrize("source", [
    "", "a ==", "a == 'unclosed", "(a == 'x'", "a = 'x'", "__import__('os')",
    "a.b == 1", "answered('a')", "a == 'x' b", "[1, 2", "a and or b", "1 +",
])
def test_refuses_what_it_cannot_read(source):
    with pytest.raises(ExpressionError):
        parse(source)


def test_never_runs_python():
    # Looks like a call to Python, but is only an unknown name compared with a list.
    with pytest.raises(ExpressionError):
        parse("exec('print(1)')")
