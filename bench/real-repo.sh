#!/usr/bin/env bash
# Runs `frugal audit` on a real public repository with Claude Code co-authored commits, and checks that the audit's
# AI-marked count for Claude Code agrees with what `git log -i --grep` finds for the same markers on the same commits.
#   1. clones a copy of the repository (--mirror PATH, else a bare mirror cloned once from --url into
#      WORK/mirrors) into a work tree WORK/NAME/NAME (nothing in the copy is written);
#   2. writes a synthetic Claude Code log tree whose sessions fall on that history (bench/real_repo_logs.py: the
#      repositories publish no transcripts, so the logs are made up; their times, folder and branches are real);
#   3. runs the audit for the window in terminal, Markdown and JSON form (HOME, XDG_* and the ledger all point
#      into WORK, so no real user's data is read or written);
#   4. counts, with git alone, the Claude-marked commits the audit should count, and compares.
# Usage: bench/real-repo.sh [--mirror GIT_DIR | --url URL] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--work DIR]
#                           [--seed N] [--frugal PATH] [--per-day]
# Defaults: basicmachines-co/basic-memory from GitHub, 2026-01-01 to 2026-02-28, /tmp/frugal-real-repo, seed 7,
# frugal built from src/Frugal.Cli (Release). Exits 1 when the counts disagree, after showing the days and commits
# that differ; --per-day compares day by day even when the totals agree (so that errors cannot cancel out).
# Needs git, python3 and the .NET 10 SDK.
set -euo pipefail
caller=$(pwd)
cd "$(dirname "$0")/.."
bench=$(pwd)/bench
mirror=; url=https://github.com/basicmachines-co/basic-memory.git
since=2026-01-01; until=2026-02-28; work=/tmp/frugal-real-repo; seed=7; frugal_path=; per_day=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mirror) mirror=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --since) since=$2; shift 2 ;;
    --until) until=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --frugal) frugal_path=$2; shift 2 ;;
    --per-day) per_day=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$caller/$1" ;; esac; }
work=$(absolute "$work"); [ -n "$frugal_path" ] && frugal_path=$(absolute "$frugal_path")
if [ -z "$mirror" ]; then
  # No local copy given: a bare mirror of the repository is cloned once into the work folder (needs the network).
  mirror=$work/mirrors/$(basename "$url" .git).git
  [ -d "$mirror" ] || git clone --quiet --mirror "$url" "$mirror"
fi
mirror=$(absolute "$mirror")
[ -d "$mirror" ] || { echo "no repository at $mirror: give --mirror PATH (a bare or normal clone)" >&2; exit 2; }
# The run's folder is named after the repository: the clone's folder, or its parent's when that is called "repo".
name=$(basename "$mirror" .git); [ "$name" = repo ] && name=$(basename "$(dirname "$mirror")")
w=$work/$name
rm -rf "$w"
mkdir -p "$w/home"
export HOME=$w/home XDG_DATA_HOME=$w/home/.local/share XDG_CONFIG_HOME=$w/home/.config
unset CLAUDE_CONFIG_DIR CODEX_HOME

if [ -n "$frugal_path" ]; then frugal=("$frugal_path"); else
  dotnet build src/Frugal.Cli -c Release -v quiet -nologo >&2
  frugal=(dotnet src/Frugal.Cli/bin/Release/net10.0/frugal.dll)
fi

