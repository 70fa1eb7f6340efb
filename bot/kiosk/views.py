"""Kiosk routes: thin views that read the request, call the service, render."""
from __future__ import annotations

from flask import (Blueprint, abort, current_app, redirect, render_template, request,
                   session, url_for)
from flask_babel import gettext as _

from .. import comment_analysis
from ..surveys import all_surveys, get_survey
from . import service
from .answers import AnswerNotAccepted, BadAnswer
from .identity import BadKioskLabel, kiosk_from, respondent_hash

bp = Blueprint("kiosk", __name__, template_folder="templates")

# What belongs to the person at the screen (cleared when they leave), as
# opposed to the kiosk's own identity, which stays.
PERSON_KEYS = ("response", "lang", "respondent", "read_aloud")


@bp.after_request
def never_cache(response):
    """A shared kiosk must never show a previous person's page from the cache."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _kiosk():
    defaults = {"site": current_app.config["KIOSK_SITE"], "unit": current_app.config["KIOSK_UNIT"],
                "kiosk": current_app.config["KIOSK_ID"]}
    try:
        return kiosk_from(request.args, session.get("kiosk"), defaults)
    except BadKioskLabel as exc:
        abort(400, _("The kiosk address has a bad %(field)s.", field=str(exc)))


def _current_response():
    """The response this screen is working on, or None (expired ones are closed)."""
    response = service.find_response(session.get("response"))
    if response is None:
        return None
    if service.expire_if_stale(response, current_app.config["RESUME_WINDOW"]):
        _forget_person()
        return None
    return response


def _forget_person() -> None:
    for key in PERSON_KEYS:
        session.pop(key, None)


def _language() -> str:
    return session.get("lang") or current_app.config["BABEL_DEFAULT_LOCALE"]


@bp.get("/")
def start():
    """Choose a language and a questionnaire; the start URL may name the kiosk."""
    kiosk = _kiosk()
    session["kiosk"] = kiosk.as_dict()
    if request.args.get("respondent"):
        session["respondent"] = respondent_hash(request.args["respondent"], current_app.config["SECRET_KEY"])
    if request.args:
        # Drop the identifiers from the address bar and the browser history.
        return redirect(url_for("kiosk.start"))
    response = _current_response()
    resumable = response if response is not None and response.status == response.IN_PROGRESS else None
    surveys = [s for s in all_surveys() if s.offered_to(kiosk.site, kiosk.unit)]
    return render_template("kiosk/start.html", surveys=surveys, resumable=resumable,
                           languages=current_app.config["LANGUAGES"], language=_language())


@bp.get("/language")
def language_page():
    """Change language at any point; the conversation and its answers stay."""
    return render_template("kiosk/language.html", languages=current_app.config["LANGUAGES"],
                           language=_language(), back_to_chat=_current_response() is not None)


@bp.post("/language")
def choose_language():
    """Set the language for the rest of the visit; answers already given stay."""
    code = request.form.get("lang", "")
    if code not in current_app.config["LANGUAGES"]:
        abort(400, _("That language is not available."))
    session["lang"] = code
    session.permanent = True
    response = _current_response()
    if response is not None and request.form.get("next") == "chat":
        service.set_language(response, code)
        return redirect(url_for("kiosk.chat"))
    return redirect(url_for("kiosk.start"))


@bp.post("/start")
def start_survey():
    """Begin the chosen questionnaire."""
    kiosk = _kiosk()
    survey = get_survey(request.form.get("survey", ""))
    if survey is None or not survey.offered_to(kiosk.site, kiosk.unit):
        abort(404, _("That questionnaire is not available here."))
    previous = _current_response()
    if previous is not None:
        service.abandon(previous)
    response = service.start_response(survey, kiosk, _language(), session.get("respondent"))
    session["response"] = response.token
    session.permanent = True  # survives a kiosk reboot within the resume window
    return redirect(url_for("kiosk.chat"))


def _survey_of(response):
    """The survey a response belongs to; 410 if it has since been removed."""
    survey = get_survey(response.survey_id)
    if survey is None:
        abort(410, _("This questionnaire is no longer available."))
    return survey


def _render_chat(response, error: str | None = None, status: int = 200, acted_on: str | None = None):
    """The chat page; or, for the page script after an action on ``acted_on``,
    only what changed (the transcript from that item on, progress, controls)."""
    survey = _survey_of(response)
    state = service.conversation(response, survey)
    previous = None
    if state.current is not None:
        previous = next((a.value for a in response.answers if a.item_name == state.current.name), None)
    context = dict(survey=survey, response=response, state=state, turn=service.new_turn(), error=error,
                   previous=previous, support=comment_analysis.has_alert(response), first=0)
    if acted_on is not None and _from_page_script():
        # Items before the one acted on cannot have changed: relevance only
        # ever looks at earlier answers.
        context["first"] = state.steps_before(acted_on)
        return render_template("kiosk/chat_step.html", **context), status
    return render_template("kiosk/chat.html", **context), status


def _from_page_script() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@bp.get("/chat")
def chat():
    """The conversation so far and the question being asked now."""
    response = _current_response()
    if response is None:
        return redirect(url_for("kiosk.start"))
    return _render_chat(response)


def _posted_response():
    """The response a form names, which must be the one this screen is working on."""
    token = request.form.get("response", "")
    response = _current_response()
    if response is None or token != response.token:
        abort(403, _("This conversation is not open on this screen. Please start again."))
    return response


@bp.post("/chat/answer")
def answer():
    """Store one answer (or a skip) and show the next question."""
    response = _posted_response()
    survey = _survey_of(response)
    try:
        stored = service.record_answer(
            response, survey, request.form.get("item", ""), request.form.get("turn", ""),
            request.form.getlist("value"), request.form.get("action") == "skip",
            current_app.config["TEXT_MAX_CHARS"])
    except service.ChatError as exc:
        abort(exc.status, exc.message)
    except BadAnswer as exc:
        abort(400, str(exc))
    except AnswerNotAccepted as exc:
        return _render_chat(response, error=str(exc), status=422)
    # (The type first: asking a new choice answer for its comment would query for one.)
    if stored is not None and stored.item_type == "text" and stored.comment is not None \
            and stored.comment.for_themes:
        # Saved already; now risk (alert at once) and themes.
        comment_analysis.analyse(stored.comment, response)
    return _next_step(response, acted_on=request.form["item"])


def _next_step(response, acted_on: str | None):
    """After a change: the page script gets what changed at once; a plain
    form post is redirected, so reloading the page never sends it again."""
    if _from_page_script():
        return _render_chat(response, acted_on=acted_on)  # whole page when acted_on is None
    return redirect(url_for("kiosk.chat", _anchor="now"), code=303)


@bp.post("/chat/back")
def back():
    """Go back to change the previous answer."""
    response = _posted_response()
    survey = _survey_of(response)
    try:
        went_to = service.go_back(response, survey, request.form.get("item", ""))
    except service.ChatError as exc:
        abort(exc.status, exc.message)
    return _next_step(response, acted_on=went_to)


@bp.post("/chat/contact")
def contact_me():
    """The person asked staff to come and talk to them (after a risk message)."""
    response = _posted_response()
    if request.form.get("contact") != "yes":
        abort(400, _("Please use the button on the page."))
    service.opt_in_to_contact(response)
    comment_analysis.share_contact(response)
    return _next_step(response, acted_on=None)


@bp.post("/read-aloud")
def read_aloud():
    """Switch reading each new question aloud on or off (kept until the person leaves)."""
    session["read_aloud"] = not session.get("read_aloud", False)
    return redirect(url_for("kiosk.chat") if _current_response() else url_for("kiosk.start"), code=303)


@bp.post("/finish")
def finish():
    """Leave: keep what was answered, clear the screen for the next person."""
    response = _current_response()
    if response is not None:
        service.abandon(response)
    _forget_person()
    return redirect(url_for("kiosk.start"), code=303)


@bp.get("/still-there")
def still_there():
    """The idle warning for browsers without JavaScript."""
    return render_template("kiosk/still_there.html",
                           warning=current_app.config["IDLE_WARNING_SECONDS"])


@bp.get("/timed-out")
def timed_out():
    """Nobody answered the idle warning: close the conversation and clear the screen."""
    response = _current_response()
    if response is not None:
        service.abandon(response)
    _forget_person()
    return redirect(url_for("kiosk.start"))


@bp.get("/healthz")
def healthz():
    """A bare liveness check (and the benchmark's baseline)."""
    return "ok", 200, {"Content-Type": "text/plain"}
