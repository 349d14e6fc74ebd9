using Frugal.Domain.Prompts;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts;

public sealed class TokenEncodingsTests
{
    [Theory]
    [InlineData("gpt-4o", TokenEncoding.O200kBase)]
    [InlineData("openai/gpt-4o-mini", TokenEncoding.O200kBase)]
    [InlineData("OpenAI/GPT-4o-2024-08-06", TokenEncoding.O200kBase)]
    [InlineData("chatgpt-4o-latest", TokenEncoding.O200kBase)]
    [InlineData("ft:gpt-4o-mini:acme::abc123", TokenEncoding.O200kBase)]
    [InlineData("gpt-4.1-nano", TokenEncoding.O200kBase)]
    [InlineData("azure/gpt-4.1", TokenEncoding.O200kBase)]
    [InlineData("gpt-4.5-preview", TokenEncoding.O200kBase)]
    [InlineData("o1", TokenEncoding.O200kBase)]
    [InlineData("o1-mini", TokenEncoding.O200kBase)]
    [InlineData("o3-pro", TokenEncoding.O200kBase)]
    [InlineData("o4-mini", TokenEncoding.O200kBase)]
    [InlineData("gpt-5", TokenEncoding.O200kBase)]
    [InlineData("gpt-5-mini", TokenEncoding.O200kBase)]
    [InlineData("gpt-5.1-codex", TokenEncoding.O200kBase)]
    [InlineData("ollama/gpt-oss:20b", TokenEncoding.O200kBase)]
    [InlineData("gpt-4", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-4-turbo", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-4-0613", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-3.5-turbo", TokenEncoding.Cl100kBase)]
    [InlineData("gpt-3.5-turbo-16k", TokenEncoding.Cl100kBase)]
    [InlineData("azure/gpt-35-turbo", TokenEncoding.Cl100kBase)]
    [InlineData("text-embedding-3-small", TokenEncoding.Cl100kBase)]
    [InlineData("text-embedding-ada-002", TokenEncoding.Cl100kBase)]
    public void ForModel_OpenAiModels_HaveTheirEncoding(string model, TokenEncoding encoding)
    {
        TokenEncodings.ForModel(model).ShouldBe(encoding);
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4")]
    [InlineData("claude-3-5-sonnet")]
    [InlineData("ollama/llama3.2")]
    [InlineData("mistral-large")]
    [InlineData("gemini-2.5-pro")]
    [InlineData("gpt-4.2")]
    [InlineData("o10")]
    [InlineData("gpt-6")]
    [InlineData("")]
    [InlineData(null)]
    public void ForModel_OtherModels_HaveNone(string? model)
    {
        TokenEncodings.ForModel(model).ShouldBeNull();
    }

    [Fact]
    public void Names_RoundTrip()
    {
        foreach (var encoding in Enum.GetValues<TokenEncoding>())
        {
            TokenEncodings.FromName(encoding.Name()).ShouldBe(encoding);
        }

        TokenEncodings.FromName(" O200K_BASE ").ShouldBe(TokenEncoding.O200kBase);
        TokenEncodings.FromName("llama3").ShouldBeNull();
    }

    [Fact]
    public void SpecialTokenText_Find_ReportsEachWithWhereItIsSpecial()
    {
        var found = SpecialTokenText.Find(
            "a <|endoftext|> b <|fim_prefix|> <|im_start|>user [INST] <<SYS>> <｜end▁of▁sentence｜> <s>x</s>");

        found.Select(f => f.Text).ShouldBe(
            ["<|endoftext|>", "<|fim_prefix|>", "<|im_start|>", "[INST]", "<<SYS>>", "<｜end▁of▁sentence｜>"]);
        found[0].Offset.ShouldBe(2);
        found[0].SpecialIn.ShouldBe([TokenEncoding.O200kBase, TokenEncoding.Cl100kBase]);
        found[1].SpecialIn.ShouldBe([TokenEncoding.Cl100kBase]);
        found[2].SpecialIn.ShouldBeEmpty();
    }

    [Fact]
    public void ChatTokenCount_Total_AddsThreePerMessageAndThreeForTheReply()
    {
        var count = new ChatTokenCount([10, 20], TokenEncoding.O200kBase, IsEstimate: false);

        (count.Content, count.Overhead, count.Total).ShouldBe((30, 9, 39));
    }

    [Theory]
    [InlineData("cl100k_base", "openai/gpt-4o", TokenEncoding.Cl100kBase, false)]
    [InlineData(null, "openai/gpt-4o", TokenEncoding.O200kBase, false)]
    [InlineData("openai/gpt-4", "openai/gpt-4o", TokenEncoding.Cl100kBase, false)]
    [InlineData("ollama/llama3.2", "openai/gpt-4o", TokenEncoding.O200kBase, true)]
    [InlineData(null, "anthropic/claude-sonnet-4", TokenEncoding.O200kBase, true)]
    public void TokenBudget_EncodingFor_NamedTokenizerElseModel(
        string? target, string promptModel, TokenEncoding encoding, bool estimate)
    {
        new TokenBudget(target, 100).EncodingFor(promptModel).ShouldBe((encoding, estimate));
    }
}
