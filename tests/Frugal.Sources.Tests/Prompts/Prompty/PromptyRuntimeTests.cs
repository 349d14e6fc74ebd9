using System.Text.Json;
using Frugal.Sources.Prompts;
using Frugal.Sources.Prompts.Prompty;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts.Prompty;

/// <summary>
/// Frugal's conversions against Prompty's own runtime: tests/fixtures/prompty/expected.json holds the messages that
/// @prompty/core (Microsoft's TypeScript implementation) rendered for each case of cases.json, made by
/// tools/prompty-render.mjs. An imported file must render the same messages under Frugal (gh-models' rules); an
/// exported file must make Prompty render what its .prompt.yml sends, newlines at a message's ends aside (Prompty
/// trims those, and the export says so).
/// </summary>
public sealed class PromptyRuntimeTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "prompty");

    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "prompts", "examples");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var result in Results())
        {
            data.Add($"{result.GetProperty("prompty").GetString()} {result.GetProperty("inputs").GetRawText()}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersAsPromptyDoes(string name)
    {
        var result = Results().Single(r =>
            $"{r.GetProperty("prompty").GetString()} {r.GetProperty("inputs").GetRawText()}" == name);
        var prompty = result.GetProperty("prompty").GetString()!;
        var inputs = result.GetProperty("inputs").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var expected = result.GetProperty("messages").EnumerateArray()
            .Select(m => (Role: m.GetProperty("role").GetString()!, Content: m.GetProperty("content").GetString()!))
            .ToList();

        // A file made by the export renders what the prompt file it came from sends; an imported one renders
        // under gh-models' rules what Prompty renders (developer messages become system ones).
        var prompt = prompty.StartsWith("export/", StringComparison.Ordinal)
            ? PromptFile.Load(Source(prompty))
            : PromptFile.Parse("x.prompt.yml", PromptyImport.Convert(prompty,
                File.ReadAllText(Path.Combine(Fixtures, prompty))).Text).Prompt;
        var rendered = prompt.Render(inputs).Messages
            .Select(m => (Role: m.Role.ToString().ToLowerInvariant(), Content: m.Content.Trim('\n')))
            .ToList();

        // An import leaves out empty messages (a .prompt.yml message needs text), saying so in a note.
        var comparable = prompty.StartsWith("export/", StringComparison.Ordinal) ? expected
            : expected.Where(m => m.Content.Length > 0).ToList();
        rendered.ShouldBe(comparable.Select(m => m with { Role = m.Role == "developer" ? "system" : m.Role }));
    }

    /// <summary>The exported fixtures are what the export writes today (they are what Prompty rendered).</summary>
    [Theory]
    [InlineData("export/braces.prompty")]
    [InlineData("export/schema.prompty")]
    [InlineData("export/triage.prompty")]
    [InlineData("export/summarise.prompty")]
    public void ExportedFixtures_AreWhatTheExportWrites(string prompty)
    {
        var source = Source(prompty);

        PromptyExport.Convert(source, File.ReadAllText(source)).Text
            .ShouldBe(File.ReadAllText(Path.Combine(Fixtures, prompty))
                .Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string Source(string prompty)
    {
        var name = Path.GetFileNameWithoutExtension(prompty) + ".prompt.yml";
        var fixture = Path.Combine(Fixtures, "export", name);
        return File.Exists(fixture) ? fixture : Path.Combine(Examples, name);
    }

    private static List<JsonElement> Results()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "expected.json")));
        return document.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
