namespace Frugal.Domain.Energy;

/// <summary>
/// The energy and carbon of one call or run, with the method that produced them and the assumptions it made.
/// </summary>
/// <param name="Energy">Energy at the wall including data-centre overhead (PUE) where the method models it.</param>
/// <param name="Carbon">Usage carbon: <paramref name="Energy"/> at the grid intensity used.</param>
/// <param name="Embodied">Manufacturing carbon allocated to the call by time, kept apart; null if not modelled.</param>
/// <param name="Method">
/// The method id, e.g. <c>ecologits-0.9.3-decode</c>, <c>ecologits-0.9.3+prefill</c>, <c>counter</c>,
/// <c>device-profile</c>.
/// </param>
/// <param name="MethodVersion">The version of the method's constants.</param>
/// <param name="Assumptions">Each assumption or input the figures rest on, in words, for display.</param>
public sealed record EnergyEstimate(
    EnergyRange Energy,
    CarbonRange Carbon,
    CarbonRange? Embodied,
    string Method,
    string MethodVersion,
    IReadOnlyList<string> Assumptions);
