namespace Frugal.Domain.Scoring;

/// <summary>The band an efficiency score falls in; each score documents its own band edges.</summary>
public enum Grade
{
    /// <summary>The best band.</summary>
    A,

    /// <summary>The second band.</summary>
    B,

    /// <summary>The third band.</summary>
    C,

    /// <summary>Below every band, including nothing useful shipped.</summary>
    F,

    /// <summary>No score: an input it needs is unknown or zero.</summary>
    NotApplicable,
}
