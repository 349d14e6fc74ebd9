using Frugal.Domain.Usage;

namespace Frugal.Domain.Energy.Advice;

/// <summary>
/// Decides which past calls a tier's local model could have served, by size alone: the prompt and output fit the
/// model's context window, the output is within a stated limit, and no web search was used. Quality is not checked
/// and no other task signal is read.
/// </summary>
public static class LocalFitClassifier
{
    /// <summary>
    /// The tier's model: on its machine with the least memory, the known architecture with the most parameters
    /// that fits (not merely "may fit") at Q4_K_M with an F16 KV cache, at the largest context window from the cap
    /// down, halving, to the stated minimum.
    /// </summary>
    public static LocalFitTier ChooseModel(DeviceTier tier, LocalFitLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var device = Devices.InTier(tier).OrderBy(d => d.MemoryGiB).First();
        LocalAdvice? best = null;
        foreach (var model in KnownArchitectures.All.OrderByDescending(m => m.TotalBillionParameters))
        {
            for (var context = limits.MaxContextTokens; context >= limits.MinContextTokens; context /= 2)
            {
                var advice = LocalAdvisor.Advise(model, QuantPreset.Q4_K_M, context, device);
                if (advice.Fit == FitVerdict.Fits)
                {
                    best = advice;
                    break;
                }
            }

            if (best is not null)
            {
                break;
            }
        }

        var energyAdvice = best is null
            ? null
            : Devices.InTier(tier).Where(d => d.DecodePower is not null).OrderBy(d => d.MemoryGiB)
                .Select(d => LocalAdvisor.Advise(best.Model, best.Quant, best.ContextTokens, d))
                .FirstOrDefault(a => a.Fit == FitVerdict.Fits && a.Energy is not null);
        return new LocalFitTier(tier, device, best) { EnergyAdvice = energyAdvice };
    }

    /// <summary>
    /// Whether a call of <paramref name="tokens"/> with <paramref name="webSearchRequests"/> could have run in a
    /// context window of <paramref name="contextTokens"/>: prompt (input, cache reads and writes) plus output must
    /// fit it, output must be within the limit, and no web search may have been used.
    /// </summary>
    public static LocalFitVerdict Classify(
        TokenCounts tokens, long webSearchRequests, int contextTokens, LocalFitLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (webSearchRequests > 0)
        {
            return LocalFitVerdict.UsedWebSearch;
        }

        if (tokens.OutputTokens > limits.MaxOutputTokens)
        {
            return LocalFitVerdict.OutputTooLong;
        }

        return tokens.TotalTokens > Math.Min(contextTokens, limits.MaxContextTokens)
            ? LocalFitVerdict.ContextTooLong
            : LocalFitVerdict.CouldRunLocally;
    }
}
