#!/usr/bin/env python3
"""Concurrent writers against `capstan serve`, with an optional SIGKILL (issue 20 item 7).

W writers each record N issuances of common stock through `POST /companies/{id}/issuances`,
every one with a unique quantity (1,000,000 + writer * 10,000 + index), so the ledger shows
which writes were kept. With --kill-after K, the server is killed with SIGKILL once K writes
are acknowledged, and restarted on the same port and store; the writers go on. A write whose
answer was lost (connection refused or reset) is not retried: its outcome is unknown.

At the end the ledger is read back with `capstan ledger --format json` and checked:
every acknowledged write present exactly once, no quantity twice, and the ledger replays
(`capstan table` succeeds). Prints one summary line per figure; exits 1 on a lost or
duplicated write.

Only loopback addresses are used; every loop is bounded.

  writers.py --capstan PATH --db LOCATION [--writers 8] [--each 500] [--kill-after K]
"""

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

COMPANY = "Load Co"
COMPANY_ID = "load-co"


def capstan(args, db, check=True):
    """Runs the CLI on `db`; returns stdout."""
    result = subprocess.run(
        [ARGS.capstan] + args + ["--db", db], capture_output=True, text=True, timeout=600
    )
    if check and result.returncode != 0:
        sys.exit(f"capstan {' '.join(args)} failed: {result.stderr.strip()}")
    return result


def prepare(db):
    """A new workspace: one company, its common class, one holder, an editor's token."""
    capstan(["init"], db)
    capstan(["company", "add", COMPANY, "--currency", "USD", "--incorporated", "2020-01-01"], db)
    capstan(["class", "add", "Common", "--authorized", "100,000,000,000"], db)
    capstan(["stakeholder", "add", "Holder"], db)
    capstan(["user", "add", "editor@load.example", "--company", COMPANY, "--role", "editor"], db)
    return capstan(["user", "token", "editor@load.example"], db).stdout.strip()


class Server:
    """`capstan serve` on loopback; restarted on the same port after a SIGKILL."""

    def __init__(self, db, port=0):
        self.db = db
        self.process = subprocess.Popen(
            [ARGS.capstan, "serve", "--db", db, "--listen", f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        line = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not found:
            sys.exit(f"serve printed: {line!r}")
        self.port = int(found.group(1))

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=60)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)


def post(port, token, body):
    """(status, seconds), status 0 when the connection failed."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/companies/{COMPANY_ID}/issuances",
        data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status, time.monotonic() - start
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - start
    except (urllib.error.URLError, ConnectionError, OSError):
        return 0, time.monotonic() - start


def main():
    db = ARGS.db
    token = prepare(db)
    state = {"server": Server(db), "acked": 0, "killed": False}
    lock = threading.Lock()
    port = state["server"].port
    acknowledged, latencies, unknown, refused = [], [], [], []

    def writer(number):
        for index in range(ARGS.each):
            quantity = 1_000_000 + number * 10_000 + index
            body = {"holder": "Holder", "shares": str(quantity), "class": "Common",
                    "price": "0.10", "date": "2025-06-01"}
            status, seconds = post(port, token, body)
            with lock:
                if status == 201:
                    acknowledged.append(quantity)
                    latencies.append(seconds)
                    state["acked"] += 1
                    if state["acked"] % 250 == 0:
                        print(f"  {state['acked']} acknowledged after "
                              f"{time.monotonic() - state['start']:.0f} s", flush=True)
                elif status == 0:
                    unknown.append(quantity)
                else:
                    refused.append((quantity, status))
            waited = 0
            while status == 0 and not state["killed"] and waited < 1200:
                time.sleep(0.05)  # the server is down: wait for the restart (60 s at most)
                waited += 1

    def killer():
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with lock:
                if state["acked"] >= ARGS.kill_after:
                    break
            time.sleep(0.002)
        state["server"].kill()
        state["killed_at"] = state["acked"]
        state["server"] = Server(db, port)
        state["killed"] = True

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(ARGS.writers)]
    if ARGS.kill_after:
        threads.append(threading.Thread(target=killer))
    start = time.monotonic()
    state["start"] = start
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    state["server"].stop()

    ledger = json.loads(capstan(["ledger", "--format", "json", "--company", COMPANY], db).stdout)
    kept = [entry["quantity"] for entry in ledger
            if isinstance(entry.get("quantity"), int) and entry["quantity"] >= 1_000_000]
    counts = {}
    for quantity in kept:
        counts[quantity] = counts.get(quantity, 0) + 1
    lost = [q for q in acknowledged if counts.get(q, 0) == 0]
    doubled = [q for q, n in counts.items() if n > 1]
    unknown_kept = [q for q in unknown if counts.get(q, 0) == 1]
    replays = capstan(["table", "--company", COMPANY], db, check=False).returncode == 0

    total = ARGS.writers * ARGS.each
    print(f"store: {'postgres' if db.startswith('postgres') else 'sqlite'}")
    print(f"writers x issuances: {ARGS.writers} x {ARGS.each} = {total}")
    print(f"acknowledged: {len(acknowledged)}; refused: {len(refused)} {refused[:3]}; "
          f"answer lost (server killed): {len(unknown)}, of which kept: {len(unknown_kept)}")
    if ARGS.kill_after:
        print(f"SIGKILL after {state.get('killed_at')} acknowledged writes, restarted")
    print(f"kept in the ledger: {len(kept)}; lost acknowledged: {len(lost)}; "
          f"kept twice: {len(doubled)}; ledger replays: {replays}")
    if latencies:
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(f"wall {elapsed:.1f} s, {len(acknowledged) / elapsed:.1f} acknowledged writes/s; "
              f"write latency p50 {statistics.median(ordered) * 1000:.1f} ms, "
              f"p99 {p99 * 1000:.1f} ms")
    return 0 if not lost and not doubled and replays and not refused else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capstan", required=True)
    parser.add_argument("--db", required=True, help="a new SQLite file or an empty PostgreSQL db")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--kill-after", type=int, default=0)
    ARGS = parser.parse_args()
    sys.exit(main())
