using Frugal.Domain.Prompts;
using FsCheck;
using FsCheck.Fluent;

namespace Frugal.Domain.Tests.Prompts;

/// <summary>
/// Valid versions built from the spec's parts (small numbers so equal cores are common, pre-release identifiers
/// numeric and alphanumeric, build metadata), and short strings over the characters versions are made of.
/// </summary>
internal static class SemanticVersionArbitrary
{
    private static readonly string[] Words = ["alpha", "beta", "rc", "a", "b", "-", "x-1", "0a", "A", "Z9", "a-"];

    public static Arbitrary<SemanticVersion> Versions() => Valid().ToArbitrary();

    /// <summary>Half random characters, half "1.0.0"-like pieces, so about a quarter of them are valid.</summary>
    public static Arbitrary<VersionText> Texts()
    {
        var characters = Gen.Elements("0123456789..--++abAZv é".ToCharArray())
            .ArrayOf()
            .Where(chars => chars.Length <= 14)
            .Select(chars => new string(chars));
        var number = Gen.Frequency(
            (6, Gen.Elements("0", "1", "7", "10")),
            (1, Gen.Elements("01", "00", "a", "")));
        var part = Gen.Frequency(
            (5, Gen.Elements("", "-rc", "-0", "-0a", "-rc.1", "+x.y", "+01", "-a-b")),
            (1, Gen.Elements("-", "-01", "-a.", ".1", "+", "+a+b", "-é")));
        var tail = part.ArrayOf().Where(parts => parts.Length < 3).Select(string.Concat);
        var pieces =
            from major in number
            from minor in number
            from patch in number
            from rest in tail
            select $"{major}.{minor}.{patch}{rest}";
        return Gen.OneOf(characters, pieces).Select(text => new VersionText(text)).ToArbitrary();
    }

    public static Arbitrary<VersionBump> Bumps() =>
        Gen.Elements(VersionBump.Patch, VersionBump.Minor, VersionBump.Major).ToArbitrary();

    private static Gen<SemanticVersion> Valid()
    {
        var number = Gen.Frequency(
            (8, Gen.Choose(0, 3).Select(n => (long)n)),
            (1, Gen.Choose(0, int.MaxValue).Select(n => (long)n * 4_000_000_000L)));
        var numeric = Gen.Frequency(
            (4, Gen.Choose(0, 12).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Choose(1, 9).SelectMany(
                first => Gen.Elements("0123456789".ToCharArray()).ArrayOf().Where(d => d.Length < 30),
                (first, rest) => first + new string(rest))));
        var identifier = Gen.OneOf(numeric, Gen.Elements(Words));
        var preRelease = Gen.Frequency(
            (2, Gen.Constant(string.Empty)),
            (3, identifier.ArrayOf()
                .Where(ids => ids.Length is > 0 and < 4)
                .Select(ids => "-" + string.Join('.', ids))));
        var build = Gen.Frequency(
            (3, Gen.Constant(string.Empty)),
            (1, Gen.Elements("+b1", "+001", "+exp.sha.5114f85", "+x-y.0")));
        return
            from major in number
            from minor in number
            from patch in number
            from pre in preRelease
            from meta in build
            select SemanticVersion.Parse($"{major}.{minor}.{patch}{pre}{meta}");
    }
}

/// <summary>A short string that may or may not be a version.</summary>
/// <param name="Text">The string.</param>
public sealed record VersionText(string Text)
{
    public override string ToString() => $"\"{Text}\"";
}
