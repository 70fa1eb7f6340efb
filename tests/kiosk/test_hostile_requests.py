"""Malformed and hostile requests get a 4xx with a plain message and change nothing."""
import pytest

from ..helpers import answer_count, answers_by_item, only_response


@pytest.fixture
def mid_survey(app, kiosk):
    """A kiosk two answers into the medicines survey."""
    kiosk.start("medicines")
    kiosk.answer("always")
    kiosk.answer("no")
    with app.app_context():
        before = answers_by_item(only_response())
    return kiosk, before


def _unchanged(app, before):
    with app.app_context():
        assert answers_by_item(only_response()) == before


def _plain(resp, status, words):
    page = resp.get_data(as_text=True)
    assert resp.status_code == status, page[:500]
    assert words in page
    assert "Traceback" not in page and "werkzeug" not in page.lower()


def test_unknown_survey(kiosk):
    kiosk.get("/")
    _plain(kiosk.post("/start", {"survey": "no_such_survey"}), 404, "not available here")


def test_survey_not_offered_on_this_unit(kiosk):
    kiosk.get("/")
    _plain(kiosk.post("/start", {"survey": "womens_health"}), 404, "not available here")


def test_missing_fields(app, mid_survey):
    kiosk, before = mid_survey
    _plain(kiosk.post("/chat/answer", {"response": kiosk.fields()["response"]}), 400,
           "not part of this questionnaire")
    _plain(kiosk.post("/chat/answer", {}), 403, "not open on this screen")
    _unchanged(app, before)


def test_answer_for_an_item_that_is_not_current(app, mid_survey):
    kiosk, before = mid_survey
    _plain(kiosk.answer("yes", item="on_time", turn="new-turn"), 409, "already been answered")
    _plain(kiosk.answer("20", item="hatch_wait", turn="new-turn"), 409, "already been answered")
    _plain(kiosk.answer("x", item="welcome"), 400, "not part of this questionnaire")
    _unchanged(app, before)


def test_choice_that_does_not_exist(app, mid_survey):
    kiosk, before = mid_survey
    _plain(kiosk.answer("maybe"), 400, "not one of the choices")
    _plain(kiosk.answer("yes", "no"), 400, "choose one answer")
    _unchanged(app, before)


def test_huge_text_is_refused_before_it_is_read(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("no_medicines")
    _plain(kiosk.answer("x" * 100_000), 413, "too long")
    with app.app_context():
        assert answer_count() == 1


def test_text_over_the_answer_limit_is_asked_again(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("no_medicines")
    _plain(kiosk.answer("y" * (app.config["TEXT_MAX_CHARS"] + 1)), 422, "too long")
    with app.app_context():
        assert answer_count() == 1


def test_invalid_utf8(app, mid_survey):
    kiosk, before = mid_survey
    fields = kiosk.fields()
    body = "&".join(f"{k}={v}" for k, v in {**fields, "csrf_token": kiosk.csrf}.items())
    resp = kiosk.client.post("/chat/answer", data=body.encode() + b"&value=%ff%fe",
                             content_type="application/x-www-form-urlencoded")
    _plain(resp, 400, "could not be read")
    resp = kiosk.client.post("/chat/answer", data=body.encode() + b"&value=\xff\xfe",
                             content_type="application/x-www-form-urlencoded")
    _plain(resp, 400, "could not be read")
    _unchanged(app, before)


def test_forged_response_id(app, mid_survey):
    kiosk, before = mid_survey
    _plain(kiosk.answer("yes", response="forged-token-123"), 403, "not open on this screen")
    _plain(kiosk.post("/chat/back", {"response": "forged", "item": "told_what_for"}), 403,
           "not open on this screen")
    _unchanged(app, before)


def test_another_screens_response_cannot_be_answered(app, mid_survey, client):
    kiosk, before = mid_survey
    stolen = kiosk.fields()
    other = type(kiosk)(client)
    other.get("/")
    _plain(other.post("/chat/answer", {**stolen, "value": "yes"}), 403, "not open on this screen")
    _unchanged(app, before)


def test_missing_csrf_token(app, mid_survey):
    kiosk, before = mid_survey
    resp = kiosk.client.post("/chat/answer", data={**kiosk.fields(), "value": "yes"})
    _plain(resp, 400, "page has expired")
    _unchanged(app, before)


def test_not_a_form(app, mid_survey):
    kiosk, before = mid_survey
    resp = kiosk.client.post("/chat/answer", json={**kiosk.fields(), "value": "yes"})
    _plain(resp, 415, "from the kiosk page")
    _unchanged(app, before)


def test_bad_kiosk_label_in_start_url(kiosk):
    _plain(kiosk.client.get("/?site=<script>"), 400, "bad site")


def test_unknown_page_and_method(kiosk):
    _plain(kiosk.client.get("/admin.php"), 404, "did not work")
    _plain(kiosk.client.put("/chat/answer"), 405, "did not work")


def test_answering_a_finished_survey(app, kiosk):
    kiosk.start("medicines")
    kiosk.answer("no_medicines")
    fields = kiosk.fields()
    kiosk.answer(skip=True)
    assert "Thank you" in kiosk.page
    _plain(kiosk.post("/chat/answer", {**fields, "turn": "another", "value": "more"}), 409, "already ended")
