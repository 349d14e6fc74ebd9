#!/usr/bin/env python3
"""Times frugal and ccusage side by side on the same data, interleaved in one run, and prints a Markdown table.

Called by bench/run.sh, which prepares the binaries and the data. Each measurement is a whole command run as a
user would run it: wall time and peak resident memory come from /usr/bin/time. The figures are medians.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def measure(cmd, env):
    """Runs cmd; returns (seconds, peak RSS in MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if p.returncode != 0:
            raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
        rss_kb = int(t.read().strip().splitlines()[-1])
    return elapsed, rss_kb / 1024, p.stdout


def totals_of_frugal(stdout):
    t = json.loads(stdout)["totals"]
    return {k: t[k] for k in ("inputTokens", "outputTokens", "cacheReadTokens", "calls")} | {
        "cacheWrite": t["cacheWrite5mTokens"] + t["cacheWrite1hTokens"], "costUsd": round(t["costUsd"], 2)}


def totals_of_ccusage(stdout):
    t = json.loads(stdout)["totals"]
    return {"inputTokens": t["inputTokens"], "outputTokens": t["outputTokens"], "cacheReadTokens": t["cacheReadTokens"],
            "cacheWrite": t["cacheCreationTokens"], "costUsd": round(t.get("totalCost", t.get("costUSD", 0)), 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frugal", required=True)
    ap.add_argument("--ccusage", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--big", help="folder holding one large session file")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="frugal-bench-")
    home = os.path.join(work, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, LOG_LEVEL="0", TZ="UTC", XDG_DATA_HOME=os.path.join(home, "data"))
    ledger = os.path.join(work, "ledger.db")
    frugal = [args.frugal, "report", "daily", "--json", "--timezone", "UTC",
              "--source", f"claude-code={args.tree}", "--ledger", ledger]
    ccusage = [args.ccusage, "claude", "daily", "--json", "--offline"]
    cc_env = dict(env, CLAUDE_CONFIG_DIR=args.tree)

    rows = {"frugal cold": [], "frugal repeat": [], "ccusage": []}
    totals = {}
    for _ in range(args.runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(ledger + suffix):
                os.remove(ledger + suffix)
        s, m, out = measure(frugal, env)
        rows["frugal cold"].append((s, m))
        totals["frugal"] = totals_of_frugal(out)
        s, m, out = measure(ccusage, cc_env)
        rows["ccusage"].append((s, m))
        totals["ccusage"] = totals_of_ccusage(out)
        s, m, _ = measure(frugal, env)
        rows["frugal repeat"].append((s, m))

    startup = []
    for _ in range(30):
        start = time.perf_counter()
        subprocess.run([args.frugal, "--version"], capture_output=True, check=True)
        startup.append(time.perf_counter() - start)

    print(f"Tree: {args.tree} ({du(args.tree)} MB); {args.runs} interleaved runs each; medians.\n")
    print("| run | wall (s) | peak RSS (MB) | vs ccusage |")
    print("| --- | ---: | ---: | ---: |")
    cc = statistics.median(s for s, _ in rows["ccusage"])
    for name, values in rows.items():
        wall = statistics.median(s for s, _ in values)
        rss = statistics.median(m for _, m in values)
        ratio = "1.0x" if name == "ccusage" else f"{cc / wall:.1f}x faster"
        print(f"| {name} | {wall:.3f} | {rss:.0f} | {ratio} |")
    print(f"\nfrugal --version (NativeAOT start-up), median of 30: {statistics.median(startup) * 1000:.1f} ms\n")
    print(f"Totals, frugal:  {json.dumps(totals['frugal'])}")
    print(f"Totals, ccusage: {json.dumps(totals['ccusage'])}")

    if args.big:
        big_ledger = os.path.join(work, "big.db")
        big = [args.frugal, "import", "--source", f"claude-code={args.big}", "--ledger", big_ledger, "--json"]
        s, m, out = measure(big, env)
        bs, bm, _ = measure([args.ccusage, "claude", "daily", "--json", "--offline"], dict(env, CLAUDE_CONFIG_DIR=args.big))
        size = du(args.big)
        print(f"\nOne session file of {size} MB:\n")
        print("| run | wall (s) | peak RSS (MB) |")
        print("| --- | ---: | ---: |")
        print(f"| frugal import | {s:.2f} | {m:.0f} |")
        print(f"| ccusage claude daily | {bs:.2f} | {bm:.0f} |")
        report = [args.frugal, "report", "daily", "--json", "--timezone", "UTC", "--no-import", "--ledger", big_ledger]
        _, _, out = measure(report, env)
        print(f"\nTotals, frugal on the large file: {json.dumps(totals_of_frugal(out))}")
        truth = os.path.join(os.path.dirname(args.big.rstrip('/')), "truth.json")
        if os.path.exists(os.path.join(args.big, "truth.json")):
            print(f"Truth: {open(os.path.join(args.big, 'truth.json')).read().strip()}")
    shutil.rmtree(work, ignore_errors=True)


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return round(total / 1024 / 1024)


if __name__ == "__main__":
    main()
