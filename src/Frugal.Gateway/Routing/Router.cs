using Frugal.Gateway.Configuration;
using Frugal.Gateway.Protocols;

namespace Frugal.Gateway.Routing;

/// <summary>One model on one upstream.</summary>
/// <param name="Upstream">The server.</param>
/// <param name="Model">The model id it is asked for.</param>
public sealed record RouteTarget(UpstreamOptions Upstream, string Model);

/// <summary>Where a call may go, in order, and why other places were ruled out.</summary>
/// <param name="Route">The alias the caller named, or null when it named a model.</param>
/// <param name="Candidates">The targets to try in order; the gateway tries at most two.</param>
/// <param name="RuledOut">Each target ruled out by a hard constraint, with the reason.</param>
/// <param name="Complexity">The request's complexity score.</param>
public sealed record RoutePlan(
    string? Route, IReadOnlyList<RouteTarget> Candidates, IReadOnlyList<string> RuledOut, double Complexity);

/// <summary>
/// Chooses where a call goes: hard constraints first (the API the upstream speaks, a local-only project, the
/// context window, tools, images), then local before hosted, unless the request's complexity reaches the route's
/// threshold, when the first hosted model goes first.
/// </summary>
public sealed class Router(GatewayOptions options)
{
    /// <summary>The plan for a call, or null when the caller's model names nothing the gateway serves.</summary>
    public RoutePlan? Plan(
        ApiProtocol protocol, RequestTraits traits, ProjectPolicy policy, long promptTokens, long maxOutputTokens)
    {
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(policy);
        if (traits.Model is not { } model)
        {
            return null;
        }

        string? route = null;
        var threshold = 1.1;
        List<RouteTarget> targets;
        if (options.Routes.TryGetValue(model, out var alias))
        {
            route = model;
            threshold = alias.ComplexityThreshold;
            targets = [.. alias.Models.SelectMany(Resolve)];
        }
        else
        {
            targets = [.. Resolve(model)];
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var ruledOut = new List<string>();
        var allowed = new List<RouteTarget>();
        foreach (var target in targets)
        {
            if (Obstacle(target, protocol, traits, policy, promptTokens, maxOutputTokens) is { } reason)
            {
                ruledOut.Add($"{target.Upstream.Name}/{target.Model}: {reason}");
            }
            else
            {
                allowed.Add(target);
            }
        }

        var complexity = ComplexityScore.Of(traits, promptTokens);
        var ordered = allowed.Where(t => t.Upstream.Local).Concat(allowed.Where(t => !t.Upstream.Local)).ToList();
        if (complexity >= threshold && ordered.FindIndex(t => !t.Upstream.Local) is var hosted and > 0)
        {
            var first = ordered[hosted];
            ordered.RemoveAt(hosted);
            ordered.Insert(0, first);
        }

        return new RoutePlan(route, ordered, ruledOut, complexity);
    }

    /// <summary>Every model id callers may name: the upstreams' models and the routes.</summary>
    public IEnumerable<(string Id, string Owner)> Models() =>
        options.Routes.Keys.Select(r => (r, "frugal"))
            .Concat(options.Upstreams.SelectMany(u => u.Models.Select(m => (m, u.Name))))
            .DistinctBy(m => m.Item1, StringComparer.Ordinal);

    private IEnumerable<RouteTarget> Resolve(string model)
    {
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && options.Upstream(model[..slash]) is { } named && named.Models.Contains(model[(slash + 1)..]))
        {
            return [new RouteTarget(named, model[(slash + 1)..])];
        }

        return options.Upstreams.Where(u => u.Models.Contains(model)).Select(u => new RouteTarget(u, model));
    }

    private static string? Obstacle(
        RouteTarget target, ApiProtocol protocol, RequestTraits traits, ProjectPolicy policy, long promptTokens,
        long maxOutputTokens)
    {
        var upstream = target.Upstream;
        if (!upstream.Protocols.Contains(protocol))
        {
            return $"does not speak the {protocol} API";
        }

        if (policy.LocalOnly && !upstream.Local)
        {
            return "the project's policy is local-only";
        }

        if (upstream.ContextTokens is { } context && promptTokens + maxOutputTokens > context)
        {
            return $"the request needs about {promptTokens + maxOutputTokens:N0} tokens, beyond its {context:N0}";
        }

        if (traits.Tools && !upstream.Tools)
        {
            return "takes no tools";
        }

        return traits.Images && !upstream.Images ? "takes no images" : null;
    }
}
