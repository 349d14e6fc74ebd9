using Frugal.Domain.Prompts.Testing;
using Frugal.Sources.Prompts;

namespace Frugal.Cli.Commands;

/// <summary>
/// One prompt file given to <c>frugal prompt test</c>: its results when it read, else the problems that kept it from
/// running. Every file given is reported, so no verdict (text, JSON, JUnit) leaves out a file the exit code counted.
/// </summary>
/// <param name="Path">The file, as found.</param>
/// <param name="Result">Its results; null when it does not read.</param>
/// <param name="ReadProblems">Why it does not read, each as <c>line:column: message</c> (or the message alone).</param>
internal sealed record PromptTestFile(string Path, PromptFileResult? Result, IReadOnlyList<string> ReadProblems)
{
    /// <summary>
    /// Why a file with no test case fails: a gate that passes when nothing was tested hides a prompt that lost its
    /// tests, so it is a failure of its own, named as such, not an efficiency of 0.
    /// </summary>
    public const string NoTestData = "no testData: there is no test case to run, so neither the checks nor the "
        + "efficiency policy can be judged; add cases under testData, or leave the file out of the paths given";

    public static PromptTestFile Ran(PromptFileResult result) => new(result.Path, result, []);

    public static PromptTestFile Unreadable(string path, IEnumerable<PromptFileProblem> problems) =>
        new(path, null, [.. problems.Select(p => p.Line == 0 ? p.Message : p.ToString())]);

    /// <summary>
    /// Why the file fails apart from its cases: it does not read, it has no test case, or its efficiency is below
    /// <paramref name="minEfficiency"/>; empty when none of these holds.
    /// </summary>
    public IReadOnlyList<string> Problems(double minEfficiency)
    {
        if (Result is null)
        {
            return ReadProblems;
        }

        if (Result.Cases.Count == 0)
        {
            return [NoTestData];
        }

        return Result.Efficiency >= minEfficiency ? [] : [PromptTestReport.Efficiency(Result, minEfficiency)];
    }

    /// <summary>Whether the file meets the policy: it ran, every case passed every run, efficiency is enough.</summary>
    public bool Passes(double minEfficiency) => Problems(minEfficiency).Count == 0 && Result!.AllCasesPassed;
}
