"""Wing Voice: a chat survey kiosk for health feedback from people in prison."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, has_request_context, session

from . import audio, errors, i18n, icons, request_guard, surveys
from .config import from_environment
from .extensions import babel, csrf, db, migrate
from .kiosk import bp as kiosk_bp
from .surveys.cli import surveys_cli
from .themes.cli import themes_cli
from .translations import translate_cli


def _locale() -> str:
    """The person's chosen language, else the default (always, outside a request)."""
    return (session.get("lang") if has_request_context() else None) or "en"


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings from the environment, overridden by ``config``."""
    app = Flask(__name__, instance_path=str(Path(__file__).resolve().parent.parent / "instance"))
    app.config.from_mapping(from_environment(Path(app.instance_path)))
    if config:
        app.config.update(config)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    babel.init_app(app, locale_selector=_locale)
    request_guard.init_app(app)  # before CSRF, which reads the form
    csrf.init_app(app)
    surveys.init_app(app)
    errors.register(app)
    i18n.init_app(app)
    icons.init_app(app)
    audio.init_app(app)

    app.register_blueprint(kiosk_bp)
    app.cli.add_command(surveys_cli)
    app.cli.add_command(translate_cli)
    app.cli.add_command(themes_cli)
    return app
