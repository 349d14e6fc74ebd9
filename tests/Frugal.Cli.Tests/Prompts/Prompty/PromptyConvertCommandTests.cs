using Frugal.Cli.Tests.Support;
using Frugal.Storage.Tests.TestData;
using Shouldly;

namespace Frugal.Cli.Tests.Prompts.Prompty;

/// <summary><c>frugal prompt import</c> and <c>export</c> as a process: outputs, notes, no overwrites, exits.</summary>
public sealed class PromptyConvertCommandTests : IDisposable
{
    private const string Prompty = """
        ---
        name: greet
        model:
          id: gpt-4o-mini
          provider: openai
          options:
            temperature: 0
            stopSequences: ["\n"]
        inputs:
          - name: who
            kind: string
            example: Ada
        ---
        system:
        Greet {{ who }} in five words.
        """;

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Import_WritesNextToTheInput_AndNamesWhatWasDropped()
    {
        Write("work/greet.prompty", Prompty);

        var result = Shell("prompt import greet.prompty");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBe("note: greet.prompty:8: stopSequences not carried: gh-models sends only temperature, "
            + "maxTokens and topP (and Frugal's metadata.seed)\nnote: greet.prompty:10: the inputs' examples (else "
            + "defaults) became the one test case\nnote: greet.prompty: no version: frugal prompt lint requires "
            + "metadata.version; add one, such as 1.0.0\nwrote greet.prompt.yml (3 notes above)\n");
        File.ReadAllText(_home.Combine("work", "greet.prompt.yml")).ShouldBe("""
            name: greet
            model: openai/gpt-4o-mini
            modelParameters:
              temperature: 0
            messages:
              - role: system
                content: Greet {{who}} in five words.
            testData:
              - who: Ada

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        var lint = Shell("prompt lint greet.prompt.yml --min-reviewers 0");
        lint.Stdout.ShouldContain("error [version] metadata.version is missing");
        lint.Stdout.ShouldContain("1 file linted: 1 error, 0 warnings.");
    }

    [Fact]
    public void Export_ThenImportToStandardOutput_RoundTrips()
    {
        Write("work/greet.prompty", Prompty);
        Shell("prompt import greet.prompty").ExitCode.ShouldBe(0);

        var exported = Shell("prompt export greet.prompt.yml -o again.prompty");
        var imported = Shell("prompt import again.prompty -o -");

        exported.ExitCode.ShouldBe(0, exported.Stderr);
        exported.Stderr.ShouldBe("wrote again.prompty (exact)\n");
        imported.ExitCode.ShouldBe(0, imported.Stderr);
        imported.Stdout.ShouldBe(File.ReadAllText(_home.Combine("work", "greet.prompt.yml")));
        imported.Stderr.ShouldBe("note: again.prompty: no version: frugal prompt lint requires metadata.version; "
            + "add one, such as 1.0.0\n");
    }

    [Fact]
    public void ExistingOutput_NotOverwrittenWithoutForce()
    {
        Write("work/greet.prompty", Prompty);
        Write("work/greet.prompt.yml", "keep me\n");

        var refused = Shell("prompt import greet.prompty");

        refused.ExitCode.ShouldBe(1);
        refused.Stderr.ShouldBe("frugal: greet.prompt.yml already exists: not overwritten (use --force, or --output "
            + "another file)\n");
        File.ReadAllText(_home.Combine("work", "greet.prompt.yml")).ShouldBe("keep me\n");
        Shell("prompt import greet.prompty --force").ExitCode.ShouldBe(0);
        File.ReadAllText(_home.Combine("work", "greet.prompt.yml")).ShouldStartWith("name: greet\n");
    }

    [Fact]
    public void OneBadFile_OthersStillConvert_ExitOne()
    {
        Write("work/greet.prompty", Prompty);
        Write("work/bad.prompty", "---\nname: [bad\n---\nuser:\nHi\n");

        var result = Shell("prompt import bad.prompty greet.prompty");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("the front matter is not valid YAML: While parsing a flow sequence");
        result.Stderr.ShouldContain("frugal: bad.prompty not converted\n");
        File.Exists(_home.Combine("work", "greet.prompt.yml")).ShouldBeTrue();
        File.Exists(_home.Combine("work", "bad.prompt.yml")).ShouldBeFalse();
    }

    [Fact]
    public void Export_ARoleMarkerInAMessage_RefusedWithItsLine()
    {
        Write("work/m.prompt.yml", "name: m\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: |\n"
            + "      Transcript:\n      assistant:\n      hi\n");

        var result = Shell("prompt export m.prompt.yml");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("frugal: m.prompt.yml:7: messages[0].content has the line \"assistant:\"");
        File.Exists(_home.Combine("work", "m.prompty")).ShouldBeFalse();
    }

    [Fact]
    public void Export_OverItsOwnInput_Refused_EvenWithForce()
    {
        Write("work/g.prompt.yml", "name: g\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: Hi\n");

        var result = Shell("prompt export g.prompt.yml -o g.prompt.yml --force");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("frugal: g.prompt.yml is the input itself: not overwritten (give --output another "
            + "file)\n");
        File.ReadAllText(_home.Combine("work", "g.prompt.yml")).ShouldStartWith("name: g\n");
    }

    [Fact]
    public void Export_OverALinkToItsOwnInput_Refused_EvenWithForce()
    {
        Write("work/g.prompt.yml", "name: g\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: Hi\n");
        File.CreateSymbolicLink(_home.Combine("work", "link.prompty"), _home.Combine("work", "g.prompt.yml"));

        var result = Shell("prompt export g.prompt.yml -o link.prompty --force");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("frugal: link.prompty is the input itself");
        File.ReadAllText(_home.Combine("work", "g.prompt.yml")).ShouldStartWith("name: g\n");
    }

    [Fact]
    public void Import_AFifo_NotOpened()
    {
        Directory.CreateDirectory(_home.Combine("work"));

        var result = FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && mkfifo p.prompty && "
            + "timeout 30 $FRUGAL prompt import p.prompty");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("frugal: p.prompty ");
        result.Stderr.ShouldContain("not converted");
    }

    [Fact]
    public void TargetsThatCannotBeWritten_ReportedPerFile_TheOthersStillConvert()
    {
        const string prompt = "name: g\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: Hi\n";
        Write("work/a.prompt.yml", prompt);
        Write("work/b.prompt.yml", prompt);
        Write("work/b.yml", prompt);
        Directory.CreateDirectory(_home.Combine("work", "a.prompty"));

        var result = Shell("prompt export a.prompt.yml b.prompt.yml b.yml --force");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("frugal: a.prompty is a folder: not overwritten (give --output a file)\n");
        result.Stderr.ShouldContain("wrote b.prompty");
        result.Stderr.ShouldContain("frugal: b.prompty was written a moment ago from another input: not overwritten "
            + "(b.yml not converted;");
    }

    [Fact]
    public void Import_NotUtf8_RefusedWithItsLine()
    {
        var path = _home.Combine("work", "latin.prompty");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. "---\nname: a\n---\nuser:\ncaf"u8, 0xE9, (byte)'\n']);

        var result = Shell("prompt import latin.prompty");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("frugal: latin.prompty:5: not valid UTF-8: byte 0xE9");
        File.Exists(_home.Combine("work", "latin.prompt.yml")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("prompt import missing.prompty", "frugal: missing.prompty does not exist: check the path")]
    [InlineData("prompt export a.prompt.yml b.prompt.yml -o x.prompty", "--output names one file, but 2 inputs")]
    [InlineData("prompt export greet.prompt.yml --prompty-version 3", "--prompty-version 3 is not a Prompty format")]
    public void UsedWrongly_ExitTwo(string arguments, string message)
    {
        Write("work/greet.prompt.yml", "name: g\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: Hi\n");
        Write("work/a.prompt.yml", "x");
        Write("work/b.prompt.yml", "x");

        var result = Shell(arguments);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(message);
    }

    private void Write(string relative, string text)
    {
        var path = _home.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private FrugalProcess.Result Shell(string arguments)
    {
        Directory.CreateDirectory(_home.Combine("work"));
        return FrugalProcess.Shell(_home.Path, $"cd '{_home.Combine("work")}' && $FRUGAL {arguments}");
    }
}
