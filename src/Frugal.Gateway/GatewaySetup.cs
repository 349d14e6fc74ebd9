using Frugal.Domain.Energy;
using Frugal.Domain.Pricing;
using Frugal.Gateway.Configuration;

namespace Frugal.Gateway;

/// <summary>What the gateway is started with.</summary>
/// <param name="Options">The configuration.</param>
/// <param name="LedgerPath">The ledger calls are written to, and keys and budgets read from.</param>
/// <param name="Prices">The price table.</param>
/// <param name="Facts">Model sizes, for energy.</param>
/// <param name="Grid">The grid carbon is counted at.</param>
/// <param name="Urls">Where to listen, such as <c>http://127.0.0.1:8787</c>.</param>
public sealed record GatewaySetup(
    GatewayOptions Options, string LedgerPath, PriceTable Prices, ModelFactsTable Facts, GridZone Grid, string Urls)
{
    /// <summary>The clock (tests may stop it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The address the gateway listens on unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8787";
}
