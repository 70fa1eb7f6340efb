"""``flask themes ...``: train, classify, evaluate and build the text models.

Other tools depend on these exact options and output shapes.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from ..safeguarding import detector
from . import store
from .classifier import classify as classify_texts
from .corrections import corrected_records, merge
from .data import DataError, read_jsonl, read_many
from .evaluation import label_scores, risk_scores
from .training import train_model

themes_cli = AppGroup("themes", help="Theme sorting and risk detection for free text.")
CHUNK = 1000


def _model_dir(option: Path | None, lang: str | None = None) -> Path:
    """The model to use: --model (or its per-language subfolder), else the app's own."""
    base = option or Path(current_app.config["THEMES_MODEL_DIR"])
    if lang and store.is_built(base / lang):
        return base / lang
    if not store.is_built(base):
        raise click.ClickException(f"no trained model in {base}: run `flask --app wsgi themes build`")
    return base


def risk_model():
    """The app's risk classifier, or None when it has not been built (patterns still run)."""
    return store.load_built(current_app.config["RISK_MODEL_DIR"])


@themes_cli.command("train")
@click.option("--data", "data", required=True, multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Labelled JSONL; give it more than once to combine files.")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True)
@click.option("--with-corrections", is_flag=True, help="Add the themes reviewers corrected on the dashboard.")
def train(data: tuple[Path, ...], out: Path, seed: int, with_corrections: bool) -> None:
    """Train a theme model on the labels found in --data and save it to --out."""
    try:
        records = read_many(list(data))
    except DataError as exc:
        raise click.ClickException(str(exc))
    if with_corrections:
        fixes = corrected_records()
        records = merge(records, fixes)
        click.echo(f"including {len(fixes)} corrected comment(s)")
    summary = train_model(records, out, seed=seed)
    click.echo(f"trained on {summary['train']} texts (and {summary['dev']} held back to tune "
               f"thresholds), {len(summary['labels'])} labels, "
               f"sentiment {'yes' if summary['sentiment'] else 'no'}, {summary['seconds']} s -> {out}")


@themes_cli.command("classify")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--lang", help="Language of the input; picks DIR/LANG when the model has one per language.")
def classify(model: Path | None, lang: str | None) -> None:
    """Read comments from stdin, one a line; write one JSON object a line."""
    nlp = store.load(_model_dir(model, lang))
    risk_nlp = risk_model()
    stream = sys.stdin.buffer
    out = sys.stdout
    while True:
        lines = [raw.decode("utf-8", errors="replace").rstrip("\r\n") for raw in _take(stream, CHUNK)]
        if not lines:
            break
        themes = classify_texts(nlp, lines)
        risks = detector.check(lines, risk_nlp)
        for theme, risk in zip(themes, risks):
            out.write(json.dumps({"themes": theme.themes, "scores": theme.scores,
                                  "sentiment": theme.sentiment or "unknown", "risk": risk.as_dict()},
                                 ensure_ascii=False) + "\n")
        out.flush()


def _take(stream, count: int) -> list[bytes]:
    lines = []
    for _ in range(count):
        line = stream.readline()
        if not line:
            break
        lines.append(line)
    return lines


@themes_cli.command("evaluate")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corrections", is_flag=True,
              help="Score against the reviewers' corrections instead of (or as well as) --data.")
def evaluate(model: Path | None, data: Path | None, corrections: bool) -> None:
    """Per-theme precision/recall/F1/support, micro and macro F1, and risk recall/precision."""
    if data is None and not corrections:
        raise click.UsageError("give --data FILE, --corrections, or both")
    try:
        records = read_jsonl(data) if data else []
    except DataError as exc:
        raise click.ClickException(str(exc))
    if corrections:
        fixes = corrected_records()
        click.echo(f"scoring against {len(fixes)} reviewer-corrected comment(s)")
        records = records + fixes
    nlp = store.load(_model_dir(model))
    labels = nlp.get_pipe("labels").labels
    started = time.perf_counter()
    results = classify_texts(nlp, [r["text"] for r in records])
    rows, micro, macro = label_scores([set(r["labels"]) for r in records],
                                      [set(x.themes) for x in results], list(labels))
    click.echo(f"{'theme':<24}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    for row in rows:
        click.echo(f"{row.label:<24}{row.precision:>10.3f}{row.recall:>8.3f}{row.f1:>8.3f}{row.support:>9}")
    click.echo(f"micro-F1 {micro:.3f}   macro-F1 {macro:.3f}   ({len(records)} texts, "
               f"{len(records) / max(time.perf_counter() - started, 1e-9):.0f} texts/s)")
    with_sentiment = [(r["sentiment"], x.sentiment) for r, x in zip(records, results) if r.get("sentiment")]
    if with_sentiment and results and results[0].sentiment is not None:
        accuracy = sum(g == p for g, p in with_sentiment) / len(with_sentiment)
        click.echo(f"sentiment accuracy {accuracy:.3f} ({len(with_sentiment)} texts)")
    risk_records = [r for r in records if "urgent" in r]
    source = data.name if data else "corrections"
    if not risk_records:
        risk_records = read_many(sorted((store.DATA_DIR / "risk" / "heldout").glob("*.jsonl")))
        source = "the shipped risk held-out split"
    flagged = detector.check([r["text"] for r in risk_records], risk_model())
    recall, precision, urgent = risk_scores([bool(r["urgent"]) for r in risk_records], [f.urgent for f in flagged])
    click.echo(f"risk recall {recall:.3f}   risk precision {precision:.3f}   "
               f"({urgent} urgent of {len(risk_records)}, {source})")


@themes_cli.command("build")
@click.option("--force", is_flag=True, help="Retrain even when the models are up to date.")
def build(force: bool) -> None:
    """Train the app's theme and risk models from data/ unless they are current."""
    for kind, key in (("themes", "THEMES_MODEL_DIR"), ("risk", "RISK_MODEL_DIR")):
        model_dir = Path(current_app.config[key])
        if not force and store.is_current(model_dir, kind):
            click.echo(f"{kind} model is up to date")
            continue
        summary = store.build(model_dir, kind)
        click.echo(f"{kind} model trained in {summary['seconds']} s on {summary['train']} texts")
