namespace Frugal.Domain.Energy;

public sealed partial class ModelFactsTable
{
    private const string EcoLogitsEstimate =
        "EcoLogits 0.9.3 ecologits/data/models.json (mlco2/ecologits 5be90da): estimate, "
        + "architecture not released";

    private const string EcoLogitsSpeed = "EcoLogits 0.9.3 models.json deployment (OpenRouter statistics)";

    private const string SlowEndOfSpan =
        "EcoLogits 0.9.3 models.json deployment (OpenRouter statistics); the reference gives a span for this family, "
        + "the slow end (lowest tokens/s, longest time to first token) is used";

    private const string MoeShare =
        "EcoLogits 0.9.3 models.json: total estimated, active 10-30 % of total "
        + "(docs/methodology/proprietary_models.md)";

    private const string EcoLogitsReleased = "EcoLogits 0.9.3 models.json: released parameter count";

    private const string ModelCard = "released parameter count (Hugging Face config.json / model card)";

    private static ParameterRange P(double billions) => ParameterRange.Exactly(billions);

    private static ParameterRange P(double min, double max) => new(min, max);

    private static ModelSize Moe(string id, ParameterRange total, ParameterRange active, string source) =>
        ModelSize.MixtureOfExperts(id, total, active, source);

    private static ModelSize Dense(string id, ParameterRange billions, string source) =>
        ModelSize.Dense(id, billions, source);

    private static ModelSize ClosedMoe(string id, double total, double activeMin, double activeMax) =>
        Moe(id, P(total), P(activeMin, activeMax), EcoLogitsEstimate);

    private static ModelSize ProMoe(string id, double total) =>
        Moe(id, P(total), P(total * 0.1, total * 0.3), MoeShare);

    private static IEnumerable<ModelSize> BuiltInEntries() =>
        [.. OpenAiEntries(), .. AnthropicEntries(), .. GoogleEntries(), .. MistralEntries(), .. OpenWeightEntries()];

    private static IEnumerable<ModelSize> OpenAiEntries() =>
    [
        ClosedMoe("gpt-4o", 440, 44, 132).WithSpeed(37.8, 0.52, EcoLogitsSpeed).WithAliases("chatgpt-4o-latest"),
        Dense("gpt-4o-mini", P(8, 28), EcoLogitsEstimate).WithSpeed(36.8, 0.49, EcoLogitsSpeed),
        ClosedMoe("gpt-4.1", 352, 35, 106).WithSpeed(40.0, 0.79, EcoLogitsSpeed),
        Dense("gpt-4.1-mini", P(40, 112), EcoLogitsEstimate).WithSpeed(36.2, 0.62, EcoLogitsSpeed),
        Dense("gpt-4.1-nano", P(10, 37), EcoLogitsEstimate).WithSpeed(53.9, 0.55, EcoLogitsSpeed),
        ClosedMoe("gpt-5", 300, 30, 90).WithSpeed(44.9, 9.8, EcoLogitsSpeed),
        ClosedMoe("gpt-5.1", 300, 30, 90).WithSpeed(50.4, 5.18, EcoLogitsSpeed),
        Dense("gpt-5-mini", P(25, 70), EcoLogitsEstimate).WithSpeed(57.0, 7.98, EcoLogitsSpeed),
        Dense("gpt-5-nano", P(5, 18.5), EcoLogitsEstimate).WithSpeed(91.6, 4.45, EcoLogitsSpeed),
        ClosedMoe("gpt-5.2", 420, 42, 126).WithSpeed(40.9, 4.1, SlowEndOfSpan),
        ClosedMoe("gpt-5.3-codex", 420, 42, 126).WithSpeed(40.9, 4.1, SlowEndOfSpan),
        ClosedMoe("gpt-5.4", 450, 45, 150).WithSpeed(42.2, 1.27, EcoLogitsSpeed),
        ProMoe("gpt-5-pro", 3600),
        ProMoe("gpt-5.2-pro", 5040),
        ProMoe("gpt-5.4-pro", 5400),
        ClosedMoe("o1", 440, 44, 132).WithSpeed(126.7, 6.19, EcoLogitsSpeed),
        Dense("o3-mini", P(8, 28), EcoLogitsEstimate).WithSpeed(231.4, 6.5, SlowEndOfSpan),
        Dense("o4-mini", P(8, 28), EcoLogitsEstimate).WithSpeed(91.8, 6.5, SlowEndOfSpan),
        ClosedMoe("gpt-4", 1760, 176, 528).WithSpeed(25, 1.0, SlowEndOfSpan),
        ClosedMoe("gpt-4-turbo", 880, 88, 264).WithSpeed(25, 1.0, SlowEndOfSpan),
    ];

    private static IEnumerable<ModelSize> AnthropicEntries() =>
    [
        Dense("claude-haiku-4-5", P(10, 35), EcoLogitsEstimate).WithSpeed(69.9, 0.58, EcoLogitsSpeed),
        ClosedMoe("claude-sonnet-4", 440, 44, 132).WithSpeed(47.5, 1.8, SlowEndOfSpan),
        ClosedMoe("claude-sonnet-4-5", 440, 44, 132).WithSpeed(36.1, 1.8, SlowEndOfSpan),
        ClosedMoe("claude-sonnet-4-6", 440, 44, 132).WithSpeed(42.0, 1.8, SlowEndOfSpan),
        ClosedMoe("claude-opus-4", 2000, 200, 600).WithSpeed(25, 2.0, SlowEndOfSpan),
        ClosedMoe("claude-opus-4-1", 2000, 200, 600).WithSpeed(25, 2.0, SlowEndOfSpan),
        ClosedMoe("claude-opus-4-5", 670, 67, 200).WithSpeed(32.5, 1.65, EcoLogitsSpeed),
        ClosedMoe("claude-opus-4-6", 670, 67, 200).WithSpeed(34.0, 2.09, EcoLogitsSpeed),
        ClosedMoe("claude-3-haiku", 300, 30, 90).WithSpeed(81.4, 0.46, EcoLogitsSpeed),
    ];

