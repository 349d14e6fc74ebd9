namespace Frugal.Domain.Prompts;

/// <summary>One chat message of a prompt.</summary>
/// <param name="Role">Who speaks.</param>
/// <param name="Content">The text, with <c>{{name}}</c> placeholders before rendering.</param>
public sealed record PromptMessage(PromptRole Role, string Content);

/// <summary>The chat roles a prompt file may use (gh-models accepts these three, in any letter case).</summary>
public enum PromptRole
{
    /// <summary>Instructions to the model.</summary>
    System,

    /// <summary>The user's turn.</summary>
    User,

    /// <summary>A model's turn, such as a worked example.</summary>
    Assistant,
}
