"""Shared fixtures: one app and database per test session, emptied after each test.

The database is SQLite in a temporary folder, or PostgreSQL when
``TEST_DATABASE_URL`` is set.  The schema is built by the real Alembic
migrations, so every run also tests them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from bot import audio, create_app
from bot.config import PROJECT_DIR
from bot.extensions import db
from bot.translations import compile_all

from .helpers import KioskClient


def _fresh_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _built_models() -> dict:
    """The app's theme and risk models, trained once if missing or stale."""
    from bot.themes import store

    dirs = {}
    for kind in ("themes", "risk"):
        model_dir = Path(PROJECT_DIR / "instance" / "models" / kind)
        if not store.is_current(model_dir, kind):
            store.build(model_dir, kind)
        dirs[kind] = str(model_dir)
    return dirs


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The application, on a freshly migrated test database."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        _fresh_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    compile_all()  # the .mo files the app reads; cheap, and a test must not see stale ones
    models = _built_models()
    audio_dir = Path(PROJECT_DIR / "instance" / "audio")
    app = create_app({
        "TESTING": True,
        "THEMES_MODEL_DIR": models["themes"],
        "RISK_MODEL_DIR": models["risk"],
        "AUDIO_DIR": str(audio_dir),
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "test-secret",
        "KIOSK_SITE": "testsite",
        "KIOSK_UNIT": "a-wing",
        "KIOSK_ID": "k1",
    })
    with app.app_context():
        upgrade()
        audio.build(audio_dir, app.config["LANGUAGES"])  # only what is missing: quick once made
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _empty_tables(request):
    """Leave every test with empty tables (only when the test used the app)."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def kiosk(app):
    """A kiosk session driven over HTTP, the way a browser without JavaScript would."""
    return KioskClient(app.test_client())
