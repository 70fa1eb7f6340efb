"""How far below the bare endpoint even the leanest possible chat turn sits.

Serves ``bench/floor_app.py`` (a CSRF-checked form post that reads the
session, stores one row in its own transaction and renders the next
question, nothing more) under the project's gunicorn.conf.py, and measures
it beside the same server's bare ``/healthz`` exactly as
``bench/chat_turn.py`` measures the real chat: same clients, same
concurrency, same phases.  The ratio printed is the most a real chat turn,
which does all of that and more, could reach on this machine.

    .venv/bin/python bench/stack_floor.py [--kiosks 50] [--seconds 15]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import tempfile
import time
from pathlib import Path

import aiohttp

from chat_turn import CSRF, WARM_UP, bare, free_port, phase, start_server, summary

TURN = re.compile(r'name="turn" value="([^"]+)"')


async def floor_kiosk(base: str, stop: float, turns: list[float], errors: list) -> None:
    """One simulated kiosk answering the floor app's questions back to back."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        page = await (await http.get(f"{base}/floor")).text()
        while time.perf_counter() < stop:
            data = {"csrf_token": CSRF.search(page).group(1), "turn": TURN.search(page).group(1),
                    "value": "yes"}
            began = time.perf_counter()
            async with http.post(f"{base}/floor/answer", data=data) as resp:
                page = await resp.text()
                if resp.status != 200:
                    errors.append(resp.status)
                    return
            turns.append(time.perf_counter() - began)


async def run(base: str, kiosks: int, seconds: float):
    """The warm-up, then the bare and the leanest-turn phases; returns their samples and errors."""
    await phase(WARM_UP, kiosks, lambda stop: floor_kiosk(base, stop, [], []))
    await phase(WARM_UP, kiosks, lambda stop: bare(base, stop, [], []))
    bare_times: list[float] = []
    floor_times: list[float] = []
    errors: list = []
    await phase(seconds, kiosks, lambda stop: bare(base, stop, bare_times, errors), errors)
    await phase(seconds, kiosks, lambda stop: floor_kiosk(base, stop, floor_times, errors), errors)
    return bare_times, floor_times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        server = start_server(Path(workdir), port, None, app="bench.floor_app:app", migrate=False)
        try:
            bare_times, floor_times, errors = asyncio.run(
                run(f"http://127.0.0.1:{port}", args.kiosks, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{args.kiosks} simulated kiosks, {args.seconds:.0f} s per phase, gunicorn on {os.cpu_count()} cores")
    bare_rate, _ = summary("  bare /healthz", bare_times, args.seconds)
    floor_rate, _ = summary("  leanest turn", floor_times, args.seconds)
    print(f"  ratio leanest turn/s : bare req/s = {floor_rate / bare_rate:.2f}")
    print(f"errors: {len(errors)} {sorted(set(map(str, errors)))}")


if __name__ == "__main__":
    main()
