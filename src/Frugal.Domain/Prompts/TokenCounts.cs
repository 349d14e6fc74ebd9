namespace Frugal.Domain.Prompts;

/// <summary>The token count of one text.</summary>
/// <param name="Tokens">The count.</param>
/// <param name="Encoding">The encoding it was counted with.</param>
/// <param name="IsEstimate">
/// Whether the model's own tokenizer is unknown or not public, so the count was made with
/// <see cref="TokenEncodings.Fallback"/> and only approximates what the model's endpoint will report.
/// </param>
public readonly record struct TextTokenCount(int Tokens, TokenEncoding Encoding, bool IsEstimate);

/// <summary>
/// The input tokens of a chat prompt: each message's content, plus the chat format's overhead as OpenAI's cookbook
/// ("How to count tokens with tiktoken") gives it for current models: <see cref="TokensPerMessage"/> per message
/// and <see cref="ReplyPriming"/> to prime the reply. That overhead is exact for OpenAI's chat models of that
/// recipe and an approximation for every other model (tools and function definitions add more, not counted here).
/// </summary>
/// <param name="Messages">Each message's content tokens, in message order.</param>
/// <param name="Encoding">The encoding they were counted with.</param>
/// <param name="IsEstimate">Whether the count is an estimate (see <see cref="TextTokenCount.IsEstimate"/>).</param>
public sealed record ChatTokenCount(IReadOnlyList<int> Messages, TokenEncoding Encoding, bool IsEstimate)
{
    /// <summary>Tokens each message adds around its content (role and delimiters).</summary>
    public const int TokensPerMessage = 3;

    /// <summary>Tokens that start the assistant's reply (<c>&lt;|start|&gt;assistant&lt;|message|&gt;</c>).</summary>
    public const int ReplyPriming = 3;

    /// <summary>The sum of the messages' content tokens, without any chat overhead.</summary>
    public int Content => Messages.Sum();

    /// <summary>The chat format's overhead: 3 per message and 3 for the reply.</summary>
    public int Overhead => (TokensPerMessage * Messages.Count) + ReplyPriming;

    /// <summary>The input tokens as the endpoint should report them: content plus overhead.</summary>
    public int Total => Content + Overhead;
}
