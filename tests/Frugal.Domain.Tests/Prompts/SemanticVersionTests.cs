using System.Numerics;
using System.Text.RegularExpressions;
using Frugal.Domain.Prompts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts;

public sealed partial class SemanticVersionTests
{
    [Fact]
    public void CompareTo_TheSpecsExampleChain_IsInAscendingOrder()
    {
        // semver.org 2.0.0, item 11.4.4.
        string[] chain =
        [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0",
        ];

        var versions = chain.Select(SemanticVersion.Parse).ToList();

        for (var i = 1; i < versions.Count; i++)
        {
            (versions[i - 1] < versions[i]).ShouldBeTrue($"{versions[i - 1]} < {versions[i]}");
            (versions[i] > versions[i - 1]).ShouldBeTrue($"{versions[i]} > {versions[i - 1]}");
        }
    }

    [Theory]
    [InlineData("1.2.3-0")]
    [InlineData("1.2.3-0a")]
    [InlineData("1.2.3--")]
    [InlineData("1.2.3-a-b.c")]
    [InlineData("1.0.0-x.7.z.92")]
    [InlineData("1.0.0+20130313144700")]
    [InlineData("1.0.0-beta+exp.sha.5114f85")]
    [InlineData("1.0.0+21AF26D3----117B344092BD")]
    [InlineData("1.2.3+001")]
    [InlineData("0.0.0")]
    [InlineData("9223372036854775807.0.0")]
    public void Parse_ValidText_RoundTrips(string text)
    {
        SemanticVersion.Parse(text).ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("1", "is not MAJOR.MINOR.PATCH")]
    [InlineData("1.2", "is not MAJOR.MINOR.PATCH")]
    [InlineData("1.2.3.4", "is not MAJOR.MINOR.PATCH")]
    [InlineData("v1.2.3", "\"v1\" is not a number")]
    [InlineData("01.2.3", "\"01\" is not a number without leading zeros")]
    [InlineData("1.02.3", "leading zeros")]
    [InlineData("1.2.03", "leading zeros")]
    [InlineData(" 1.2.3", "is not a number")]
    [InlineData("1.2.3 ", "is not a number")]
    [InlineData("1.2.3-", "pre-release must be")]
    [InlineData("1.2.3-a..b", "pre-release must be")]
    [InlineData("1.2.3-é", "pre-release must be")]
    [InlineData("1.2.3-01", "\"01\" has a leading zero")]
    [InlineData("1.2.3+", "build metadata must be")]
    [InlineData("1.2.3+a..b", "build metadata must be")]
    [InlineData("1.2.3+a+b", "build metadata must be")]
    [InlineData("9223372036854775808.0.0", "is too large")]
    public void TryParse_InvalidText_SaysWhy(string text, string reason)
    {
        SemanticVersion.TryParse(text, out var version, out var problem).ShouldBeFalse();

        version.ShouldBeNull();
        problem.ShouldContain(reason);
        Should.Throw<FormatException>(() => SemanticVersion.Parse(text)).Message.ShouldBe(problem);
    }

    [Fact]
    public void Next_EachBump_IncrementsAndResetsTheRest()
    {
        var version = SemanticVersion.Parse("1.4.2-rc.1+build.7");

        version.Next(VersionBump.Patch).ToString().ShouldBe("1.4.3");
        version.Next(VersionBump.Minor).ToString().ShouldBe("1.5.0");
        version.Next(VersionBump.Major).ToString().ShouldBe("2.0.0");
        version.Next(VersionBump.None).ToString().ShouldBe("1.4.2");
        Should.Throw<OverflowException>(() => new SemanticVersion(long.MaxValue, 0, 0).Next(VersionBump.Major));
    }

    [Fact]
    public void TryNext_TheNumberToIncrementAtItsLargest_IsFalseWhereNextWouldOverflow()
    {
        var version = SemanticVersion.Parse("9223372036854775807.0.9223372036854775807");

        version.TryNext(VersionBump.Major, out var major).ShouldBeFalse();
        major.ShouldBeNull();
        version.TryNext(VersionBump.Patch, out _).ShouldBeFalse();
        version.TryNext(VersionBump.Minor, out var minor).ShouldBeTrue();
        minor!.ToString().ShouldBe("9223372036854775807.1.0");
    }

