namespace Frugal.Domain.Audit;

/// <summary>
/// Bug-introducing candidates set beside the code each side wrote: AI-marked commits and the rest, with the lines
/// each added in the window and the fixes (from the window's start to now) blamed on them. Without the exposure a
/// count of "bugs from AI" mostly measures how much code AI wrote.
/// </summary>
/// <param name="FixesAnalysed">Mainline fixes blamed.</param>
/// <param name="FixesWithCandidates">Fixes that named at least one candidate.</param>
/// <param name="FixesOnlyAdding">Fixes that changed no earlier code line (nothing to blame).</param>
/// <param name="FixesFromTrailer">Fixes whose <c>Fixes:</c> trailer named the commit.</param>
/// <param name="FixesWithProblems">Fixes blame could not read completely.</param>
/// <param name="AiLinesAdded">Lines added in the window by AI-marked mainline commits.</param>
/// <param name="OtherLinesAdded">Lines added in the window by the other mainline commits.</param>
/// <param name="AiBugLinks">Fixes blamed on AI-marked commits of the window.</param>
/// <param name="OtherBugLinks">Fixes blamed on the other commits of the window.</param>
/// <param name="OlderBugLinks">Fixes blamed on commits older than the window (not counted on either side).</param>
/// <param name="LaterBugLinks">Fixes blamed on commits made after the window (not counted on either side).</param>
public sealed record BugExposure(
    int FixesAnalysed,
    int FixesWithCandidates,
    int FixesOnlyAdding,
    int FixesFromTrailer,
    int FixesWithProblems,
    long AiLinesAdded,
    long OtherLinesAdded,
    int AiBugLinks,
    int OtherBugLinks,
    int OlderBugLinks,
    int LaterBugLinks)
{
    /// <summary>Fixes blamed on AI-marked commits per 1,000 lines those commits added; null without lines.</summary>
    public double? AiPerThousandLines => PerThousand(AiBugLinks, AiLinesAdded);

    /// <summary>Fixes blamed on other commits per 1,000 lines they added; null without lines.</summary>
    public double? OtherPerThousandLines => PerThousand(OtherBugLinks, OtherLinesAdded);

    private static double? PerThousand(int links, long lines) => lines == 0 ? null : links * 1000d / lines;
}
