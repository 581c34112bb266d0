"""Benchmark the main pages against a real gunicorn, relative to /healthz/.

Absolute numbers depend on the machine; the ratio of a page's throughput to
that of /healthz/ (a single database round trip, measured in the same run) is
what the targets are stated in.

    python bench/run.py [--suite S] [--cold | --warm] [--scale N] [--requests N]

Every suite runs twice by default: warm (the application's cache as deployed)
and cold (caches switched off, CACHE_URL=dummy://), because the first page
after an edit is the cold one. The KPI suite also runs a mixed scenario:
readers of the KPI overview while another client saves matrix cells. Saves
are stated against the floor of an authenticated POST that does nothing.
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
    # Minimum throughput as a fraction of the baseline's, warm and cold; None: no target.
    target_ratio: float | None = None
    cold_ratio: float | None = None
    cell_save: bool = False  # POST matrix cell saves instead of GETs
    post: bool = False  # an empty POST with the CSRF token
    baseline: str = "healthz"  # the page of the same run the ratio is taken to


# The mixed scenario: this many clients read the KPI overview, alone and then
# while one more client saves matrix cells without pause.
MIXED_READERS = 3
MIXED_TARGET = 0.5
MAX_WORKER_RSS_MB = 300


# Each suite runs on its own demo data: the register at scale 20 (about 500
# people), the matrix at scale 6 (about 150 tasks x 40 roles), the KPIs at
# scale 7 (56 KPIs, most with 36 monthly measurements).
SUITES = {
    "register": (
        20,
        [
            Page("healthz", "/healthz/", None),
            # The floor for any page: the layout with nothing in it.
            Page("empty page", "/bench/empty-page/", "manager"),
            Page("dashboard", "/", "manager", target_ratio=0.2, cold_ratio=0.15),
            Page(
                "people list",
                "/organisatie/personen/",
                "manager",
                target_ratio=0.3,
                cold_ratio=0.15,
            ),
            Page(
                "risk report", "/organisatie/borging/", "manager", target_ratio=0.3, cold_ratio=0.15
            ),
            # The latest demo round: about 200 responses at this scale.
            Page(
                "maturity results",
                "/volwassenheid/4/resultaten/",
                "manager",
                target_ratio=0.25,
                cold_ratio=0.15,
            ),
        ],
    ),
    "matrix": (
        6,
        [
            Page("healthz", "/healthz/", None),
            Page("matrix grid", "/beheermatrix/", "manager", target_ratio=0.25, cold_ratio=0.10),
            # The floor for any save: an authenticated POST that does nothing.
            Page("no-op POST", "/bench/noop/", "manager", post=True),
            Page(
                "cell save",
                "/beheermatrix/cel/",
                "manager",
                target_ratio=0.5,
                cold_ratio=0.5,
                cell_save=True,
                baseline="no-op POST",
            ),
            Page(
                "rights grid",
                "/beheermatrix/autorisaties/",
                "manager",
                target_ratio=0.25,
                cold_ratio=0.10,
            ),
        ],
    ),
    "kpi": (
        7,
        [
            Page("healthz", "/healthz/", None),
            Page("kpi dashboard", "/kpi/", "manager", target_ratio=0.25, cold_ratio=0.15),
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
    """Throughput and latency of `page` under `concurrency` clients."""
    return _run_clients(port, [(page, cookie)] * concurrency, requests // concurrency)[0]


def _run_clients(port: int, clients: list[tuple[Page, str]], per_client: int) -> list[dict]:
    """Run every (page, cookie) client at once; return one result per distinct page,
    in the order the pages first appear. With readers among the clients, cell
    savers keep saving until the last reader is done (a writer without pause)."""
    latencies: dict[str, list[float]] = {page.name: [] for page, _cookie in clients}
    # Each page's throughput counts until its own last client is done.
    finished: dict[str, float] = {}
    errors = []
    lock = threading.Lock()
    cell_clients = [(page, cookie) for page, cookie in clients if page.cell_save]
    targets = _cell_targets(port, cell_clients[0][1], len(cell_clients)) if cell_clients else []

    def headers_for(page, cookie):
        headers = {"Cookie": cookie} if cookie else {}
        if page.cell_save or page.post:
            csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
            headers.update(
                {"X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded"}
            )
        return headers

    def request(conn, page, headers, target):
        if page.post:
            conn.request("POST", page.path, body="", headers=headers)
        elif not page.cell_save:
            conn.request("GET", page.path, headers=headers)
        else:
            # Toggle the cell between "I" and empty, saying what it holds now.
            code = "" if target["expected"] == "I" else "I"
            body = urlencode({**target, "code": code})
            conn.request("POST", page.path, body=body, headers=headers)
            target["expected"] = code

    readers_done = threading.Event()
    page_is_background = {
        page.name: page.cell_save and any(not p.cell_save for p, _c in clients)
        for page, _c in clients
    }

    def worker(page, cookie, target):
        headers = headers_for(page, cookie)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        count = 0
        while not readers_done.is_set() if page_is_background[page.name] else count < per_client:
            count += 1
            start = time.perf_counter()
            request(conn, page, headers, target)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            refused = response.getheader("X-Cell-Saved") == "false"
            if response.status != 200 or refused:
                errors.append((page.name, response.status))
        with lock:
            latencies[page.name].extend(mine)
            finished[page.name] = max(finished.get(page.name, 0), time.perf_counter())

    for page, cookie in {p.name: (p, c) for p, c in clients}.values():
        if not (page.cell_save or page.post):
            for _ in range(10):  # warm up caches and connections
                warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                warm.request("GET", page.path, headers=headers_for(page, cookie))
                warm.getresponse().read()
    cell_targets = iter(targets)
    threads = [
        threading.Thread(
            target=worker, args=(page, cookie, next(cell_targets) if page.cell_save else None)
        )
        for page, cookie in clients
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread, (page, _cookie) in zip(threads, clients, strict=True):
        if not page_is_background[page.name]:
            thread.join()
    readers_done.set()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{len(errors)} responses failed ({errors[:3]})")
    results = []
    for name, measured in latencies.items():
        measured.sort()
        results.append(
            {
                "rps": len(measured) / (finished[name] - started),
                "p50": statistics.median(measured) * 1000,
                "p95": measured[int(len(measured) * 0.95) - 1] * 1000,
            }
        )
    return results


def _worker_rss_mb(server_pid: int) -> list[float]:
    """Resident memory of each gunicorn worker (children of the arbiter), in MB."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children")
    sizes = []
    for pid in children.read_text().split() if children.exists() else []:
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
            if match:
                sizes.append(int(match.group(1)) / 1024)
    return sizes


