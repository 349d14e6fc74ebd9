#!/usr/bin/env python3
"""Compares `frugal report daily --json --timezone UTC` with a generator's manifest.json, field by field.

    frugal report daily --json --timezone UTC --source claude-code=DIR > report.json
    python3 bench/check_manifest.py DIR/manifest.json report.json

The manifest is the one written by the shared gen_claude_logs.py (true totals by UTC date). Exits 1 and lists
every difference when any token field of any date differs.
"""
import json
import sys

FIELDS = {"inputTokens": "input_tokens", "outputTokens": "output_tokens",
          "cacheWrite5mTokens": "ephemeral_5m_input_tokens", "cacheWrite1hTokens": "ephemeral_1h_input_tokens",
          "cacheReadTokens": "cache_read_input_tokens", "calls": "calls"}


def main():
    manifest = json.load(open(sys.argv[1]))["totals"]["by_utc_date"]
    report = {row["key"]: row for row in json.load(open(sys.argv[2]))["rows"]}
    differences = []
    for date in sorted(set(manifest) | set(report)):
        truth, row = manifest.get(date), report.get(date)
        if truth is None or row is None:
            differences.append(f"{date}: only in {'report' if truth is None else 'manifest'}")
            continue
        for ours, theirs in FIELDS.items():
            if row[ours] != truth[theirs]:
                differences.append(f"{date} {ours}: report {row[ours]}, manifest {truth[theirs]}")
        cache_write = truth["cache_creation_input_tokens"]
        if row["cacheWrite5mTokens"] + row["cacheWrite1hTokens"] != cache_write:
            differences.append(f"{date} cache writes: report {row['cacheWrite5mTokens'] + row['cacheWrite1hTokens']}, "
                               f"manifest {cache_write}")
    for line in differences:
        print(line)
    print(f"{len(manifest)} dates, {len(differences)} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
