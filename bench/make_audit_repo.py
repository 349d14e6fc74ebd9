#!/usr/bin/env python3
"""Builds a synthetic git repository for the audit benchmark, with `git fast-import` (one process, not one per commit).

    python3 bench/make_audit_repo.py --out DIR [--commits 5000] [--start 2025-12-01] [--days 365] [--seed 1]

DIR becomes a normal (non-bare) repository whose default branch `main` holds --commits first-parent commits made in
the --days days from --start (UTC), after a short prehistory before --start (the initial import and a few weeks of
work, so some bugs were introduced before the audited window). Its shape is what `frugal audit` reads:

  * a dozen authors in several time zones, working hours, quiet weekends;
  * Conventional Commit subjects (feat, fix, chore, docs, refactor, test, perf, ci, build, style) and a few
    unconventional ones (dependabot bumps, "Update README");
  * three ways of landing: direct pushes, GitHub squash merges `subject (#N)` (author the pull request's author,
    committer GitHub) and GitHub merge commits `Merge pull request #N from acme/branch` with the pull request's
    title in the body, each bringing in one to four branch commits;
  * reverts (`Revert "…"` / `This reverts commit <id>.`), undoing a recent change file for file;
  * about 40 % of mainline commits carrying Claude Code's markers (`Co-Authored-By: Claude … <noreply@anthropic.com>`
    and `🤖 Generated with [Claude Code](https://claude.ai/code)`; squash merges rewrite them as `Co-authored-by:`).
    A merge commit whose branch commits are marked carries the marker too (the pull request's description), so the
    marked mainline commits are exactly those a first-parent `git log --grep` finds;
  * several hundred files (Python, TypeScript, YAML, Markdown); fixes rewrite lines earlier commits wrote, mostly
    recent ones, so SZZ blame has real work; a few fixes name the culprit in a `Fixes:` trailer; a few `style:`
    commits are listed in `.git-blame-ignore-revs`;
  * a few open branches that main does not reach (some marked), so unmerged work is read too.

Also writes DIR.changes.json: every AI-marked change (its commit times, branch, author, subfolder) and a few
sessions that shipped nothing, for bench/make_audit_logs.py to place Claude Code sessions on; and the commit counts
the generator made, for the benchmark's cross-check. Standard library only; deterministic for a seed (commit ids
included: every date is fixed).
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys

AUTHORS = [  # name, e-mail, UTC offset (minutes)
    ("Alice Moreau", "alice@acme-corp.io", 60),
    ("Bob Okafor", "bob.okafor@acme-corp.io", 0),
    ("Chen Wei", "chen.wei@acme-corp.io", 480),
    ("Dana Kowalski", "dana@acme-corp.io", 60),
    ("Eduardo Lima", "elima@acme-corp.io", -180),
    ("Fatima Zahra", "fatima@acme-corp.io", 60),
    ("Grace Park", "grace.park@acme-corp.io", -480),
    ("Hiro Tanaka", "hiro@acme-corp.io", 540),
    ("Ines Duarte", "ines@acme-corp.io", 0),
    ("Jonas Berg", "jonas.berg@acme-corp.io", 60),
    ("Claude Martin", "claude.martin@acme-corp.io", 60),  # a person named Claude: not an AI marker
    ("Priya Nair", "priya@acme-corp.io", 330),
]
AUTHOR_WEIGHTS = [14, 12, 10, 9, 8, 8, 8, 7, 6, 6, 6, 6]
AI_USERS = {0, 1, 2, 3, 5, 6, 9, 10, 11}  # authors who use Claude Code
GITHUB = ("GitHub", "noreply@github.com")
DEPENDABOT = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")
CO_AUTHORS = ["Claude <noreply@anthropic.com>", "Claude <noreply@anthropic.com>", "Claude <noreply@anthropic.com>",
              "Claude Opus 4.1 <noreply@anthropic.com>", "Claude Sonnet 4.5 <noreply@anthropic.com>",
              "Claude Opus 4.5 <noreply@anthropic.com>"]
ROBOT = "🤖 Generated with [Claude Code](https://claude.ai/code)"
# What the benchmark greps for (case-insensitive, extended regular expression) to cross-check the audit.
MARKER_GREP = r"co-authored-by: .*<noreply@anthropic\.com>|generated with \[claude code\]"

SCOPES = ["api", "cli", "ui", "auth", "db", "cache", "parser", "billing", "search", "sync", "reports", "export",
          "webhooks", "queue", "settings"]
NOUNS = ["pagination", "rate limits", "retry policy", "session tokens", "CSV export", "audit log", "bulk import",
         "dark mode", "invoice totals", "webhook signatures", "search filters", "timezone handling", "cache keys",
         "upload progress", "password reset", "team invites", "usage report", "schema migration", "error banner",
         "connection pool", "feature flags", "date picker", "API keys", "billing portal", "sort order",
         "empty states", "query planner hints", "background jobs", "notification digest", "SSO login"]
FEAT_VERBS = ["add", "support", "introduce", "allow", "implement", "expose", "show"]
FIX_PHRASES = ["handle empty {n}", "avoid race in {n}", "correct {n} rounding", "prevent crash when {n} is missing",
               "off-by-one in {n}", "stale {n} after refresh", "double-counted {n}", "null check in {n}",
               "wrong default for {n}", "leak in {n}", "escape quotes in {n}", "{n} ignores the time zone"]
OTHER_PHRASES = {
    "chore": ["bump dependencies", "update lockfile", "tidy {n} config", "rename {n} settings", "drop unused {n} flag"],
    "refactor": ["split {n} module", "extract {n} helper", "simplify {n}", "move {n} into its own service",
                 "inline {n} wrapper"],
    "docs": ["document {n}", "update README for {n}", "fix typos in {n} guide", "add {n} example"],
    "test": ["cover {n}", "add regression test for {n}", "speed up {n} tests", "fix flaky {n} test"],
    "perf": ["cache {n}", "batch {n} queries", "avoid copying {n}"],
    "ci": ["run {n} checks on pull requests", "cache dependencies in CI", "pin runner image"],
    "build": ["upgrade toolchain", "split {n} build step"],
    "style": ["format {n} code", "apply formatter"],
}
TYPE_WEIGHTS = [("feat", 30), ("fix", 20), ("chore", 11), ("refactor", 10), ("docs", 7), ("test", 10), ("perf", 3),
                ("ci", 3), ("build", 2), ("style", 1)]
WORDS = ("value result request response cache token session item record entry index count total offset limit page "
         "user team account invoice payload buffer window query filter option config handler client server").split()
PROSE = ("the a this change keeps makes sure that when we it so and to of in for with on because previously now "
         "users saw callers got requests were being was is are should").split()


def iso_day(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc)


class Gen:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.counter = 0
        self.files = {}          # path -> tuple of (text, origin commit index)
        self.commits = []        # index -> dict(mark, subject, kind, changed={path: old lines or None}, ai)
        self.last_touch = {}     # path -> commit index
        self.mainline_marks = []  # marks of first-parent commits, oldest first
        self.mainline_states = []  # recent mainline states, for branch points: (mark, time, files dict)
        self.mark = 0
        self.pr = 100
        self.changes = []        # AI-marked changes and unshipped sessions, for the log generator
        self.style_commits = []
        self.pending_ignore_revs = False
        self.counts = {"mainline": 0, "in_window": 0, "marked_in_window": 0, "branch_commits": 0, "unmerged": 0,
                       "fixes_in_window": 0, "features_in_window": 0, "reverts_in_window": 0, "merges": 0,
                       "squashes": 0}
        self.out = None
        self.proc = None

    # ---------------------------------------------------------------- file contents
    def line(self, ext, indent="    "):
        self.counter += 1
        r = self.rng
        n = self.counter
        a, b = r.choice(WORDS), r.choice(WORDS)
        roll = r.random()
        if ext == ".py":
            if roll < 0.06:
                return ""
            if roll < 0.12:
                return f"{indent}# {' '.join(r.choice(PROSE) for _ in range(r.randint(3, 9)))}"
            if roll < 0.2:
                return f"def {a}_{b}_{n}({r.choice(WORDS)}, {r.choice(WORDS)}=None):"
            return f"{indent}{a}_{n} = {b}_{r.choice(WORDS)}({r.choice(WORDS)}, {r.randint(0, 999)})"
        if ext in (".ts", ".tsx"):
            if roll < 0.06:
                return ""
            if roll < 0.12:
                return f"  // {' '.join(r.choice(PROSE) for _ in range(r.randint(3, 9)))}"
            if roll < 0.18:
                return f"export function {a}{b.title()}{n}({r.choice(WORDS)}: {b.title()}) {{"
            return f"  const {a}{n} = {b}.{r.choice(WORDS)}({r.choice(WORDS)}, {r.randint(0, 999)});"
        if ext in (".yml", ".yaml", ".toml"):
            return f"{indent[:2]}{a}_{b}_{n}: {r.randint(0, 9999)}"
        if ext == ".json":
            return f'  "{a}-{b}-{n}": "^{r.randint(0, 9)}.{r.randint(0, 40)}.{r.randint(0, 20)}",'
        return " ".join(r.choice(PROSE + WORDS) for _ in range(r.randint(5, 16))) + f" ({n})."  # Markdown prose

    def lines(self, path, count, origin):
        ext = os.path.splitext(path)[1]
        return [(self.line(ext), origin) for _ in range(count)]

    def initial_files(self):
        r = self.rng
        paths = []
        for package in ("api", "core", "billing", "auth", "search", "sync", "reports", "jobs"):
            for i in range(r.randint(18, 28)):
                paths.append(f"src/acme/{package}/{r.choice(WORDS)}_{r.choice(WORDS)}_{i}.py")
        for area in ("components", "pages", "hooks", "lib"):
            for i in range(r.randint(12, 20)):
                paths.append(f"web/src/{area}/{r.choice(WORDS).title()}{r.choice(WORDS).title()}{i}.tsx")
        for i in range(30):
            paths.append(f"tests/test_{r.choice(WORDS)}_{i}.py")
        for i in range(12):
            paths.append(f"docs/{r.choice(WORDS)}-{i}.md")
        paths += ["README.md", "CHANGELOG.md", "pyproject.toml", "web/package.json", ".github/workflows/ci.yml",
                  ".github/workflows/release.yml", "deploy/values.yaml", "deploy/staging.yaml"]
        return sorted(set(paths))

    # ---------------------------------------------------------------- the fast-import stream
    def start(self, out):
        self.out = out
        if os.path.exists(out):
            shutil.rmtree(out)
        subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
        self.proc = subprocess.Popen(["git", "-C", out, "fast-import", "--quiet", "--done"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def write(self, data):
        self.proc.stdin.write(data)

    def sha_of(self, mark):
        self.write(f"get-mark :{mark}\n".encode())
        self.proc.stdin.flush()
        return self.proc.stdout.readline().decode().strip()

    def commit(self, ref, author, committer, when, author_when, message, parent_marks, changes, files):
        """Writes one commit: `changes` names the paths it changed, written as `files` has them (absent: deleted)."""
        self.mark += 1
        name, email, offset = author
        cname, cemail, coffset = committer
        body = message.encode()
        parts = [f"commit {ref}\nmark :{self.mark}\n",
                 f"author {name} <{email}> {author_when} {tz(offset)}\n",
                 f"committer {cname} <{cemail}> {when} {tz(coffset)}\n",
                 f"data {len(body)}\n"]
        self.write("".join(parts).encode() + body + b"\n")
        if parent_marks:
            self.write(f"from :{parent_marks[0]}\n".encode())
            for p in parent_marks[1:]:
                self.write(f"merge :{p}\n".encode())
        for path in sorted(changes):
            if path not in files:
                self.write(f"D {path}\n".encode())
            else:
                content = "".join(t + "\n" for t, _ in files[path]).encode()
                self.write(f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n")
        self.write(b"\n")
        return self.mark

    # ---------------------------------------------------------------- changes to a working copy
    def pick_files(self, files, count, prefixes, recent_first=False, exclude=()):
        candidates = [p for p in files if p.startswith(prefixes) and p not in exclude]
        if not candidates:
            return []
        if recent_first:
            candidates.sort(key=lambda p: -self.last_touch.get(p, -1))
            candidates = candidates[:40]
        return self.rng.sample(candidates, min(count, len(candidates)))

    def apply(self, kind, files, origin, allowed=None, now_index=0):
        """Changes `files` (a dict, modified in place) the way a commit of `kind` would; returns {path: old or None}."""
        r = self.rng
        changed = {}
        code = ("src/", "web/src/")
        pool = files if allowed is None else {p: files[p] for p in files if p in allowed}

        def touch(path, new):
            if path not in changed:
                changed[path] = files.get(path)
            files[path] = tuple(new)

        if kind in ("feat", "perf"):
            n_files = r.choice([1, 1, 2, 2, 3, 4])
            if r.random() < 0.1 or not pool:
                folder = r.choice(["src/acme/" + r.choice(["api", "core", "billing", "auth", "search", "jobs"]),
                                   "web/src/components", "web/src/pages"])
                ext = ".py" if folder.startswith("src") else ".tsx"
                path = f"{folder}/{r.choice(WORDS)}_{r.choice(WORDS)}_{self.counter}{ext}"
                touch(path, self.lines(path, r.randint(30, 120), origin))
                n_files -= 1
            for path in self.pick_files(pool, n_files, code):
                old = list(files[path])
                at = r.randint(0, len(old))
                block = self.lines(path, r.randint(5, 45), origin)
                touch(path, old[:at] + block + old[at:])
            tests = self.pick_files(pool, 1, ("tests/",))
            for path in tests if r.random() < 0.6 else []:
                old = list(files[path])
                touch(path, old + self.lines(path, r.randint(5, 25), origin))
        elif kind == "fix":
            for path in self.pick_files(pool, r.choice([1, 1, 1, 2, 2, 3]), code, recent_first=True):
                old = list(files[path])
                if not old:
                    continue
                only_add = r.random() < 0.1
                if only_add:
                    at = r.randint(0, len(old))
                    touch(path, old[:at] + self.lines(path, r.randint(1, 4), origin) + old[at:])
                    continue
                # Rewrite a short run of lines, preferring lines recent commits wrote.
                recent = [i for i, (t, o) in enumerate(old) if o >= now_index - 250 and t.strip()]
                at = r.choice(recent) if recent and r.random() < 0.8 else r.randrange(len(old))
                length = min(r.choice([1, 1, 2, 2, 3, 4, 6]), len(old) - at)
                new = old[:at] + self.lines(path, length + r.choice([0, 0, 0, 1, 2]), origin) + old[at + length:]
                touch(path, new)
            for path in self.pick_files(pool, 1, ("tests/",)) if r.random() < 0.5 else []:
                touch(path, list(files[path]) + self.lines(path, r.randint(3, 12), origin))
        elif kind == "refactor":
            for path in self.pick_files(pool, r.randint(1, 5), code):
                old = list(files[path])
                for _ in range(r.randint(1, 4)):
                    if not old:
                        break
                    at = r.randrange(len(old))
                    length = min(r.randint(2, 10), len(old) - at)
                    old = old[:at] + self.lines(path, r.randint(0, length + 2), origin) + old[at + length:]
                if len(old) > 260:  # keep files from growing without bound: split the tail off
                    old = old[:180]
                touch(path, old)
        elif kind == "style":
            for path in self.pick_files(pool, r.randint(2, 4), ("src/",)):
                touch(path, [("  " + t if t.startswith("    ") else t, origin) for t, _ in files[path]])
        elif kind == "test":
            for path in self.pick_files(pool, r.randint(1, 2), ("tests/",)):
                old = list(files[path])
                at = r.randint(0, len(old))
                touch(path, old[:at] + self.lines(path, r.randint(4, 30), origin) + old[at:])
            if r.random() < 0.15:
                path = f"tests/test_{r.choice(WORDS)}_{self.counter}.py"
                touch(path, self.lines(path, r.randint(20, 60), origin))
        elif kind == "docs":
            for path in self.pick_files(pool, r.randint(1, 2), ("docs/", "README.md", "CHANGELOG.md")):
                old = list(files[path])
                at = r.randint(0, len(old))
                touch(path, old[:at] + self.lines(path, r.randint(2, 20), origin) + old[at + r.randint(0, 2):])
        else:  # chore, ci, build, bumps
            prefixes = {"ci": (".github/",), "build": ("pyproject.toml", "web/package.json", "deploy/")}.get(
                kind, ("pyproject.toml", "web/package.json", "deploy/", ".github/"))
            for path in self.pick_files(pool, r.randint(1, 2), prefixes):
                old = list(files[path])
                at = r.randrange(len(old)) if old else 0
                touch(path, old[:at] + self.lines(path, r.randint(1, 3), origin) + old[at + r.randint(0, 2):])
        if not changed:  # nothing matched (a branch restricted to few files): add to a new file
            path = f"src/acme/core/{kind}_{r.choice(WORDS)}_{self.counter}.py"
            touch(path, self.lines(path, r.randint(10, 30), origin))
        return changed

    # ---------------------------------------------------------------- messages
    def subject(self, kind):
        r = self.rng
        noun = r.choice(NOUNS)
        scope = f"({r.choice(SCOPES)})" if r.random() < 0.6 else ""
        if kind == "feat":
            text = f"{r.choice(FEAT_VERBS)} {noun}"
        elif kind == "fix":
            text = r.choice(FIX_PHRASES).format(n=noun)
        else:
            text = r.choice(OTHER_PHRASES[kind]).format(n=noun)
        return f"{kind}{scope}: {text}"

    def prose(self, sentences):
        r = self.rng
        out = []
        for _ in range(sentences):
            words = [r.choice(PROSE + WORDS) for _ in range(r.randint(6, 16))]
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    def body(self, ai, squash_lines=None, co_author=None):
        r = self.rng
        parts = []
        if squash_lines:
            parts.append("\n".join(f"* {s}" for s in squash_lines))
        elif r.random() < 0.6 or ai:
            parts.append(self.prose(r.randint(1, 3)))
            if ai and r.random() < 0.7:
                parts.append("\n".join(f"- {r.choice(FEAT_VERBS).capitalize()} {r.choice(NOUNS)}"
                                       for _ in range(r.randint(2, 5))))
        if ai:
            co = co_author or r.choice(CO_AUTHORS)
            if squash_lines:  # GitHub's squash: trailers rewritten in lower case, the robot line often kept
                parts.append((ROBOT + "\n\n" if r.random() < 0.6 else "") + f"Co-authored-by: {co}")
            elif r.random() < 0.12:
                parts.append(f"Co-Authored-By: {co}")  # marker without the robot line
            else:
                parts.append(f"{ROBOT}\n\nCo-Authored-By: {co}")
        return "\n\n".join(parts)

    # ---------------------------------------------------------------- history
    def times(self, start, days, count):
        """`count` sorted commit instants (unix seconds) in working hours, fewer at weekends."""
        r = self.rng
        day_weights = []
        for d in range(days):
            weekday = (start + dt.timedelta(days=d)).weekday()
            day_weights.append(0.12 if weekday >= 5 else 1.0)
        picked = sorted(r.choices(range(days), weights=day_weights, k=count))
        base = int(start.timestamp())
        out = []
        for d in picked:
            hour = min(22.9, max(6.0, r.gauss(14, 3)))
            out.append(base + d * 86400 + int(hour * 3600) + r.randint(0, 3599))
        out.sort()
        for i in range(1, len(out)):  # a minute apart at least
            if out[i] < out[i - 1] + 60:
                out[i] = out[i - 1] + 60 + r.randint(0, 240)
        return out

    def run(self):
        a = self.args
        r = self.rng
        start = iso_day(a.start)
        window_start = int(start.timestamp())
        window_end = window_start + a.days * 86400
        pre = self.times(start - dt.timedelta(days=a.prehistory_days), a.prehistory_days, a.prehistory)
        main = self.times(start, a.days, a.commits)
        if main[-1] >= window_end:
            raise SystemExit("commit times overflowed the window")
        self.start(a.out)

        files = {}
        origin = 0
        for path in self.initial_files():
            files[path] = tuple(self.lines(path, r.randint(40, 160), origin))
        first = AUTHORS[0]
        mark = self.commit("refs/heads/main", first, first, pre[0], pre[0], "chore: initial import", [],
                           {p: () for p in files}, files)
        self.record(mark, "chore: initial import", "chore", {p: None for p in files}, False, pre[0], window_start,
                    window_end, files)

        for when in pre[1:] + main:
            roll = r.random()
            if self.pending_ignore_revs:  # takes this slot, so main keeps exactly the commits asked for
                self.pending_ignore_revs = False
                self.write_ignore_revs(files, when, window_start, window_end)
            elif roll < 0.20 and len(self.mainline_states) > 3:
                self.merge_pr(files, when, window_start, window_end)
            elif roll < 0.55:
                self.squash_pr(files, when, window_start, window_end)
            else:
                self.direct(files, when, window_start, window_end)
        self.open_branches(files, window_end)
        self.write(b"done\n")
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise SystemExit("git fast-import failed")
        subprocess.run(["git", "-C", a.out, "update-ref", "-d", "refs/heads/tmp-pr"], check=False)
        subprocess.run(["git", "-C", a.out, "checkout", "-q", "-f", "main"], check=True)
        subprocess.run(["git", "-C", a.out, "gc", "-q", "--aggressive" if a.aggressive_gc else "--auto"], check=True)

    def record(self, mark, subject, kind, changed, ai, when, window_start, window_end, files, mainline=True):
        index = len(self.commits)
        self.commits.append({"mark": mark, "subject": subject, "kind": kind, "changed": changed, "ai": ai,
                             "when": when, "mainline": mainline})
        for path in changed:
            self.last_touch[path] = index
        if mainline:
            self.counts["mainline"] += 1
            self.mainline_marks.append(mark)
            self.mainline_states.append((mark, when, dict(files)))
            if len(self.mainline_states) > 12:
                self.mainline_states.pop(0)
            if window_start <= when < window_end:
                self.counts["in_window"] += 1
                self.counts["marked_in_window"] += ai
                self.counts["fixes_in_window"] += kind == "fix"
                self.counts["features_in_window"] += kind == "feat"
                self.counts["reverts_in_window"] += kind == "revert"
        return index

    def person(self, ai_wanted):
        r = self.rng
        while True:
            k = r.choices(range(len(AUTHORS)), weights=AUTHOR_WEIGHTS)[0]
            if not ai_wanted or k in AI_USERS:
                return k

    def pick_kind(self):
        r = self.rng
        if r.random() < 0.012:
            return "revert"
        return r.choices([t for t, _ in TYPE_WEIGHTS], weights=[w for _, w in TYPE_WEIGHTS])[0]

    def fixes_trailer(self, changed, files):
        """`Fixes: <id>` naming the commit that wrote the first rewritten line (a few fixes do this)."""
        for path, old in changed.items():
            if not old:
                continue
            new_texts = {t for t, _ in files[path]}
            for text, origin in old:
                if text.strip() and text not in new_texts and origin > 0:
                    return f"Fixes: {self.sha_of(self.commits[origin]['mark'])[:12]}"
        return None

    def direct(self, files, when, window_start, window_end):
        r = self.rng
        kind = self.pick_kind()
        if kind == "revert" and self.revert(files, when, window_start, window_end):
            return
        if kind == "revert":
            kind = "fix"
        bump = r.random() < 0.03
        ai = not bump and r.random() < self.args.ai_share and kind not in ("style",)
        k = self.person(ai)
        author = AUTHORS[k]
        index = len(self.commits)
        changed = self.apply("chore" if bump else kind, files, index, now_index=index)
        if bump:
            subject = f"Bump {r.choice(WORDS)}-{r.choice(WORDS)} from 1.{r.randint(0, 9)}.0 to 1.{r.randint(10, 19)}.0"
            author = (*DEPENDABOT, 0)
            message = subject + "\n\n" + self.prose(2) + "\n\nSigned-off-by: dependabot[bot] <support@github.com>"
            kind = "bump"
            committer = (*GITHUB, 0)
        else:
            subject = self.subject(kind) if r.random() > 0.02 else "Update README.md"
            if subject == "Update README.md":
                kind = "other"
            body = self.body(ai)
            trailer = self.fixes_trailer(changed, files) if kind == "fix" and r.random() < 0.06 else None
            if trailer:
                body = (body + "\n\n" if body else "") + trailer
            if r.random() < 0.05:
                reviewer = AUTHORS[(k + 3) % len(AUTHORS)]
                body = (body + "\n\n" if body else "") + f"Reviewed-by: {reviewer[0]} <{reviewer[1]}>"
            message = subject + ("\n\n" + body if body else "")
            committer = author
        mark = self.commit("refs/heads/main", author, committer, when, when, message, [self.mainline_marks[-1]],
                           changed, files)
        self.record(mark, subject, kind, changed, ai, when, window_start, window_end, files)
        if kind == "style":
            self.style_commits.append(mark)
            self.pending_ignore_revs = len(self.style_commits) % 3 == 0
        if ai and window_start <= when < window_end:
            self.changes.append({"kind": "direct", "times": [when], "landed": when, "branch": "main",
                                 "author": author[0], "sub": self.subfolder(changed)})

    def subfolder(self, changed):
        """Where the session ran: the repository's top, or now and then the web/ subfolder it worked in."""
        if any(p.startswith("web/") for p in changed) and self.rng.random() < 0.5:
            return "web"
        return ""

    def write_ignore_revs(self, files, when, window_start, window_end):
        shas = [self.sha_of(m) for m in self.style_commits]
        path = ".git-blame-ignore-revs"
        text = [("# formatting-only commits", 0)] + [(s, 0) for s in shas]
        changed = {path: files.get(path)}
        files[path] = tuple(text)
        author = AUTHORS[1]
        subject = "chore: ignore formatting commits in blame"
        mark = self.commit("refs/heads/main", author, author, when, when, subject, [self.mainline_marks[-1]],
                           changed, files)
        self.record(mark, subject, "chore", changed, False, when, window_start, window_end, files)

    def revert(self, files, when, window_start, window_end):
        """Reverts a recent mainline change whose files nothing touched since; False when there is none."""
        r = self.rng
        for back in range(1, 40):
            index = len(self.commits) - back
            if index <= 0:
                return False
            c = self.commits[index]
            if c["kind"] not in ("feat", "perf", "refactor", "fix") or not c["mainline"] or c.get("merge"):
                continue
            if any(self.last_touch.get(p) != index for p in c["changed"]) or r.random() < 0.3:
                continue
            changed = {}
            for path, old in c["changed"].items():
                changed[path] = files.get(path)
                if old is None:
                    del files[path]
                else:
                    files[path] = old
            k = self.person(False)
            author = AUTHORS[k]
            sha = self.sha_of(c["mark"])
            title = c["subject"]
            subject = f'Revert "{title}"'
            message = f"{subject}\n\nThis reverts commit {sha}.\n\n{self.prose(1)}"
            mark = self.commit("refs/heads/main", author, author, when, when, message, [self.mainline_marks[-1]],
                               changed, files)
            self.record(mark, subject, "revert", changed, False, when, window_start, window_end, files)
            return True
        return False

    def branch_name(self, kind, ai):
        r = self.rng
        prefix = "claude" if ai and r.random() < 0.25 else kind
        self.counter += 1
        return f"{prefix}/{r.choice(SCOPES)}-{r.choice(NOUNS).replace(' ', '-').lower()}-{self.counter}"

    def pr_commits(self, kind, ai):
        """The kinds of a pull request's branch commits: its main change, then follow-ups."""
        r = self.rng
        follow = [r.choice(["fix", "test", "refactor", "docs"]) for _ in range(r.choice([0, 0, 1, 1, 2, 3]))]
        return [kind] + follow

    def squash_pr(self, files, when, window_start, window_end):
        r = self.rng
        kind = self.pick_kind()
        if kind in ("revert", "style"):
            kind = "fix"
        ai = r.random() < self.args.ai_share
        k = self.person(ai)
        author = AUTHORS[k]
        self.pr += 1
        title = self.subject(kind)
        steps = self.pr_commits(kind, ai)
        index = len(self.commits)
        changed = {}
        for step in steps:
            for path, old in self.apply(step, files, index, now_index=index).items():
                changed.setdefault(path, old)
        lines = [title] + [self.subject(s) for s in steps[1:]] + (["address review comments"] if r.random() < 0.3
                                                                   else [])
        body = self.body(ai, squash_lines=lines if len(lines) > 1 else None)
        if len(lines) == 1 and not body:
            body = ""
        if kind == "fix" and r.random() < 0.06 and (trailer := self.fixes_trailer(changed, files)):
            body = (body + "\n\n" if body else "") + trailer
        message = f"{title} (#{self.pr})" + ("\n\n" + body if body else "")
        # GitHub: author is the pull request's author (dated when the branch's first commit was made), committer GitHub.
        opened = max(self.mainline_states[-1][1] + 60, when - r.randint(1200, 3 * 86400))
        mark = self.commit("refs/heads/main", author, (*GITHUB, 0), when, opened, message, [self.mainline_marks[-1]],
                           changed, files)
        self.counts["squashes"] += 1
        self.record(mark, title, kind, changed, ai, when, window_start, window_end, files)
        if ai and window_start <= when < window_end:
            work_end = when - r.randint(300, 2 * 3600) if r.random() < 0.7 else when - r.randint(3 * 3600, 4 * 86400)
            self.changes.append({"kind": "squash", "times": [max(work_end, window_start + 3600)], "landed": when,
                                 "branch": self.branch_name(kind, ai), "author": author[0],
                                 "sub": self.subfolder(changed)})

    def merge_pr(self, files, when, window_start, window_end):
        """A pull request merged with a merge commit, branched off a recent mainline commit."""
        r = self.rng
        kind = r.choices(["feat", "fix", "refactor", "perf", "test", "docs"], weights=[40, 25, 15, 5, 10, 5])[0]
        ai = r.random() < self.args.ai_share
        k = self.person(ai)
        author = AUTHORS[k]
        self.pr += 1
        title = self.subject(kind)
        branch = self.branch_name(kind, ai)
        back = r.randint(0, min(8, len(self.mainline_states) - 1))
        base_mark, base_time, base_files = self.mainline_states[-1 - back]
        # Only files nothing changed on main since the branch point, so the merge is clean.
        allowed = {p for p, v in base_files.items() if files.get(p) is v}
        work = dict(base_files)
        steps = self.pr_commits(kind, ai)
        span_start = max(base_time + 60, when - r.randint(1800, 3 * 86400))
        moments = sorted(r.randint(span_start, when - 120) for _ in steps) if when - 120 > span_start else \
            [span_start + j for j in range(len(steps))]
        for j in range(1, len(moments)):
            if moments[j] <= moments[j - 1]:
                moments[j] = moments[j - 1] + 1
        parent = base_mark
        merged_changes = {}
        for step, moment in zip(steps, moments):
            index = len(self.commits)
            changed = self.apply(step, work, index, allowed=allowed, now_index=index)
            allowed |= set(changed)
            subject = self.subject(step) if step != kind or parent != base_mark else title
            message = subject + ("\n\n" + b if (b := self.body(ai)) else "")
            parent = self.commit("refs/heads/tmp-pr", author, author, moment, moment, message, [parent], changed,
                                 work)
            self.record(parent, subject, step, changed, ai, moment, window_start, window_end, work, mainline=False)
            self.counts["branch_commits"] += 1
            for path in changed:
                merged_changes.setdefault(path, files.get(path))
        for path in merged_changes:
            if path in work:
                files[path] = work[path]
            else:
                files.pop(path, None)
        merger = AUTHORS[self.person(False)] if r.random() < 0.8 else author
        message = f"Merge pull request #{self.pr} from acme/{branch}\n\n{title}"
        if ai:  # the pull request's description, as a custom merge message keeps it
            message += f"\n\n{ROBOT}"
        mark = self.commit("refs/heads/main", merger, (*GITHUB, 0), when, when, message,
                           [self.mainline_marks[-1], parent], merged_changes, files)
        self.counts["merges"] += 1
        self.record(mark, message.split("\n")[0], kind, merged_changes, ai, when, window_start, window_end, files)
        self.commits[-1]["merge"] = True
        if ai and window_start <= when < window_end:
            self.changes.append({"kind": "merge", "times": moments, "landed": when, "branch": branch,
                                 "author": author[0], "sub": self.subfolder(merged_changes)})

    def open_branches(self, files, window_end):
        """Branches still open at the end: main does not reach them."""
        r = self.rng
        for n in range(self.args.open_branches):
            kind = r.choice(["feat", "fix", "refactor"])
            ai = n % 2 == 0
            k = self.person(ai)
            author = AUTHORS[k]
            branch = self.branch_name(kind, ai)
            base_mark, base_time, base_files = self.mainline_states[-1 - r.randint(0, 5)]
            work = dict(base_files)
            parent = base_mark
            moments = []
            t = max(base_time + 600, window_end - r.randint(2, 10) * 86400)
            for step in self.pr_commits(kind, ai):
                t += r.randint(600, 7200)
                moments.append(t)
                index = len(self.commits)
                changed = self.apply(step, work, index, now_index=index)
                subject = self.subject(step)
                message = subject + ("\n\n" + b if (b := self.body(ai)) else "")
                parent = self.commit(f"refs/heads/{branch}", author, author, t, t, message, [parent], changed, work)
                self.record(parent, subject, step, changed, ai, t, 0, 0, work, mainline=False)
                self.counts["unmerged"] += 1
            if ai:
                self.changes.append({"kind": "unmerged", "times": moments, "landed": None, "branch": branch,
                                     "author": author[0], "sub": ""})


