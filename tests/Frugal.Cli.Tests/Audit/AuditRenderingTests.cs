using Frugal.Cli.Tests.Support;
using Shouldly;
using Snapshooter.Xunit3;

namespace Frugal.Cli.Tests.Audit;

/// <summary>
/// The audit of <see cref="AuditScenario"/> as people read it. Commit ids are stable: the scenario fixes every
/// date, name, message and file, so git writes the same objects on every machine.
/// </summary>
public sealed class AuditRenderingTests
{
    [Fact]
    public void The_terminal_audit_matches_the_snapshot()
    {
        using var scenario = new AuditScenario();

        var result = FrugalProcess.Run(scenario.Home, scenario.AuditArguments("--prs", scenario.PullRequests));

        result.ExitCode.ShouldBe(0, result.Stderr);
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void The_markdown_audit_matches_the_snapshot()
    {
        using var scenario = new AuditScenario();

        var result = FrugalProcess.Run(
            scenario.Home, scenario.AuditArguments("--prs", scenario.PullRequests, "--markdown"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        Snapshot.Match(result.Stdout);
    }

    [Fact]
    public void The_html_audit_is_one_file_with_its_chart_library_and_text_from_history_encoded()
    {
        using var scenario = new AuditScenario();
        scenario.CommitOnMain("feat: <script>alert(1)</script> & more", day: 25);
        var html = Path.Combine(scenario.Home, "audit.html");

        var result = FrugalProcess.Run(scenario.Home, scenario.AuditArguments("--html", html));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain($"Wrote {html}.");
        var page = File.ReadAllText(html);
        page.ShouldStartWith("<!DOCTYPE html>");
        page.ShouldNotContain("<script>alert(1)");
        page.ShouldContain("feat: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");

        // The chart library is inside the page (it reads offline: no src= to fetch), and so is the chart data.
        page.ShouldContain(".echarts=");
        page.ShouldNotContain("<script src=");
        page.ShouldContain("<script type=\"application/json\" id=\"audit-data\">");
        foreach (var id in (string[])["chart-daily", "chart-features", "chart-leaderboard", "findings", "leaderboard"])
        {
            page.ShouldContain($"id=\"{id}\"");
        }
    }
}