repo=$w/${name#*+}   # the work tree is named like the repository, as a developer's clone would be
echo "== cloning $mirror into $repo" >&2
# Some mirrors leave out blobs of 4 MiB and more, so the checkout of HEAD can fail on a few files (sentry-mcp: 3).
# The audit reads only history, so that is reported and the run goes on; a clone that fails otherwise stops here.
if ! git clone --quiet --no-hardlinks "$mirror" "$repo" 2> "$w/clone.err"; then
  git -C "$repo" rev-parse --verify --quiet HEAD > /dev/null || { cat "$w/clone.err" >&2; exit 1; }
  echo "note: clone made, but $(grep -c 'unable to read' "$w/clone.err") files of HEAD could not be checked out" \
       "(blobs missing from the mirror; see $w/clone.err); the audit reads history only" >&2
fi
head=$(git -C "$repo" symbolic-ref refs/remotes/origin/HEAD)   # refs/remotes/origin/main

echo "== writing the synthetic log tree" >&2
python3 "$bench/real_repo_logs.py" --repo "$repo" --since "$since" --until "$until" --out "$w/logs" --seed "$seed" >&2

audit=("${frugal[@]}" audit --repo "$repo" --since "$since" --until "$until" --timezone UTC --ledger "$w/ledger.db")
echo "== frugal audit --repo $repo --since $since --until $until --timezone UTC --source claude-code=$w/logs" >&2
"${audit[@]}" --source "claude-code=$w/logs" | tee "$w/audit.txt"
"${audit[@]}" --no-import --markdown > "$w/audit.md"
"${audit[@]}" --no-import --json > "$w/audit.json"
echo "Markdown: $w/audit.md; JSON: $w/audit.json" >&2

# ---- The agreement check -------------------------------------------------------------------------------------------
# What the audit counts: commits on the default branch's mainline (first parents, except through a pull of the
# default branch into local work, below) whose committer date is in the window (UTC here), each marked when its own
# author, committer or message carries a marker, or, for a merge whose own message carries none, when a commit it
# brought in (reachable from its other parent, not from the one the mainline follows) does. So git is asked the
# same: the markers by --grep, --author and --committer, the mainline walked the same way, then each merge's
# `^FOLLOWED M` range.
#
# `git log --all` over the mirror gives a much larger number and is printed for information only (reference §6:
# analyse HEAD / --first-parent, not --all). The mirror holds every branch head (claude/issue-*, codex/*, ...) and
# GitHub's refs/pull/N/head for every pull request: a squash-merged pull request counts once per commit of its
# branch and again for the squash on main; branches that never merged count; commits a merge brought in count as
# well as the merge; and a rebased branch commit counts in the window of its new committer date.
win=(--since="${since}T00:00:00Z" --until="${until}T23:59:59Z")
markers=(-i -E --grep='Co-Authored-By: Claude' --grep='Generated with \[Claude Code\]'
         --grep='claude\.ai/code/session_' --grep='claude\[bot\]')
identity='noreply@anthropic\.com|claude\[bot\]'   # as author or committer: web sessions, the GitHub app
# Ids of the commits of a git-log range that carry a Claude marker. git ANDs --author/--committer with --grep, so
# they are asked separately.
marked() {
  local dir=$1; shift
  { git -C "$dir" log --format=%H "${markers[@]}" "$@"
    git -C "$dir" log --format=%H -i -E --author="$identity" "$@"
    git -C "$dir" log --format=%H -i -E --committer="$identity" "$@"; } | sort -u
}
c=$w/check; mkdir -p "$c"
# The mainline as the audit walks it: first parents, except through a merge that pulled the default branch into
# local work ("Merge branch 'main' of …", "Merge remote-tracking branch 'origin/main'"), where the default branch
# went on in the second parent. Written as "sha date follows" for the commits committed in the window.
branch_name=$(basename "$head")
git -C "$repo" log --format='%H%x1f%P%x1f%ct%x1f%s' "$head" | python3 -c '
import datetime, sys
branch, since, until = sys.argv[1], sys.argv[2], sys.argv[3]
commits = {}
order = []
for line in sys.stdin:
    sha, parents, ct, subject = line.rstrip("\n").split("\x1f", 3)
    commits[sha] = (parents.split(), int(ct), subject)
    order.append(sha)
def pulls(subject):
    return (subject.startswith(f"Merge branch \x27{branch}\x27 of ")
            or subject == f"Merge remote-tracking branch \x27origin/{branch}\x27"
            or subject.startswith(f"Merge remote-tracking branch \x27origin/{branch}\x27 into "))
sha = order[0] if order else None
while sha in commits:
    parents, ct, subject = commits[sha]
    follows = parents[1] if len(parents) == 2 and pulls(subject) else (parents[0] if parents else "")
    day = datetime.datetime.fromtimestamp(ct, datetime.timezone.utc).strftime("%Y-%m-%d")
    if since <= day <= until:
        print(sha, day, follows)
    sha = follows or None
' "$branch_name" "$since" "$until" > "$c/walk"
cut -d' ' -f1,2 "$c/walk" > "$c/mainline"
marked "$repo" "${win[@]}" "$head" | grep -xFf <(cut -d' ' -f1 "$c/walk") > "$c/own" || true
: > "$c/via"   # merge, then the marked commits it brought in
while read -r m _ follows; do
  [ "$(git -C "$repo" rev-list --no-walk --count --merges "$m")" -eq 1 ] || continue
  grep -qx "$m" "$c/own" && continue
  brought=$(marked "$repo" "^$follows" "$m" | grep -vx "$m" | tr '\n' ' ' || true)
  [ -n "$brought" ] && echo "$m $brought" >> "$c/via"
done < "$c/walk"
{ cat "$c/own"; cut -d' ' -f1 "$c/via"; } | sort -u > "$c/expected"
expected=$(wc -l < "$c/expected")
mirror_head=$(git -C "$mirror" symbolic-ref HEAD)
all=$(marked "$mirror" --all "${win[@]}" | wc -l)
all_main=$(marked "$mirror" "${win[@]}" "$mirror_head" | wc -l)
all_heads=$(marked "$mirror" "${win[@]}" --branches --tags --not "$mirror_head" | wc -l)
all_pulls=$(marked "$mirror" "${win[@]}" --glob='refs/pull/*' --not "$mirror_head" | wc -l)
read -r commits audited others < <(python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["outcomes"]
tools = o["aiMarkedByTool"]
print(o["commits"], tools.get("claude-code", 0), " ".join(f"{k}={v}" for k, v in tools.items() if k != "claude-code") or "-")
' "$w/audit.json")

echo
echo "== agreement: Claude-marked commits on the mainline of $(basename "$head"), committed $since..$until UTC"
echo "mainline commits in the window:           git $(wc -l < "$c/mainline"), audit $commits"
echo "git, own message, author or committer:    $(wc -l < "$c/own")"
echo "git, merges credited for what they merged: $(wc -l < "$c/via")"
while read -r m rest; do
  echo "    ${m:0:8} brought in $(for x in $rest; do echo "${x:0:8}"; done | paste -sd, -)"
done < "$c/via"
echo "git, like for like:                       $expected"
echo "frugal audit, AI-marked by claude-code:   $audited   (other tools: $others)"
echo "for information, git log --all on the mirror: $all (all parents of $(basename "$mirror_head") $all_main;" \
     "other branches and tags only $all_heads; refs/pull/* only $all_pulls)"

echo
echo "== sessions: what the generator meant vs the audit's outcome (information)"
python3 -c '
import collections, json, sys
kinds = {s["session"]: s["kind"] for s in json.load(open(sys.argv[1]))["sessions"]}
pairs = collections.Counter((kinds.get(s["session"], "?"), s["outcome"]) for s in json.load(open(sys.argv[2]))["sessions"])
for (kind, outcome), n in sorted(pairs.items()):
    print(f"  {kind:9} -> {outcome}: {n}")
' "$w/logs/manifest.json" "$w/audit.json"

status=0
if [ "$expected" -eq "$audited" ]; then echo; echo "AGREE: audit $audited = git $expected"
else echo; echo "DISAGREE: audit $audited, git $expected"; status=1; fi
[ "$status" -eq 0 ] && [ "$per_day" -eq 0 ] && exit 0

# ---- Day by day (on disagreement, or with --per-day): which days, and their commits --------------------------------
# The audit prints counts, not its list of marked commits, so it is run once per day (from the ledger, ~1 s each) and
# each day's count is compared with git's; a day that differs is shown commit by commit with git's verdict.
echo "== auditing day by day" >&2
day=$since; differing=0
while [ "$(date -u -d "$day" +%s)" -le "$(date -u -d "$until" +%s)" ]; do
  got=$("${frugal[@]}" audit --repo "$repo" --since "$day" --until "$day" --timezone UTC --ledger "$w/ledger.db" \
        --no-import --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["outcomes"]["aiMarkedByTool"].get("claude-code",0))')
  want=$(awk -v d="$day" '$2 == d {print $1}' "$c/mainline" | grep -cxFf "$c/expected" || true)
  if [ "$got" != "$want" ]; then
    differing=$((differing + 1))
    echo "-- $day: audit $got, git $want"
    for sha in $(awk -v d="$day" '$2 == d {print $1}' "$c/mainline"); do
      verdict=none; grep -qx "$sha" "$c/own" && verdict=own; grep -q "^$sha " "$c/via" && verdict=via-merge
      echo "   ${sha:0:10} git:$verdict  $(git -C "$repo" show -s --format=%s "$sha" | cut -c1-80)"
      git -C "$repo" show -s --format='author %an <%ae>%ncommitter %cn <%ce>%n%B' "$sha" \
        | grep -i -E '^(author|committer) .*(anthropic|\[bot\])|^ *(co-authored-by|claude-session|assisted-by|generated-by):|generated with \[|claude\.ai/code/session_' \
        | sed 's/^ */        /' || true
      [ "$verdict" = via-merge ] && echo "        brought in marked: $(grep "^$sha " "$c/via" | cut -d' ' -f2- | cut -c1-80)"
    done
  fi
  day=$(date -u -d "$day + 1 day" +%Y-%m-%d)
done
echo "days where the one-day audit and git differ: $differing"
[ "$differing" -gt 0 ] && status=1
exit $status
