"""The chat over HTTP, as a browser without JavaScript uses it."""
from bot.extensions import db
from bot.models import Comment, Response

from ..helpers import answer_count, answers_by_item, only_response

WOMENS_KIOSK = "?site=hmp-test&unit=womens-a&kiosk=k7"


def test_start_page_offers_surveys_for_this_unit(kiosk):
    kiosk.get("/")
    assert "Your medicines" in kiosk.page
    assert "womens_health" not in kiosk.page
    kiosk.get("/" + WOMENS_KIOSK)
    assert "womens_health" in kiosk.page


def test_a_response_knows_its_survey_site_unit_and_kiosk(app, kiosk):
    kiosk.start("medicines", WOMENS_KIOSK)
    assert kiosk.current_item == "on_time"
    with app.app_context():
        response = only_response()
        assert (response.survey_id, response.survey_version) == ("medicines", 1)
        assert (response.site, response.unit, response.kiosk) == ("hmp-test", "womens-a", "k7")
        assert response.language == "en" and response.respondent_hash is None


def test_each_answer_is_stored_as_soon_as_it_is_given(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("sometimes")
    with app.app_context():
        assert answers_by_item(only_response()) == {"on_time": "sometimes"}
    kiosk.answer("yes")
    with app.app_context():
        assert answers_by_item(only_response()) == {"on_time": "sometimes", "missed_dose": "yes"}
    assert "2 of" in kiosk.page or "3 of" in kiosk.page


def test_skip_logic_hides_and_shows_items(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("no_medicines")
    # Everything about taking medicines is skipped: straight to the last question.
    assert kiosk.current_item == "anything_else"
    kiosk.get("/")
    kiosk.start("medicines")
    kiosk.answer("always")
    assert kiosk.current_item == "missed_dose"
    kiosk.answer("yes")
    assert kiosk.current_item == "missed_followed_up"  # only asked after a missed dose


def test_back_changes_an_answer_and_drops_what_no_longer_applies(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("always")
    kiosk.answer("yes")
    assert kiosk.current_item == "missed_followed_up"
    kiosk.back()
    assert kiosk.current_item == "missed_dose"
    kiosk.back()
    assert kiosk.current_item == "on_time"
    kiosk.answer("no_medicines")
    assert kiosk.current_item == "anything_else"
    with app.app_context():
        # missed_dose is no longer relevant, so it keeps no value.
        assert answers_by_item(only_response()) == {"on_time": "no_medicines"}


def test_a_double_submitted_answer_is_stored_once(app, kiosk):
    kiosk.start("healthcare_experience")
    fields = kiosk.fields()
    first = kiosk.answer(kiosk_choice := _first_choice(kiosk.page), follow=False)
    again = kiosk.client.post("/chat/answer", data={**fields, "csrf_token": kiosk.csrf,
                                                    "value": kiosk_choice})
    assert first.status_code == 303 and again.status_code == 303
    with app.app_context():
        assert answer_count() == 1


def test_reload_resumes_where_it_stopped(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("mostly")
    kiosk.get("/chat")
    assert kiosk.current_item == "missed_dose"
    assert "Most of the time" in kiosk.page  # the earlier answer is still shown
    kiosk.get("/")
    assert "Carry on where you stopped" in kiosk.page


def test_resume_window_closes_a_stale_response(app, kiosk):
    from datetime import timedelta

    kiosk.start("medicines")
    kiosk.answer("mostly")
    with app.app_context():
        response = only_response()
        response.updated_at -= app.config["RESUME_WINDOW"] + timedelta(minutes=1)
        db.session.commit()
    kiosk.get("/chat")
    assert kiosk.current_item is None and "What do you want to tell us about?" in kiosk.page
    with app.app_context():
        response = only_response()
        assert response.status == Response.ABANDONED
        assert answers_by_item(response) == {"on_time": "mostly"}


def test_a_partial_response_keeps_its_answers(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("mostly")
    kiosk.answer("no")
    kiosk.post("/finish", {})
    assert "What do you want to tell us about?" in kiosk.page
    with app.app_context():
        response = only_response()
        assert response.status == Response.ABANDONED and response.is_partial
        assert answers_by_item(response) == {"on_time": "mostly", "missed_dose": "no"}


def test_skip_is_stored_as_skipped_and_only_when_allowed(app, kiosk):
    kiosk.start("medicines")
    refused = kiosk.answer(skip=True)
    assert refused.status_code == 400 and "cannot be skipped" in kiosk.page
    kiosk.get("/chat")
    kiosk.answer("no_medicines")
    kiosk.answer(skip=True)  # anything_else is optional
    assert "Thank you" in kiosk.page
    with app.app_context():
        response = only_response()
        assert response.status == Response.COMPLETED and response.completed_at is not None
        assert answers_by_item(response) == {"on_time": "no_medicines", "anything_else": None}


def test_free_text_is_kept_as_a_comment(app, kiosk):
    kiosk.start("medicines", WOMENS_KIOSK)
    kiosk.answer("no_medicines")
    kiosk.answer("  meds hatch shut again\x00 today  ")
    with app.app_context():
        comment = db.session.scalars(db.select(Comment)).one()
        assert comment.text == "meds hatch shut again today"
        assert (comment.survey_id, comment.item_name, comment.site, comment.unit) == (
            "medicines", "anything_else", "hmp-test", "womens-a")
        assert comment.review_status == "new" and comment.for_themes


def test_a_constraint_asks_again_with_its_message(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("always")
    kiosk.answer("no")
    kiosk.answer("yes")
    kiosk.answer("none")
    assert kiosk.current_item == "hatch_wait"
    refused = kiosk.answer("500")
    assert refused.status_code == 422
    assert "from 0 to 240" in kiosk.page and kiosk.current_item == "hatch_wait"
    kiosk.answer("twenty")
    assert "whole number" in kiosk.page
    kiosk.answer("20")
    with app.app_context():
        assert answers_by_item(only_response())["hatch_wait"] == 20


def test_pseudonymous_id_is_stored_only_as_a_hash(app, kiosk):
    kiosk.start("medicines", "?respondent=A1234BC")
    with app.app_context():
        stored = only_response().respondent_hash
    assert stored and "A1234BC" not in stored and len(stored) == 64


def _first_choice(page: str) -> str:
    import re

    return re.search(r'class="choice[^"]*" name="value" value="([^"]+)"', page).group(1)


PAGE_SCRIPT = {"X-Requested-With": "fetch"}


def test_the_page_script_gets_only_what_changed(app, kiosk):
    kiosk.start("medicines")
    resp = kiosk.answer("always", headers=PAGE_SCRIPT)
    assert resp.status_code == 200
    step = kiosk.page
    assert "<html" not in step and 'id="step" data-first="1"' in step  # the welcome note stays
    assert 'data-step="1" data-item="on_time">Always</li>' in step  # the answer just given
    assert kiosk.current_item == "missed_dose" and 'id="progress"' in step
    assert "Some questions about your medicines." not in step
    # Back: the page keeps the welcome and drops the answer being changed.
    kiosk.back(headers=PAGE_SCRIPT)
    assert 'id="step" data-first="1"' in kiosk.page and "bubble me" not in kiosk.page
    assert kiosk.current_item == "on_time"
    with app.app_context():
        assert answers_by_item(only_response()) == {"on_time": "always"}
