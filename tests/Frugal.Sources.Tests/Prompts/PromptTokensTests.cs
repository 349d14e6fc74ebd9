using System.Text.Json;
using Frugal.Domain.Prompts;
using Frugal.Sources.Prompts;
using Microsoft.ML.Tokenizers;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts;

/// <summary>
/// Counts checked against tests/fixtures/tokens/expected.json, made independently by OpenAI's tiktoken (npm
/// tiktoken, encode_ordinary) and cross-checked with js-tiktoken: see tools/tiktoken-counts.mjs.
/// </summary>
public sealed class PromptTokensTests
{
    public static TheoryData<string, string, TokenEncoding, int> Expected()
    {
        var texts = Fixture("texts.json").RootElement.EnumerateArray().ToDictionary(
            t => t.GetProperty("id").GetString()!,
            t => t.GetProperty("text") is { ValueKind: JsonValueKind.Array } parts
                ? string.Concat(parts.EnumerateArray().Select(p => p.GetString()))
                : t.GetProperty("text").GetString()!);
        var data = new TheoryData<string, string, TokenEncoding, int>();
        foreach (var count in Fixture("expected.json").RootElement.GetProperty("counts").EnumerateArray())
        {
            var id = count.GetProperty("id").GetString()!;
            foreach (var encoding in Enum.GetValues<TokenEncoding>())
            {
                data.Add(id, texts[id], encoding, count.GetProperty(encoding.Name()).GetInt32());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Count_FixtureText_EqualsTiktokensOrdinaryCount(
        string id, string text, TokenEncoding encoding, int count)
    {
        PromptTokens.Count(text, encoding).ShouldBe(count, $"{id} in {encoding.Name()}");
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void CountByPieces_FixtureText_AlsoEqualsTiktokensCount(
        string id, string text, TokenEncoding encoding, int count)
    {
        // The split pattern Frugal applies for text with special-token strings, tried on every text.
        PromptTokens.CountByPieces(text, encoding).ShouldBe(count, $"{id} in {encoding.Name()}");
    }

    [Fact]
    public void Fixture_HasThirtyTextsAndNamesItsReference()
    {
        var expected = Fixture("expected.json").RootElement;

        expected.GetProperty("counts").GetArrayLength().ShouldBe(30);
        expected.GetProperty("reference").GetString().ShouldStartWith("npm tiktoken 1.0.22");
    }

    [Fact]
    public void Count_SpecialTokenString_IsOrdinaryTextUnlikeCountTokensDefault()
    {
        const string text = "hello <|endoftext|> world";

        PromptTokens.Count(text, TokenEncoding.O200kBase).ShouldBe(9);
        TiktokenTokenizer.CreateForEncoding("o200k_base").CountTokens(text).ShouldBe(4);
    }

    [Fact]
    public void Count_ForModel_UsesItsEncodingOrEstimates()
    {
        const string text = "Привет, мир! 你好，世界。";

        var gpt4o = PromptTokens.Count(text, "openai/gpt-4o-mini");
        var gpt4 = PromptTokens.Count(text, "gpt-4");
        var claude = PromptTokens.Count(text, "anthropic/claude-sonnet-4");

        gpt4o.ShouldBe(new TextTokenCount(PromptTokens.Count(text, TokenEncoding.O200kBase), TokenEncoding.O200kBase,
            IsEstimate: false));
        gpt4.ShouldBe(new TextTokenCount(PromptTokens.Count(text, TokenEncoding.Cl100kBase), TokenEncoding.Cl100kBase,
            IsEstimate: false));
        claude.ShouldBe(gpt4o with { IsEstimate = true });
        gpt4.Tokens.ShouldBeGreaterThan(gpt4o.Tokens);
    }

    [Fact]
    public void CountChat_Messages_SumsContentAndAddsTheOverhead()
    {
        PromptMessage[] messages =
        [
            new(PromptRole.System, "You triage support tickets."),
            new(PromptRole.User, "Ticket: I was charged twice <|endoftext|>"),
        ];

        var count = PromptTokens.CountChat(messages, "gpt-4o");

        count.Messages.ShouldBe(messages.Select(m => PromptTokens.Count(m.Content, TokenEncoding.O200kBase)));
        count.Total.ShouldBe(count.Content + 9);
        count.IsEstimate.ShouldBeFalse();
        PromptTokens.CountChat([], "llama3").ShouldBe(
            new ChatTokenCount([], TokenEncoding.O200kBase, IsEstimate: true), new ChatCountComparer());
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-4.1")]
    [InlineData("o1")]
    [InlineData("o3-mini")]
    [InlineData("o4-mini")]
    [InlineData("gpt-5")]
    [InlineData("gpt-4")]
    [InlineData("gpt-4-turbo")]
    [InlineData("gpt-3.5-turbo")]
    [InlineData("text-embedding-3-small")]
    public void ForModel_AgreesWithMlTokenizersOwnTable(string model)
    {
        const string sample = "Résumé: 你好 🎉 — counts differ between o200k and cl100k here. مرحبا";

        var theirs = TiktokenTokenizer.CreateForModel(model).CountTokens(sample);

        PromptTokens.Count(sample, TokenEncodings.ForModel(model)!.Value).ShouldBe(theirs);
    }

    private static JsonDocument Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "tokens", name)));

    private sealed class ChatCountComparer : IEqualityComparer<ChatTokenCount>
    {
        public bool Equals(ChatTokenCount? x, ChatTokenCount? y) =>
            x is not null && y is not null && x.Messages.SequenceEqual(y.Messages) && x.Encoding == y.Encoding
            && x.IsEstimate == y.IsEstimate;

        public int GetHashCode(ChatTokenCount obj) => obj.Total;
    }
}
