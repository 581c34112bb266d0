"""Benchmark the main pages against a real gunicorn, relative to /healthz/.

Absolute numbers depend on the machine; the ratio of a page's throughput to
that of /healthz/ (a single database round trip, measured in the same run) is
what the targets are stated in.

    python bench/run.py [--scale N] [--requests N] [--concurrency N]

Uses DATABASE_URL when set (PostgreSQL), otherwise a fresh SQLite file.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    username: str | None  # None: anonymous
    # Minimum throughput as a fraction of /healthz/; None: measured, no target yet.
    target_ratio: float | None = None
    cell_save: bool = False  # POST matrix cell saves instead of GETs
    post: bool = False  # an empty POST with the CSRF token


# Each suite runs on its own demo data: the register at scale 20 (about 500
# people), the matrix at scale 6 (about 150 tasks x 40 roles), the KPIs at
# scale 7 (56 KPIs, most with 36 monthly measurements).
SUITES = {
    "register": (
        20,
        [
            Page("healthz", "/healthz/", None),
            Page("dashboard", "/", "manager", target_ratio=0.2),
            Page("people list", "/organisatie/personen/", "manager", target_ratio=0.3),
            Page("risk report", "/organisatie/borging/", "manager", target_ratio=0.3),
            # The latest demo round: about 200 responses at this scale.
            Page("maturity results", "/volwassenheid/4/resultaten/", "manager", target_ratio=0.25),
        ],
    ),
    "matrix": (
        6,
        [
            Page("healthz", "/healthz/", None),
            Page("matrix grid", "/beheermatrix/", "manager", target_ratio=0.25),
            # The floor for any save: an authenticated POST that does nothing.
            Page("no-op POST", "/bench/noop/", "manager", post=True),
            Page("cell save", "/beheermatrix/cel/", "manager", target_ratio=0.5, cell_save=True),
            Page("rights grid", "/beheermatrix/autorisaties/", "manager", target_ratio=0.25),
        ],
    ),
    "kpi": (
        7,
        [
            Page("healthz", "/healthz/", None),
            Page("kpi dashboard", "/kpi/", "manager", target_ratio=0.25),
            Page("factor list", "/kpi/succesfactoren/", "manager"),
            Page("channels", "/kpi/kanalen/", "manager"),
        ],
    ),
}
DEMO_PASSWORD = "beheer-demo"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict, *args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def _wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not come up")


def _log_in(port: int, username: str) -> str:
    """Return a Cookie header value for a logged-in session."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/login/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urlencode(
        {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token}
    )
    conn.request(
        "POST",
        "/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie", ""))
    if response.status != 302 or not session:
        raise SystemExit(f"could not log in as {username}")
    return f"sessionid={session.group(1)}; csrftoken={csrf_cookie}"


