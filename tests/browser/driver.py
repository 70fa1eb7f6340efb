"""Answer whatever question the chat shows, the way a person would, and remember it."""
from __future__ import annotations

import random

from playwright.sync_api import Page

from .conftest import KIOSK_QUERY


def open_survey(page: Page, survey_id: str) -> None:
    """From the start page, tap the survey's picture button."""
    page.goto("/" + KIOSK_QUERY)
    page.locator(f"button[name=survey][value={survey_id}]").click()
    page.locator("#now").wait_for()
    if getattr(page, "javascript", False):
        page.locator("html.js").wait_for(state="attached")


def current_item(page: Page) -> str | None:
    """The item being asked, or None on the thank-you step."""
    return page.locator("#now").get_attribute("data-item")


def wait_for_next(page: Page, previous: str) -> None:
    """With JavaScript the page updates in place: wait until a new step shows."""
    if getattr(page, "javascript", False):
        page.wait_for_function(
            "prev => { const n = document.getElementById('now'); return n && n.dataset.item !== prev; }",
            arg=previous)
    page.locator("#now").wait_for()


def answer_current(page: Page, rng: random.Random):
    """Give a plausible answer to the current item; return (item, stored value)."""
    item = current_item(page)
    form = page.locator("#reply")
    kind = next(c[6:] for c in form.get_attribute("class").split() if c.startswith("reply-"))
    if kind in ("single", "yes_no", "scale"):
        buttons = form.locator("button[name=value]")
        button = buttons.nth(rng.randrange(buttons.count()))
        value = button.get_attribute("value")
        button.click()
    elif kind == "multi":
        boxes = form.locator("input[type=checkbox]")
        picks = sorted(rng.sample(range(boxes.count()), k=min(2, boxes.count())))
        for index in picks:
            boxes.nth(index).check()
        value = [boxes.nth(i).get_attribute("value") for i in picks]
        form.locator("button.send").click()
    elif kind == "number":
        field = form.locator("input[name=value]")
        low = int(field.get_attribute("data-min") or 0)
        high = int(field.get_attribute("data-max") or 10)
        value = rng.randint(low, min(high, low + 10))
        field.fill(str(value))
        form.locator("button.send").click()
    else:
        value = f"comment on {item}: the hatch queue was long (ł, ü, 😀)"
        form.locator("textarea[name=value]").fill(value)
        form.locator("button.send").click()
    wait_for_next(page, item)
    return item, value


def complete(page: Page, survey_id: str, seed: int) -> dict:
    """Answer every question of a survey; return item -> value as given."""
    rng = random.Random(seed)
    open_survey(page, survey_id)
    if getattr(page, "javascript", False):
        # Survives only if every later step updates this same document.
        page.evaluate("window.__sameDocument = true")
    given: dict = {}
    for _ in range(60):
        if current_item(page) is None:
            break
        item, value = answer_current(page, rng)
        assert item not in given, f"{item} was asked twice"
        given[item] = value
    return given
