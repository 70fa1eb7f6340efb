"""``flask translate ...``: keep the gettext catalogues in step with the code.

Messages come from three places: Python, Jinja templates and survey files
(through :mod:`bot.surveys.extract`).  Translators work on one ``.po`` file per
language under ``locales/``; ``.mo`` files are built, never committed.
"""
from __future__ import annotations

import io
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from flask.cli import AppGroup

from .config import PROJECT_DIR

LOCALES = PROJECT_DIR / "locales"
TEMPLATE = LOCALES / "messages.pot"
DOMAIN = "messages"
METHOD_MAP = [
    ("bot/**.py", "python"),
    ("bot/**/templates/**.html", "jinja2"),
    ("surveys/**.yaml", "bot.surveys.extract:extract_surveys"),
]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}

translate_cli = AppGroup("translate", help="Translation catalogues.")


def build_template() -> Catalog:
    """Extract every message from code, templates and surveys into a catalogue."""
    catalog = Catalog(project="Wing Voice", msgid_bugs_address="", charset="utf-8")
    found = extract_from_dir(str(PROJECT_DIR), METHOD_MAP, keywords=KEYWORDS,
                             comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # No line numbers or dates: the file changes only when the messages do.
    write_po(out, catalog, omit_header=False, include_lineno=False, sort_output=True, width=100)
    return out.getvalue()


def _messages(catalog: Catalog) -> set:
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}


def _shown(path: Path) -> str:
    """A path as people see it: relative to the locales folder's parent."""
    return str(path.relative_to(LOCALES.parent))


def languages() -> list[str]:
    """Languages that have a catalogue under ``locales/``."""
    return sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    """Where a language's catalogue lives."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@translate_cli.command("extract", with_appcontext=False)
def extract() -> None:
    """Write locales/messages.pot from the code, templates and surveys."""
    catalog = build_template()
    # A fixed date keeps the file unchanged until its messages change.
    catalog.creation_date = catalog.revision_date = datetime(2026, 1, 1, tzinfo=timezone.utc)
    LOCALES.mkdir(exist_ok=True)
    TEMPLATE.write_bytes(_po_bytes(catalog))
    click.echo(f"{len(catalog)} messages written to {_shown(TEMPLATE)}")


@translate_cli.command("init", with_appcontext=False)
@click.argument("language")
def init(language: str) -> None:
    """Start a catalogue for LANGUAGE from the template."""
    path = po_path(language)
    if path.exists():
        raise click.ClickException(f"{_shown(path)} already exists; use update")
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale=language, project="Wing Voice", charset="utf-8",
                      creation_date=template.creation_date, revision_date=template.creation_date)
    catalog.fuzzy = False
    for message in template:
        if message.id:
            catalog.add(message.id, "", auto_comments=message.auto_comments, context=message.context)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_po_bytes(catalog))
    click.echo(f"created {_shown(path)}")


@translate_cli.command("update", with_appcontext=False)
def update() -> None:
    """Bring every catalogue in line with the template (new, changed, obsolete messages)."""
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    for language in languages():
        path = po_path(language)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        path.write_bytes(_po_bytes(catalog))
        click.echo(f"updated {language}")


def compile_all() -> int:
    """Build the .mo file of every catalogue; return how many."""
    for language in languages():
        path = po_path(language)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
    return len(languages())


@translate_cli.command("compile", with_appcontext=False)
def compile_catalogues() -> None:
    """Build the .mo files the app reads."""
    click.echo(f"compiled {compile_all()} catalogue(s)")


@translate_cli.command("check", with_appcontext=False)
def check() -> None:
    """Fail when the template is stale or a catalogue has errors."""
    problems = []
    with TEMPLATE.open("rb") as handle:
        committed = read_po(handle)
    if _messages(committed) != _messages(build_template()):
        problems.append("locales/messages.pot is out of date: run `flask --app wsgi translate extract`")
    for language in languages():
        path = po_path(language)
        result = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", str(path)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{_shown(path)}: {result.stderr.strip()}")
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo(f"template up to date; {len(languages())} catalogue(s) pass msgfmt --check")


REVIEWED = LOCALES / "reviewed.txt"


def reviewed_languages() -> set[str]:
    """Languages a fluent speaker has checked, listed one per line in locales/reviewed.txt."""
    if not REVIEWED.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in REVIEWED.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def completeness(language: str) -> tuple[int, int, list[str]]:
    """(translated, total, untranslated msgids) for one catalogue."""
    with po_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages = [m for m in catalog if m.id]
    missing = [m.id for m in messages if not m.string or m.fuzzy]
    return len(messages) - len(missing), len(messages), missing


@translate_cli.command("status", with_appcontext=False)
def status() -> None:
    """Per language: how complete the catalogue is and whether a fluent speaker reviewed it."""
    reviewed = reviewed_languages()
    click.echo(f"{'language':<10}{'translated':>12}{'complete':>10}  reviewed by a fluent speaker")
    for language in languages():
        done, total, missing = completeness(language)
        click.echo(f"{language:<10}{done:>7}/{total:<4}{done / total:>10.0%}  "
                   f"{'yes' if language in reviewed else 'not yet'}")
        for msgid in missing[:5]:
            click.echo(f"          missing: {msgid[:70]!r}")
