using Frugal.Cli.Infrastructure;
using Frugal.Domain.Audit;
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
            if (result.Diagnostics.Count > 0)
            {
                warnings.Add($"{path}: {result.Diagnostics.Count} entries skipped; first: {result.Diagnostics[0]}");
            }
        }

        var index = paths.Count > 0 ? new PullRequestIndex(pullRequests) : PullRequestIndex.None;
        return new PullRequestFiles(index, warnings);
    }

    /// <summary>Reads the window's sessions and each repository, then builds the report.</summary>
    public static AuditRun Run(
        UsageLedger ledger, PriceTable prices, AuditOptions options, List<GitRepository> repositories,
        PullRequestFiles pullRequests)
    {
        var warnings = new List<string>(pullRequests.Warnings);
        var (sessions, outputPrices) = SessionReader.Read(ledger, prices, options);
        if (repositories.Count == 0)
        {
            repositories = OpenSessionRepositories(sessions, warnings);
        }
        else
        {
            var roots = repositories.Select(r => r.Root).ToHashSet(StringComparer.Ordinal);
            sessions = [.. sessions.Where(s => s.Repository is not null && roots.Contains(s.Repository))];
        }

        var facts = new List<RepositoryFacts>();
        foreach (var repository in repositories)
        {
            try
            {
                facts.Add(new RepositoryAuditor(repository, ledger, pullRequests.Index).Read(options.From));
            }
            catch (GitException e)
            {
                throw CliError.Git($"{repository.Root}: {e.Message}", e);
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

    private static List<GitRepository> OpenSessionRepositories(List<AuditSession> sessions, List<string> warnings)
    {
        var repositories = new List<GitRepository>();
        var roots = sessions.Select(s => s.Repository).OfType<string>().Distinct(StringComparer.Ordinal);
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
