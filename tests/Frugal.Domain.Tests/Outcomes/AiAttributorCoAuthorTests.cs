using Frugal.Domain.Outcomes;
using Shouldly;
using Xunit;
using static Frugal.Domain.Tests.Outcomes.TestCommits;

namespace Frugal.Domain.Tests.Outcomes;

public sealed class AiAttributorCoAuthorTests
{
    [Theory]
    [InlineData("Co-Authored-By: Claude <noreply@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData("Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>", AiTools.ClaudeCode, "Opus 4.5")]
    [InlineData(
        "Co-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>",
        AiTools.ClaudeCode,
        "Opus 4.6")]
    [InlineData("Co-Authored-By: Claude Opus 5 (1M context) <noreply@anthropic.com>", AiTools.ClaudeCode, "Opus 5")]
    [InlineData("Co-Authored-By: Claude Sonnet 4.6 <noreply@anthropic.com>", AiTools.ClaudeCode, "Sonnet 4.6")]
    [InlineData("co-authored-by: Claude Haiku 4.5 <noreply@anthropic.com>", AiTools.ClaudeCode, "Haiku 4.5")]
    [InlineData("CO-AUTHORED-BY: Claude Fable 5 <noreply@anthropic.com>", AiTools.ClaudeCode, "Fable 5")]
    [InlineData("Co-Authored-By: Claude Code <noreply@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData("Co-Authored-By: Claude Code <claude-code@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData("Co-authored-by: Claude Code <support@anthropic.com>", AiTools.ClaudeCode, null)]
    [InlineData(
        "Co-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>",
        AiTools.ClaudeCode,
        null)]
    [InlineData("Co-authored-by: aider (gpt-5.4) <aider@aider.chat>", AiTools.Aider, "gpt-5.4")]
    [InlineData("Co-authored-by: aider (o3) <noreply@aider.chat>", AiTools.Aider, "o3")]
    [InlineData("Co-authored-by: aider (gemini-2.5-pro) <noreply@aider.dev>", AiTools.Aider, "gemini-2.5-pro")]
    [InlineData("Co-authored-by: Cursor Agent <cursoragent@cursor.com>", AiTools.Cursor, null)]
    [InlineData("Co-authored-by: Cursor <cursoragent@cursor.com>", AiTools.Cursor, null)]
    [InlineData("Co-authored-by: Composer <noreply@cursor.com>", AiTools.Cursor, "Composer")]
    [InlineData("Co-Authored-By: Composer <composer@cursor.com>", AiTools.Cursor, "Composer")]
    [InlineData("Co-authored-by: Amp <amp@ampcode.com>", AiTools.Amp, null)]
    [InlineData("Co-authored-by: GPT-5 Codex <codex@openai.com>", AiTools.Codex, null)]
    [InlineData("Co-authored-by: OpenAI Codex <noreply@openai.com>", AiTools.Codex, null)]
    [InlineData("Co-authored-by: Codex CLI Agent <noreply@openai.com>", AiTools.Codex, null)]
    [InlineData("Co-authored-by: Codex GPT-5 <codex-gpt5@openai.com>", AiTools.Codex, null)]
    [InlineData("Co-authored-by: Codex <codex@example.com>", AiTools.Codex, null)]
    [InlineData("Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>", AiTools.Copilot, null)]
    [InlineData("Co-authored-by: Copilot App <223556219+Copilot@users.noreply.github.com>", AiTools.Copilot, null)]
    [InlineData("Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>", AiTools.Copilot, null)]
    [InlineData(
        "Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
        AiTools.Copilot,
        null)]
    [InlineData("Co-authored-by: Copilot <copilot@github.com>", AiTools.Copilot, null)]
    [InlineData(
        "Co-authored-by: Copilot Autofix powered by AI "
        + "<62310815+github-advanced-security[bot]@users.noreply.github.com>",
        AiTools.Copilot,
        null)]
    [InlineData(
        "Co-authored-by: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
        AiTools.Devin,
        null)]
    [InlineData(
        "Co-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
        AiTools.Devin,
        null)]
    [InlineData(
        "Co-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>",
        AiTools.Jules,
        null)]
    [InlineData(
        "Co-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>",
        AiTools.Gemini,
        null)]
    [InlineData("Co-Authored-By: opencode <noreply@opencode.ai>", AiTools.OpenCode, null)]
    [InlineData("Co-authored-by: x-ai/grok-4.5 <noreply@opencode.ai>", AiTools.OpenCode, "x-ai/grok-4.5")]
    [InlineData("Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>", AiTools.QwenCode, null)]
    public void Attribute_AiCoAuthor_IsCoAuthorEvidenceWithToolAndModel(string line, string tool, string? model)
    {
        var commit = Commit($"feat: add a thing\n\nBody text.\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem().ShouldBe(new AiEvidence(AiMarkerClass.CoAuthor, tool, model, line));
        attribution.Tool.ShouldBe(tool);
        attribution.Model.ShouldBe(model);
    }

    [Theory]
    [InlineData("Co-authored-by: ChatGPT <noreply@chatgpt.com>")]
    [InlineData("Co-authored-by: Local LLM <no-reply@llm.internal>")]
    [InlineData("Co-authored-by: Review AI <12345+review-ai[bot]@users.noreply.github.com>")]
    public void Attribute_AiLookingCoAuthorOnAutomatedAddress_IsUnknownAi(string line)
    {
        var commit = Commit($"Tidy up\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.UnknownAi);
        attribution.Evidence.ShouldHaveSingleItem().Class.ShouldBe(AiMarkerClass.CoAuthor);
    }

    [Theory]
    [InlineData("Co-authored-by: Jane Doe <jane@doe.dev>")]
    [InlineData("Co-authored-by: GPT Fan <gptfan@gmail.com>")]
    [InlineData("Co-authored-by: Jane Doe <jane@anthropic.com>")]
    [InlineData("Co-authored-by: Claude Dupont <1234567+cdupont@users.noreply.github.com>")]
    [InlineData("Co-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>")]
    public void Attribute_HumanOrNonAiCoAuthorOnly_IsNotMarked(string line)
    {
        var commit = Commit($"Pair on the parser\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.IsMarked.ShouldBeFalse();
    }

    [Fact]
    public void Attribute_SquashBodyWithClaudeBotAfterDashes_IsClaude()
    {
        var commit = Commit(
            """
            fix: handle an empty config file (#412)

            * fix: handle an empty config file

            * test: cover the empty config

            ---------

            Co-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>
            Co-authored-by: Jane Doe <jane@doe.dev>
            """,
            committer: Identity("GitHub <noreply@github.com>"));

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
        attribution.Evidence.ShouldHaveSingleItem().Text.ShouldBe(
            "Co-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>");
    }

    [Fact]
    public void Attribute_CoAuthorMidBodyNotInLastParagraph_IsStillFound()
    {
        // git's own trailer parser reads only the last paragraph and misses this one.
        var commit = Commit(
            """
            Add retries to the uploader (#88)

            * Add retries

              Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>

            * Review fixes

            Signed-off-by: Jane Doe <jane@doe.dev>
            """);

        var attribution = AiAttributor.Attribute(commit);

        attribution.Tool.ShouldBe(AiTools.ClaudeCode);
        attribution.Model.ShouldBe("Sonnet 4.5");
    }

    [Fact]
    public void Attribute_SameCoAuthorRepeatedBySquash_IsOneEvidence()
    {
        var line = "Co-Authored-By: Claude <noreply@anthropic.com>";
        var commit = Commit($"Squash (#5)\n\n* one\n\n{line}\n\n* two\n\n{line}\n\n---------\n\n{line}");

        var attribution = AiAttributor.Attribute(commit);

        attribution.Evidence.ShouldHaveSingleItem();
    }
}
