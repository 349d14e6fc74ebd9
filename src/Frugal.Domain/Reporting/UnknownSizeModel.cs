namespace Frugal.Domain.Reporting;

/// <summary>
/// A model whose calls have no energy estimate (its size is unknown or, for local calls, no energy was recorded);
/// with the volume missing from the energy.
/// </summary>
/// <param name="Model">The model id as the source wrote it.</param>
/// <param name="Calls">How many calls used it.</param>
/// <param name="Tokens">Their tokens, all categories.</param>
public sealed record UnknownSizeModel(string Model, long Calls, long Tokens);
