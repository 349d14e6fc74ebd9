#!/usr/bin/env python3
"""Writes ONE large Claude Code session file, for the bounded-memory benchmark.

    python3 bench/make_big_session.py --out DIR --size-mb 1024 [--seed 1]

The file is DIR/projects/-home-dev-big/<session>.jsonl: user prompts, tool results with bulky text, and assistant
responses written the way Claude Code writes them (several lines per response sharing message.id and requestId,
output growing on the last line). DIR/truth.json holds the true totals (one call per (message.id, requestId), the
last line's usage), computed while writing. Standard library only; deterministic for a seed.
"""
import argparse
import json
import os
import random

WORDS = ("cache token parse ledger report model usage stream budget commit branch review test build "
         "deploy fix feature refactor the of and to in is for on that with").split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = " ".join(rng.choice(WORDS) for _ in range(200_000))
    folder = os.path.join(args.out, "projects", "-home-dev-big")
    os.makedirs(folder, exist_ok=True)
    session = "b16b16b1-0000-4000-8000-000000000001"
    target = int(args.size_mb * 1024 * 1024)
    truth = {"calls": 0, "input": 0, "output": 0, "cacheWrite": 0, "cacheRead": 0}
    written = 0
    n = 0
    with open(os.path.join(folder, session + ".jsonl"), "w") as f:
        while written < target:
            n += 1
            ts = f"2026-06-{1 + (n // 20000) % 28:02d}T{(n // 800) % 24:02d}:{(n // 14) % 60:02d}:{n % 60:02d}.000Z"
            base = {"sessionId": session, "cwd": "/home/dev/big", "version": "2.1.97", "gitBranch": "main",
                    "isSidechain": False, "userType": "external", "timestamp": ts}
            start = rng.randrange(0, len(pool) - 9000)
            lines = [dict(base, type="user", uuid=f"u{n}", message={"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": f"t{n}", "content": pool[start:start + rng.randint(500, 9000)]}]})]
            write, read, final = rng.randint(0, 4000), rng.randint(10_000, 150_000), rng.randint(20, 3000)
            blocks = rng.randint(1, 3)
            for b in range(blocks):
                out = final if b == blocks - 1 else rng.randint(1, 10)
                usage = {"input_tokens": 3, "cache_creation_input_tokens": write, "cache_read_input_tokens": read,
                         "cache_creation": {"ephemeral_5m_input_tokens": write, "ephemeral_1h_input_tokens": 0},
                         "output_tokens": out, "service_tier": "standard"}
                lines.append(dict(base, type="assistant", uuid=f"a{n}.{b}", requestId=f"req_{n}", message={
                    "id": f"msg_{n}", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                    "content": [{"type": "text", "text": pool[start:start + rng.randint(100, 1500)]}],
                    "stop_reason": None, "usage": usage}))
            truth["calls"] += 1
            truth["input"] += 3
            truth["output"] += final
            truth["cacheWrite"] += write
            truth["cacheRead"] += read
            for line in lines:
                s = json.dumps(line, separators=(",", ":"))
                f.write(s + "\n")
                written += len(s) + 1
    with open(os.path.join(args.out, "truth.json"), "w") as f:
        json.dump(truth | {"bytes": written}, f, indent=1)
    print(f"wrote {written} bytes, {truth['calls']} calls")


if __name__ == "__main__":
    main()
