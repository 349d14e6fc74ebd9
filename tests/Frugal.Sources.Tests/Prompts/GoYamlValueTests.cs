using Frugal.Sources.Prompts;
using Shouldly;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Tests.Prompts;

/// <summary>
/// What gh-models sends for a testData value, each expected string worked out by hand from the Go sources:
/// gopkg.in/yaml.v3 v3.0.1 (go-yaml/yaml resolve.go: resolve, parseTimestamp; decode.go: scalar, sequence,
/// mapping) decodes the value into interface{}, and gh-models (github/gh-models pkg/prompt/prompt.go,
/// TemplateString) prints a non-string with fmt's %v (golang/go src/fmt/print.go, src/fmt/format.go: a float64 is
/// strconv 'g' with the shortest digits; src/strconv/ftoa.go formatDigits: exponent form when the exponent is below
/// -4 or at least 6, exponent of at least two digits; src/strconv/atoi.go: ParseInt with base 0; src/time/format.go:
/// Time.String is "2006-01-02 15:04:05.999999999 -0700 MST").
/// </summary>
public sealed class GoYamlValueTests
{
    [Theory]
    // Floats: 1500 has exponent 3, below 6, so it is written out.
    [InlineData("1.5e3", "1500")]
    [InlineData("1e5", "100000")]
    [InlineData("123456.7", "123456.7")]
    // Exponent 6 and above: exponent form with at least two exponent digits.
    [InlineData("1e6", "1e+06")]
    [InlineData("1234567.0", "1.234567e+06")]
    [InlineData("1e20", "1e+20")]
    [InlineData("1e21", "1e+21")]
    // Exponent -4 is written out; -5 and below are not.
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("2.5e-7", "2.5e-07")]
    [InlineData("3.10", "3.1")]
    [InlineData(".5", "0.5")]
    [InlineData("+.5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("-0.0", "-0")]
    [InlineData(".inf", "+Inf")]
    [InlineData("-.Inf", "-Inf")]
    [InlineData(".nan", "NaN")]
    // Integers: ParseInt with base 0 reads 0x, 0o, 0b and a leading 0 as octal; underscores are dropped first.
    [InlineData("0x1F", "31")]
    [InlineData("0X1F", "31")]
    [InlineData("007", "7")]
    [InlineData("010", "8")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("0b-101", "-5")]
    [InlineData("1_000", "1000")]
    [InlineData("+1", "1")]
    [InlineData("-0", "0")]
    // 08 is no octal number, so yaml.v3 reads it as the float 8.
    [InlineData("08", "8")]
    // Beyond int64 a uint64; beyond that a float; a float beyond float64 stays text.
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("18446744073709551616", "1.8446744073709552e+19")]
    [InlineData("100000000000000000000", "1e+20")]
    [InlineData("-9223372036854775809", "-9.223372036854776e+18")]
    [InlineData("1e400", "1e400")]
    // YAML 1.2 booleans only: yes, no, on, off stay as written.
    [InlineData("True", "true")]
    [InlineData("FALSE", "false")]
    [InlineData("tRUE", "tRUE")]
    [InlineData("yes", "yes")]
    [InlineData("off", "off")]
    [InlineData("~", "<nil>")]
    [InlineData("null", "<nil>")]
    // Timestamps become time.Time; an impossible date stays text.
    [InlineData("2024-01-01", "2024-01-01 00:00:00 +0000 UTC")]
    [InlineData("2024-1-5", "2024-01-05 00:00:00 +0000 UTC")]
    [InlineData("2024-02-29", "2024-02-29 00:00:00 +0000 UTC")]
    [InlineData("2023-02-29", "2023-02-29")]
    [InlineData("2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.1 -0500 -0500")]
    [InlineData("2001-12-15T02:59:43Z", "2001-12-15 02:59:43 +0000 UTC")]
    [InlineData("2001-12-14 21:59:43.10", "2001-12-14 21:59:43.1 +0000 UTC")]
    [InlineData("2001-12-14T21:59:43", "2001-12-14T21:59:43")]
    // Text that is nothing else, quoted and block scalars, and !!str: exactly as written.
    [InlineData("0x", "0x")]
    [InlineData("1:30", "1:30")]
    [InlineData("'007'", "007")]
    [InlineData("\"1.5e3\"", "1.5e3")]
    [InlineData("!!str 0x1F", "0x1F")]
    [InlineData(">-\n  1.5e3", "1.5e3")]
    // An explicit !!float takes an integer as a float64.
    [InlineData("!!float 1", "1")]
    // Lists and mappings as Go prints them: items with %v, map keys sorted.
    [InlineData("[a, 1.5e3, ~, yes]", "[a 1500 <nil> yes]")]
    [InlineData("{b: 0x10, a: [x, y]}", "map[a:[x y] b:16]")]
    public void Of_AValue_IsWhatGhModelsSubstitutes(string yaml, string expected)
    {
        var value = GoYamlValue.Of(Node(yaml));

        value.Text.ShouldBe(expected);
        value.Refused.ShouldBeNull();
    }

    [Theory]
    [InlineData("[a, b]", "List")]
    [InlineData("{a: 1}", "Mapping")]
    [InlineData("~", "Null")]
    [InlineData("''", "String")]
    [InlineData("2024-01-01", "Timestamp")]
    [InlineData("18446744073709551615", "Integer")]
    public void Of_AValue_HasTheKindGoDecodesItTo(string yaml, string expected) =>
        GoYamlValue.Of(Node(yaml)).Kind.ToString().ShouldBe(expected);

    [Theory]
    [InlineData("!!int 1.5")]
    [InlineData("!!bool yes")]
    [InlineData("!!float 18446744073709551615")]
    [InlineData("!!binary not*base64")]
    public void Of_ATagTheTextDoesNotMatch_IsRefusedAsGhModelsRefusesTheFile(string yaml) =>
        GoYamlValue.Of(Node(yaml)).Refused.ShouldNotBeNull();

    private static YamlNode Node(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("v: " + yaml + "\n"));
        return ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")];
    }
}
