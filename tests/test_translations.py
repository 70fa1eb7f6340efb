"""The translation check fails on a stale template or a broken catalogue; gaps are reported."""
import shutil

import pytest
from click.testing import CliRunner

from bot import translations
from bot.translations import translate_cli


@pytest.fixture
def locales_copy(tmp_path, monkeypatch):
    """A temporary copy of locales/, which the commands then work on."""
    copy = tmp_path / "locales"
    shutil.copytree(translations.LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(translations, "LOCALES", copy)
    monkeypatch.setattr(translations, "TEMPLATE", copy / "messages.pot")
    monkeypatch.setattr(translations, "REVIEWED", copy / "reviewed.txt")
    return copy


def _run(*args):
    return CliRunner().invoke(translate_cli, list(args))


def test_shipped_catalogues_pass_the_check():
    result = _run("check")
    assert result.exit_code == 0, result.output


def test_stale_template_fails_the_check(locales_copy):
    pot = locales_copy / "messages.pot"
    text = pot.read_text(encoding="utf-8")
    pot.write_text(text.replace('msgid "Stop"\nmsgstr ""\n', ""), encoding="utf-8")
    result = _run("check")
    assert result.exit_code == 1 and "out of date" in result.output


def test_broken_catalogue_fails_the_check(locales_copy):
    po = locales_copy / "pl" / "LC_MESSAGES" / "messages.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    # A python-format placeholder lost in translation.
    index = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and "%(max)d" in line)
    lines[index] = lines[index].replace("%(max)d", "")
    broken = "".join(lines)
    po.write_text(broken, encoding="utf-8")
    result = _run("check")
    assert result.exit_code == 1 and "pl/LC_MESSAGES/messages.po" in result.output


def test_every_language_is_complete_and_marked_unreviewed():
    result = _run("status")
    assert result.exit_code == 0
    for language in translations.languages():
        done, total, missing = translations.completeness(language)
        assert missing == [], f"{language} is missing {missing[:3]}"
    assert "not yet" in result.output


def test_status_reports_a_gap(locales_copy):
    po = locales_copy / "cy" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgid "Stop"\nmsgstr "Stopio"', 'msgid "Stop"\nmsgstr ""'),
                  encoding="utf-8")
    done, total, missing = translations.completeness("cy")
    assert "Stop" in missing
    assert "missing: 'Stop'" in _run("status").output
