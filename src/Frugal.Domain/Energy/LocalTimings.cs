namespace Frugal.Domain.Energy;

/// <summary>How long a local run spent in each phase, in seconds.</summary>
/// <param name="PrefillSeconds">
/// Prompt processing (Ollama <c>prompt_eval_duration</c>, llama.cpp <c>prompt_ms</c>).
/// </param>
/// <param name="DecodeSeconds">Token generation (Ollama <c>eval_duration</c>, llama.cpp <c>predicted_ms</c>).</param>
/// <param name="LoadSeconds">Model load (Ollama <c>load_duration</c>; 0 when the model was resident).</param>
public sealed record LocalTimings(double PrefillSeconds, double DecodeSeconds, double LoadSeconds = 0)
{
    /// <summary>Seconds the device worked on the request: prefill + decode + load.</summary>
    public double TotalSeconds => PrefillSeconds + DecodeSeconds + LoadSeconds;

    /// <summary>From Ollama's durations, which are in nanoseconds.</summary>
    public static LocalTimings FromOllamaNanoseconds(long promptEvalDuration, long evalDuration, long loadDuration) =>
        new(promptEvalDuration / 1e9, evalDuration / 1e9, loadDuration / 1e9);

    /// <summary>From llama.cpp's <c>timings</c>, which are in milliseconds (no load time is reported).</summary>
    public static LocalTimings FromLlamaCppMilliseconds(double promptMs, double predictedMs) =>
        new(promptMs / 1000, predictedMs / 1000);

    internal void Validate()
    {
        RangeGuard.NonNegative(PrefillSeconds, nameof(PrefillSeconds));
        RangeGuard.NonNegative(DecodeSeconds, nameof(DecodeSeconds));
        RangeGuard.NonNegative(LoadSeconds, nameof(LoadSeconds));
    }
}
