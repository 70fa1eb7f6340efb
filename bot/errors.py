"""Error pages: a plain message in the person's language, never a stack trace."""
from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError


def _page(message: str, status: int):
    return render_template("errors/error.html", message=message, status=status), status


def register(app: Flask) -> None:
    """Install handlers that turn every error into a readable page."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _page(_("This page has expired. Please go back to the start and try again."), 400)

    @app.errorhandler(413)
    def too_large(error: HTTPException):
        return _page(_("That was too long to send. Please write less and try again."), 413)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code and error.code >= 500:
            return server_error(error)
        # Our own aborts carry a sentence written for the person; Werkzeug's
        # defaults are written for developers, so replace those.
        default = type(error).description
        message = error.description if error.description != default else _("Sorry, that did not work.")
        return _page(message, error.code or 400)

    @app.errorhandler(InternalServerError)
    def server_error(error):
        return _page(_("Sorry, something went wrong. Your answers so far are saved."), 500)
