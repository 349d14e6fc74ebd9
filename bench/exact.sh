#!/usr/bin/env bash
# Checks exact totals against an independent generator: writes 20 MB Claude Code trees with the shared test-data
# generator (../shared/tools/gen_claude_logs.py, seed 7: once plain, once with 2 % truncated lines and 30 % of
# sessions copied into a second project folder), runs
#   frugal report daily --json --timezone UTC --source claude-code=DIR
# on each, and compares every token field of every UTC date with the generator's manifest.json.
# Usage: bench/exact.sh [FRUGAL]   (default: dotnet run of src/Frugal.Cli)
set -euo pipefail
cd "$(dirname "$0")/.."
generator=../shared/tools/gen_claude_logs.py
[ -f "$generator" ] || { echo "needs $generator (the shared generator)" >&2; exit 1; }
work=$(mktemp -d -t frugal-exact-XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then frugal=("$1"); else
  dotnet build src/Frugal.Cli -c Release >&2
  frugal=(dotnet src/Frugal.Cli/bin/Release/net10.0/frugal.dll)
fi

status=0
for variant in plain pathological; do
  extra=()
  [ "$variant" = pathological ] && extra=(--malformed-rate 0.02 --dup-file-rate 0.3)
  python3 "$generator" --out "$work/$variant" --size-mb 20 --seed 7 "${extra[@]}" >&2
  "${frugal[@]}" report daily --json --timezone UTC --source "claude-code=$work/$variant" \
    --ledger "$work/$variant.db" > "$work/$variant.json"
  echo -n "$variant: "
  python3 bench/check_manifest.py "$work/$variant/manifest.json" "$work/$variant.json" || status=1
done
exit $status
