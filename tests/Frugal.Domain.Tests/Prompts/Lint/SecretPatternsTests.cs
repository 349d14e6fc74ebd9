using Frugal.Domain.Prompts.Lint;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts.Lint;

public sealed class SecretPatternsTests
{
    [Theory]
    [InlineData("key sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345", "Anthropic API key")]
    [InlineData("key sk-proj-abcdefghij0123456789ABCDEFGHIJ", "OpenAI API key")]
    [InlineData("key sk-abcdefghij0123456789ABCDEFGHIJ", "OpenAI API key")]
    [InlineData("token ghp_0123456789abcdefghijABCDEFGHIJ0123456", "GitHub token")]
    [InlineData("id AKIAIOSFODNN7EXAMPLE here", "AWS access key id")]
    [InlineData("slack xoxb-1234567890-abcdefghij", "Slack token")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----", "private key")]
    [InlineData("-----BEGIN PRIVATE KEY-----", "private key")]
    [InlineData("frugal-0123456789abcdefghijABCDEFGHIJ0123456789", "Frugal key")]
    public void Find_ACommonKeyShape_NamesIt(string text, string name) =>
        SecretPatterns.Find(text).Select(s => s.Name).ShouldBe([name]);

    [Theory]
    [InlineData("ask-for-the-customers-order-number-first")]
    [InlineData("summarise-support-conversation")]
    [InlineData("frugal-prompt-lint-checks-the-example-files")]
    [InlineData("the task-sk-abcdefghijklmnopqrstuvwxyz is a name")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    public void Find_OrdinaryText_FindsNothing(string text) => SecretPatterns.Find(text).ShouldBeEmpty();

    [Fact]
    public void Redact_ReplacesEachSecretWithItsKind()
    {
        var key = "sk-proj-" + new string('a', 24) + "1";

        SecretPatterns.Redact($"test case '{key}' has no value").ShouldBe("test case '[OpenAI API key]' has no value");
        SecretPatterns.Redact("nothing secret here").ShouldBe("nothing secret here");
    }
}
