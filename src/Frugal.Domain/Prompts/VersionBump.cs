namespace Frugal.Domain.Prompts;

/// <summary>
/// The kinds of semantic version increment, in order of weight, so a required minimum can be compared with the
/// bump a new version makes (<c>made &gt;= required</c>).
/// </summary>
public enum VersionBump
{
    /// <summary>No increment of MAJOR, MINOR or PATCH.</summary>
    None = 0,

    /// <summary>PATCH + 1: wording that keeps behaviour.</summary>
    Patch = 1,

    /// <summary>MINOR + 1, PATCH reset: an addition that keeps the contract.</summary>
    Minor = 2,

    /// <summary>MAJOR + 1, MINOR and PATCH reset: a change that breaks the contract.</summary>
    Major = 3,
}
