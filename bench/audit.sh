#!/usr/bin/env bash
# The audit benchmark (README, Benchmarks): `frugal audit` over a 5,000-commit repository and 100 MB of Claude Code
# logs, first run and repeat, side by side in one run:
#   1. builds a synthetic repository with git fast-import (bench/make_audit_repo.py: a year of mainline commits,
#      merges, squashes, reverts, about 40 % carrying Claude Code's markers, fixes that rewrite earlier lines), or
#      reuses the one a previous run built with the same generator and options;
#   2. writes Claude Code session logs on that history (bench/make_audit_logs.py), or reuses them likewise;
#   3. publishes frugal as a NativeAOT binary (or takes --frugal BIN);
#   4. imports the logs, then times the first audit of the year (git caches empty), the repeat (target: under 2 s)
#      and the default 30-day window, and cross-checks the audit against git and the generators
#      (bench/audit_bench.py). Any failure exits non-zero.
# HOME, XDG_DATA_HOME and XDG_CONFIG_HOME point inside the work folder: the real user's logs and ledger are not read.
# Everything lives under the work folder (default /tmp/frugal-bench-audit, or $FRUGAL_BENCH_AUDIT_DIR, or --work):
# the repository and logs (about 180 MB) are kept for the next run; the binary, ledgers and outputs are removed on
# exit; --clean removes the whole folder at the end.
# Usage: bench/audit.sh [--work DIR] [--commits 5000] [--log-mb 100] [--runs 5] [--first-runs 3] [--seed 1]
#                       [--frugal BIN] [--clean]
# Needs python3, git, and for publishing the .NET SDK and clang (NativeAOT).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${FRUGAL_BENCH_AUDIT_DIR:-/tmp/frugal-bench-audit}
commits=5000; log_mb=100; runs=5; first_runs=3; seed=1; frugal=""; clean=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --log-mb) log_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --first-runs) first_runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --frugal) frugal=$(realpath "$2"); shift 2 ;;
    --clean) clean=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in python3 git; do
  command -v "$tool" >/dev/null || { echo "needs $tool on PATH" >&2; exit 1; }
done

# The work folder is ours only when it is new or carries our mark: never empty someone else's folder.
mark=.frugal-bench-audit
mkdir -p "$work"
work=$(realpath "$work")
if [ ! -e "$work/$mark" ] && [ -n "$(ls -A "$work")" ]; then
  echo "$work exists and was not made by this benchmark; pass --work with a new folder" >&2; exit 1
fi
touch "$work/$mark"
run="$work/run"
cleanup() {
  rm -rf "$run"
  if [ "$clean" = 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
rm -rf "$run"
mkdir -p "$run"

# Inputs are rebuilt only when the generator or its options changed (a stamp records both).
repo="$work/repo"; home="$work/home"
repo_stamp="repo $(sha256sum bench/make_audit_repo.py | cut -c1-16) --commits $commits --seed $seed --out $repo"
if [ ! -d "$repo/.git" ] || [ "$(cat "$work/repo.stamp" 2>/dev/null)" != "$repo_stamp" ]; then
  echo "== building the repository ($commits mainline commits) with git fast-import" >&2
  rm -f "$work/repo.stamp" "$work/logs.stamp"
  start=$(date +%s)
  python3 bench/make_audit_repo.py --out "$repo" --commits "$commits" --seed "$seed" >&2
  echo "   took $(( $(date +%s) - start )) s" >&2
  echo "$repo_stamp" > "$work/repo.stamp"
else
  echo "== reusing $repo" >&2
fi
logs_stamp="logs $(sha256sum bench/make_audit_logs.py | cut -c1-16) --log-mb $log_mb --seed $seed / $repo_stamp"
if [ ! -f "$home/truth.json" ] || [ "$(cat "$work/logs.stamp" 2>/dev/null)" != "$logs_stamp" ]; then
  echo "== writing ${log_mb} MB of Claude Code logs on that history" >&2
  rm -f "$work/logs.stamp"
  python3 bench/make_audit_logs.py --changes "$repo.changes.json" --home "$home" --size-mb "$log_mb" \
    --seed "$seed" >&2
  echo "$logs_stamp" > "$work/logs.stamp"
else
  echo "== reusing the logs under $home" >&2
fi

if [ -z "$frugal" ]; then
  echo "== publishing the NativeAOT binary" >&2
  dotnet publish src/Frugal.Cli -c Release -r linux-x64 -o "$run/bin" -p:DebugType=none >&2
  frugal="$run/bin/frugal"
fi
echo "frugal: $("$frugal" --version) ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ', src modified'))"

echo "== timing" >&2
python3 bench/audit_bench.py --frugal "$frugal" --repo "$repo" --home "$home" --run "$run/audit" \
  --runs "$runs" --first-runs "$first_runs"
