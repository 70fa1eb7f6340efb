"""A failure in theme sorting or risk checking never loses an answer or the help message."""
from sqlalchemy import select

from bot.extensions import db
from bot.models import Alert, Comment, CommentTheme

from ..helpers import answers_by_item, only_response


def _to_free_text(kiosk):
    kiosk.start("medicines")
    kiosk.answer("no_medicines")
    assert kiosk.current_item == "anything_else"


def test_comment_is_themed_and_given_a_sentiment(app, kiosk):
    _to_free_text(kiosk)
    kiosk.answer("meds not given out again, hatch shut all weekend")
    with app.app_context():
        comment = db.session.scalars(select(Comment)).one()
        themes = {t.theme for t in db.session.scalars(select(CommentTheme))}
        assert "medication" in themes
        assert comment.sentiment in {"positive", "neutral", "negative", "mixed"}


def test_broken_models_still_save_and_still_show_help(app, kiosk, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.cfg").write_text("this is not a spaCy config")
    saved = {key: app.config[key] for key in ("THEMES_MODEL_DIR", "RISK_MODEL_DIR")}
    app.config.update(THEMES_MODEL_DIR=str(broken), RISK_MODEL_DIR=str(broken))
    try:
        _to_free_text(kiosk)
        resp = kiosk.answer("gonna kill myself tonight")
    finally:
        app.config.update(saved)
    assert resp.status_code == 200
    assert "Get help now" in kiosk.page and "116 123" in kiosk.page
    with app.app_context():
        assert answers_by_item(only_response())["anything_else"] == "gonna kill myself tonight"
        assert db.session.scalars(select(Alert)).one().reasons == ["suicide"]
        assert db.session.scalars(select(CommentTheme)).all() == []


def test_opting_in_to_contact_passes_the_pseudonymous_id_to_the_alert(app, kiosk):
    kiosk.start("medicines", "?respondent=A1234BC")
    kiosk.answer("no_medicines")
    kiosk.answer("been cutting again, cant stop")
    with app.app_context():
        assert db.session.scalars(select(Alert)).one().respondent_hash is None
    kiosk.post("/chat/contact", {"response": kiosk.fields()["response"], "contact": "yes"})
    assert "Staff will come and talk to you" in kiosk.page
    with app.app_context():
        alert = db.session.scalars(select(Alert)).one()
        assert alert.respondent_hash == only_response().respondent_hash and alert.respondent_hash