def _cell_targets(port: int, cookie: str, count: int) -> list[dict]:
    """One matrix cell per client, with the value it holds now."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/beheermatrix/matrix.json", headers={"Cookie": cookie})
    matrix = json.loads(conn.getresponse().read())
    role = matrix["roles"][-1]["id"]
    targets = []
    for activity in matrix["activities"][:count]:
        code = matrix["codes"].get(str(activity["id"]), {}).get(str(role), "")
        targets.append({"activity": activity["id"], "role": role, "expected": code})
    return targets


def _measure(port: int, page: Page, cookie: str, requests: int, concurrency: int):
    latencies: list[float] = []
    errors = []
    lock = threading.Lock()
    per_worker = requests // concurrency
    headers = {"Cookie": cookie} if cookie else {}
    targets = _cell_targets(port, cookie, concurrency) if page.cell_save else []
    if page.cell_save or page.post:
        csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        headers = {
            **headers,
            "X-CSRFToken": csrf,
            "Content-Type": "application/x-www-form-urlencoded",
        }

    def request(conn, target):
        if page.post:
            conn.request("POST", page.path, body="", headers=headers)
            return
        if not page.cell_save:
            conn.request("GET", page.path, headers=headers)
            return
        # Toggle the cell between "I" and empty, saying what it holds now.
        code = "" if target["expected"] == "I" else "I"
        body = urlencode({**target, "code": code})
        conn.request("POST", page.path, body=body, headers=headers)
        target["expected"] = code

    def worker(target):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(per_worker):
            start = time.perf_counter()
            request(conn, target)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            refused = response.getheader("X-Cell-Saved") == "false"
            if response.status != 200 or refused:
                errors.append(response.status)
        with lock:
            latencies.extend(mine)

    if not (page.cell_save or page.post):
        for _ in range(10):  # warm up caches and connections
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            warm.request("GET", page.path, headers=headers)
            warm.getresponse().read()
    threads = [
        threading.Thread(target=worker, args=(targets[i] if targets else None,))
        for i in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{page.name}: {len(errors)} responses failed ({errors[:3]})")
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=[*SUITES, "all"], default="all")
    parser.add_argument("--scale", type=int, help="override the suites' demo scale")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="measure every page this often; report the median"
    )
    args = parser.parse_args()
    suites = list(SUITES) if args.suite == "all" else [args.suite]

    workdir = Path(tempfile.mkdtemp(prefix="beheer-bench-"))
    env = {
        **os.environ,
        # The app's settings plus the bench-only no-op address (bench/floor_urls.py).
        "DJANGO_SETTINGS_MODULE": "bench.floor_settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-" + "b" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    shared_database = "DATABASE_URL" in os.environ
    missed = []
    try:
        _manage(env, "collectstatic", "--noinput")
        for suite in suites:
            scale, pages = SUITES[suite]
            scale = args.scale or scale
            if shared_database:
                _manage(env, "migrate", "--noinput")
                _manage(env, "flush", "--noinput")  # loaddemo recreates the defaults
            else:
                env["DATABASE_URL"] = f"sqlite:///{workdir / f'{suite}.sqlite3'}"
            database = env["DATABASE_URL"].split(":", 1)[0]
            print(f"\n== {suite}: preparing {database}, demo data at scale {scale}", flush=True)
            _manage(env, "migrate", "--noinput")
            _manage(env, "loaddemo", f"--scale={scale}")
            missed += _run_pages(env, pages, args, f"{suite}, {database}, scale {scale}")
            if suite == "matrix":
                excel = subprocess.run([PYTHON, "bench/excel_bench.py"], cwd=ROOT, env=env)
                if excel.returncode:
                    missed.append("excel")
            if suite == "kpi":
                upload = subprocess.run([PYTHON, "bench/kpi_bench.py"], cwd=ROOT, env=env)
                if upload.returncode:
                    missed.append("volume upload")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if missed:
        print(f"\nMissed targets: {', '.join(missed)}")
    return 1 if missed else 0


def _run_pages(env: dict, pages: list[Page], args, label: str) -> list[str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "beheer.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_until_up(port)
        cookies = {None: ""}
        rounds: dict[str, list[dict]] = {page.name: [] for page in pages}
        # Rounds interleave the pages, so a slow moment of the machine hits all alike.
        for _round in range(args.rounds):
            for page in pages:
                if page.username not in cookies:
                    cookies[page.username] = _log_in(port, page.username)
                rounds[page.name].append(
                    _measure(port, page, cookies[page.username], args.requests, args.concurrency)
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    results = {
        name: {key: statistics.median(r[key] for r in measured) for key in measured[0]}
        for name, measured in rounds.items()
    }
    baseline = results["healthz"]["rps"]
    print(
        f"median of {args.rounds} rounds of {args.requests} requests per page, "
        f"{args.concurrency} clients, {args.workers} gunicorn workers, {label}\n"
    )
    print(f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  target")
    missed = []
    for page in pages:
        result = results[page.name]
        ratio = result["rps"] / baseline
        if page.target_ratio is None:
            verdict = "-"
        elif ratio >= page.target_ratio:
            verdict = f">= {page.target_ratio:.2f} met"
        else:
            verdict = f">= {page.target_ratio:.2f} MISSED"
            missed.append(page.name)
        print(
            f"{page.name:<16}{result['rps']:>9.1f}{result['p50']:>9.1f}"
            f"{result['p95']:>9.1f}{ratio:>8.2f}  {verdict}"
        )
    return missed


if __name__ == "__main__":
    sys.exit(main())
