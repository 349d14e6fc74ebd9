using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Frugal.Cli.Rendering;
using Frugal.Domain.Prompts.Testing;

namespace Frugal.Cli.Commands;

/// <summary>The results of <c>frugal prompt test</c> as text, as JSON and as JUnit XML.</summary>
internal static class PromptTestReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The results for people. Names, ids, paths and errors come from files and servers anyone writes, so each line
    /// is shown with its control characters (terminal escape sequences, bells, line breaks) written out.
    /// </summary>
    public static string Text(IReadOnlyList<PromptTestFile> files, double minEfficiency)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            if (file.Result is not { } result)
            {
                var problems = Numbers.Count(file.ReadProblems.Count, "problem");
                Line(text, file.Path);
                Line(text, $"  FAIL  not run: the file does not read ({problems}, listed on stderr)");
                continue;
            }

            Line(text, $"{result.Name} ({result.Path})");
            if (result.Cases.Count == 0)
            {
                Line(text, $"  FAIL  {PromptTestFile.NoTestData}");
                continue;
            }

            foreach (var testCase in result.Cases)
            {
                var verdict = testCase.Passed ? "pass" : testCase.Flaky ? "flaky" : "FAIL";
                Line(text, $"  {verdict,-5} {testCase.Name}: {testCase.PassedRuns} of {testCase.Runs.Count} runs "
                    + "passed");
                foreach (var line in Problems(testCase).Distinct(StringComparer.Ordinal))
                {
                    Line(text, $"        {line}");
                }
            }

            AppendSummary(text, result, minEfficiency);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(TerminalText.Printable(line)).Append('\n');

    private static void AppendSummary(StringBuilder text, PromptFileResult file, double minEfficiency)
    {
        var perPass = file.TokensPerPassedCase is { } t ? t.ToString("0.#", Invariant) : "n/a (none passed)";
        var estimated = file.TokensEstimated ? " (some estimated: the endpoint reported no usage)" : string.Empty;
        Line(text, string.Create(Invariant, $"  pass rate {file.PassRate:P0} ({file.PassedRuns} of {file.Runs} "
            + $"runs); tokens {file.TotalTokens}{estimated}; tokens per passed case {perPass}"));
        Line(text, $"  {Efficiency(file, minEfficiency)}");
    }

    /// <summary>The file's efficiency against the policy, as one sentence.</summary>
    public static string Efficiency(PromptFileResult file, double minEfficiency)
    {
        var verdict = file.Efficiency >= minEfficiency ? "meets" : "below";
        return string.Create(Invariant, $"efficiency {file.Efficiency:0.###} passed cases per 1,000 tokens, "
            + $"{verdict} the policy minimum {minEfficiency}");
    }

    private static IEnumerable<string> Problems(PromptCaseResult testCase)
    {
        foreach (var run in testCase.Runs)
        {
            if (run.Error is not null)
            {
                yield return "error: " + run.Error;
            }

            foreach (var a in run.Assertions.Where(a => a.Outcome != AssertionOutcome.Passed))
            {
                var label = a.Outcome == AssertionOutcome.Failed ? "failed" : "not run";
                yield return $"{label}: {a.Name}: {a.Detail}";
            }
        }
    }

    public static void Json(Stream output, IReadOnlyList<PromptTestFile> files, double minEfficiency)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("minEfficiency", minEfficiency);
        json.WriteBoolean("passed", files.All(f => f.Passes(minEfficiency)));
        json.WriteStartArray("prompts");
        foreach (var file in files)
        {
            WriteFile(json, file, minEfficiency);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// One file: a file that does not read has a null name, its reading problems and no case; every file lists in
    /// <c>problems</c> why it fails apart from its cases.
    /// </summary>
    private static void WriteFile(Utf8JsonWriter json, PromptTestFile given, double minEfficiency)
    {
        var file = given.Result ?? new PromptFileResult(given.Path, string.Empty, []);
        json.WriteStartObject();
        json.WriteString("path", given.Path);
        json.WriteString("name", given.Result?.Name);
        json.WriteBoolean("passed", given.Passes(minEfficiency));
        json.WriteStartArray("problems");
        foreach (var problem in given.Problems(minEfficiency))
        {
            json.WriteStringValue(problem);
        }

        json.WriteEndArray();
        json.WriteNumber("runs", file.Runs);
        json.WriteNumber("passedRuns", file.PassedRuns);
        json.WriteNumber("passRate", file.PassRate);
        json.WriteNumber("totalTokens", file.TotalTokens);
        json.WriteBoolean("tokensEstimated", file.TokensEstimated);
        json.WriteNumber("efficiency", file.Efficiency);
        if (file.TokensPerPassedCase is { } perPass)
        {
            json.WriteNumber("tokensPerPassedCase", perPass);
        }
        else
        {
            json.WriteNull("tokensPerPassedCase");
        }

        json.WriteStartArray("cases");
        foreach (var testCase in file.Cases)
        {
            WriteCase(json, testCase);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCase(Utf8JsonWriter json, PromptCaseResult testCase)
    {
        json.WriteStartObject();
        json.WriteString("name", testCase.Name);
        json.WriteBoolean("passed", testCase.Passed);
        json.WriteBoolean("flaky", testCase.Flaky);
        json.WriteNumber("passedRuns", testCase.PassedRuns);
        json.WriteStartArray("runs");
        foreach (var run in testCase.Runs)
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", run.Passed);
            json.WriteString("error", run.Error);
            json.WriteString("reply", run.Reply?.Text);
            json.WriteBoolean("fromCache", run.Reply?.FromCache ?? false);
            json.WriteNumber("latencyMs", run.ElapsedMs);
            json.WriteNumber("promptTokens", run.PromptTokens);
            json.WriteNumber("completionTokens", run.CompletionTokens);
            json.WriteBoolean("tokensEstimated", run.TokensEstimated);
            json.WriteStartArray("assertions");
            foreach (var a in run.Assertions)
            {
                json.WriteStartObject();
                json.WriteString("name", a.Name);
                json.WriteString("outcome", a.Outcome switch
                {
                    AssertionOutcome.Passed => "passed",
                    AssertionOutcome.Failed => "failed",
                    _ => "not-run",
                });
                json.WriteString("detail", a.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// JUnit XML: one <c>testsuite</c> per prompt file given. A file that ran has one <c>testcase</c> per run
    /// (<c>case [run i/n]</c>; a run whose assertions failed is a <c>failure</c>, a call that failed an <c>error</c>,
    /// judges not run are noted in <c>system-out</c>) and one named <c>efficiency</c>, a <c>failure</c> when below
    /// the policy. A file with no test case has one <c>testData</c> failure; a file that does not read, one
    /// <c>prompt file</c> error. So the XML fails whenever the exit code does.
    /// </summary>
    public static void JUnit(string path, IReadOnlyList<PromptTestFile> files, double minEfficiency)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "frugal prompt test");
        xml.WriteAttributeString("tests", Count(files.Sum(Tests)));
        xml.WriteAttributeString("failures", Count(files.Sum(f => Failures(f, minEfficiency))));
        xml.WriteAttributeString("errors", Count(files.Sum(Errors)));
        foreach (var file in files)
        {
            WriteSuite(xml, file, minEfficiency);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>Test cases of a file: its runs and the efficiency gate; one for a file that did not run.</summary>
    private static int Tests(PromptTestFile file) => file.Result is { Cases.Count: > 0 } result ? result.Runs + 1 : 1;

    private static int Failures(PromptTestFile file, double minEfficiency) => file.Result switch
    {
        null => 0,
        { Cases.Count: 0 } => 1,
        var result => result.Cases.SelectMany(c => c.Runs).Count(r => r.Error is null && !r.Passed)
            + (result.Efficiency >= minEfficiency ? 0 : 1),
    };

    private static int Errors(PromptTestFile file) =>
        file.Result is { } result ? result.Cases.SelectMany(c => c.Runs).Count(r => r.Error is not null) : 1;

    private static string Count(int number) => number.ToString(Invariant);

    /// <summary>
    /// Text XML 1.0 can hold: characters it forbids (control characters a model may send) become U+FFFD, so a reply
    /// never breaks the report.
    /// </summary>
    private static string Xml(string text)
    {
        if (text.All(XmlConvert.IsXmlChar) && !text.Any(char.IsSurrogate))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static void WriteSuite(XmlWriter xml, PromptTestFile given, double minEfficiency)
    {
        var name = given.Result?.Name ?? given.Path;
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Xml(name));
        xml.WriteAttributeString("file", Xml(given.Path));
        xml.WriteAttributeString("tests", Count(Tests(given)));
        xml.WriteAttributeString("failures", Count(Failures(given, minEfficiency)));
        xml.WriteAttributeString("errors", Count(Errors(given)));
        xml.WriteAttributeString("skipped", "0");
        if (given.Result is not { } file)
        {
            WriteGate(xml, name, "prompt file", "error", "the file does not read: " + given.ReadProblems[0],
                string.Join("\n", given.ReadProblems));
        }
        else if (file.Cases.Count == 0)
        {
            WriteGate(xml, name, "testData", "failure", PromptTestFile.NoTestData, null);
        }
        else
        {
            foreach (var testCase in file.Cases)
            {
                for (var i = 0; i < testCase.Runs.Count; i++)
                {
                    WriteRun(xml, file, testCase, i);
                }
            }

            var efficiency = Efficiency(file, minEfficiency);
            WriteGate(xml, name, "efficiency", file.Efficiency >= minEfficiency ? null : "failure", efficiency, null);
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// A test case that is no run: passing when <paramref name="outcome"/> is null (the detail then goes to
    /// <c>system-out</c>), else a <c>failure</c> or <c>error</c> with <paramref name="message"/>.
    /// </summary>
    private static void WriteGate(
        XmlWriter xml, string classname, string name, string? outcome, string message, string? detail)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Xml(classname));
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("time", "0");
        if (outcome is null)
        {
            xml.WriteElementString("system-out", Xml(detail ?? message));
        }
        else
        {
            xml.WriteStartElement(outcome);
            xml.WriteAttributeString("message", Xml(message));
            if (detail is not null)
            {
                xml.WriteString(Xml(detail));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteRun(XmlWriter xml, PromptFileResult file, PromptCaseResult testCase, int index)
    {
        var run = testCase.Runs[index];
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Xml(file.Name));
        xml.WriteAttributeString("name", Xml($"{testCase.Name} [run {index + 1}/{testCase.Runs.Count}]"));
        xml.WriteAttributeString("time", (run.ElapsedMs / 1000.0).ToString("0.###", Invariant));
        if (run.Error is not null)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", Xml(run.Error));
            xml.WriteEndElement();
        }

        var failed = run.Assertions.Where(a => a.Outcome == AssertionOutcome.Failed).ToList();
        if (failed.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Xml(string.Join("; ", failed.Select(a => $"{a.Name}: {a.Detail}"))));
            xml.WriteString(Xml(run.Reply?.Text ?? string.Empty));
            xml.WriteEndElement();
        }

        var notRun = run.Assertions.Where(a => a.Outcome == AssertionOutcome.NotRun).ToList();
        if (notRun.Count > 0)
        {
            xml.WriteElementString("system-out", Xml(string.Join("\n", notRun.Select(a => $"{a.Name}: {a.Detail}"))));
        }

        xml.WriteEndElement();
    }
}
