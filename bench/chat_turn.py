"""Chat-turn throughput and latency under gunicorn, beside a bare "ok" endpoint.

Starts the real server (gunicorn, gunicorn.conf.py) on a fresh SQLite
database on 127.0.0.1, then simulates N kiosks at once.  Each kiosk starts a
questionnaire and answers it turn by turn as the kiosk page script does: POST
the answer and receive the next question in the reply.  One turn = that round
trip.  In the
same run the same number of clients hammer ``/healthz``, which does no work.

Three phases of the same length against the same server:
1. flat out, bare: every client requests ``/healthz`` again the moment it gets
   an answer (the server's ceiling);
2. flat out, chat: every kiosk answers the next question at once (answers
   stored per second, compared with phase 1);
3. in use: each kiosk's person takes a few seconds to read and tap, as people
   do; the latency a person feels is measured here.
Targets: p95 < 50 ms in use, and flat-out answers/s at least a third of the
bare endpoint's requests/s.

    .venv/bin/python bench/chat_turn.py [--kiosks 50] [--seconds 15]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
FIELD = re.compile(r'name="(response|item|turn)" value="([^"]*)"')
CHOICE = re.compile(r'name="value" value="([^"]+)"')
NUMBER_MIN = re.compile(r'data-min="(-?\d+)"')
FETCH = {"X-Requested-With": "fetch"}
WARM_UP = 5.0
REPLY = re.compile(r'class="reply reply-(\w+)" id="reply"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workdir: Path, port: int, database_url: str | None, app: str = "wsgi:app",
                 migrate: bool = True) -> subprocess.Popen:
    """gunicorn with the project's gunicorn.conf.py serving ``app`` on 127.0.0.1:``port``."""
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{workdir / 'bench.db'}",
           "SECRET_KEY": "bench", "BIND": f"127.0.0.1:{port}"}
    bin_dir = Path(sys.executable).parent
    if migrate:
        subprocess.run([str(bin_dir / "flask"), "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
    server = subprocess.Popen([str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py", app],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def next_answer(page: str) -> list[tuple[str, str]] | None:
    """Form fields answering the current question, or None on the thank-you step."""
    kind = REPLY.search(page)
    if kind is None:
        return None
    reply = page[kind.end():].split("</form>", 1)[0]
    fields = FIELD.findall(reply)
    csrf = CSRF.search(reply).group(1)
    data = [("csrf_token", csrf), *fields]
    if kind.group(1) == "text":
        return data + [("value", "the hatch queue was long again today")]
    if kind.group(1) == "number":
        low = NUMBER_MIN.search(reply)
        return data + [("value", low.group(1) if low else "1")]
    return data + [("value", CHOICE.search(reply).group(1))]


async def kiosk(base: str, stop: float, turns: list[float], errors: list, survey: str,
                think: tuple[float, float] | None = None, rng: random.Random | None = None) -> None:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        page = await (await http.get(f"{base}/")).text()
        while time.perf_counter() < stop:
            start = await http.post(f"{base}/start", data={"csrf_token": CSRF.search(page).group(1),
                                                          "survey": survey})
            page = await start.text()
            while time.perf_counter() < stop:
                data = next_answer(page)
                if data is None:
                    break
                if think:
                    # A person reads the question and taps: seconds, not microseconds.
                    await asyncio.sleep(rng.uniform(*think))
                began = time.perf_counter()
                # As the page script does: the next step comes back in the reply.
                async with http.post(f"{base}/chat/answer", data=data, headers=FETCH) as resp:
                    page = await resp.text()
                    if resp.status != 200:
                        errors.append(resp.status)
                        return
                turns.append(time.perf_counter() - began)
            finish = await http.post(f"{base}/finish", data={"csrf_token": CSRF.search(page).group(1)})
            page = await finish.text()


async def bare(base: str, stop: float, times: list[float], errors: list) -> None:
    async with aiohttp.ClientSession() as http:
        while time.perf_counter() < stop:
            began = time.perf_counter()
            async with http.get(f"{base}/healthz") as resp:
                await resp.read()
                if resp.status != 200:
                    errors.append(resp.status)
                    return
            times.append(time.perf_counter() - began)


def summary(name: str, samples: list[float], seconds: float) -> tuple[float, float]:
    rate = len(samples) / seconds
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    print(f"{name:<22} {rate:9.1f} /s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (n={len(samples)})")
    return rate, p95


async def phase(seconds: float, clients: int, client, errors: list | None = None) -> None:
    """Run ``clients`` copies of ``client(stop)`` at once until ``seconds`` from now.

    A connection the server drops ends that client and goes into ``errors``
    (with the HTTP statuses the clients record), so it is reported, not hidden.
    """
    async def guarded(stop: float) -> None:
        try:
            await client(stop)
        except aiohttp.ClientError as exc:
            if errors is not None:
                errors.append(type(exc).__name__)

    stop = time.perf_counter() + seconds
    await asyncio.gather(*(guarded(stop) for _ in range(clients)))


async def run(base: str, kiosks: int, seconds: float, survey: str, think: tuple[float, float]):
    """The warm-up and the three phases; returns their samples and any error statuses."""
    # Warm-up, not measured: workers finish loading the text models and fill their caches.
    await phase(WARM_UP, kiosks, lambda stop: kiosk(base, stop, [], [], survey))
    bare_times: list[float] = []
    flat_out: list[float] = []
    in_use: list[float] = []
    errors: list = []
    await phase(seconds, kiosks, lambda stop: bare(base, stop, bare_times, errors), errors)
    await phase(seconds, kiosks, lambda stop: kiosk(base, stop, flat_out, errors, survey), errors)
    rng = random.Random(7)
    await phase(seconds, kiosks,
                lambda stop: kiosk(base, stop, in_use, errors, survey, think, rng), errors)
    return bare_times, flat_out, in_use, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--survey", default="medicines")
    parser.add_argument("--database-url", help="default: a fresh SQLite file; e.g. a local PostgreSQL")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
                        help="seconds a person takes to read and answer, in the in-use phase")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        server = start_server(Path(workdir), port, args.database_url)
        try:
            bare_times, flat_out, in_use, errors = asyncio.run(
                run(f"http://127.0.0.1:{port}", args.kiosks, args.seconds, args.survey, tuple(args.think)))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{args.kiosks} simulated kiosks, {args.seconds:.0f} s per phase, gunicorn on {os.cpu_count()} cores")
    print("flat out (every client sends its next request at once):")
    bare_rate, _ = summary("  bare /healthz", bare_times, args.seconds)
    turn_rate, _ = summary("  chat turn (answers)", flat_out, args.seconds)
    print(f"  ratio answers/s : bare req/s = {turn_rate / bare_rate:.2f}")
    print(f"in use (each kiosk's person takes {args.think[0]:g}-{args.think[1]:g} s per answer):")
    _, turn_p95 = summary("  chat turn (answers)", in_use, args.seconds)
    print(f"errors: {len(errors)} {sorted(set(map(str, errors)))}")
    print(f"target p95 < 50 ms in use: {'met' if turn_p95 < 50 else 'NOT met'}; "
          f"target ratio >= 0.33: {'met' if turn_rate / bare_rate >= 1 / 3 else 'NOT met'}")


if __name__ == "__main__":
    main()
