using Frugal.Cli.Infrastructure;
using Frugal.Domain.Audit;
using Frugal.Domain.Energy;
using Frugal.Domain.Outcomes;
using Frugal.Domain.Pricing;
using Frugal.Sources.Git;
using Frugal.Sources.Reviews;
using Frugal.Storage.Ledger;

namespace Frugal.Cli.Audit;

/// <summary>Gathers an audit's inputs (sessions, repositories, pull requests) and builds the report.</summary>
internal static class AuditRunner
{
    /// <summary>Opens each <c>--repo</c>; every path that is not a repository is named in one error.</summary>
    public static List<GitRepository> OpenRepositories(IReadOnlyList<string> paths)
    {
        var repositories = new List<GitRepository>();
        var problems = new List<string>();
        GitException? first = null;
        foreach (var path in paths)
        {
            try
            {
                var repository = GitRepository.Open(path);
                if (!repositories.Any(r => r.Root == repository.Root))
                {
                    repositories.Add(repository);
                }
            }
            catch (GitException e)
            {
                problems.Add($"--repo {e.Message}");
                first ??= e;
            }
        }

        return problems.Count == 0 ? repositories : throw CliError.NotARepository(string.Join("; ", problems), first!);
    }

    /// <summary>Reads every <c>--prs</c> export; entries that had to be skipped become warnings.</summary>
    public static PullRequestFiles ReadPullRequests(IReadOnlyList<string> paths)
    {
        var pullRequests = new List<PullRequest>();
        var warnings = new List<string>();
        foreach (var path in paths)
        {
            PullRequestExportResult result;
            try
            {
                result = PullRequestExport.Read(path);
            }
            catch (PullRequestExportException e)
            {
                throw CliError.PullRequestExport($"--prs {e.Message}", e);
            }

            pullRequests.AddRange(result.PullRequests);
            if (result.EntryCount == 0)
            {
                warnings.Add($"{path} holds no pull request: review stays unknown; check the gh command's --search "
                    + "window and --limit");
            }

            if (result.Diagnostics.Count > 0)
            {
                var skipped = result.Diagnostics.Count == 1 ? "1 entry" : $"{result.Diagnostics.Count} entries";
                warnings.Add($"{path}: {skipped} skipped; first: {result.Diagnostics[0]}");
            }
        }

        var index = paths.Count > 0 ? new PullRequestIndex(pullRequests) : PullRequestIndex.None;
        return new PullRequestFiles(index, warnings);
    }

    /// <summary>Reads the window's sessions and each repository, then builds the report.</summary>
    public static AuditRun Run(
        UsageLedger ledger, PriceTable prices, ModelFactsTable modelFacts, AuditOptions options,
        List<GitRepository> repositories, PullRequestFiles pullRequests)
    {
        var warnings = new List<string>(pullRequests.Warnings);
        var (sessions, outputPrices) = SessionReader.Read(ledger, prices, modelFacts, options);
        var given = repositories.Count > 0;
        var audited = Distinct(given ? repositories : OpenSeenRepositories(ledger, sessions, warnings), warnings);
        MapSessions(sessions, audited, given);
        if (given)
        {
            var roots = audited.Select(r => r.Repository.Root).ToHashSet(StringComparer.Ordinal);
            sessions = [.. sessions.Where(s => s.Repository is not null && roots.Contains(s.Repository))];
        }

        var facts = new List<RepositoryFacts>();
        var active = sessions.Select(s => s.Repository).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (repository, _) in audited)
        {
            try
            {
                var read = new RepositoryAuditor(repository, ledger, pullRequests.Index).Read(options.From);

                // A repository seen in older sessions counts when the window has sessions or commits in it.
                if (given || active.Contains(repository.Root)
                    || read.Commits.Any(c => options.Contains(c.Commit.CommittedAt)))
                {
                    facts.Add(read);
                }
            }
            catch (GitException e) when (!given)
            {
                warnings.Add($"{repository.Root} is left out: {WithoutRoot(e.Message, repository.Root)}");
            }
            catch (GitException e)
            {
                throw CliError.Git($"{repository.Root}: {WithoutRoot(e.Message, repository.Root)}", e);
            }
        }

        if (pullRequests.Index.Count > 0 && pullRequests.Index.Matched == 0)
        {
            warnings.Add("no pull request in the --prs export matched a commit of the window: check it is the "
                + "export of the audited repository and covers the window");
        }

