using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Frugal.Domain.Prompts;

/// <summary>
/// A version as Semantic Versioning 2.0.0 (semver.org) defines it: <c>MAJOR.MINOR.PATCH</c>, an optional
/// pre-release (<c>-alpha.1</c>) and optional build metadata (<c>+build.5</c>). Parsing follows the spec's grammar
/// exactly: no <c>v</c> prefix, no spaces, no leading zeros in numeric identifiers, no empty identifiers.
/// </summary>
/// <remarks>
/// Ordering is semver precedence (spec item 11): the three numbers compared numerically, then a version with a
/// pre-release below the same version without one, then pre-release identifiers left to right (numeric ones
/// numerically and below alphanumeric ones, alphanumeric ones by ASCII order, a longer list above its prefix).
/// Build metadata never affects precedence, and equality follows precedence, so <c>1.0.0+a</c> equals
/// <c>1.0.0+b</c>; <see cref="ToString"/> keeps the metadata as written. The spec puts no bound on the numbers;
/// here MAJOR, MINOR and PATCH must fit a <see cref="long"/> (a larger one is not parsed), while numeric
/// pre-release identifiers of any length are compared exactly.
/// </remarks>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>, IComparable
{
    private SemanticVersion(long major, long minor, long patch, string[] preRelease, string[] build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Build = build;
    }

    /// <summary>Creates a release version <c>major.minor.patch</c> with no pre-release and no build metadata.</summary>
    public SemanticVersion(long major, long minor, long patch)
        : this(NonNegative(major, nameof(major)), NonNegative(minor, nameof(minor)), NonNegative(patch, nameof(patch)),
            [], [])
    {
    }

    /// <summary>The major number: incremented by changes that break the prompt's contract.</summary>
    public long Major { get; }

    /// <summary>The minor number: incremented by additions that keep the contract.</summary>
    public long Minor { get; }

    /// <summary>The patch number: incremented by changes that keep behaviour.</summary>
    public long Patch { get; }

    /// <summary>The pre-release identifiers (<c>alpha</c> and <c>1</c> in <c>-alpha.1</c>); none if released.</summary>
    public IReadOnlyList<string> PreRelease { get; }

    /// <summary>The build metadata identifiers; ignored by comparisons.</summary>
    public IReadOnlyList<string> Build { get; }

    /// <summary>Whether this is a pre-release (it has pre-release identifiers).</summary>
    public bool IsPreRelease => PreRelease.Count > 0;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a semantic version; the message says why.</exception>
    public static SemanticVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version, out var problem) ? version : throw new FormatException(problem);
    }

    /// <summary>Parses <paramref name="text"/>, or returns false when it is not a semantic version.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version) =>
        TryParse(text, out version, out _);

    /// <summary>
    /// Parses <paramref name="text"/>, or returns false with <paramref name="problem"/> saying what is wrong, in words
    /// fit for a lint message.
    /// </summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out string? problem)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "is empty: write MAJOR.MINOR.PATCH, such as 1.0.0";
            return false;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var head = plus < 0 ? text : text[..plus];
        var dash = head.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? head : head[..dash];
        var parts = core.Split('.');
        if (parts.Length != 3)
        {
            problem = $"\"{text}\" is not MAJOR.MINOR.PATCH: write three numbers, such as 1.0.0";
            return false;
        }

        var numbers = new long[3];
        for (var i = 0; i < 3; i++)
        {
            if (!IsNumeric(parts[i]))
            {
                problem = $"\"{text}\": \"{parts[i]}\" is not a number without leading zeros";
                return false;
            }

            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                problem = $"\"{text}\": {parts[i]} is too large (at most {long.MaxValue})";
                return false;
            }
        }

        string[] preRelease = [];
        if (dash >= 0)
        {
            preRelease = head[(dash + 1)..].Split('.');
            foreach (var identifier in preRelease)
            {
                if (identifier.Length == 0 || !identifier.All(IsIdentifierChar))
                {
                    problem = $"\"{text}\": the pre-release must be dot-separated, non-empty identifiers of "
                        + "[0-9A-Za-z-]";
                    return false;
                }

                if (identifier.All(char.IsAsciiDigit) && !IsNumeric(identifier))
                {
                    problem = $"\"{text}\": the numeric pre-release identifier \"{identifier}\" has a leading zero";
                    return false;
                }
            }
        }

        string[] build = [];
        if (plus >= 0)
        {
            build = text[(plus + 1)..].Split('.');
            if (build.Any(b => b.Length == 0 || !b.All(IsIdentifierChar)))
            {
                problem = $"\"{text}\": build metadata must be dot-separated, non-empty identifiers of [0-9A-Za-z-]";
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], preRelease, build);
        problem = null;
        return true;
    }

    /// <summary>
    /// The next version after a change of kind <paramref name="bump"/>: MAJOR+1.0.0, MAJOR.MINOR+1.0 or
    /// MAJOR.MINOR.PATCH+1, always a release without build metadata. <see cref="VersionBump.None"/> gives the
    /// release of the same three numbers (<c>1.0.0-rc.1</c> gives <c>1.0.0</c>).
    /// </summary>
    /// <exception cref="OverflowException">The number to increment is already <see cref="long.MaxValue"/>.</exception>
    public SemanticVersion Next(VersionBump bump) => bump switch
    {
        VersionBump.Major => new SemanticVersion(checked(Major + 1), 0, 0),
        VersionBump.Minor => new SemanticVersion(Major, checked(Minor + 1), 0),
        VersionBump.Patch => new SemanticVersion(Major, Minor, checked(Patch + 1)),
        VersionBump.None when !IsPreRelease && Build.Count == 0 => this,
        VersionBump.None => new SemanticVersion(Major, Minor, Patch),
        _ => throw new ArgumentOutOfRangeException(nameof(bump), bump, "Not a kind of version bump."),
    };

    /// <summary>
    /// <see cref="Next"/>, or false when the number to increment is already <see cref="long.MaxValue"/>, the largest
    /// this type holds (semver itself sets no limit).
    /// </summary>
    public bool TryNext(VersionBump bump, [NotNullWhen(true)] out SemanticVersion? next)
    {
        var full = bump switch
        {
            VersionBump.Major => Major,
            VersionBump.Minor => Minor,
            VersionBump.Patch => Patch,
            _ => 0,
        };
        next = full == long.MaxValue ? null : Next(bump);
        return next is not null;
    }

    /// <summary>
    /// The kind of change from <paramref name="from"/> to <paramref name="to"/>: the highest of MAJOR, MINOR and
    /// PATCH that went up, while the ones before it stayed the same. <see cref="VersionBump.None"/> when the three
    /// numbers are equal (a pre-release or build change only) or when <paramref name="to"/> is not above
    /// <paramref name="from"/> at all; check <c>to &gt; from</c> first to tell these apart.
    /// </summary>
    public static VersionBump BumpBetween(SemanticVersion from, SemanticVersion to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Major != from.Major)
        {
            return to.Major > from.Major ? VersionBump.Major : VersionBump.None;
        }

        if (to.Minor != from.Minor)
        {
            return to.Minor > from.Minor ? VersionBump.Minor : VersionBump.None;
        }

        return to.Patch > from.Patch ? VersionBump.Patch : VersionBump.None;
    }

    /// <summary>Compares by semver precedence; build metadata is ignored.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (core != 0)
        {
            return core;
        }

        if (PreRelease.Count == 0 || other.PreRelease.Count == 0)
        {
            // A release (no identifiers) is above any of its pre-releases.
            return other.PreRelease.Count.CompareTo(PreRelease.Count);
        }

        for (var i = 0; i < Math.Min(PreRelease.Count, other.PreRelease.Count); i++)
        {
            var c = CompareIdentifiers(PreRelease[i], other.PreRelease[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return PreRelease.Count.CompareTo(other.PreRelease.Count);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        SemanticVersion other => CompareTo(other),
        _ => throw new ArgumentException("Can only compare with another SemanticVersion.", nameof(obj)),
    };

    /// <summary>Equal precedence: the same numbers and pre-release; build metadata is ignored.</summary>
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Major);
        hash.Add(Minor);
        hash.Add(Patch);
        foreach (var identifier in PreRelease)
        {
            hash.Add(identifier, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The version as written: <c>MAJOR.MINOR.PATCH[-PRE][+BUILD]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (PreRelease.Count > 0)
        {
            text.Append('-').AppendJoin('.', PreRelease);
        }

        if (Build.Count > 0)
        {
            text.Append('+').AppendJoin('.', Build);
        }

        return text.ToString();
    }

    /// <summary>Equal precedence.</summary>
    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Different precedence.</summary>
    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    /// <summary>Lower precedence.</summary>
    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) < 0;

    /// <summary>Lower or equal precedence.</summary>
    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) <= 0;

    /// <summary>Higher precedence.</summary>
    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) > 0;

    /// <summary>Higher or equal precedence.</summary>
    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) >= 0;

    private static int Compare(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>
    /// Spec 11.4.1–11.4.3: numeric identifiers compare numerically (no leading zeros, so by length, then by digits)
    /// and below alphanumeric ones, which compare in ASCII order.
    /// </summary>
    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            return left.Length != right.Length
                ? left.Length.CompareTo(right.Length)
                : Math.Sign(string.CompareOrdinal(left, right));
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }

    /// <summary>A numeric identifier: <c>0</c>, or ASCII digits not starting with 0.</summary>
    private static bool IsNumeric(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static long NonNegative(long value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Version numbers are not negative.");
}
