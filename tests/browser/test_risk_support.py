"""A risk disclosure shows where to get help, in the person's language, in the same turn."""
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from bot.extensions import db
from bot.models import Alert, Answer

from .driver import current_item, open_survey, wait_for_next

LOCALES = Path(__file__).resolve().parents[2] / "locales"
HEADLINE = "You do not have to wait. Get help now."
SAMARITANS = "116 123"


def _translated(lang: str, message: str) -> str:
    if lang == "en":
        return message
    with open(LOCALES / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle).get(message).string


def _write(page, lang: str, text: str) -> None:
    if lang != "en":
        page.goto("/")
        page.locator(f"button[name=lang][value={lang}]").click()
    open_survey(page, "medicines")
    page.locator("#reply button[value=no_medicines]").click()
    wait_for_next(page, "on_time")
    assert current_item(page) == "anything_else"
    page.locator("#reply textarea").fill(text)
    page.locator("#reply button.send").click()
    wait_for_next(page, "anything_else")


@pytest.mark.parametrize("lang, text", [
    ("en", "i cant cope anymore, im going to end it tonight"),
    ("pl", "nie daję już rady, chcę się zabić"),
    ("ar", "لا أستطيع التحمل، أريد أن أقتل نفسي"),
])
def test_disclosure_shows_help_and_raises_an_alert(app, any_page, lang, text):
    page = any_page
    _write(page, lang, text)
    support = page.locator("#support")
    assert support.is_visible()
    assert _translated(lang, HEADLINE) in support.inner_text()
    assert SAMARITANS in support.inner_text()
    assert page.locator("html").get_attribute("lang") == lang
    with app.app_context():
        answer = db.session.scalars(select(Answer).where(Answer.item_name == "anything_else")).one()
        assert answer.value == text  # saved first, exactly as typed
        alert = db.session.scalars(select(Alert)).one()
        assert (alert.site, alert.unit, alert.kiosk) == ("hmp-test", "womens-a", "k9")
        assert alert.text == text and alert.reasons and alert.respondent_hash is None


def test_figure_of_speech_raises_nothing(app, js_page):
    _write(js_page, "en", "this wait is killing me")
    assert js_page.locator("#support").count() == 0
    with app.app_context():
        assert db.session.scalars(select(Alert)).all() == []
