namespace Frugal.Domain.Reporting;

/// <summary>
/// A model whose size is unknown, so its calls have no energy estimate; with the volume missing from the energy.
/// </summary>
/// <param name="Model">The model id as the source wrote it.</param>
/// <param name="Calls">How many calls used it.</param>
/// <param name="Tokens">Their tokens, all categories.</param>
public sealed record UnknownSizeModel(string Model, long Calls, long Tokens);
