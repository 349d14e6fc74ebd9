using System.Globalization;

namespace Frugal.Domain.Budgets;

/// <summary>Why a call was refused: which budget, which of its limits, how much is left, and when it resets.</summary>
/// <param name="Cap">The budget.</param>
/// <param name="Dimension">"usd", "tokens" or "wh".</param>
/// <param name="Limit">The limit of that dimension.</param>
/// <param name="Used">Spent plus held by calls in flight, in that dimension.</param>
/// <param name="Needed">What the call could cost at worst, in that dimension.</param>
/// <param name="ResetsAt">When the period ends and the budget starts again.</param>
public sealed record BudgetDenial(
    BudgetCap Cap, string Dimension, double Limit, double Used, double Needed, DateTimeOffset ResetsAt)
{
    /// <summary>What is left of the limit (never below zero).</summary>
    public double Left => Math.Max(0, Limit - Used);

    /// <summary>One sentence for the caller: the budget, what is left, what the call needs, and the reset.</summary>
    public string Message
    {
        get
        {
            var period = Cap.Period.ToString().ToLowerInvariant();
            var reset = TimeZoneInfo.ConvertTime(ResetsAt, Cap.Zone)
                .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return $"The {period} budget of {Cap.Scope} cannot take this call: {Amount(Left)} of {Amount(Limit)} is "
                + $"left (spent or held by calls in flight), and this call could need up to {Amount(Needed)}. It "
                + $"resets at {reset} ({Cap.Zone.Id}).";
        }
    }

    private string Amount(double value) => Dimension switch
    {
        "usd" => "$" + value.ToString("0.0000", CultureInfo.InvariantCulture),
        "tokens" => value.ToString("N0", CultureInfo.InvariantCulture) + " tokens",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + " Wh",
    };
}
