namespace Frugal.Domain.Energy;

/// <summary>An electricity grid zone and its lifecycle carbon intensity.</summary>
/// <param name="Code">ISO 3166 alpha-3 code, or <c>WOR</c> for the world average.</param>
/// <param name="Name">The zone's English name.</param>
/// <param name="GCO2PerKWh">Lifecycle carbon intensity, gCO2e per kWh.</param>
/// <param name="Source">Where the figure comes from, with its data year.</param>
public sealed record GridZone(string Code, string Name, double GCO2PerKWh, string Source);
