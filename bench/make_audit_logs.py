#!/usr/bin/env python3
"""Writes Claude Code session logs that fall on the history bench/make_audit_repo.py built, for the audit benchmark.

    python3 bench/make_audit_logs.py --changes REPO.changes.json --home DIR [--size-mb 100] [--seed 1]

Reads the AI-marked changes the repository generator listed (commit times, branch, author, subfolder) and writes one
session per burst of work, under DIR/.claude/projects/<encoded cwd>/<session>.jsonl, with a subagent file
(<session>/subagents/agent-<id>.jsonl) for about a quarter of the larger sessions. Each session:

  * runs in the repository (its cwd is the repository's path, or its web/ subfolder now and then), with gitBranch
    set to the branch the work was on (`main` for direct pushes);
  * ends a few minutes before the commit it led to and starts before it, longer sessions earlier (a call every
    8 to 25 seconds; 15 minutes to 10 hours);
  * has the line shape and token distributions of the shared generator (../shared/tools/gen_claude_logs.py):
    user prompts, assistant responses split into one line per content block (same message.id and requestId, output
    growing on the last block), tool results with bulky content, system hook lines, file-history snapshots,
    summaries; cache reads growing with the conversation and reset by compaction; five models.

Session sizes follow the same real-world quantiles as the shared generator, scaled so the tree totals --size-mb.
DIR/truth.json records what was written: files, sessions, bytes, and the unique calls (one per message.id and
requestId, the last block's usage) with their token totals, for the benchmark to check the audit's usage against.
Standard library only; deterministic for a seed.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import string
import uuid

# Real-world file-size quantiles (bytes) from ccusage's large-fixture generator, as in gen_claude_logs.py.
QUANTILES = [(0.0, 236.0), (0.5, 105267.0), (0.75, 233572.0), (0.9, 653972.0), (0.95, 1504757.0),
             (0.99, 5383751.0), (1.0, 87033471.0)]
MODELS = [("claude-sonnet-4-5-20250929", 40, True), ("claude-opus-4-1-20250805", 15, True),
          ("claude-opus-4-6", 15, True), ("claude-sonnet-4-6", 15, True), ("claude-haiku-4-5-20251001", 15, False)]
VERSIONS = ["2.0.19", "2.0.74", "2.1.39", "2.1.97"]
TOOLS = ["Read", "Bash", "Grep", "Glob", "Edit", "Write", "TodoWrite", "WebFetch"]
WORDS = ("the of and to in is for on that with as it be by this are from or at function value return error file "
         "test build module config request response cache token session project branch commit parser table").split()


def interp_size(p):
    for i in range(1, len(QUANTILES)):
        p0, s0 = QUANTILES[i - 1]
        p1, s1 = QUANTILES[i]
        if p <= p1:
            return s0 + (s1 - s0) * (0.0 if p1 == p0 else (p - p0) / (p1 - p0))
    return QUANTILES[-1][1]


def iso(ms):
    t = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def rid(rng, prefix, n=24):
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(rng.choice(alphabet) for _ in range(n))


def ruuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class Truth:
    def __init__(self):
        self.calls = 0
        self.tokens = {"input": 0, "output": 0, "cacheWrite": 0, "cacheRead": 0}

    def add(self, usage):
        self.calls += 1
        self.tokens["input"] += usage["input_tokens"]
        self.tokens["output"] += usage["output_tokens"]
        self.tokens["cacheWrite"] += usage["cache_creation_input_tokens"]
        self.tokens["cacheRead"] += usage["cache_read_input_tokens"]


def write_session(path, target, rng, pool, start_ms, end_ms, session_id, cwd, branch, truth,
                  sidechain=False, agent_id=None):
    """Writes about `target` bytes of one session whose calls run from start_ms to end_ms; returns bytes written."""
    model, _, one_hour = rng.choices(MODELS, weights=[m[1] for m in MODELS])[0]
    version = rng.choice(VERSIONS)
    context = rng.randint(8000, 20000)
    parent = None
    written = 0
    out = []
    last_ms = start_ms
    calls = 0

    def text(n):
        n = max(1, min(n, len(pool) - 1))
        s = rng.randrange(0, len(pool) - n)
        return pool[s:s + n]

    def now(extra_ms=0):
        """Time advances with the bytes written, so the session spans start..end whatever its size."""
        nonlocal last_ms
        t = start_ms + int((end_ms - start_ms) * min(1.0, written / target)) + extra_ms
        last_ms = max(last_ms + 1, min(t, end_ms))
        return last_ms

    def base(kind):
        d = {"parentUuid": parent, "isSidechain": sidechain, "userType": "external", "cwd": cwd,
             "sessionId": session_id, "version": version, "gitBranch": branch}
        if agent_id:
            d["agentId"] = agent_id
        d["type"] = kind
        return d

    def emit(obj):
        nonlocal written
        s = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        out.append(s)
        written += len(s.encode()) + 1

    if not sidechain and rng.random() < 0.5:
        emit({"type": "summary", "summary": text(40), "leafUuid": ruuid(rng)})
    while written < target:
        u = base("user")
        u["message"] = {"role": "user", "content": text(rng.randint(40, 800))}
        u["uuid"] = ruuid(rng)
        u["timestamp"] = iso(now())
        parent = u["uuid"]
        emit(u)
        if not sidechain and rng.random() < 0.3:
            emit({"type": "file-history-snapshot", "messageId": u["uuid"],
                  "snapshot": {"messageId": u["uuid"], "trackedFileBackups": {}, "timestamp": u["timestamp"]},
                  "isSnapshotUpdate": False})
        for _ in range(rng.randint(1, 6)):
            if written >= target and calls:  # every session makes one call at least
                break
            calls += 1
            ts = now(rng.randint(1500, 30000))
            msg_id = rid(rng, "msg_01", 22)
            req_id = rid(rng, "req_011C", 20)
            cache_write = rng.randint(0, 6000)
            cache_read = context
            context += cache_write + rng.randint(50, 3000)
            if context > 180000:  # compaction
                context = rng.randint(8000, 20000)
            h1 = cache_write if one_hour else 0
            final_out = rng.randint(20, 2500)
            fresh_in = rng.choice([1, 2, 3, 4, 6, 8, 10])
            blocks = ["thinking"] * (rng.random() < 0.3) + ["text"] + ["tool_use"] * rng.randint(0, 2)
            for bi, kind in enumerate(blocks):
                last = bi == len(blocks) - 1
                usage = {"input_tokens": fresh_in, "cache_creation_input_tokens": cache_write,
                         "cache_read_input_tokens": cache_read,
                         "cache_creation": {"ephemeral_5m_input_tokens": cache_write - h1,
                                            "ephemeral_1h_input_tokens": h1},
                         "output_tokens": final_out if last else rng.randint(1, 12), "service_tier": "standard"}
                if kind == "text":
                    content = [{"type": "text", "text": text(rng.randint(80, 1500))}]
                elif kind == "thinking":
                    content = [{"type": "thinking", "thinking": text(rng.randint(200, 2000)),
                                "signature": rid(rng, "", 120)}]
                else:
                    content = [{"type": "tool_use", "id": rid(rng, "toolu_01", 22), "name": rng.choice(TOOLS),
                                "input": {"command": text(rng.randint(20, 200))}}]
                a = base("assistant")
                a["message"] = {"id": msg_id, "type": "message", "role": "assistant", "model": model,
                                "content": content, "stop_reason": None, "stop_sequence": None, "usage": usage}
                a["requestId"] = req_id
                a["uuid"] = ruuid(rng)
                a["timestamp"] = iso(ts)
                parent = a["uuid"]
                emit(a)
                if last:
                    truth.add(usage)
                if kind == "tool_use":
                    r = base("user")
                    body = text(int(rng.paretovariate(1.3) * 1500))
                    r["message"] = {"role": "user", "content": [
                        {"tool_use_id": content[0]["id"], "type": "tool_result", "content": body,
                         "is_error": rng.random() < 0.05}]}
                    r["uuid"] = ruuid(rng)
                    r["timestamp"] = iso(ts)
                    r["toolUseResult"] = {"stdout": body[:2000], "stderr": "", "interrupted": False,
                                          "isImage": False}
                    parent = r["uuid"]
                    emit(r)
                    if rng.random() < 0.3:
                        s = base("system")
                        s.update({"content": "Running PostToolUse hook...", "isMeta": False, "timestamp": iso(ts),
                                  "uuid": ruuid(rng), "level": "info"})
                        emit(s)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return written


def bursts(times, gap=5 * 3600):
    """Commit times split where more than `gap` seconds pass: one session per burst of work."""
    groups = [[times[0]]]
    for t in times[1:]:
        if t - groups[-1][-1] > gap:
            groups.append([t])
        else:
            groups[-1].append(t)
    return groups


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--changes", required=True, help="the .changes.json bench/make_audit_repo.py wrote")
    ap.add_argument("--home", required=True, help="the home folder to write .claude/projects under")
    ap.add_argument("--size-mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    info = json.load(open(args.changes))
    rng = random.Random(args.seed)
    pool = " ".join(rng.choice(WORDS) for _ in range(200_000))
    projects = os.path.join(args.home, ".claude", "projects")
    if os.path.exists(projects):
        shutil.rmtree(projects)

    plan = []  # (end_ms, last commit ms, branch, subfolder)
    for change in info["changes"]:
        for group in bursts(change["times"]):
            plan.append((group[0], group[-1], change["branch"], change["sub"]))
    n = len(plan)
    raw = [interp_size((i + 0.5) / n) for i in range(n)]
    scale = args.size_mb * 1024 * 1024 / sum(raw)
    sizes = [max(1500, int(s * scale)) for s in raw]
    rng.shuffle(sizes)

    truth = Truth()
    files = sessions = total = 0
    window_start_ms = info["window_start"] * 1000 + 60_000
    wanted = 0
    for (first, last, branch, sub), size in zip(plan, sizes):
        # A session overshoots its size by up to one call; the next ones make up for it, so the tree totals --size-mb.
        wanted += size
        size = max(1500, size - max(0, total - (wanted - size)))
        cwd = info["repository"] + (f"/{sub}" if sub else "")
        encoded = re.sub(r"[^A-Za-z0-9]", "-", cwd)
        sid = ruuid(rng)
        end_ms = last * 1000 - rng.randint(60, 15 * 60) * 1000
        calls = size / 11000  # bytes per call in this line shape, tool results included
        duration_ms = int(min(10 * 3600, max(rng.uniform(15, 90) * 60, calls * rng.uniform(8, 25))) * 1000)
        start_ms = max(window_start_ms, min(first * 1000 - 5 * 60_000, end_ms - duration_ms))
        end_ms = max(end_ms, start_ms + 60_000)
        main_size = size
        sub_agent = rng.random() < 0.25 and size > 20000
        if sub_agent:
            main_size = int(size * 0.7)
        total += write_session(os.path.join(projects, encoded, f"{sid}.jsonl"), main_size, rng, pool, start_ms,
                               end_ms, sid, cwd, branch, truth)
        files += 1
        sessions += 1
        if sub_agent:
            agent = rid(rng, "", 8).lower()
            sub_start = start_ms + (end_ms - start_ms) // 3
            total += write_session(os.path.join(projects, encoded, sid, "subagents", f"agent-{agent}.jsonl"),
                                   size - main_size, rng, pool, sub_start, max(sub_start + 60_000, end_ms - 60_000),
                                   sid, cwd, branch, truth, sidechain=True, agent_id=agent)
            files += 1
    result = {"files": files, "sessions": sessions, "bytes": total, "calls": truth.calls, "tokens": truth.tokens}
    with open(os.path.join(args.home, "truth.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(f"logs under {projects}: {files} files, {sessions} sessions, {total / 1048576:.1f} MB, "
          f"{truth.calls} calls")


if __name__ == "__main__":
    main()