MODES = {
    # mode -> environment for the app: warm uses the cache as deployed.
    "warm": {},
    "cold": {"CACHE_URL": "dummy://"},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=[*SUITES, "all"], default="all")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--cold", action="store_true", help="only with caches switched off")
    only.add_argument("--warm", action="store_true", help="only with the cache as deployed")
    parser.add_argument("--scale", type=int, help="override the suites' demo scale")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="measure every page this often; report the median"
    )
    args = parser.parse_args()
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    modes = ["cold"] if args.cold else ["warm"] if args.warm else ["warm", "cold"]

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
    rss = []
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
            _manage(env, "loaddemo", f"--scale={scale}", "--allow-public-demo-passwords")
            for mode in modes:
                label = f"{suite}, {mode}, {database}, scale {scale}"
                suite_missed, suite_rss = _run_suite(
                    {**env, **MODES[mode]}, pages, args, label, mode, mixed=suite == "kpi"
                )
                missed += [f"{name} ({mode})" for name in suite_missed]
                rss += suite_rss
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
    if rss:
        verdict = "met" if max(rss) < MAX_WORKER_RSS_MB else "MISSED"
        print(
            f"\nworker memory after each run: largest {max(rss):.0f} MB resident "
            f"(< {MAX_WORKER_RSS_MB} MB {verdict})"
        )
        if max(rss) >= MAX_WORKER_RSS_MB:
            missed.append("worker memory")
    if missed:
        print(f"\nMissed targets: {', '.join(missed)}")
    return 1 if missed else 0


