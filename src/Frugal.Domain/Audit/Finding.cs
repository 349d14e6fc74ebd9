namespace Frugal.Domain.Audit;

/// <summary>Something in the window worth changing, with what to do about it.</summary>
/// <param name="Kind">The kind, a stable id such as <c>unshipped-sessions</c>.</param>
/// <param name="Title">One line saying what was found.</param>
/// <param name="Detail">The figures behind it.</param>
/// <param name="Suggestion">A concrete change to make.</param>
/// <param name="CostUsd">The spend it concerns.</param>
public sealed record Finding(string Kind, string Title, string Detail, string Suggestion, decimal CostUsd);