def tz(minutes):
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="the repository folder to create (replaced when it exists)")
    ap.add_argument("--commits", type=int, default=5000, help="first-parent commits on main inside the window")
    ap.add_argument("--start", default="2025-12-01", help="first day of the window (UTC)")
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--prehistory", type=int, default=150, help="mainline commits before the window")
    ap.add_argument("--prehistory-days", type=int, default=60)
    ap.add_argument("--ai-share", type=float, default=0.4, help="share of changes made with Claude Code")
    ap.add_argument("--open-branches", type=int, default=6)
    ap.add_argument("--unshipped-sessions", type=float, default=0.12,
                    help="sessions that shipped nothing, as a share of the AI-marked changes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--aggressive-gc", action="store_true")
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)

    g = Gen(args)
    g.run()
    start = iso_day(args.start)
    window_start = int(start.timestamp())
    window_end = window_start + args.days * 86400
    r = g.rng
    for _ in range(int(len(g.changes) * args.unshipped_sessions)):
        t = r.randint(window_start + 86400, window_end - 86400)
        g.changes.append({"kind": "unshipped", "times": [t], "landed": None,
                          "branch": g.branch_name(r.choice(["feat", "fix", "spike"]), True),
                          "author": AUTHORS[g.person(True)][0], "sub": ""})
    g.changes.sort(key=lambda c: c["times"][0])
    info = {"repository": args.out, "since": start.strftime("%Y-%m-%d"),
            "until": (start + dt.timedelta(days=args.days - 1)).strftime("%Y-%m-%d"),
            "window_start": window_start, "window_end": window_end, "marker_grep": MARKER_GREP,
            "counts": g.counts, "files": len(subprocess.run(["git", "-C", args.out, "ls-files"], check=True,
                                                           capture_output=True, text=True).stdout.splitlines()),
            "changes": g.changes}
    with open(args.out + ".changes.json", "w") as f:
        json.dump(info, f, indent=0)
    c = g.counts
    print(f"repository {args.out}: {c['mainline']} mainline commits ({c['in_window']} in {info['since']}.."
          f"{info['until']}, {c['marked_in_window']} AI-marked, {c['features_in_window']} feat, "
          f"{c['fixes_in_window']} fix, {c['reverts_in_window']} reverts; {c['merges']} merges, {c['squashes']} "
          f"squashes), {c['branch_commits']} branch commits, {c['unmerged']} unmerged, {info['files']} files; "
          f"{len(g.changes)} sessions planned", file=sys.stderr)


if __name__ == "__main__":
    main()
