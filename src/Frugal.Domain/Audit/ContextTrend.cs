namespace Frugal.Domain.Audit;

/// <summary>
/// How the cached context read by each call of a session moved over the session: the least-squares line of cache
/// read tokens per call against time. A context that keeps growing shows as a steep positive slope.
/// </summary>
/// <param name="Source">The log source.</param>
/// <param name="SessionKey">The session.</param>
/// <param name="Calls">Calls in the fit.</param>
/// <param name="StartTokens">The fitted cache read tokens per call at the session's first call.</param>
/// <param name="EndTokens">The fitted cache read tokens per call at its last call.</param>
public sealed record ContextTrend(string Source, string SessionKey, long Calls, double StartTokens, double EndTokens)
{
    /// <summary>
    /// Fits the line from sums over the calls: x is hours since the first call seen, y the call's cache reads.
    /// </summary>
    public static ContextTrend Fit(
        string source, string sessionKey, long n, double sumX, double sumY, double sumXy, double sumXx, double maxX)
    {
        if (n < 2)
        {
            var only = n == 1 ? sumY : 0;
            return new ContextTrend(source, sessionKey, n, only, only);
        }

        var denominator = n * sumXx - sumX * sumX;
        var slope = denominator <= 1e-12 ? 0 : (n * sumXy - sumX * sumY) / denominator;
        var intercept = (sumY - slope * sumX) / n;
        return new ContextTrend(source, sessionKey, n, intercept, intercept + slope * maxX);
    }

    /// <summary>How many times larger the fitted context is at the end than at the start.</summary>
    public double Growth => StartTokens <= 0 ? (EndTokens > 0 ? double.PositiveInfinity : 1) : EndTokens / StartTokens;
}
