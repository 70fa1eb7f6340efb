"""Refuse request bodies the app cannot read faithfully, before anything parses them."""
from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Flask, abort, request
from flask_babel import gettext as _

FORM = "application/x-www-form-urlencoded"


def refuse_unreadable_forms():
    """Only plain UTF-8 forms may be posted.

    Werkzeug would quietly replace bad bytes with U+FFFD; an answer must be
    stored exactly as the person typed it, or not at all.  This runs before
    CSRF protection, which is the first thing to read the form.
    """
    if request.method not in ("POST", "PUT", "PATCH") or not request.content_length:
        return None
    if request.mimetype != FORM:
        abort(415, _("Please send the answer from the kiosk page."))
    raw = request.get_data(cache=True)
    try:
        parse_qsl(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        abort(400, _("Your answer could not be read. Please type it again."))
    return None


def init_app(app: Flask) -> None:
    """Install the guard; call before binding CSRF protection so it runs first."""
    app.before_request(refuse_unreadable_forms)
