"""Read-aloud audio, made ahead of time with espeak-ng and served as static files.

``flask --app wsgi audio build`` speaks every survey text and the chat's own
key messages in every language that has an espeak-ng voice, encodes each as
Ogg Opus under ``instance/audio/`` named by a hash of voice and text (so a
clip is rebuilt only when its text changes), and writes a manifest the app
reads once per process.  Nothing is ever sent off the machine: languages with
no voice fall back to the browser's own local speech, or to nothing.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import threading
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
from babel.support import Translations
from flask import Blueprint, current_app, send_from_directory, url_for
from flask.cli import AppGroup
from flask_babel import get_locale, gettext
from markupsafe import Markup

from .config import PROJECT_DIR
from .kiosk.text import BUILTIN_LABELS
from .surveys import all_surveys

# espeak-ng voice per kiosk language; None where espeak-ng has none.
VOICES = {"en": "en-gb", "cy": "cy", "pl": "pl", "ro": "ro", "sq": "sq", "lt": "lt", "pt": "pt",
          "es": "es", "ar": "ar", "ur": "ur", "ckb": None, "pa": "pa", "vi": "vi"}
# Chat messages read aloud besides the survey texts.
UI_TEXTS = [
    "Thank you. Your answers are saved.",
    "You do not have to wait. Get help now.",
    "Press your cell bell or tell an officer now.",
    "Ask for a Listener. Listeners are trained to help.",
    "Call Samaritans free on 116 123 from your cell or wing phone. Calls are not recorded.",
    "Tell healthcare.",
    "Are you still there?",
]
MANIFEST = "manifest.json"

bp = Blueprint("audio", __name__)
audio_cli = AppGroup("audio", help="Read-aloud audio.")
_lock = threading.Lock()
_manifests: dict[str, dict] = {}


def audio_dir() -> Path:
    """Where clips and their manifest live."""
    return Path(current_app.config["AUDIO_DIR"])


def source_texts() -> list[str]:
    """Every English text the kiosk may read aloud, without repeats."""
    texts: list[str] = []
    for survey in all_surveys():
        texts.append(next(iter(survey.title.values())))
        for item in survey.items:
            for text in (item.easy or item.label, item.hint):
                if text:
                    texts.append(next(iter(text.values())))
            texts.extend(next(iter(c.label.values())) for c in item.choices if c.label)
    texts.extend(str(label) for label in BUILTIN_LABELS.values())
    texts.extend(UI_TEXTS)
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def _clip_name(voice: str, text: str) -> str:
    return hashlib.sha1(f"{voice}\0{text}".encode()).hexdigest()[:20] + ".ogg"


def _speak(voice: str, text: str, target: Path) -> float:
    """Synthesise ``text`` to ``target`` (Ogg Opus); return its length in seconds."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as wav:
        subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", wav.name, text],
                       check=True, capture_output=True)
        with wave.open(wav.name) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        subprocess.run(["opusenc", "--quiet", "--bitrate", "24", wav.name, str(target)],
                       check=True, capture_output=True)
    return round(seconds, 2)


def build(target: Path, languages: list[str]) -> dict:
    """Make every clip that is missing; return the manifest (language -> text -> clip)."""
    target.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(target)
    manifest: dict = {"_no_voice": []}
    jobs = []
    for language in languages:
        voice = VOICES.get(language)
        if voice is None:
            manifest["_no_voice"].append(language)
            continue
        translations = Translations.load(str(PROJECT_DIR / "locales"), [language])
        manifest[language] = {}
        for source in source_texts():
            text = translations.gettext(source) if language != "en" else source
            # An untranslated string is English: say it with the English voice.
            speaker = VOICES["en"] if (text == source and language != "en") else voice
            name = _clip_name(speaker, text)
            known = old.get(language, {}).get(text)
            if known and known["file"] == name and (target / name).exists():
                manifest[language][text] = known
            else:
                jobs.append((language, text, speaker, name))
    with ThreadPoolExecutor(max_workers=4) as pool:
        for (language, text, _, name), seconds in zip(jobs, pool.map(
                lambda job: _speak(job[2], job[1], target / job[3]), jobs)):
            manifest[language][text] = {"file": name, "seconds": seconds}
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=0, sort_keys=True))
    return manifest


def _read_manifest(directory: Path) -> dict:
    path = directory / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def clip_for(language: str, text: str) -> str | None:
    """The clip's file name for ``text`` in ``language``, or None (no voice, or not built)."""
    directory = str(audio_dir())
    with _lock:
        if directory not in _manifests:
            _manifests[directory] = _read_manifest(Path(directory))
    entry = _manifests[directory].get(language, {}).get(text)
    return entry["file"] if entry else None


@bp.get("/audio/<name>")
def clip(name: str):
    """Serve a clip; names are content hashes, so browsers may keep them for good."""
    return send_from_directory(audio_dir(), name, mimetype="audio/ogg", max_age=31536000)


@audio_cli.command("build")
def build_command() -> None:
    """Speak every survey and chat text in every language that has a voice."""
    for tool in ("espeak-ng", "opusenc"):
        if shutil.which(tool) is None:
            raise click.ClickException(f"{tool} is missing: run `make system` (Debian: espeak-ng, opus-tools)")
    languages = current_app.config["LANGUAGES"]
    manifest = build(audio_dir(), languages)
    for language in languages:
        if language in manifest["_no_voice"]:
            click.echo(f"{language:<5} no espeak-ng voice: the browser's own local voice is used if it has one")
        else:
            click.echo(f"{language:<5} {len(manifest[language])} clips")
    _manifests.clear()


def init_app(app) -> None:
    """Routes, the ``audio build`` command, and ``play(text)`` for templates."""
    app.register_blueprint(bp)
    app.cli.add_command(audio_cli)

    @app.context_processor
    def play_helper():
        language = str(get_locale() or "en")
        speaker = Markup('<img class="icon" src="{}" alt="" width="32" height="32">').format(
            url_for("static", filename="icons/speaker.svg"))
        listen = gettext("Listen")
        root = current_app.config["APPLICATION_ROOT"].rstrip("/")

        def play(text: str, recorded: dict | None = None) -> Markup:
            """A large "listen" control: the recorded or synthesised clip when there is
            one; otherwise a button the page script shows only if the browser has a
            local voice.  Python, not a macro: a chat page draws dozens."""
            if recorded and recorded.get(language):
                url = f"{current_app.static_url_path}/audio/recorded/{recorded[language]}"
            else:
                name = clip_for(language, str(text))
                url = f"{root}/audio/{name}" if name else None
            if url:
                return Markup('<a class="play" href="{0}" data-audio="{0}" aria-label="{1}" title="{1}">{2}</a>'
                              ).format(url, listen, speaker)
            return Markup('<button type="button" class="play" data-say="{0}" aria-label="{1}" title="{1}" '
                          'hidden>{2}</button>').format(text, listen, speaker)

        return {"play": play}
