#!/usr/bin/env python3
"""Times `frugal audit` on the benchmark repository and logs, and checks it did the real work. Called by bench/audit.sh.

    python3 bench/audit_bench.py --frugal BIN --repo REPO --home HOME --run DIR [--runs 5] [--first-runs 3]

Every measurement is a whole command run as a user would run it, with HOME, XDG_DATA_HOME and XDG_CONFIG_HOME inside
the benchmark's folders (the real user's logs and ledger are never read). In order:

  1. `frugal import --json` into an empty ledger (the logs under HOME/.claude/projects);
  2. the first audit over the whole year, which fills the ledger's git caches (line counts, fix blames); with
     --first-runs above 1 the ledger is put back to its state after the import before each run;
  3. the same audit again, --runs times (the figure the issue asks about: under 2 s once the ledger holds the logs);
  4. the default 30-day window (`--until` the last day, no `--since`), --runs times, caches warm.

Wall time is measured around the process; peak RSS is the process tree's largest resident set (frugal or one of its
git children) from /usr/bin/time, or from os.wait4 when /usr/bin/time is missing. Checks, each failing the run:
every audit of the year prints the same JSON; its commit count equals `git rev-list --first-parent` on the window and
its AI-marked count what `git log --first-parent -i -E --grep=<Claude Code's markers>` finds there; features, fixes
and reverts equal what the generator made; the usage equals the calls and sessions the log generator wrote.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TIME = "/usr/bin/time"


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def measure(cmd, env, stdout_path):
    """Runs cmd with stdout to a file; returns (seconds, peak RSS in MB). Fails on a non-zero exit."""
    use_time = os.access(TIME, os.X_OK)
    with open(stdout_path, "wb") as out, tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = [TIME, "-f", "%M", "-o", t.name] + cmd if use_time else cmd
        start = time.perf_counter()
        p = subprocess.Popen(full, env=env, stdout=out, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            fail(f"exit code {p.returncode}: {' '.join(cmd)}\n{err.decode(errors='replace')[-3000:]}")
        rss_kb = int(t.read().strip().splitlines()[-1]) if use_time else usage.ru_maxrss
    return elapsed, rss_kb / 1024


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def copy_ledger(source_dir, target_dir):
    if os.path.exists(target_dir):
        shutil.rmtree(target_dir)
    shutil.copytree(source_dir, target_dir)


def summary(values):
    values = sorted(values)
    return statistics.median(values), values[0], values[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--frugal", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--home", required=True, help="the home folder holding .claude/projects and truth.json")
    ap.add_argument("--run", required=True, help="a scratch folder for ledgers and outputs (emptied first)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--first-runs", type=int, default=3)
    args = ap.parse_args()

    info = json.load(open(args.repo + ".changes.json"))
    truth = json.load(open(os.path.join(args.home, "truth.json")))
    since, until = info["since"], info["until"]
    ws, we = info["window_start"], info["window_end"]
    os.makedirs(args.run, exist_ok=True)
    data = os.path.join(args.run, "data")
    env = {k: v for k, v in os.environ.items() if k not in ("CLAUDE_CONFIG_DIR", "CODEX_HOME")}
    env.update(HOME=args.home, XDG_DATA_HOME=data, XDG_CONFIG_HOME=os.path.join(args.home, ".config"),
               LC_ALL="C", TZ="UTC")
    ledger_dir = os.path.join(data, "frugal")
    snapshot = os.path.join(args.run, "ledger-after-import")
    out = lambda name: os.path.join(args.run, name)  # noqa: E731
    year = [args.frugal, "audit", "--repo", args.repo, "--since", since, "--until", until, "--timezone", "UTC",
            "--json", "--no-import"]
    month = [args.frugal, "audit", "--repo", args.repo, "--until", until, "--timezone", "UTC", "--json",
             "--no-import"]

    print(f"Machine: {os.cpu_count()} cores, {mem_gb()} GB, {os.uname().sysname} {os.uname().machine}; "
          f"{time.strftime('%Y-%m-%d', time.gmtime())}; git {git(args.repo, '--version').split()[-1]}.")
    print(f"Repository: {args.repo}: {info['counts']['in_window']} mainline commits in {since}..{until} "
          f"(+{info['counts']['mainline'] - info['counts']['in_window']} before), "
          f"{info['counts']['branch_commits']} commits merged from branches, {info['counts']['unmerged']} on open "
          f"branches, {info['files']} files, {du(os.path.join(args.repo, '.git'))} MB of .git.")
    print(f"Logs: {truth['files']} files, {truth['sessions']} sessions, {truth['bytes'] / 1048576:.1f} MB, "
          f"{truth['calls']} calls.\n")

    # 1. import
    if os.path.exists(data):
        shutil.rmtree(data)
    import_s, import_mb = measure([args.frugal, "import", "--json"], env, out("import.json"))
    imported = json.load(open(out("import.json")))
    if imported.get("callsAdded") != truth["calls"]:
        fail(f"import added {imported.get('callsAdded')} calls, the generator wrote {truth['calls']}")
    copy_ledger(ledger_dir, snapshot)

    # 2. first audit(s): git caches empty
    first = []
    for i in range(args.first_runs):
        copy_ledger(snapshot, ledger_dir)
        first.append(measure(year, env, out("first.json")))
    reference = open(out("first.json"), "rb").read()

    # 3. repeat audit, 4. default 30-day window: interleaved, caches warm
    repeat, recent = [], []
    for i in range(args.runs):
        repeat.append(measure(year, env, out("repeat.json")))
        if open(out("repeat.json"), "rb").read() != reference:
            fail(f"repeat audit {i + 1} printed a different JSON from the first audit "
                 f"(diff {out('first.json')} {out('repeat.json')})")
        recent.append(measure(month, env, out("month.json")))

    report = json.loads(reference)
    check(report, info, truth, args.repo, ws, we)
    month_report = json.load(open(out("month.json")))

    print("| run | wall (s) | peak RSS (MB) |")
    print("| --- | ---: | ---: |")
    print(f"| import of the logs (empty ledger) | {import_s:.2f} | {import_mb:.0f} |")
    label = "first audit of the year (git caches empty)"
    if len(first) == 1:
        print(f"| {label} | {first[0][0]:.2f} | {first[0][1]:.0f} |")
    else:
        m, lo, hi = summary([s for s, _ in first])
        print(f"| {label}, median of {len(first)} ({lo:.2f}–{hi:.2f}) | {m:.2f} | "
              f"{statistics.median(r for _, r in first):.0f} |")
    for name, rows in ((f"repeat audit of the year", repeat),
                       (f"repeat audit, default 30-day window ({month_report['since']}..{month_report['until']})",
                        recent)):
        m, lo, hi = summary([s for s, _ in rows])
        print(f"| {name}, median of {len(rows)} ({lo:.2f}–{hi:.2f}) | {m:.2f} | "
              f"{statistics.median(r for _, r in rows):.0f} |")
    m = statistics.median(s for s, _ in repeat)
    print(f"\nRepeat audit of the year: {m:.2f} s (median of {len(repeat)}); target under 2 s: "
          f"{'met' if m < 2 else 'NOT met'}.")
    headline(report, month_report)


def check(report, info, truth, repo, ws, we):
    """The cross-checks; any difference fails the benchmark."""
    o = report["outcomes"]
    grep = info["marker_grep"]
    window = [f"--since=@{ws}", f"--until=@{we - 1}"]
    commits = int(git(repo, "rev-list", "--first-parent", "--count", *window, "main").strip())
    marked = len(git(repo, "log", "--first-parent", "--format=%H", "-i", "-E", f"--grep={grep}", *window,
                     "main").split())
    c = info["counts"]
    problems = []
    pairs = [("commits", o["commits"], "git rev-list --first-parent --count", commits),
             ("commits", o["commits"], "the generator", c["in_window"]),
             ("AI-marked", o["aiMarked"], f"git log --first-parent -i -E --grep='{grep}'", marked),
             ("AI-marked", o["aiMarked"], "the generator", c["marked_in_window"]),
             ("features", o["features"], "the generator", c["features_in_window"]),
             ("fixes", o["fixes"], "the generator", c["fixes_in_window"]),
             ("reverts", o["reverts"], "the generator", c["reverts_in_window"]),
             ("fixes analysed", o["bugs"]["fixesAnalysed"], "fixes", o["fixes"]),
             ("calls", report["usage"]["calls"], "the log generator", truth["calls"]),
             ("sessions", report["usage"]["sessions"], "the log generator", truth["sessions"])]
    print("Cross-checks on the year's audit:")
    for what, ours, source, theirs in pairs:
        ok = ours == theirs
        print(f"  {'ok  ' if ok else 'DIFF'} {what}: audit {ours}, {source} {theirs}")
        if not ok:
            problems.append(f"{what}: audit {ours}, {source} {theirs}")
    if o["bugs"]["fixesWithCandidates"] == 0:
        problems.append("no fix was blamed on any commit: SZZ did no work")
    print()
    if problems:
        fail("; ".join(problems))


def headline(report, month):
    o = report["outcomes"]
    b = o["bugs"]
    a = report["answer"]
    u = report["usage"]
    shipped = a.get("shippedCostShare")
    print(f"\nThe year's audit: {o['commits']} mainline commits, {o['aiMarked']} AI-marked "
          f"({o['aiMarkedByTool']}), {o['features']} features ({o['aiMarkedFeatures']} AI-marked), {o['fixes']} "
          f"fixes, {o['reverts']} reverts, {o['linesAdded']} lines added; SZZ: {b['fixesWithCandidates']} of "
          f"{b['fixesAnalysed']} fixes blamed ({b['fixesFromTrailer']} by Fixes: trailer, {b['fixesOnlyAdding']} only "
          f"adding), bug links AI {b['aiBugLinks']} / other {b['otherBugLinks']} / before the window "
          f"{b['olderBugLinks']}; {u['sessions']} sessions, {u['calls']} calls, {u['totalTokens']} tokens, "
          f"${u['costUsd']:.2f}; shipped cost share {shipped if shipped is None else f'{shipped:.1%}'}.")
    m = month["outcomes"]
    print(f"The 30-day audit: {m['commits']} commits, {m['aiMarked']} AI-marked, {m['features']} features, "
          f"{m['fixes']} fixes; {month['usage']['sessions']} sessions.")


def mem_gb():
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1048576)
    except OSError:
        pass
    return "?"


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return round(total / 1048576)


if __name__ == "__main__":
    main()
