using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Frugal.Gateway.Metering;

/// <summary>
/// The gateway's metrics, named after OpenTelemetry's GenAI semantic conventions where one exists
/// (<c>gen_ai.client.token.usage</c>, <c>gen_ai.client.operation.duration</c>,
/// <c>gen_ai.server.time_to_first_token</c>) and under <c>frugal.gateway.</c> for cost, energy, budgets and cache.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "Frugal.Gateway";

    private readonly Meter _meter;
    private readonly Histogram<long> _tokens;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _firstToken;
    private readonly Counter<double> _cost;
    private readonly Counter<double> _energy;
    private readonly Counter<long> _denials;
    private readonly Counter<long> _cacheHits;

    /// <summary>Creates the instruments.</summary>
    public GatewayMetrics(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _meter = factory.Create(MeterName);
        _tokens = _meter.CreateHistogram<long>(
            "gen_ai.client.token.usage", "{token}", "Tokens used per call, by type (input, output).",
            advice: new InstrumentAdvice<long>
            {
                HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576],
            });
        _duration = _meter.CreateHistogram<double>(
            "gen_ai.client.operation.duration", "s", "Duration of calls through the gateway.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
                    40.96, 81.92],
            });
        _firstToken = _meter.CreateHistogram<double>(
            "gen_ai.server.time_to_first_token", "s", "Time to the first byte of a streamed answer.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0,
                    2.5, 5.0, 7.5, 10.0],
            });
        _cost = _meter.CreateCounter<double>("frugal.gateway.cost", "USD", "Cost of calls, as budgets count it.");
        _energy = _meter.CreateCounter<double>(
            "frugal.gateway.energy", "Wh", "Estimated energy of calls (the middle of each range).");
        _denials = _meter.CreateCounter<long>(
            "frugal.gateway.budget.denials", "{call}", "Calls refused because a budget was spent.");
        _cacheHits = _meter.CreateCounter<long>("frugal.gateway.cache.hits", "{call}", "Calls answered from cache.");
    }

    /// <summary>Records an ended call.</summary>
    public void Record(CallOutcome call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tags = new TagList
        {
            { "gen_ai.operation.name", call.Operation },
            { "gen_ai.provider.name", call.Provider },
            { "gen_ai.request.model", call.Route ?? call.Model },
            { "gen_ai.response.model", call.Model },
            { "frugal.upstream", call.Upstream },
        };
        if (call.Status != "ok")
        {
            tags.Add("error.type", call.Status);
        }

        _duration.Record(call.LatencyMs / 1000, tags);
        if (call.Streamed && call.TimeToFirstByteMs is { } ttfb)
        {
            _firstToken.Record(ttfb / 1000, tags);
        }

        var input = tags;
        input.Add("gen_ai.token.type", "input");
        _tokens.Record(call.Tokens.PromptTokens, input);
        var output = tags;
        output.Add("gen_ai.token.type", "output");
        _tokens.Record(call.Tokens.OutputTokens, output);
        if (call.CostUsd is { } cost and > 0)
        {
            _cost.Add((double)cost, tags);
        }

        if (call.Energy is { } energy)
        {
            _energy.Add((energy.Energy.MinWh + energy.Energy.MaxWh) / 2, tags);
        }

        if (call.Cached)
        {
            _cacheHits.Add(1, tags);
        }
    }

    /// <summary>Counts a call a budget refused.</summary>
    public void Denied(string project, string dimension) =>
        _denials.Add(1, new TagList { { "frugal.project", project }, { "frugal.budget.dimension", dimension } });

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
