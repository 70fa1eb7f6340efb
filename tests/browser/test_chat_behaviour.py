"""What a person at the kiosk sees: back, reload, double taps, skip logic, idle reset."""
from sqlalchemy import select

from bot.extensions import db
from bot.models import Response

from .driver import current_item, open_survey, wait_for_next


def _stored(app) -> tuple[str, dict]:
    with app.app_context():
        response = db.session.scalars(select(Response)).one()
        return response.status, {a.item_name: a.value for a in response.answers}


def _tap(page, value: str) -> None:
    item = current_item(page)
    page.locator(f"#reply button[name=value][value={value}]").click()
    wait_for_next(page, item)


def test_skip_logic_shows_follow_up_only_when_it_applies(app, any_page):
    page = any_page
    open_survey(page, "medicines")
    _tap(page, "always")
    _tap(page, "no")
    assert current_item(page) == "told_what_for"  # no missed dose: no follow-up about it
    page.locator("button.back").click()
    wait_for_next(page, "told_what_for")
    _tap(page, "yes")
    assert current_item(page) == "missed_followed_up"


def test_back_changes_the_last_answer(app, any_page):
    page = any_page
    open_survey(page, "medicines")
    _tap(page, "sometimes")
    assert page.locator(".bubble.me").last.inner_text() == "Sometimes"
    page.locator("button.back").click()
    wait_for_next(page, "missed_dose")
    assert current_item(page) == "on_time"
    # The earlier choice is marked so the person can see what they said.
    assert "selected" in page.locator("#reply button[value=sometimes]").get_attribute("class")
    _tap(page, "never")
    assert page.locator(".bubble.me").last.inner_text() == "Never"
    assert _stored(app)[1] == {"on_time": "never"}


def test_reload_mid_conversation_resumes_it(app, any_page):
    page = any_page
    open_survey(page, "medicines")
    _tap(page, "mostly")
    _tap(page, "yes")
    page.reload()
    assert current_item(page) == "missed_followed_up"
    assert page.locator(".bubble.me").all_inner_texts() == ["Most of the time", "Yes"]
    page.goto("/")
    page.get_by_text("Carry on where you stopped").click()
    assert current_item(page) == "missed_followed_up"


def test_double_tap_stores_the_answer_once(app, js_page):
    page = js_page
    open_survey(page, "medicines")
    page.locator("#reply button[value=mostly]").dblclick()
    wait_for_next(page, "on_time")
    assert _stored(app)[1] == {"on_time": "mostly"}
    assert page.locator(".bubble.me").all_inner_texts() == ["Most of the time"]


def test_focus_moves_to_the_new_question(app, js_page):
    page = js_page
    open_survey(page, "medicines")
    _tap(page, "mostly")
    assert page.evaluate("document.activeElement.id") == "now"
    page.wait_for_function("document.getElementById('announce').textContent.length > 0")
    assert "miss a dose" in page.locator("#announce").inner_text()


def test_idle_warning_then_reset_clears_the_screen(app, js_page):
    page = js_page
    page.clock.install()
    open_survey(page, "medicines")
    _tap(page, "mostly")
    idle, warning = app.config["IDLE_SECONDS"], app.config["IDLE_WARNING_SECONDS"]
    assert warning >= 20

    page.clock.run_for(idle * 1000 + 500)
    dialog = page.locator("#idle-dialog")
    assert dialog.is_visible() and "Are you still there?" in dialog.inner_text()
    # The person is still there: the conversation carries on.
    page.locator("#idle-continue").click()
    assert not dialog.is_visible() and current_item(page) == "missed_dose"

    page.clock.run_for(idle * 1000 + 500)
    assert dialog.is_visible()
    with page.expect_navigation():
        page.clock.run_for(warning * 1000 + 1000)
    page.wait_for_url("**/")
    assert page.locator(".bubble").count() == 0
    assert "Most of the time" not in page.content()
    # Going back in the browser shows nothing of the last person either.
    page.go_back()
    assert "Most of the time" not in page.content()
    status, answers = _stored(app)
    assert status == Response.ABANDONED and answers == {"on_time": "mostly"}


def test_idle_reset_without_javascript(app, browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server)
    page = context.new_page()
    open_survey(page, "medicines")
    _tap(page, "mostly")
    refresh = page.locator("noscript").first.inner_html()
    assert f'content="{app.config["IDLE_SECONDS"]};url=/still-there"' in refresh
    page.goto("/still-there")
    assert "Are you still there?" in page.content()
    page.goto("/timed-out")
    assert page.locator(".bubble").count() == 0
    page.goto("/chat")
    assert "Most of the time" not in page.content()
    context.close()
    assert _stored(app) == (Response.ABANDONED, {"on_time": "mostly"})


def test_play_button_loads_the_question_audio(app, js_page):
    page = js_page
    open_survey(page, "medicines")
    page.locator("#now .play").click()
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    assert page.evaluate("document.getElementById('player').duration") > 0.3
    assert page.evaluate("document.getElementById('player').currentSrc").endswith(".ogg")


def test_every_choice_has_a_play_control(app, any_page):
    page = any_page
    open_survey(page, "medicines")
    choices = page.locator("#reply .choice-wrap")
    assert choices.count() == 5
    for index in range(choices.count()):
        assert choices.nth(index).locator(".play").count() == 1
