"""Small builders for tests: a kiosk driven over HTTP, and database look-ups."""
from __future__ import annotations

import re
from html import unescape

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from bot.extensions import db
from bot.models import Answer, Response

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_FIELD = re.compile(r'name="(response|item|turn)" value="([^"]*)"')


class KioskClient:
    """Drives the kiosk with real requests, reading hidden fields from each page."""

    def __init__(self, client):
        self.client = client
        self._page = ""
        self._csrf = None
        self._fields: dict[str, str] = {}

    @property
    def page(self) -> str:
        return self._page

    @page.setter
    def page(self, html: str) -> None:
        # Error pages carry no form; keep the token from the last page that did.
        self._page = html
        match = _CSRF.search(html)
        if match:
            self._csrf = match.group(1)
        if 'id="reply"' in html:
            reply = html.split('id="reply"', 1)[1]
            self._fields = {k: unescape(v) for k, v in _FIELD.findall(reply)}

    def get(self, url: str = "/", **kwargs):
        resp = self.client.get(url, follow_redirects=True, **kwargs)
        self.page = resp.get_data(as_text=True)
        return resp

    @property
    def csrf(self) -> str:
        return self._csrf

    def fields(self) -> dict[str, str]:
        """The hidden fields of the last question form shown."""
        return dict(self._fields)

    @property
    def current_item(self) -> str | None:
        match = re.search(r'id="now" tabindex="-1" data-item="([^"]+)"', self.page)
        return match.group(1) if match else None

    def start(self, survey: str, query: str = ""):
        self.get("/" + query)
        return self.post("/start", {"survey": survey})

    def post(self, url: str, data, follow: bool = True, headers: dict | None = None):
        payload = data if isinstance(data, list) else list(data.items())
        payload = [("csrf_token", self.csrf), *payload] if self._csrf else payload
        resp = self.client.post(url, data=MultiDict(payload), follow_redirects=follow, headers=headers)
        if follow:
            self.page = resp.get_data(as_text=True)
        return resp

    def answer(self, *values: str, skip: bool = False, follow: bool = True, headers: dict | None = None,
               **overrides):
        fields = {**self.fields(), **overrides}
        data = list(fields.items()) + [("value", v) for v in values]
        if skip:
            data.append(("action", "skip"))
        return self.post("/chat/answer", data, follow=follow, headers=headers)

    def back(self, headers: dict | None = None):
        fields = self.fields()
        return self.post("/chat/back", {"response": fields["response"], "item": fields["item"]}, headers=headers)


def only_response() -> Response:
    """The single response in the database (fails if there is not exactly one)."""
    responses = db.session.scalars(select(Response)).all()
    assert len(responses) == 1, f"expected one response, found {len(responses)}"
    return responses[0]


def answer_count() -> int:
    """How many answers are stored altogether."""
    return db.session.scalar(select(func.count(Answer.id)))


def answers_by_item(response: Response) -> dict:
    """Item name -> stored value for one response."""
    db.session.refresh(response)
    return {a.item_name: a.value for a in response.answers}
