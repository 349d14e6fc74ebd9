using System.Globalization;
using Frugal.Gateway.Configuration;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Gateway.Tests.Gateway;

/// <summary>The configuration file: every fault reported at once, JSON read like YAML, unknown keys named.</summary>
public sealed class GatewayConfigFileTests
{
    private const string FiveFaultsYaml = """
        upstreams:
          - name: local
            kind: ollama
            url: http://127.0.0.1:11434
            models: [llama3.1:8b]
          - name: broken
            kind: banana                 # 1: not a kind
            url: ftp://example.invalid   # 2: not http or https
            models: [x]
        routes:
          frugal/auto: [llama3.1:8b, gpt-9]   # 3: no upstream serves gpt-9
        projects:
          app: {privacy: public}         # 4: not a policy
        maxRequestBytes: 10              # 5: under the 1,024 minimum
        """;

    private const string FiveFaultsJson = """
        {
          "upstreams": [
            {"name": "local", "kind": "ollama", "url": "http://127.0.0.1:11434", "models": ["llama3.1:8b"]},
            {"name": "broken", "kind": "banana", "url": "ftp://example.invalid", "models": ["x"]}
          ],
          "routes": {"frugal/auto": ["llama3.1:8b", "gpt-9"]},
          "projects": {"app": {"privacy": "public"}},
          "maxRequestBytes": 10
        }
        """;

    private static IReadOnlyList<string> Problems(string path, string text) =>
        Should.Throw<GatewayConfigException>(() => GatewayConfigFile.Parse(path, text)).Problems;

    [Fact]
    public void FiveFaults_AreAllReportedAtOnce()
    {
        var exception = Should.Throw<GatewayConfigException>(() => GatewayConfigFile.Parse("gw.yml", FiveFaultsYaml));

        exception.Path.ShouldBe("gw.yml");
        exception.Problems.Count.ShouldBe(5, string.Join("\n", exception.Problems));
        exception.Problems.ShouldContain(p => p.StartsWith("upstreams[1].kind \"banana\" is not a kind"));
        exception.Problems.ShouldContain(p => p == "upstreams[1].url \"ftp://example.invalid\" is not an http or "
            + "https address (with a port from 1 to 65535)");
        exception.Problems.ShouldContain(p => p.StartsWith("routes.frugal/auto: no upstream serves \"gpt-9\""));
        exception.Problems.ShouldContain(p => p.StartsWith("projects.app.privacy \"public\" is not a policy"));
        exception.Problems.ShouldContain(p => p.StartsWith("maxRequestBytes must be a whole number from 1,024"));
    }

    [Fact]
    public void Json_ReportsTheSameFaultsAsYaml()
    {
        Problems("gateway.json", FiveFaultsJson).ShouldBe(Problems("gateway.yaml", FiveFaultsYaml));
    }

    private const string FullYaml = """
        upstreams:
          - name: local
            kind: llamacpp
            url: http://127.0.0.1:8080
            models: [qwen2.5-7b]
            timeoutSeconds: 30
            contextTokens: 32768
            tools: false
            images: false
            device: rtx-4090
          - name: claude
            kind: anthropic
            url: https://api.anthropic.com
            apiKeyEnv: ANTHROPIC_API_KEY
            models: [claude-sonnet-4-5]
            protocols: [anthropic, openai]
        routes:
          frugal/auto: [qwen2.5-7b, claude-sonnet-4-5]
          frugal/smart:
            models: [claude/claude-sonnet-4-5]
            complexityThreshold: 0.4
        projects:
          secret: {privacy: local-only}
          open: {privacy: any}
        anonymousProject: app
        maxRequestBytes: 4096
        cache: {enabled: false, maxEntries: 10, maxBytes: 2048, ttlSeconds: 60}
        defaultMaxOutputTokens: 512
        listen: http://127.0.0.1:9999
        """;

    private const string FullJson = """
        {
          // JSON files may carry comments and trailing commas.
          "upstreams": [
            {"name": "local", "kind": "llamacpp", "url": "http://127.0.0.1:8080", "models": ["qwen2.5-7b"],
             "timeoutSeconds": 30, "contextTokens": 32768, "tools": false, "images": false, "device": "rtx-4090"},
            {"name": "claude", "kind": "anthropic", "url": "https://api.anthropic.com",
             "apiKeyEnv": "ANTHROPIC_API_KEY", "models": ["claude-sonnet-4-5"], "protocols": ["anthropic", "openai"]},
          ],
          "routes": {
            "frugal/auto": ["qwen2.5-7b", "claude-sonnet-4-5"],
            "frugal/smart": {"models": ["claude/claude-sonnet-4-5"], "complexityThreshold": 0.4}
          },
          "projects": {"secret": {"privacy": "local-only"}, "open": {"privacy": "any"}},
          "anonymousProject": "app",
          "maxRequestBytes": 4096,
          "cache": {"enabled": false, "maxEntries": 10, "maxBytes": 2048, "ttlSeconds": 60},
          "defaultMaxOutputTokens": 512,
          "listen": "http://127.0.0.1:9999"
        }
        """;

