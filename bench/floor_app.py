"""The least any chat turn must do in this stack, as a Flask app of its own.

Used by ``bench/stack_floor.py`` to measure the ceiling a chat turn could
reach on this machine: one turn here is a CSRF-checked form post that reads
the signed session cookie, stores the answer in its own transaction and
sends back the next question from a template, and nothing else (no survey,
no skip logic, no transcript, no translations, no risk check).
"""
from __future__ import annotations

import os
import secrets

from flask import Flask, render_template_string, request, session
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert

# The project's engine settings (WAL, busy timeout) come with this import.
import bot.extensions  # noqa: F401

QUESTION = """<form method="post" action="/floor/answer">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<input type="hidden" name="turn" value="{{ turn }}">
<p>{{ question }}</p><button name="value" value="yes">Yes</button>
</form>"""

metadata = MetaData()
answers = Table("floor_answers", metadata, Column("id", Integer, primary_key=True),
                Column("conversation", String(64)), Column("turn", String(64)), Column("value", String(64)))

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "bench")
CSRFProtect(app)
engine = create_engine(os.environ["DATABASE_URL"])
metadata.create_all(engine)


@app.get("/healthz")
def healthz():
    """The same bare endpoint as the kiosk's."""
    return "ok", 200, {"Content-Type": "text/plain"}


@app.get("/floor")
def first_question():
    """Open a conversation (in the session) and ask the first question."""
    session["conversation"] = secrets.token_urlsafe(16)
    return render_template_string(QUESTION, turn=secrets.token_urlsafe(12), question="First question?")


@app.post("/floor/answer")
def answer():
    """Store one answer in its own transaction and ask the next question."""
    with engine.begin() as connection:
        connection.execute(insert(answers).values(
            conversation=session["conversation"], turn=request.form["turn"], value=request.form["value"]))
    return render_template_string(QUESTION, turn=secrets.token_urlsafe(12), question="Next question?")
