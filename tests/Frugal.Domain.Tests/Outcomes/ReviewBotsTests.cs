using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class ReviewBotsTests
{
    [Theory]
    [InlineData("copilot-pull-request-reviewer")]
    [InlineData("Copilot")]
    [InlineData("coderabbitai")]
    [InlineData("CodeRabbitAI")]
    [InlineData("gemini-code-assist")]
    [InlineData("chatgpt-codex-connector")]
    [InlineData("cursor")]
    [InlineData("sentry")]
    [InlineData("github-actions")]
    [InlineData("dependabot")]
    [InlineData("renovate")]
    [InlineData("some-new-reviewer[bot]")]
    [InlineData("Some-New-Reviewer[BOT]")]
    [InlineData("app/dependabot")]
    [InlineData("app/anything")]
    [InlineData("project_278964_bot_3f9a1c2d")]
    [InlineData("group_12_bot")]
    public void IsBot_BotLogin_True(string login)
    {
        var isBot = ReviewBots.IsBot(login);

        isBot.ShouldBeTrue();
    }

    [Theory]
    [InlineData("octocat")]
    [InlineData("botanist")]
    [InlineData("cursor-fan")]
    [InlineData("robot")]
    [InlineData("project_manager")]
    [InlineData("project_12_botany")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void IsBot_PersonOrUnknown_False(string? login)
    {
        var isBot = ReviewBots.IsBot(login);

        isBot.ShouldBeFalse();
    }
}
