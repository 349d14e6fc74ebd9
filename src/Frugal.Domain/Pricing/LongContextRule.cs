namespace Frugal.Domain.Pricing;

/// <summary>
/// A long-context surcharge: when a request's prompt (uncached input, cache writes and cache reads together) is
/// larger than <see cref="ThresholdPromptTokens"/>, the whole request, output included, is charged at
/// <see cref="Rates"/>. The threshold itself is not above it.
/// </summary>
/// <param name="ThresholdPromptTokens">The prompt size above which the surcharge applies (exclusive).</param>
/// <param name="Rates">The rates for the whole request above the threshold.</param>
public sealed record LongContextRule(long ThresholdPromptTokens, TokenRates Rates);