    [Theory]
    [InlineData("1.2.3", "2.0.0", VersionBump.Major)]
    [InlineData("1.2.3", "1.3.0", VersionBump.Minor)]
    [InlineData("1.2.3", "1.3.7", VersionBump.Minor)]
    [InlineData("1.2.3", "1.2.4-rc.1", VersionBump.Patch)]
    [InlineData("1.2.3-rc.1", "1.2.3", VersionBump.None)]
    [InlineData("1.2.3", "1.2.3+b", VersionBump.None)]
    [InlineData("2.0.0", "1.9.9", VersionBump.None)]
    [InlineData("1.5.0", "1.4.9", VersionBump.None)]
    public void BumpBetween_TwoVersions_IsTheHighestNumberThatWentUp(string from, string to, VersionBump bump)
    {
        SemanticVersion.BumpBetween(SemanticVersion.Parse(from), SemanticVersion.Parse(to)).ShouldBe(bump);
    }

    [Fact]
    public void Equals_DifferentBuildMetadata_AreEqualButKeepTheirText()
    {
        var a = SemanticVersion.Parse("1.0.0+a");
        var b = SemanticVersion.Parse("1.0.0+b");

        (a == b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ToString().ShouldBe("1.0.0+a");
        (a == null).ShouldBeFalse();
        (null < a).ShouldBeTrue();
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 2000)]
    public bool TryParse_AnyShortText_AcceptsExactlyWhatTheSpecsRegexAccepts(VersionText text) =>
        SemanticVersion.TryParse(text.Text, out var version) == SpecRegex().IsMatch(text.Text)
        && (version is null || version.ToString() == text.Text);

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool Parse_AnyVersionsText_GivesAnEqualVersionWithTheSameText(SemanticVersion version)
    {
        var again = SemanticVersion.Parse(version.ToString());

        return again == version && again.ToString() == version.ToString() && SpecRegex().IsMatch(version.ToString());
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool CompareTo_AnyTwo_IsAntisymmetricAndAgreesWithEquality(SemanticVersion a, SemanticVersion b) =>
        Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a))
        && (a.CompareTo(b) == 0) == a.Equals(b)
        && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode());

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public Property CompareTo_AnyThree_IsTransitive(SemanticVersion a, SemanticVersion b, SemanticVersion c)
    {
        var sorted = new[] { a, b, c }.Order().ToArray();

        return (sorted[0] <= sorted[1] && sorted[1] <= sorted[2] && sorted[0] <= sorted[2]).ToProperty();
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool CompareTo_BuildMetadataAddedOrChanged_IsIgnored(SemanticVersion version)
    {
        var text = version.ToString();
        var core = text.Split('+')[0];
        var other = SemanticVersion.Parse(core + "+other.9");

        return version.CompareTo(other) == 0 && version == SemanticVersion.Parse(core);
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool CompareTo_PreReleaseOfAVersion_IsBelowItsRelease(SemanticVersion version)
    {
        var release = version.Next(VersionBump.None);

        return version.IsPreRelease ? version < release : version == release;
    }

    [Property(MaxTest = 1000)]
    public bool CompareTo_NumericPreReleaseIdentifiers_CompareAsWholeNumbersOfAnySize(
        NonNegativeInt a, NonNegativeInt b, NonNegativeInt scale)
    {
        var big = BigInteger.Pow(10, scale.Get % 40);
        var left = new BigInteger(a.Get) * big;
        var right = new BigInteger(b.Get) * big;

        var order = SemanticVersion.Parse($"1.0.0-{left}").CompareTo(SemanticVersion.Parse($"1.0.0-{right}"));

        return order == left.CompareTo(right);
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool CompareTo_NumericIdentifier_IsBelowAnyAlphanumericOne(NonNegativeInt number, SemanticVersion version)
    {
        var core = $"{version.Major}.{version.Minor}.{version.Patch}";

        return SemanticVersion.Parse($"{core}-{number.Get}") < SemanticVersion.Parse($"{core}-{number.Get}a")
            && SemanticVersion.Parse($"{core}-{number.Get}") < SemanticVersion.Parse($"{core}--");
    }

    [Property(Arbitrary = new[] { typeof(SemanticVersionArbitrary) }, MaxTest = 1000)]
    public bool Next_AnyBump_IsHigherAndBumpBetweenNamesIt(SemanticVersion version, VersionBump bump)
    {
        if (version.Major == long.MaxValue || version.Minor == long.MaxValue || version.Patch == long.MaxValue)
        {
            return true;
        }

        var next = version.Next(bump);

        return next > version && SemanticVersion.BumpBetween(version, next) == bump && !next.IsPreRelease
            && next.Build.Count == 0 && SemanticVersion.BumpBetween(next, version) == VersionBump.None;
    }

    /// <summary>The regular expression semver.org suggests, with [0-9] for \d and \z for $ (.NET's differ).</summary>
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
        + @"(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
        + @"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z")]
    private static partial Regex SpecRegex();
}
