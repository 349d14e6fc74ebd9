namespace Frugal.Sources.Tests.Prompts.Lint;

/// <summary>Prompt files shared by the lint's tests here and the lint command's tests.</summary>
public static class LintSamples
{
    /// <summary>A prompt that breaks no rule; each test changes one line of it.</summary>
    public const string Clean = """
        name: t
        model: openai/gpt-4o-mini
        messages:
          - role: user
            content: "Answer {{question}}"
        testData:
          - id: one
            question: Why?
        metadata:
          version: 1.0.0
          reviewers: [alice]
        """;
}
