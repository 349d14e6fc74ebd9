using System.Text.Json;
using Frugal.Domain.Prompts.Testing;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts.Testing;

public sealed class JsonSchemaSubsetTests
{
    private static IReadOnlyList<string> Validate(string schema, string value)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var valueDocument = JsonDocument.Parse(value);
        return JsonSchemaSubset.Validate(schemaDocument.RootElement, valueDocument.RootElement);
    }

    private static IReadOnlyList<string> Problems(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return JsonSchemaSubset.Problems(document.RootElement);
    }

    [Theory]
    // JSON Schema counts a string's length in characters (RFC 8259: Unicode code points), so an emoji, two UTF-16
    // units, is one character: "ab😀" has 3.
    [InlineData("\"ab\\ud83d\\ude00\"", true)]
    [InlineData("\"ab\\ud83d\\ude00\\ud83d\\ude00\"", false)]
    [InlineData("\"abcd\"", false)]
    public void Validate_MaxLength_CountsCodePointsNotUtf16Units(string value, bool valid)
    {
        Validate("""{"type":"string","maxLength":3}""", value).Count.ShouldBe(valid ? 0 : 1);
    }

    [Fact]
    public void Validate_MinLength_CountsAnEmojiAsOneCharacter()
    {
        // Two emoji are 2 characters (4 UTF-16 units): fewer than 3.
        Validate("""{"minLength":3}""", "\"\\ud83d\\ude00\\ud83d\\ude00\"")
            .ShouldBe(["$ has 2 characters, fewer than minLength 3"]);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("-2.000", true)]
    [InlineData("1e2", true)]
    [InlineData("100e-2", true)]
    [InlineData("0.10e1", true)]
    [InlineData("1E+400", true)]
    [InlineData("1.5", false)]
    [InlineData("150e-2", false)]
    [InlineData("1e-1", false)]
    [InlineData("1.0000000000000000001", false)]
    public void Validate_Integer_IsAnyNumberWithoutAFractionalPart(string value, bool valid)
    {
        Validate("""{"type":"integer"}""", value).Count.ShouldBe(valid ? 0 : 1);
    }

    [Theory]
    [InlineData("""{"type":"object","required":[1]}""", "required[0] is 1, not a property name (a string)")]
    [InlineData("""{"type":"object","required":"a"}""", "required is a string, not a list of property names")]
    [InlineData("""{"type":["object",2]}""", "type[1] is 2, not a type name")]
    [InlineData("""{"type":"int"}""", "type \"int\" is not a JSON Schema type: use object, array, string, number, "
        + "integer, boolean or null")]
    [InlineData("""{"type":["object","int"]}""", "type[1] is \"int\", not a type name")]
    [InlineData("""{"type":3}""", "type is a number, not a type name or a list of them")]
    [InlineData("""{"enum":"a"}""", "enum is a string, not a list of the values allowed")]
    [InlineData("""{"properties":{"a":{"maxLength":-1}}}""",
        "properties.a.maxLength is -1, not a count (a whole number, 0 or more)")]
    [InlineData("""{"properties":{"a":3}}""", "properties.a is a number, not a schema (an object or a boolean)")]
    [InlineData("""{"items":[{"type":"string"}]}""", "items is an array, not a schema (an object or a boolean): "
        + "in JSON Schema 2020-12 items is one schema for every item")]
    [InlineData("""{"minimum":"1"}""", "minimum is a string, not a number")]
    [InlineData("""[1]""", "the schema is an array, not an object or a boolean")]
    public void Problems_KeywordTheSubsetRunsMisused_IsNamedWithItsPath(string schema, string problem)
    {
        Problems(schema).ShouldBe([problem]);
    }

    [Fact]
    public void Problems_WellFormedSchema_HasNone()
    {
        Problems("""
            {"type":["object","null"],"required":["a"],"additionalProperties":false,"enum":[{"a":1}],
             "properties":{"a":{"type":"integer","minimum":0,"maximum":9.5},"b":true,
               "c":{"type":"array","items":{"type":"string","minLength":1,"maxLength":2.0},"minItems":0}},
             "x-unknown":[1]}
            """).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_MalformedSchema_DoesNotThrow()
    {
        Should.NotThrow(() => Validate("""{"type":["object",2],"required":[1,null]}""", """{"a":1}"""));
    }

    [Fact]
    public void Validate_ReplyStringWithHalfASurrogatePair_IsAnErrorNotAnException()
    {
        Validate("""{"properties":{"a":{"maxLength":3}}}""", """{"a":"x\ud800"}""")
            .ShouldBe(["$ holds a string with half a surrogate pair (such as \\ud800 alone), which is not text"]);
    }
}