def _run_suite(env: dict, pages: list[Page], args, label: str, mode: str, mixed: bool):
    """Measure `pages` on a fresh gunicorn; return (missed targets, worker RSS in MB)."""
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
        for page in pages:
            if page.username not in cookies:
                cookies[page.username] = _log_in(port, page.username)
        rounds: dict[str, list[dict]] = {page.name: [] for page in pages}
        mixed_rounds = []
        # Rounds interleave the pages, so a slow moment of the machine hits all alike.
        for _round in range(args.rounds):
            for page in pages:
                rounds[page.name].append(
                    _measure(port, page, cookies[page.username], args.requests, args.concurrency)
                )
            if mixed:
                mixed_rounds.append(_mixed(port, pages, cookies, args.requests))
        rss = _worker_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    results = {
        name: {key: statistics.median(r[key] for r in measured) for key in measured[0]}
        for name, measured in rounds.items()
    }
    print(
        f"median of {args.rounds} rounds of {args.requests} requests per page, "
        f"{args.concurrency} clients, {args.workers} gunicorn workers, {label}\n"
    )
    print(f"{'page':<18}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}  target")
    missed = []
    for page in pages:
        result = results[page.name]
        ratio = result["rps"] / results[page.baseline]["rps"]
        target = page.target_ratio if mode == "warm" else page.cold_ratio
        of = "" if page.baseline == "healthz" else f" of {page.baseline}"
        if target is None:
            verdict = "-"
        elif ratio >= target:
            verdict = f">= {target:.2f}{of} met"
        else:
            verdict = f">= {target:.2f}{of} MISSED"
            missed.append(page.name)
        print(
            f"{page.name:<18}{result['rps']:>9.1f}{result['p50']:>9.1f}"
            f"{result['p95']:>9.1f}{ratio:>8.2f}  {verdict}"
        )
    if mixed_rounds:
        alone = statistics.median(r["alone"] for r in mixed_rounds)
        together = statistics.median(r["mixed"] for r in mixed_rounds)
        saves = statistics.median(r["saves"] for r in mixed_rounds)
        ratio = together / alone
        verdict = "met" if ratio >= MIXED_TARGET else "MISSED"
        print(
            f"\nmixed: {MIXED_READERS} clients read the KPI overview at {alone:.1f} req/s alone, "
            f"{together:.1f} req/s while a client saves cells ({saves:.1f} saves/s): "
            f"{ratio:.2f} (>= {MIXED_TARGET:.2f} {verdict})"
        )
        if ratio < MIXED_TARGET:
            missed.append("mixed reading")
    print(f"worker memory: {', '.join(f'{mb:.0f} MB' for mb in rss)} resident")
    return missed, rss


def _mixed(port: int, pages: list[Page], cookies: dict, requests: int) -> dict:
    """KPI reading throughput alone, and while one more client saves matrix cells."""
    reader = next(page for page in pages if page.name == "kpi dashboard")
    writer = Page("cell save", "/beheermatrix/cel/", "manager", cell_save=True)
    readers = [(reader, cookies[reader.username])] * MIXED_READERS
    per_client = requests // MIXED_READERS
    [alone] = _run_clients(port, readers, per_client)
    together, saves = _run_clients(port, [*readers, (writer, cookies["manager"])], per_client)
    return {"alone": alone["rps"], "mixed": together["rps"], "saves": saves["rps"]}


if __name__ == "__main__":
    sys.exit(main())
