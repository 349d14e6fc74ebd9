#!/usr/bin/env bash
# Regenerates every benchmark figure in the README, side by side in one run:
#   1. publishes frugal as a NativeAOT binary;
#   2. installs ccusage 20 from npm into a temporary folder;
#   3. writes a 200 MB Claude Code tree with the shared generator (../shared/tools/gen_claude_logs.py, a cross-check
#      outside this repository) and checks frugal's daily report against its manifest, field by field;
#   4. writes one 1 GB session file (bench/make_big_session.py);
#   5. times cold and repeat runs of both tools, peak memory on the 1 GB file, and frugal's start-up.
# Usage: bench/run.sh [--size-mb 200] [--big-mb 1024] [--runs 5]. Needs python3, node/npm, clang (for NativeAOT).
set -euo pipefail
cd "$(dirname "$0")/.."
size=200; big=1024; runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size=$2; shift 2 ;;
    --big-mb) big=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d -t frugal-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== publishing the NativeAOT binary" >&2
dotnet publish src/Frugal.Cli -c Release -r linux-x64 -o "$work/bin" -p:DebugType=none >&2
frugal="$work/bin/frugal"

echo "== installing ccusage 20 from npm" >&2
npm install --silent --no-audit --no-fund --prefix "$work/ccusage" ccusage@20.0.24 >&2
# ccusage 20 is a native binary behind a Node launcher; time the native binary itself (the faster of the two).
ccusage="$work/ccusage/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
if [ -f "$ccusage" ]; then chmod +x "$ccusage"; else ccusage="$work/ccusage/node_modules/.bin/ccusage"; fi

generator=../shared/tools/gen_claude_logs.py
[ -f "$generator" ] || { echo "needs $generator (the shared generator) for the cross-check tree" >&2; exit 1; }
echo "== generating a ${size} MB tree" >&2
python3 "$generator" --out "$work/tree" --size-mb "$size" --seed 42 >&2

echo "== exact totals against the manifest" >&2
"$frugal" report daily --json --timezone UTC --source "claude-code=$work/tree" --ledger "$work/check.db" > "$work/report.json"
python3 bench/check_manifest.py "$work/tree/manifest.json" "$work/report.json"

echo "== generating one ${big} MB session file" >&2
python3 bench/make_big_session.py --out "$work/big" --size-mb "$big" >&2

echo "== timing" >&2
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sm); $(date -u +%Y-%m-%d)."
echo "ccusage: $("$ccusage" --version 2>/dev/null | head -1) ($ccusage)"
python3 bench/compare.py --frugal "$frugal" --ccusage "$ccusage" --tree "$work/tree" --big "$work/big" --runs "$runs"
