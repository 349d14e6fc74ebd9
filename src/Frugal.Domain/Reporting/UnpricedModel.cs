namespace Frugal.Domain.Reporting;

/// <summary>A model that had no price, with the volume that is therefore missing from the costs.</summary>
/// <param name="Model">The model id as the source wrote it.</param>
/// <param name="Calls">How many calls used it.</param>
/// <param name="Tokens">Their tokens, all categories.</param>
public sealed record UnpricedModel(string Model, long Calls, long Tokens);
