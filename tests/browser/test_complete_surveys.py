"""Every questionnaire, completed in a real browser, with and without JavaScript."""
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.extensions import db
from bot.models import Answer, Response

from .driver import complete

SURVEYS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "surveys").glob("*.yaml"))


@pytest.mark.parametrize("survey_id", SURVEYS)
def test_complete_every_survey(app, any_page, survey_id):
    page = any_page
    mode = "js" if page.javascript else "no-js"
    given = complete(page, survey_id, seed=zlib.crc32(f"{survey_id}-{mode}".encode()))

    assert "Thank you" in page.locator("#now").inner_text()
    if page.javascript:
        assert page.evaluate("window.__sameDocument === true"), "a step reloaded the whole page"
    assert given, "no questions were answered"
    with app.app_context():
        response = db.session.scalars(select(Response)).one()
        assert (response.survey_id, response.site, response.unit) == (survey_id, "hmp-test", "womens-a")
        assert response.status == Response.COMPLETED
        stored = {a.item_name: a.value for a in response.answers}
        assert stored == given
        rows = db.session.scalar(select(func.count(Answer.id)).where(Answer.response_id == response.id))
        assert rows == len(given)  # each answer exactly once
