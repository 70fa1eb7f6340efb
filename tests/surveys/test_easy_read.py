"""Easy Read: every English prompt is short, one idea, and readable at age 11."""
from pathlib import Path

import pytest
import textstat

from bot.config import icon_names
from bot.surveys.loader import load_surveys, survey_files

SURVEYS = load_surveys(survey_files(Path(__file__).resolve().parents[2] / "surveys"),
                       icon_names())
PROMPTS = [(f"{s.id}.{i.name}", (i.easy or i.label)["en"]) for s in SURVEYS.values() for i in s.items]
# The NHS Friends and Family Test wording is standard and stays exact; its
# Easy Read version is what the chat shows.
MAX_WORDS = 15
MAX_READING_AGE = 11


@pytest.mark.parametrize("where, text", PROMPTS, ids=[p[0] for p in PROMPTS])
def test_prompt_is_easy_read(where, text):
    assert len(text.split()) <= MAX_WORDS, f"{where}: {len(text.split())} words"
    # Flesch-Kincaid grade + 5 gives a reading age in years.
    age = textstat.flesch_kincaid_grade(text) + 5
    assert age <= MAX_READING_AGE, f"{where}: reading age {age:.1f}: {text!r}"


def test_long_standard_wording_has_an_easy_version():
    fft = SURVEYS["healthcare_experience"].item("fft")
    assert fft.label["en"] == "Overall, how was your experience of our service?"
    assert fft.easy is not None
