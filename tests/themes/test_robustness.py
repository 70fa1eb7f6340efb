"""Whatever people type, classification and risk checks never crash."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.safeguarding import detector
from bot.themes import store
from bot.themes.classifier import classify

MIXED = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
SCRIPTS = st.text(alphabet="abc ąęł ăîș ëç áéõ ưở ابت ۆێ ਅਬ \u200f\u202e\x00\x07\t\n\r😀", max_size=200)
TEXTS = st.one_of(MIXED, SCRIPTS, st.just(""), st.just(" " * 50), st.just("x" * 100_000),
                  st.just("\x00" * 1000), st.text(max_size=5))


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_random_input_never_crashes(app, texts):
    themes_nlp = store.load(app.config["THEMES_MODEL_DIR"])
    risk_nlp = store.load(app.config["RISK_MODEL_DIR"])
    results = classify(themes_nlp, texts)
    risks = detector.check(texts, risk_nlp)
    assert len(results) == len(risks) == len(texts)
    for text, result in zip(texts, results):
        if not text.strip():
            assert result.themes == [] and result.scores == {}
        assert all(0.0 <= s <= 1.0 for s in result.scores.values())
