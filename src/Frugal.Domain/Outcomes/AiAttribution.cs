namespace Frugal.Domain.Outcomes;

/// <summary>
/// The AI marks found on one commit. A commit without marks is "not marked", which is not the same as written without
/// AI: every tool lets users turn its marks off.
/// </summary>
public sealed record AiAttribution
{
    /// <summary>Builds the attribution from its evidence, in the order it was found.</summary>
    /// <param name="evidence">The marks found, identities first, then message lines top to bottom, then branch.</param>
    public AiAttribution(IReadOnlyList<AiEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Evidence = evidence;
        Tool = StrongestTool(evidence);
        Model = FirstModel(evidence);
    }

    /// <summary>A commit that carries no AI mark.</summary>
    public static AiAttribution NotMarked { get; } = new([]);

    /// <summary>Every mark found, identities first, then message lines top to bottom, then the branch.</summary>
    public IReadOnlyList<AiEvidence> Evidence { get; }

    /// <summary>Whether at least one AI mark was found.</summary>
    public bool IsMarked => Evidence.Count > 0;

    /// <summary>
    /// The tool of the strongest evidence (lowest <see cref="AiMarkerClass"/>); among equally strong evidence a named
    /// tool wins over <see cref="AiTools.UnknownAi"/>, then the first found. Null when not marked.
    /// </summary>
    public string? Tool { get; }

    /// <summary>The first model any evidence states, or null when none states one.</summary>
    public string? Model { get; }

    private static string? StrongestTool(IReadOnlyList<AiEvidence> evidence)
    {
        AiEvidence? best = null;
        foreach (var item in evidence)
        {
            if (best is null || Rank(item) < Rank(best))
            {
                best = item;
            }
        }

        return best?.Tool;
    }

    private static int Rank(AiEvidence item) =>
        checked(((int)item.Class * 2) + (item.Tool == AiTools.UnknownAi ? 1 : 0));

    private static string? FirstModel(IReadOnlyList<AiEvidence> evidence)
    {
        foreach (var item in evidence)
        {
            if (item.Model is not null)
            {
                return item.Model;
            }
        }

        return null;
    }
}
