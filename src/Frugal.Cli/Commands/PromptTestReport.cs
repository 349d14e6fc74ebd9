using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Frugal.Domain.Prompts.Testing;

namespace Frugal.Cli.Commands;

/// <summary>The results of <c>frugal prompt test</c> as text, as JSON and as JUnit XML.</summary>
internal static class PromptTestReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether a file meets the policy: every case passes every run, and efficiency is high enough.</summary>
    public static bool Passes(PromptFileResult file, double minEfficiency) =>
        file.AllCasesPassed && file.Efficiency >= minEfficiency;

    public static string Text(IReadOnlyList<PromptFileResult> files, double minEfficiency)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(Invariant, $"{file.Name} ({file.Path})\n");
            foreach (var testCase in file.Cases)
            {
                var verdict = testCase.Passed ? "pass" : testCase.Flaky ? "flaky" : "FAIL";
                text.Append(Invariant, $"  {verdict,-5} {testCase.Name}: {testCase.PassedRuns} of "
                    + $"{testCase.Runs.Count} runs passed\n");
                foreach (var line in Problems(testCase).Distinct(StringComparer.Ordinal))
                {
                    text.Append(Invariant, $"        {line}\n");
                }
            }

            AppendSummary(text, file, minEfficiency);
        }

        return text.ToString();
    }

    private static void AppendSummary(StringBuilder text, PromptFileResult file, double minEfficiency)
    {
        var perPass = file.TokensPerPassedCase is { } t ? t.ToString("0.#", Invariant) : "n/a (none passed)";
        var estimated = file.TokensEstimated ? " (some estimated: the endpoint reported no usage)" : string.Empty;
        text.Append(Invariant, $"  pass rate {file.PassRate:P0} ({file.PassedRuns} of {file.Runs} runs); "
            + $"tokens {file.TotalTokens}{estimated}; tokens per passed case {perPass}\n");
        var verdict = file.Efficiency >= minEfficiency ? "meets" : "below";
        text.Append(Invariant, $"  efficiency {file.Efficiency:0.###} passed cases per 1,000 tokens, {verdict} the "
            + $"policy minimum {minEfficiency.ToString(Invariant)}\n");
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

    public static void Json(Stream output, IReadOnlyList<PromptFileResult> files, double minEfficiency)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("minEfficiency", minEfficiency);
        json.WriteBoolean("passed", files.All(f => Passes(f, minEfficiency)));
        json.WriteStartArray("prompts");
        foreach (var file in files)
        {
            WriteFile(json, file, minEfficiency);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter json, PromptFileResult file, double minEfficiency)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteString("name", file.Name);
        json.WriteBoolean("passed", Passes(file, minEfficiency));
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
            json.WriteNumber("latencyMs", run.Reply?.LatencyMs ?? 0);
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
    /// JUnit XML: one <c>testsuite</c> per prompt file, one <c>testcase</c> per run (<c>case [run i/n]</c>); a run
    /// whose assertions failed is a <c>failure</c>, a call that failed an <c>error</c>, judges not run are noted in
    /// <c>system-out</c>.
    /// </summary>
    public static void JUnit(string path, IReadOnlyList<PromptFileResult> files)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "frugal prompt test");
        xml.WriteAttributeString("tests", Count(files.Sum(f => f.Runs)));
        xml.WriteAttributeString("failures", Count(files.Sum(Failures)));
        xml.WriteAttributeString("errors", Count(files.Sum(Errors)));
        foreach (var file in files)
        {
            WriteSuite(xml, file);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static int Failures(PromptFileResult file) =>
        file.Cases.SelectMany(c => c.Runs).Count(r => r.Error is null && !r.Passed);

    private static int Errors(PromptFileResult file) =>
        file.Cases.SelectMany(c => c.Runs).Count(r => r.Error is not null);

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

    private static void WriteSuite(XmlWriter xml, PromptFileResult file)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Xml(file.Name));
        xml.WriteAttributeString("file", Xml(file.Path));
        xml.WriteAttributeString("tests", Count(file.Runs));
        xml.WriteAttributeString("failures", Count(Failures(file)));
        xml.WriteAttributeString("errors", Count(Errors(file)));
        xml.WriteAttributeString("skipped", "0");
        foreach (var testCase in file.Cases)
        {
            for (var i = 0; i < testCase.Runs.Count; i++)
            {
                WriteRun(xml, file, testCase, i);
            }
        }

        xml.WriteEndElement();
    }

    private static void WriteRun(XmlWriter xml, PromptFileResult file, PromptCaseResult testCase, int index)
    {
        var run = testCase.Runs[index];
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Xml(file.Name));
        xml.WriteAttributeString("name", Xml($"{testCase.Name} [run {index + 1}/{testCase.Runs.Count}]"));
        xml.WriteAttributeString("time", ((run.Reply?.LatencyMs ?? 0) / 1000.0).ToString("0.###", Invariant));
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
