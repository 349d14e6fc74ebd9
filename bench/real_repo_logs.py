#!/usr/bin/env python3
"""Write a SYNTHETIC Claude Code log tree whose sessions fall on a real repository's history.

The public repositories this is meant for (basicmachines-co/basic-memory, getsentry/sentry-mcp, ...) publish
their commits, not their authors' Claude Code transcripts. So the logs written here are made up; only their
timing, working folder and branches are taken from the repository, so that `frugal audit` has sessions to link
to real commits:

  * shipped:   for each Claude-marked commit on the default branch's first-parent line whose committer date is in
               the window, one session in the hour or two before its author date (last call 1-15 minutes before
               it), cwd = the work tree, gitBranch = the default branch. The model is the one the commit's
               co-author trailer names (`Claude Opus 4.6` -> claude-opus-4-6), else one current at that date.
  * side:      a few sessions on branches the default branch does not contain (commits in the window), ending
               shortly before the branch's first commit there, gitBranch = that branch.
  * unshipped: a few sessions placed in gaps of at least --gap-hours between any two commits of any branch, on
               the default branch or on a branch name no commit has: nothing can link to them.

"Claude-marked" here is what `git log -i -E --grep` finds for the Claude markers (reference §1.12): a
`Co-Authored-By: Claude` line, a `Generated with [Claude Code]` line, a `claude.ai/code/session_` URL,
`claude[bot]`, or author / committer `noreply@anthropic.com` or `claude[bot]`.

Line shape follows ../shared/tools/gen_claude_logs.py (and the fields src/Frugal.Sources/ClaudeCode/ClaudeLine.cs
reads): user prompts; each API call written as one line per content block with the same message.id and
requestId, usage repeated and output_tokens growing on the last block; tool_result lines; some system hook
lines; subagent files (isSidechain, agentId) for a quarter of the sessions. Token counts per call use that
generator's distributions: 1-10 fresh input tokens, cache writes of 0-6,000, cache reads equal to a context that
grows by the cache write plus 50-3,000 per call and resets (compaction) above 180,000, 20-2,500 output tokens.
Prompt and tool texts are short filler: this tree is for linking and totals, not for parser stress.

Writes <out>/projects/<encoded cwd>/<session>.jsonl (+ <session>/subagents/agent-<id>.jsonl) and
<out>/manifest.json (one entry per session: kind, commit or branch, first/last call, calls, tokens).
Deterministic for a given repository state, window and --seed. Standard library only.

Usage:
    python3 bench/real_repo_logs.py --repo WORKTREE --since 2026-01-01 --until 2026-02-28 --out DIR [--seed 7]
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import string
import subprocess
import uuid

# Extended regular expressions, matched case-insensitively (git log -i -E); the same as bench/real-repo.sh uses.
MESSAGE_MARKERS = [
    r"Co-Authored-By: Claude",
    r"Generated with \[Claude Code\]",
    r"claude\.ai/code/session_",
    r"claude\[bot\]",
]
IDENTITY_MARKER = r"noreply@anthropic\.com|claude\[bot\]"

# Co-author names Claude Code writes (reference §1.1) -> the model id the transcript would carry.
TRAILER_MODELS = [
    (re.compile(r"claude opus 4\.7", re.I), "claude-opus-4-7"),
    (re.compile(r"claude opus 4\.6", re.I), "claude-opus-4-6"),
    (re.compile(r"claude opus 4\.5", re.I), "claude-opus-4-5-20251101"),
    (re.compile(r"claude sonnet 4\.6", re.I), "claude-sonnet-4-6"),
    (re.compile(r"claude sonnet 4\.5", re.I), "claude-sonnet-4-5-20250929"),
    (re.compile(r"claude haiku 4\.5", re.I), "claude-haiku-4-5-20251001"),
]
# (first day, models in use from then on with weights): for commits whose trailer names no model.
MODELS_BY_DATE = [
    ("2025-01-01", [("claude-3-7-sonnet-20250219", 1)]),
    ("2025-05-22", [("claude-sonnet-4-20250514", 3), ("claude-opus-4-20250514", 1)]),
    ("2025-08-05", [("claude-sonnet-4-20250514", 2), ("claude-opus-4-1-20250805", 1)]),
    ("2025-09-29", [("claude-sonnet-4-5-20250929", 3), ("claude-opus-4-1-20250805", 1)]),
    ("2025-11-24", [("claude-opus-4-5-20251101", 3), ("claude-sonnet-4-5-20250929", 1)]),
    ("2026-02-05", [("claude-opus-4-6", 3), ("claude-sonnet-4-5-20250929", 1)]),
    ("2026-02-17", [("claude-opus-4-6", 3), ("claude-sonnet-4-6", 1)]),
]
SUBAGENT_MODEL = "claude-haiku-4-5-20251001"
# (first day, Claude Code version): plausible, not exact.
VERSIONS = [("2025-01-01", "0.2.70"), ("2025-06-01", "1.0.17"), ("2025-09-29", "2.0.1"),
            ("2025-12-01", "2.0.60"), ("2026-01-16", "2.1.9"), ("2026-02-15", "2.1.39"),
            ("2026-04-01", "2.1.97"), ("2026-06-01", "2.1.150")]
TOOLS = ["Read", "Bash", "Grep", "Glob", "Edit", "Write", "TodoWrite"]
WORDS = ("the of and to in is for on that with as it be by this are from or at function value return error "
         "file test build module config request response cache token session project branch commit").split()


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def default_branch(repo):
    """origin/HEAD's target (refs/remotes/origin/main -> ('origin/main', 'main')), else the branch checked out."""
    out = subprocess.run(["git", "-C", repo, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"],
                         capture_output=True, text=True)
    if out.returncode == 0:
        ref = out.stdout.strip()
        return ref, ref[len("refs/remotes/origin/"):]
    head = git(repo, "symbolic-ref", "HEAD").strip()
    return head, head[len("refs/heads/"):]


def parse_time(text):
    return dt.datetime.fromisoformat(text.strip()).astimezone(dt.timezone.utc)


def window_args(since, until):
    return [f"--since={since}T00:00:00Z", f"--until={until}T23:59:59Z"]


def claude_marked(repo, revision, since, until):
    """Ids of the first-parent commits in the window that carry a Claude marker (message or identity)."""
    base = ["log", "--first-parent", "--format=%H", *window_args(since, until), "-i", "-E"]
    marked = set(git(repo, *base, *[f"--grep={p}" for p in MESSAGE_MARKERS], revision).split())
    marked |= set(git(repo, *base, f"--author={IDENTITY_MARKER}", revision).split())
    marked |= set(git(repo, *base, f"--committer={IDENTITY_MARKER}", revision).split())
    return marked


def mainline(repo, revision, since, until):
    out = git(repo, "log", "--first-parent", *window_args(since, until), "--format=%H%x1f%aI%x1f%cI%x1f%B%x1e",
              revision)
    commits = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, authored, committed, message = record.split("\x1f", 3)
        commits.append({"sha": sha, "authored": parse_time(authored), "committed": parse_time(committed),
                        "message": message})
    return commits


def side_branches(repo, revision, since, until):
    """Remote-tracking branches with commits in the window that the default branch does not reach: name -> first."""
    out = git(repo, "log", "--source", "--remotes", "--branches", *window_args(since, until),
              "--format=%S%x1f%aI", "--not", revision)
    first = {}
    for line in out.splitlines():
        ref, authored = line.split("\x1f")
        if ref.endswith("/HEAD"):
            continue
        name = re.sub(r"^(refs/remotes/origin/|refs/remotes/|refs/heads/|origin/)", "", ref)
        when = parse_time(authored)
        if name not in first or when < first[name]:
            first[name] = when
    return first


def all_commit_times(repo):
    out = git(repo, "log", "--all", "--format=%aI%x1f%cI")
    times = set()
    for line in out.splitlines():
        for part in line.split("\x1f"):
            times.add(parse_time(part))
    return sorted(times)


def pick(table, day):
    chosen = table[0][1]
    for first, value in table:
        if day >= first:
            chosen = value
    return chosen


def model_for(message, when, rng):
    for pattern, model in TRAILER_MODELS:
        if pattern.search(message):
            return model
    models = pick(MODELS_BY_DATE, when.strftime("%Y-%m-%d"))
    return rng.choices([m for m, _ in models], weights=[w for _, w in models])[0]


def iso(ts):
    return ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


def rid(rng, prefix, n):
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(rng.choice(alphabet) for _ in range(n))


def ruuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


class Session:
    """Writes one transcript; calls are spread evenly over [start, end]."""

    def __init__(self, rng, session_id, cwd, branch, version, model, sidechain=False, agent_id=None):
        self.rng, self.sid, self.cwd, self.branch = rng, session_id, cwd, branch
        self.version, self.model, self.sidechain, self.agent_id = version, model, sidechain, agent_id
        self.lines, self.parent = [], None
        self.calls = 0
        self.tokens = {"input": 0, "output": 0, "cache_write": 0, "cache_read": 0}

    def base(self, kind, ts):
        d = {"parentUuid": self.parent, "isSidechain": self.sidechain, "userType": "external", "cwd": self.cwd,
             "sessionId": self.sid, "version": self.version, "gitBranch": self.branch}
        if self.agent_id:
            d["agentId"] = self.agent_id
        d["type"] = kind
        d["uuid"] = ruuid(self.rng)
        d["timestamp"] = iso(ts)
        return d

    def emit(self, record):
        self.parent = record.get("uuid", self.parent)
        self.lines.append(json.dumps(record, separators=(",", ":")))

    def write(self, path, start, end, n_calls):
        rng = self.rng
        span = (end - start).total_seconds()
        times = [start + dt.timedelta(seconds=span * i / max(1, n_calls - 1)) for i in range(n_calls)]
        context = rng.randint(12000, 24000)
        one_hour = not self.model.startswith("claude-haiku")
        if not self.sidechain:
            self.emit({"type": "summary", "summary": words(rng, 6), "leafUuid": ruuid(rng)})
        call = 0
        while call < n_calls:
            ts = times[call] - dt.timedelta(seconds=rng.randint(2, 20))
            u = self.base("user", ts)
            u["message"] = {"role": "user", "content": words(rng, rng.randint(8, 60))}
            self.emit(u)
            for _ in range(rng.randint(1, 6)):
                if call >= n_calls:
                    break
                ts = times[call]
                call += 1
                msg_id, req_id = rid(rng, "msg_01", 22), rid(rng, "req_011C", 20)
                cache_write = rng.randint(0, 6000)
                cache_read = context
                context += cache_write + rng.randint(50, 3000)
                if context > 180000:  # compaction resets the context
                    context = rng.randint(12000, 24000)
                h1 = cache_write if one_hour else 0
                final_out = rng.randint(20, 2500)
                fresh_in = rng.choice([1, 2, 3, 4, 6, 8, 10])
                blocks = ["thinking"] * (rng.random() < 0.3) + ["text"] + ["tool_use"] * rng.randint(0, 2)
                for bi, kind in enumerate(blocks):
                    usage = {"input_tokens": fresh_in, "cache_creation_input_tokens": cache_write,
                             "cache_read_input_tokens": cache_read,
                             "cache_creation": {"ephemeral_5m_input_tokens": cache_write - h1,
                                                "ephemeral_1h_input_tokens": h1},
                             "output_tokens": final_out if bi == len(blocks) - 1 else rng.randint(1, 12),
                             "service_tier": "standard"}
                    if kind == "text":
                        content = [{"type": "text", "text": words(rng, rng.randint(10, 80))}]
                    elif kind == "thinking":
                        content = [{"type": "thinking", "thinking": words(rng, rng.randint(20, 120)),
                                    "signature": rid(rng, "", 64)}]
                    else:
                        content = [{"type": "tool_use", "id": rid(rng, "toolu_01", 22), "name": rng.choice(TOOLS),
                                    "input": {"command": words(rng, rng.randint(3, 12))}}]
                    a = self.base("assistant", ts)
                    a["message"] = {"id": msg_id, "type": "message", "role": "assistant", "model": self.model,
                                    "content": content, "stop_reason": None, "stop_sequence": None, "usage": usage}
                    a["requestId"] = req_id
                    self.emit(a)
                    if kind == "tool_use":
                        r = self.base("user", ts + dt.timedelta(milliseconds=rng.randint(50, 900)))
                        body = words(rng, rng.randint(5, 120))
                        r["message"] = {"role": "user", "content": [
                            {"tool_use_id": content[0]["id"], "type": "tool_result", "content": body,
                             "is_error": rng.random() < 0.05}]}
                        r["toolUseResult"] = {"stdout": body, "stderr": "", "interrupted": False, "isImage": False}
                        self.emit(r)
                        if rng.random() < 0.2:
                            s = self.base("system", ts)
                            s.update({"content": "Running PostToolUse hook...", "isMeta": False, "level": "info"})
                            self.emit(s)
                self.calls += 1
                self.tokens["input"] += fresh_in
                self.tokens["output"] += final_out
                self.tokens["cache_write"] += cache_write
                self.tokens["cache_read"] += cache_read
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(self.lines) + "\n")


