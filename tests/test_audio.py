"""Read-aloud clips: one playable file per text per language with a voice, rebuilt only on change."""
import os

from bot import audio


def test_every_text_has_a_playable_clip_in_every_voiced_language(app):
    with app.app_context():
        manifest = audio._read_manifest(audio.audio_dir())
        directory = audio.audio_dir()
        sources = audio.source_texts()
    voiced = [lang for lang in app.config["LANGUAGES"] if audio.VOICES.get(lang)]
    assert manifest["_no_voice"] == ["ckb"]
    for lang in voiced:
        clips = manifest[lang]
        # One clip per distinct text; two English sources may share a translation.
        assert len(clips) >= len(sources) - 3, lang
        for text, clip in clips.items():
            path = directory / clip["file"]
            data = path.read_bytes()
            assert data[:4] == b"OggS" and len(data) > 1000, (lang, text)
            assert 0.3 <= clip["seconds"] <= 30, (lang, text, clip["seconds"])


def test_clips_are_rebuilt_only_when_their_text_changes(app, tmp_path):
    with app.app_context():
        first = audio.build(tmp_path, ["en"])
        stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.ogg")}
        assert len(stamps) == len(first["en"])
        again = audio.build(tmp_path, ["en"])
    assert again["en"] == first["en"]
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.ogg")} == stamps


def test_clip_is_served_as_audio(app, client):
    with app.app_context():
        name = audio.clip_for("pl", "Tak")
    assert name
    response = client.get(f"/audio/{name}")
    assert response.status_code == 200 and response.mimetype == "audio/ogg"
    assert client.get("/audio/../secret_key").status_code == 404
    assert os.path.basename(name) == name
