using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Frugal.Gateway.Configuration;

/// <summary>
/// Reads the gateway's configuration from YAML or JSON (by extension: <c>.json</c> is JSON, anything else YAML).
/// Every problem in the file is reported at once, each naming its place and the fix.
/// </summary>
public static class GatewayConfigFile
{
    private static readonly string[] TopLevel =
        ["upstreams", "routes", "projects", "anonymousProject", "maxRequestBytes", "cache", "defaultMaxOutputTokens",
            "listen"];

    private static readonly string[] UpstreamFields =
        ["name", "kind", "url", "local", "apiKeyEnv", "timeoutSeconds", "models", "contextTokens", "tools", "images",
            "device", "protocols"];

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="GatewayConfigException">It cannot be read or has problems.</exception>
    public static GatewayOptions Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigException(path, [$"cannot be read ({e.Message})"]);
        }

        return Parse(path, text);
    }

    /// <summary>Reads configuration text; <paramref name="path"/> names it in messages and picks the syntax.</summary>
    public static GatewayOptions Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? root;
        try
        {
            root = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                })
                : FromYaml(text);
        }
        catch (JsonException e)
        {
            throw new GatewayConfigException(path, [$"not valid JSON at line {e.LineNumber + 1}: {e.Message}"]);
        }
        catch (YamlException e)
        {
            throw new GatewayConfigException(path, [$"not valid YAML at line {e.Start.Line}: {e.Message}"]);
        }

        try
        {
            return Read(path, root);
        }
        catch (ArgumentException e)
        {
            // System.Text.Json refuses a repeated property name only when the object is first read.
            throw new GatewayConfigException(path, [$"a setting is given twice ({e.Message}): keep one"]);
        }
    }

    private static GatewayOptions Read(string path, JsonNode? root)
    {

        if (root is not JsonObject top)
        {
            throw new GatewayConfigException(path, ["must be a mapping with at least \"upstreams\""]);
        }

        var problems = new List<string>();
        Unknown(top, TopLevel, string.Empty, problems);
        var upstreams = Upstreams(top["upstreams"], problems);
        var options = new GatewayOptions
        {
            Upstreams = upstreams,
            Routes = Routes(top["routes"], Declared(top["upstreams"]), problems),
            Projects = Projects(top["projects"], problems),
            AnonymousProject = Text(top, "anonymousProject", string.Empty, problems),
            MaxRequestBytes = Integer(top, "maxRequestBytes", string.Empty, 1024, long.MaxValue, problems)
                ?? 32L * 1024 * 1024,
            Cache = Cache(top["cache"], problems),
            DefaultMaxOutputTokens = (int)(Integer(top, "defaultMaxOutputTokens", string.Empty, 1, 1_000_000, problems)
                ?? 4096),
            Listen = Text(top, "listen", string.Empty, problems),
        };
        return problems.Count > 0 ? throw new GatewayConfigException(path, problems) : options;
    }

    private static List<UpstreamOptions> Upstreams(JsonNode? node, List<string> problems)
    {
        var list = new List<UpstreamOptions>();
        if (node is not JsonArray array || array.Count == 0)
        {
            problems.Add("\"upstreams\" must list at least one server, each with name, kind, url and models");
            return list;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"upstreams[{i}]";
            if (array[i] is not JsonObject entry)
            {
                problems.Add($"{at} must be a mapping with name, kind, url and models");
                continue;
            }

            if (Upstream(entry, at, problems) is { } upstream)
            {
                if (list.Any(u => u.Name == upstream.Name))
                {
                    problems.Add($"{at}: the name \"{upstream.Name}\" is already used: give each upstream its own");
                }
                else
                {
                    list.Add(upstream);
                }
            }
        }

        return list;
    }

    private static UpstreamOptions? Upstream(JsonObject entry, string at, List<string> problems)
    {
        var before = problems.Count;
        Unknown(entry, UpstreamFields, at + ".", problems);
        var name = Text(entry, "name", at, problems, required: true);
        var kindText = Text(entry, "kind", at, problems, required: true);
        UpstreamKind kind = default;
        if (kindText is not null && !TryKind(kindText, out kind))
        {
            problems.Add($"{at}.kind \"{kindText}\" is not a kind: use openai, anthropic, ollama, llamacpp, vllm or "
                + "lollms");
        }

        var urlText = Text(entry, "url", at, problems, required: true);
        Uri? url = null;
        if (urlText is not null
            && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"{at}.url \"{urlText}\" is not an http or https address (with a port from 1 to 65535)");
        }
        else if (url is not null && (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            problems.Add($"{at}.url \"{urlText}\" holds a user name, query or fragment: give the base address only "
                + "(keys go in apiKeyEnv)");
            url = null;
        }

        var models = Strings(entry, "models", at, problems);
        if (models.Count == 0)
        {
            problems.Add($"{at}.models must list the model ids it serves, such as [llama3.1:8b]");
        }

        var local = Boolean(entry, "local", at, problems)
            ?? kind is not (UpstreamKind.OpenAI or UpstreamKind.Anthropic);
        var timeout = Integer(entry, "timeoutSeconds", at + ".", 1, 86_400, problems) ?? 300;
        var context = Integer(entry, "contextTokens", at + ".", 1, 100_000_000, problems);
        var protocols = Protocols(entry, at, kind, problems);
        var device = Text(entry, "device", at, problems);
        if (device is not null && Domain.Energy.DevicePowerProfile.Find(device) is null)
        {
            problems.Add($"{at}.device \"{device}\" is not a device Frugal has a power profile for: use one of "
                + string.Join(", ", Domain.Energy.DevicePowerProfile.BuiltIn.Select(p => p.Id)));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new UpstreamOptions(
            name!, kind, url!, local, Text(entry, "apiKeyEnv", at, problems), TimeSpan.FromSeconds(timeout), models,
            context is null ? null : (int)context, Boolean(entry, "tools", at, problems) ?? true,
            Boolean(entry, "images", at, problems) ?? kind is UpstreamKind.OpenAI or UpstreamKind.Anthropic, device,
            protocols);
    }

    private static HashSet<ApiProtocol> Protocols(JsonObject entry, string at, UpstreamKind kind, List<string> problems)
    {
        if (entry["protocols"] is null)
        {
            return [kind == UpstreamKind.Anthropic ? ApiProtocol.Anthropic : ApiProtocol.OpenAI];
        }

        var set = new HashSet<ApiProtocol>();
        foreach (var text in Strings(entry, "protocols", at, problems))
        {
            if (string.Equals(text, "openai", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(ApiProtocol.OpenAI);
            }
            else if (string.Equals(text, "anthropic", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(ApiProtocol.Anthropic);
            }
            else
            {
                problems.Add($"{at}.protocols: \"{text}\" is not a protocol: use openai and/or anthropic");
            }
        }

        return set;
    }

    /// <summary>
    /// Every upstream's name and models as written, problems or not, so a route is not also reported as unserved
    /// because its upstream has a misspelt setting.
    /// </summary>
    private static List<(string Name, List<string> Models)> Declared(JsonNode? node)
    {
        var list = new List<(string, List<string>)>();
        foreach (var entry in (node as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = entry["name"] is JsonValue n && n.TryGetValue(out string? s) ? s.Trim() : string.Empty;
            var models = (entry["models"] as JsonArray ?? []).OfType<JsonValue>()
                .Select(m => m.TryGetValue(out string? id) ? id.Trim() : string.Empty).ToList();
            list.Add((name, models));
        }

        return list;
    }

    private static Dictionary<string, RouteOptions> Routes(
        JsonNode? node, List<(string Name, List<string> Models)> upstreams, List<string> problems)
    {
        var routes = new Dictionary<string, RouteOptions>(StringComparer.Ordinal);
        if (node is null)
        {
            return routes;
        }

        if (node is not JsonObject map)
        {
            problems.Add(
                "\"routes\" must map each alias to its models, such as frugal/auto: [llama3.1:8b, gpt-4o-mini]");
            return routes;
        }

        foreach (var (alias, value) in map)
        {
            var at = $"routes.{alias}";
            List<string> models;
            var threshold = 0.6;
            if (value is JsonArray)
            {
                models = Strings(map, alias, "routes", problems);
            }
            else if (value is JsonObject route)
            {
                Unknown(route, ["models", "complexityThreshold"], at + ".", problems);
                models = Strings(route, "models", at, problems);
                if (route["complexityThreshold"] is { } t)
                {
                    if (t is JsonValue v
                        && (v.TryGetValue(out double d) || (v.TryGetValue(out long whole) && (d = whole) >= 0))
                        && d is >= 0 and <= 1)
                    {
                        threshold = d;
                    }
                    else
                    {
                        problems.Add($"{at}.complexityThreshold must be a number from 0 to 1");
                    }
                }
            }
            else
            {
                problems.Add($"{at} must list models");
                continue;
            }

            foreach (var model in models)
            {
                if (!upstreams.Any(u => u.Models.Contains(model)
                        || (model.StartsWith(u.Name + "/", StringComparison.Ordinal)
                            && u.Models.Contains(model[(u.Name.Length + 1)..]))))
                {
                    problems.Add($"{at}: no upstream serves \"{model}\": add it to an upstream's models");
                }
            }

            if (models.Count == 0)
            {
                problems.Add($"{at} must list at least one model");
            }

            routes[alias] = new RouteOptions(models, threshold);
        }

        return routes;
    }

    private static Dictionary<string, ProjectPolicy> Projects(JsonNode? node, List<string> problems)
    {
        var projects = new Dictionary<string, ProjectPolicy>(StringComparer.Ordinal);
        if (node is null)
        {
            return projects;
        }

        if (node is not JsonObject map)
        {
            problems.Add("\"projects\" must map project names to their policy, such as app: {privacy: local-only}");
            return projects;
        }

        foreach (var (name, value) in map)
        {
            var at = $"projects.{name}";
            if (value is not JsonObject policy)
            {
                problems.Add($"{at} must be a mapping such as {{privacy: local-only}}");
                continue;
            }

            Unknown(policy, ["privacy"], at + ".", problems);
            var privacy = Text(policy, "privacy", at, problems) ?? "any";
            if (privacy is not ("any" or "local-only"))
            {
                problems.Add($"{at}.privacy \"{privacy}\" is not a policy: use local-only or any");
            }

            projects[name] = new ProjectPolicy(privacy == "local-only");
        }

        return projects;
    }

    private static CacheOptions Cache(JsonNode? node, List<string> problems)
    {
        if (node is null)
        {
            return new CacheOptions();
        }

        if (node is not JsonObject cache)
        {
            problems.Add("\"cache\" must be a mapping with enabled, maxEntries, maxBytes and ttlSeconds");
            return new CacheOptions();
        }

        Unknown(cache, ["enabled", "maxEntries", "maxBytes", "ttlSeconds"], "cache.", problems);
        return new CacheOptions(
            Boolean(cache, "enabled", "cache", problems) ?? true,
            (int)(Integer(cache, "maxEntries", "cache.", 1, 10_000_000, problems) ?? 10_000),
            Integer(cache, "maxBytes", "cache.", 1024, long.MaxValue, problems) ?? 256L * 1024 * 1024,
            Integer(cache, "ttlSeconds", "cache.", 1, 31_536_000, problems) is { } ttl
                ? TimeSpan.FromSeconds(ttl)
                : null);
    }

    private static bool TryKind(string text, out UpstreamKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "openai": kind = UpstreamKind.OpenAI; return true;
            case "anthropic": kind = UpstreamKind.Anthropic; return true;
            case "ollama": kind = UpstreamKind.Ollama; return true;
            case "llamacpp" or "llama.cpp" or "llama-cpp": kind = UpstreamKind.LlamaCpp; return true;
            case "vllm": kind = UpstreamKind.Vllm; return true;
            case "lollms": kind = UpstreamKind.LoLLMs; return true;
            default: kind = default; return false;
        }
    }

    private static void Unknown(JsonObject node, string[] known, string at, List<string> problems)
    {
        foreach (var (name, _) in node)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"{at}{name} is not a setting: remove it or correct its spelling "
                    + $"(known: {string.Join(", ", known)})");
            }
        }
    }

    private static string? Text(JsonObject node, string name, string at, List<string> problems, bool required = false)
    {
        var where = at.Length == 0 ? name : $"{at}.{name}";
        switch (node[name])
        {
            case null when required:
                problems.Add($"{where} is missing");
                return null;
            case null:
                return null;
            case JsonValue value when value.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s):
                return s.Trim();
            default:
                problems.Add($"{where} must be a non-empty string");
                return null;
        }
    }

    private static List<string> Strings(JsonObject node, string name, string at, List<string> problems)
    {
        var list = new List<string>();
        switch (node[name])
        {
            case null:
                return list;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonValue value && value.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s))
                    {
                        list.Add(s.Trim());
                    }
                    else
                    {
                        problems.Add($"{at}.{name} must hold only non-empty strings");
                    }
                }

                return list;
            default:
                problems.Add($"{at}.{name} must be a list, such as [a, b]");
                return list;
        }
    }

    private static bool? Boolean(JsonObject node, string name, string at, List<string> problems)
    {
        switch (node[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue(out bool b):
                return b;
            default:
                problems.Add($"{at}.{name} must be true or false");
                return null;
        }
    }

    private static long? Integer(JsonObject node, string name, string at, long min, long max, List<string> problems)
    {
        switch (node[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue(out long n) && n >= min && n <= max:
                return n;
            default:
                problems.Add($"{at}{name} must be a whole number from "
                    + $"{min.ToString("N0", CultureInfo.InvariantCulture)} to "
                    + $"{max.ToString("N0", CultureInfo.InvariantCulture)}");
                return null;
        }
    }

    /// <summary>YAML as JSON: scalars that read as booleans or numbers become them; everything else is text.</summary>
    private static JsonNode? FromYaml(string text)
    {
        // Aliases can expand exponentially (a few hundred bytes to gigabytes); a configuration has no use for them.
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.AnchorAlias alias)
            {
                throw new YamlException(
                    alias.Start, alias.End, "YAML aliases (*name) are not allowed: write the value out");
            }
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? string.Empty] = Convert(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                var s = scalar.Value;
                if (s is null || (scalar.Style == ScalarStyle.Plain && s is "~" or "null" or ""))
                {
                    return null;
                }

                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(s);
                }

                if (s is "true" or "false")
                {
                    return JsonValue.Create(s == "true");
                }

                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return JsonValue.Create(l);
                }

                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return JsonValue.Create(d);
                }

                return JsonValue.Create(s);
            default:
                return null;
        }
    }
}