def write_session(out, rng, cwd, branch, model, start, end, subagent_rate):
    """One session (and maybe a subagent file); returns its manifest entry."""
    sid = ruuid(rng)
    version = pick(VERSIONS, start.strftime("%Y-%m-%d"))
    folder = os.path.join(out, "projects", re.sub(r"[^A-Za-z0-9]", "-", cwd))
    n_calls = max(4, int(rng.lognormvariate(3.6, 0.6)))  # median ~37 calls, long tail
    main = Session(rng, sid, cwd, branch, version, model)
    main.write(os.path.join(folder, f"{sid}.jsonl"), start, end, n_calls)
    entry = {"session": sid, "branch": branch, "model": model, "first": iso(start), "last": iso(end),
             "calls": main.calls, "tokens": dict(main.tokens)}
    if rng.random() < subagent_rate:
        agent = rid(rng, "", 8).lower()
        sub = Session(rng, sid, cwd, branch, version, SUBAGENT_MODEL, sidechain=True, agent_id=agent)
        sub_start = start + (end - start) / 3
        sub.write(os.path.join(folder, sid, "subagents", f"agent-{agent}.jsonl"), sub_start,
                  sub_start + min(dt.timedelta(minutes=rng.randint(3, 15)), (end - sub_start)), rng.randint(5, 30))
        entry["calls"] += sub.calls
        for key, value in sub.tokens.items():
            entry["tokens"][key] += value
    return entry


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True, help="the repository's work tree (sessions' cwd)")
    ap.add_argument("--since", required=True, help="first day, YYYY-MM-DD (UTC)")
    ap.add_argument("--until", required=True, help="last day, YYYY-MM-DD (UTC), inclusive")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--unshipped", type=int, default=8, help="sessions with no commit")
    ap.add_argument("--side", type=int, default=5, help="sessions on branches the default branch lacks")
    ap.add_argument("--gap-hours", type=float, default=8.0, help="commit-free gap an unshipped session needs")
    ap.add_argument("--subagent-rate", type=float, default=0.25)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    cwd = os.path.abspath(git(args.repo, "rev-parse", "--show-toplevel").strip())
    revision, branch = default_branch(cwd)
    marked = claude_marked(cwd, revision, args.since, args.until)
    sessions = []

    for commit in reversed(mainline(cwd, revision, args.since, args.until)):  # oldest first
        if commit["sha"] not in marked:
            continue
        end = commit["authored"] - dt.timedelta(minutes=rng.randint(1, 15))
        start = end - dt.timedelta(minutes=rng.randint(40, 110))
        entry = write_session(args.out, rng, cwd, branch, model_for(commit["message"], end, rng), start, end,
                              args.subagent_rate)
        sessions.append({"kind": "shipped", "commit": commit["sha"], **entry})

    sides = sorted(side_branches(cwd, revision, args.since, args.until).items())
    for name, first in rng.sample(sides, min(args.side, len(sides))):
        end = first - dt.timedelta(minutes=rng.randint(1, 15))
        start = end - dt.timedelta(minutes=rng.randint(30, 90))
        entry = write_session(args.out, rng, cwd, name, model_for("", end, rng), start, end, args.subagent_rate)
        sessions.append({"kind": "side", "commit": None, **entry})

    lo = dt.datetime.fromisoformat(args.since + "T00:00:00+00:00")
    hi = dt.datetime.fromisoformat(args.until + "T00:00:00+00:00") + dt.timedelta(days=1)
    times = [t for t in all_commit_times(cwd) if lo - dt.timedelta(days=1) <= t <= hi + dt.timedelta(days=1)]
    gap = dt.timedelta(hours=args.gap_hours)
    gaps = [(a, b) for a, b in zip([lo] + times, times + [hi]) if b - a >= gap and a >= lo and b <= hi]
    for a, b in sorted(rng.sample(gaps, min(args.unshipped, len(gaps)))):
        # In the middle of the gap, so that neither the commit before nor the one after (+ grace) touches it.
        length = dt.timedelta(minutes=rng.randint(20, 90))
        start = a + (b - a - length) / 2
        on = rng.choice([branch, "spike/" + words(rng, 2).replace(" ", "-")])
        entry = write_session(args.out, rng, cwd, on, model_for("", start, rng), start, start + length,
                              args.subagent_rate)
        sessions.append({"kind": "unshipped", "commit": None, **entry})

    sessions.sort(key=lambda s: s["first"])
    manifest = {"generator": "bench/real_repo_logs.py", "synthetic": True, "seed": args.seed,
                "repository": cwd, "defaultBranch": branch, "since": args.since, "until": args.until,
                "claudeMarkedMainline": len(marked),
                "counts": {k: sum(1 for s in sessions if s["kind"] == k) for k in ("shipped", "side", "unshipped")},
                "sessions": sessions}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    total = sum(sum(s["tokens"].values()) for s in sessions)
    print(f"{len(sessions)} synthetic sessions ({manifest['counts']}), {sum(s['calls'] for s in sessions)} calls, "
          f"{total:,} tokens, under {args.out}")


if __name__ == "__main__":
    main()