    /// <summary>Every setting of <paramref name="o"/> as text, so two readings can be compared whole.</summary>
    private static string Describe(GatewayOptions o)
    {
        var lines = new List<string>
        {
            $"anonymous {o.AnonymousProject}; max {o.MaxRequestBytes}; out {o.DefaultMaxOutputTokens}",
            $"listen {o.Listen}",
            $"cache {o.Cache.Enabled} {o.Cache.MaxEntries} {o.Cache.MaxBytes} {o.Cache.Lifetime}",
        };
        lines.AddRange(o.Upstreams.Select(u => string.Join(" | ", u.Name, u.Kind, u.BaseUrl, u.Local, u.ApiKeyVariable,
            u.Timeout, string.Join(",", u.Models), u.ContextTokens, u.Tools, u.Images, u.Device,
            string.Join(",", u.Protocols.Order()))));
        lines.AddRange(o.Routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
            $"route {r.Key}: {string.Join(",", r.Value.Models)} at "
            + r.Value.ComplexityThreshold.ToString(CultureInfo.InvariantCulture)));
        lines.AddRange(o.Projects.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"project {p.Key}: {p.Value.LocalOnly}"));
        return string.Join("\n", lines);
    }

    [Fact]
    public void Json_ReadsLikeYaml_FromAFileByItsExtension()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("gateway.yml"), FullYaml);
        File.WriteAllText(folder.Combine("gateway.json"), FullJson);

        var yaml = GatewayConfigFile.Load(folder.Combine("gateway.yml"));
        var json = GatewayConfigFile.Load(folder.Combine("gateway.json"));

        Describe(json).ShouldBe(Describe(yaml));
        var local = yaml.Upstream("local").ShouldNotBeNull();
        local.Kind.ShouldBe(UpstreamKind.LlamaCpp);
        local.Local.ShouldBeTrue(); // a llama.cpp server is local unless told otherwise
        local.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        local.Tools.ShouldBeFalse();
        local.Device.ShouldBe("rtx-4090");
        var claude = yaml.Upstream("claude").ShouldNotBeNull();
        claude.Local.ShouldBeFalse();
        claude.Images.ShouldBeTrue();
        claude.Protocols.ShouldBe([ApiProtocol.Anthropic, ApiProtocol.OpenAI], ignoreOrder: true);
        yaml.Routes["frugal/auto"].ComplexityThreshold.ShouldBe(0.6); // the default
        yaml.Routes["frugal/smart"].ComplexityThreshold.ShouldBe(0.4);
        yaml.Projects["secret"].LocalOnly.ShouldBeTrue();
        yaml.Projects["open"].LocalOnly.ShouldBeFalse();
        yaml.Cache.Lifetime.ShouldBe(TimeSpan.FromSeconds(60));
        yaml.Cache.Enabled.ShouldBeFalse();
        yaml.MaxRequestBytes.ShouldBe(4096);
    }

    [Fact]
    public void UnknownKeys_AreEachNamedWhereTheyStand()
    {
        const string Yaml = """
            upstreams:
              - name: local
                kind: ollama
                url: http://127.0.0.1:11434
                models: [llama3.1:8b]
                timeout: 30
            routes:
              frugal/auto: {models: [llama3.1:8b], threshold: 0.5}
            projects:
              app: {privcy: local-only}
            cache: {ttl: 60}
            colour: blue
            """;

        var problems = Problems("gateway.yml", Yaml);

        // (An upstream with a fault is left out, so the route naming its model also reports it unserved: that extra,
        // misleading problem is in GatewayRegressionTests.)
        foreach (var key in new[] { "upstreams[0].timeout", "routes.frugal/auto.threshold", "projects.app.privcy",
                     "cache.ttl", "colour" })
        {
            problems.ShouldContain(p => p.StartsWith(key + " is not a setting"), key);
        }

        problems.Single(p => p.StartsWith("upstreams[0].timeout")).ShouldContain("timeoutSeconds");
        problems.Single(p => p.StartsWith("colour")).ShouldContain("(known: upstreams, routes, projects");
    }
}
