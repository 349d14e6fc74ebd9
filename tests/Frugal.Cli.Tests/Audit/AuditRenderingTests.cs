using System.Diagnostics;
using System.Text.RegularExpressions;
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
    public void Text_from_history_cannot_break_a_markdown_table_or_reach_the_terminal_as_escape_sequences()
    {
        using var scenario = new AuditScenario();
        scenario.CommitOnMain("feat: regex a\\|b & <x> `y` \u001b[31mred\u0007", day: 25);

        var markdown = FrugalProcess.Run(scenario.Home, scenario.AuditArguments("--markdown")).Stdout;
        var terminal = FrugalProcess.Run(scenario.Home, scenario.AuditArguments()).Stdout;

        var row = markdown.Split('\n').Single(line => line.Contains("regex a", StringComparison.Ordinal));
        row.ShouldContain("feat: regex a\\\\\\|b &amp; &lt;x> \\`y\\`  [31mred");

        // Cells are split by bars no backslash escapes: as many as the header has.
        var header = markdown.Split('\n').Single(line => line.StartsWith("| Commit |", StringComparison.Ordinal));
        Cells(row).ShouldBe(Cells(header));
        markdown.ShouldNotContain("\u001b");
        terminal.ShouldNotContain("\u001b");
        terminal.ShouldNotContain("\u0007");
    }

    [Fact]
    public void The_html_page_is_refused_before_any_work_when_it_would_overwrite_the_ledger()
    {
        using var scenario = new AuditScenario();
        var ledger = Path.Combine(scenario.Home, "ledger.db");

        var result = FrugalProcess.Run(
            scenario.Home, scenario.AuditArguments("--ledger", ledger, "--html", ledger));

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain($"--html {ledger} is an input of this audit");
        File.Exists(ledger).ShouldBeFalse();
    }

    private static int Cells(string row) =>
        Regex.Count(row, @"(?<!\\)(?:\\\\)*\|");

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

    [Fact]
    public void The_html_audit_draws_its_three_charts_in_a_real_browser_offline()
    {
        var browser = Browser();
        if (browser is null)
        {
            // CI installs Chromium, so there this never skips.
            Assert.Skip("No Chromium on PATH (chromium, chromium-browser or google-chrome): the page is not drawn.");
        }

        using var scenario = new AuditScenario();
        var html = Path.Combine(scenario.Home, "audit.html");
        FrugalProcess.Run(scenario.Home, scenario.AuditArguments("--prs", scenario.PullRequests, "--html", html))
            .ExitCode.ShouldBe(0);

        var dom = DumpDom(browser, html);

        // Each chart's element became an ECharts instance holding a drawn canvas.
        foreach (var id in (string[])["chart-daily", "chart-features", "chart-leaderboard"])
        {
            Regex.IsMatch(dom, $"<div id=\"{id}\" class=\"chart\" _echarts_instance_=\"[^\"]+\"[^>]*>.*?<canvas")
                .ShouldBeTrue($"{id} was not drawn");
        }

        dom.ShouldNotContain(">The charts need JavaScript.<");
    }

    private static string? Browser() =>
        ((string[])["chromium", "chromium-browser", "google-chrome"])
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// The page's DOM after its scripts ran, with no network: the page must carry everything it needs.
    /// </summary>
    private static string DumpDom(string browser, string html)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--proxy-server=127.0.0.1:9", "--virtual-time-budget=3000", "--dump-dom", "file://" + html])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue("the browser did not finish within a minute");
        _ = errors.Result;
        return dom;
    }
}