        var report = new AuditBuilder(sessions, facts, options, outputPrices).Build();
        return new AuditRun(report, warnings);
    }

    /// <summary>
    /// One entry per history: worktrees of one repository and clones of one project are the same commits, so each
    /// is audited once, as the copy whose default branch has the newest commit. A repository whose history cannot
    /// be read yet (no commit at all) is kept, and fails or is left out when read.
    /// </summary>
    private static List<(GitRepository Repository, List<string> Copies)> Distinct(
        List<GitRepository> repositories, List<string> warnings)
    {
        if (repositories.Count <= 1)
        {
            // Telling copies apart walks each history once: not worth it with nothing to compare.
            return [.. repositories.Select(r => (r, new List<string>()))];
        }

        var groups = new Dictionary<string, List<(GitRepository Repository, DateTimeOffset Tip)>>(
            StringComparer.Ordinal);
        var unread = new List<GitRepository>();
        foreach (var repository in repositories)
        {
            try
            {
                var (history, tip) = repository.Identity(repository.FindDefaultBranch().Revision);
                if (!groups.TryGetValue(history, out var group))
                {
                    groups[history] = group = [];
                }

                group.Add((repository, tip));
            }
            catch (GitException)
            {
                unread.Add(repository);
            }
        }

        var distinct = new List<(GitRepository, List<string>)>();
        foreach (var group in groups.Values)
        {
            var kept = group.OrderByDescending(g => g.Tip)
                .ThenBy(g => g.Repository.Root, StringComparer.Ordinal)
                .First();
            var copies = group.Where(g => g.Repository != kept.Repository).Select(g => g.Repository.Root).ToList();
            if (copies.Count > 0)
            {
                warnings.Add($"{string.Join(", ", copies)} and {kept.Repository.Root} hold one history (worktrees or "
                    + $"clones); it is audited once, as {kept.Repository.Root}, with the sessions of all of them");
            }

            distinct.Add((kept.Repository, copies));
        }

        distinct.AddRange(unread.Select(r => (r, new List<string>())));
        return [.. distinct.OrderBy(d => d.Item1.Root, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Points each session at the audited copy of its history. With <c>--repo</c>, a session in a worktree or clone
    /// of a given repository counts for it.
    /// </summary>
    private static void MapSessions(
        List<AuditSession> sessions, List<(GitRepository Repository, List<string> Copies)> audited, bool given)
    {
        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (repository, copies) in audited)
        {
            foreach (var copy in copies)
            {
                copyOf[copy] = repository.Root;
            }
        }

        if (given)
        {
            // Sessions in other folders count for a given repository when they hold the same history.
            var known = audited.Select(a => a.Repository.Root).ToHashSet(StringComparer.Ordinal);
            var others = sessions.Select(s => s.Repository).OfType<string>()
                .Where(root => !known.Contains(root) && !copyOf.ContainsKey(root))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var historyOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (repository, _) in others.Count == 0 ? [] : audited)
            {
                if (HistoryOf(repository) is { } history)
                {
                    historyOf.TryAdd(history, repository.Root);
                }
            }

            foreach (var root in others)
            {
                if (!known.Contains(root) && !copyOf.ContainsKey(root) && Open(root) is { } other
                    && HistoryOf(other) is { } history && historyOf.TryGetValue(history, out var audit))
                {
                    copyOf[root] = audit;
                }
            }
        }

        foreach (var session in sessions)
        {
            if (session.Repository is { } root && copyOf.TryGetValue(root, out var audit))
            {
                session.Repository = audit;
            }
        }

    }

    private static GitRepository? Open(string root)
    {
        try
        {
            return GitRepository.Open(root);
        }
        catch (GitException)
        {
            return null;
        }
    }

    private static string? HistoryOf(GitRepository repository)
    {
        try
        {
            return repository.Identity(repository.FindDefaultBranch().Revision).History;
        }
        catch (GitException)
        {
            return null;
        }
    }

    private static string WithoutRoot(string message, string root) =>
        message.StartsWith(root + " ", StringComparison.Ordinal)
        || message.StartsWith(root + ":", StringComparison.Ordinal)
            ? message[root.Length..].TrimStart(':', ' ')
            : message;

    /// <summary>
    /// Every repository the ledger has seen: those of the window's sessions, and those of every working folder an
    /// older call ran in that still exists and is in a repository.
    /// </summary>
    private static List<GitRepository> OpenSeenRepositories(
        UsageLedger ledger, List<AuditSession> sessions, List<string> warnings)
    {
        var repositories = new List<GitRepository>();
        var roots = sessions.Select(s => s.Repository).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var known = sessions.Select(s => s.Project).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var project in ledger.Projects().Where(p => !known.Contains(p) && Directory.Exists(p)))
        {
            // A folder inside a repository already found needs no git process of its own.
            var inside = roots.Any(r => project.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal));
            if (!inside && GitRepository.FindRoot(project) is { } root)
            {
                roots.Add(root);
            }
        }

        foreach (var root in roots.Order(StringComparer.Ordinal))
        {
            try
            {
                repositories.Add(GitRepository.Open(root));
            }
            catch (GitException e)
            {
                warnings.Add($"{root} is left out: {e.Message}");
            }
        }

        return repositories;
    }
}
