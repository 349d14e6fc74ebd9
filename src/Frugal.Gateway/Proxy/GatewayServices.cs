using Frugal.Gateway.Caching;
using Frugal.Gateway.Configuration;
using Frugal.Gateway.Metering;
using Frugal.Gateway.Routing;
using Frugal.Gateway.Security;

namespace Frugal.Gateway.Proxy;

/// <summary>What a call handler uses, made once per gateway.</summary>
/// <param name="Options">The configuration.</param>
/// <param name="Router">Chooses upstreams.</param>
/// <param name="Keys">The virtual keys.</param>
/// <param name="Budgets">The budgets.</param>
/// <param name="Cache">The exact-match cache.</param>
/// <param name="Pricing">Prices and energy.</param>
/// <param name="Writer">The ledger writer.</param>
/// <param name="Metrics">The metrics.</param>
/// <param name="Http">The client for upstreams (no proxy, no redirects).</param>
/// <param name="Time">The clock.</param>
public sealed record GatewayServices(
    GatewayOptions Options,
    Router Router,
    KeyStore Keys,
    BudgetCenter Budgets,
    ResponseCache Cache,
    CallPricing Pricing,
    LedgerWriter Writer,
    GatewayMetrics Metrics,
    HttpClient Http,
    TimeProvider Time);