    private static IEnumerable<ModelSize> GoogleEntries() =>
    [
        ClosedMoe("gemini-2.0-flash", 440, 44, 132).WithSpeed(70, 0.6, SlowEndOfSpan),
        ClosedMoe("gemini-2.5-flash", 440, 44, 132).WithSpeed(70, 0.6, SlowEndOfSpan),
        Dense("gemini-2.0-flash-lite", P(8, 28), EcoLogitsEstimate).WithSpeed(76.9, 0.57, EcoLogitsSpeed),
        Dense("gemini-2.5-flash-lite", P(8, 28), EcoLogitsEstimate).WithSpeed(76.9, 0.57, EcoLogitsSpeed),
        ClosedMoe("gemini-2.5-pro", 2000, 200, 600).WithSpeed(92.0, 2.67, EcoLogitsSpeed),
        ClosedMoe("gemini-3-pro-preview", 1200, 120, 360).WithSpeed(71.6, 4.7, SlowEndOfSpan)
            .WithAliases("gemini-3-pro"),
        ClosedMoe("gemini-3.1-pro-preview", 1200, 120, 360).WithSpeed(57.8, 4.7, SlowEndOfSpan)
            .WithAliases("gemini-3.1-pro"),
        ClosedMoe("gemini-3-flash-preview", 300, 100, 300).WithSpeed(60.4, 1.47, EcoLogitsSpeed)
            .WithAliases("gemini-3-flash"),
    ];

    private static IEnumerable<ModelSize> MistralEntries() =>
    [
        Dense("mistral-large-latest", P(123), EcoLogitsReleased).WithSpeed(36.1, 0.48, EcoLogitsSpeed)
            .WithAliases("mistral-large"),
        Dense("mistral-medium-latest", P(70, 120), EcoLogitsEstimate).WithSpeed(42, 0.6, SlowEndOfSpan)
            .WithAliases("mistral-medium"),
        Dense("mistral-small-latest", P(23.6), EcoLogitsReleased).WithSpeed(106, 0.34, EcoLogitsSpeed)
            .WithAliases("mistral-small"),
        Dense("magistral-small-latest", P(23.6), EcoLogitsReleased).WithSpeed(106, 0.34, EcoLogitsSpeed)
            .WithAliases("magistral-small"),
    ];

    private static IEnumerable<ModelSize> OpenWeightEntries() =>
    [
        Dense("llama-3.1-8b", P(8.03), EcoLogitsReleased)
            .WithAliases("llama-3.1-8b-instruct", "llama3.1:8b", "llama-3-8b", "llama-3-8b-instruct", "llama3:8b"),
        Dense("llama-3.1-70b", P(70.55), EcoLogitsReleased)
            .WithAliases("llama-3.1-70b-instruct", "llama3.1:70b", "llama-3-70b", "llama-3-70b-instruct", "llama3:70b"),
        Dense("llama-3.1-405b", P(405.85), EcoLogitsReleased)
            .WithAliases("llama-3.1-405b-instruct", "llama3.1:405b"),
        Dense("qwen2.5-14b", P(14.7), ModelCard).WithAliases("qwen2.5-14b-instruct", "qwen2.5:14b"),
        Dense("qwen2.5-32b", P(32.5), ModelCard).WithAliases("qwen2.5-32b-instruct", "qwen2.5:32b"),
        Moe("qwen3-235b-a22b", P(235), P(22), ModelCard).WithAliases("qwen3:235b"),
        Moe("qwen3-30b-a3b", P(30), P(3), ModelCard).WithAliases("qwen3:30b"),
        Moe("mixtral-8x7b", P(46.7), P(12.9), EcoLogitsReleased)
            .WithAliases("mixtral-8x7b-instruct-v0.1", "mixtral:8x7b", "open-mixtral-8x7b"),
        Moe("mixtral-8x22b", P(140.6), P(39.1), EcoLogitsReleased)
            .WithAliases("mixtral-8x22b-instruct-v0.1", "mixtral:8x22b", "open-mixtral-8x22b"),
        Moe("dbrx", P(132), P(36), EcoLogitsReleased).WithAliases("dbrx-instruct"),
        Moe("gpt-oss-120b", P(117), P(5.1), EcoLogitsReleased).WithAliases("gpt-oss:120b"),
        Moe("gpt-oss-20b", P(21), P(3.6), EcoLogitsReleased).WithAliases("gpt-oss:20b"),
        Moe("deepseek-v3", P(671), P(37), DeepSeekReport).WithAliases("deepseek-chat", "deepseek-v3.1"),
        Moe("deepseek-r1", P(671), P(37), DeepSeekReport).WithAliases("deepseek-reasoner", "deepseek-r1:671b"),
    ];

    private const string DeepSeekReport =
        "released parameter count: DeepSeek-V3 technical report (arXiv 2412.19437), "
        + "671B total, 37B activated per token";
}
