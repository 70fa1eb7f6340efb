"""gunicorn settings for the kiosk server (``gunicorn -c gunicorn.conf.py wsgi:app``)."""
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Threads let one worker overlap the waits on the database; processes use both cores.
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("WEB_THREADS", 4))
keepalive = 5
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"


def when_ready(server):
    """Tell whoever started the kiosk where to point the browser."""
    server.log.info("Wing Voice kiosk is ready: http://%s/", bind)
    print(f"\n  Wing Voice kiosk: http://{bind}/\n", flush=True)


def post_worker_init(worker):
    """Load the text models in each worker before it takes requests, so the
    first free-text answer on a kiosk is not the one that waits for them."""
    from bot.themes import store

    for key in ("THEMES_MODEL_DIR", "RISK_MODEL_DIR"):
        if key in worker.wsgi.config:  # not in bench/floor_app.py's bare Flask app
            store.load_built(worker.wsgi.config[key])
