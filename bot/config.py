"""Configuration, read from the environment with safe local defaults."""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
ICONS_DIR = PACKAGE_DIR / "static" / "icons"


def icon_names() -> set[str]:
    """The pictures shipped under ``static/icons`` (names without ``.svg``)."""
    return {p.stem for p in ICONS_DIR.glob("*.svg")}


def default_surveys_dir() -> Path:
    """Where questionnaires live: ``SURVEYS_DIR`` or the project's ``surveys/``."""
    return Path(os.environ.get("SURVEYS_DIR") or PROJECT_DIR / "surveys")


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _secret_key(instance_path: Path) -> str:
    """``SECRET_KEY`` from the environment, else one kept in ``instance/``.

    Every gunicorn worker must sign sessions with the same key, so a random key
    is made once and stored rather than made per process.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def from_environment(instance_path: Path) -> dict:
    """Build the app's settings from environment variables."""
    resume_minutes = _int("RESUME_MINUTES", 120)
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance_path / 'wingvoice.db'}"),
        "SURVEYS_DIR": str(default_surveys_dir()),
        # Where this kiosk is, when its start URL does not say.
        "KIOSK_SITE": os.environ.get("KIOSK_SITE", "local"),
        "KIOSK_UNIT": os.environ.get("KIOSK_UNIT", "main"),
        "KIOSK_ID": os.environ.get("KIOSK_ID", "kiosk"),
        # Idle time before "Are you still there?", then time to answer it
        # (WCAG 2.2.1 asks for at least 20 seconds).
        "IDLE_SECONDS": _int("IDLE_SECONDS", 120),
        "IDLE_WARNING_SECONDS": max(20, _int("IDLE_WARNING_SECONDS", 30)),
        "RESUME_WINDOW": timedelta(minutes=resume_minutes),
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=resume_minutes),
        "TEXT_MAX_CHARS": _int("TEXT_MAX_CHARS", 4000),
        # Whole requests above this are refused with 413 before they are read.
        "MAX_CONTENT_LENGTH": _int("MAX_CONTENT_LENGTH", 64 * 1024),
        # Interface languages, in the order the start page lists them.
        # Trained text models, built by `flask themes build` (not committed).
        "THEMES_MODEL_DIR": os.environ.get("THEMES_MODEL_DIR", str(instance_path / "models" / "themes")),
        "RISK_MODEL_DIR": os.environ.get("RISK_MODEL_DIR", str(instance_path / "models" / "risk")),
        "AUDIO_DIR": os.environ.get("AUDIO_DIR", str(instance_path / "audio")),
        "LANGUAGES": os.environ.get("LANGUAGES", "en cy pl ro sq lt pt es ar ur ckb pa vi").split(),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_DIR / "locales"),
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        # The resume window is enforced on the server; re-signing the cookie
        # on every answer would only cost time.
        "SESSION_REFRESH_EACH_REQUEST": False,
        # The CSRF token lives as long as the kiosk session it belongs to.
        "WTF_CSRF_TIME_LIMIT": None,
    }
