using Frugal.Domain.Prompts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Scan_ExactPlaceholders_AreListedInOrderWithOffsets()
    {
        var scan = PromptTemplate.Scan("Ticket {{ticket}} from {{customer_name}}; again {{ticket}}. {{_x1}}");

        scan.Issues.ShouldBeEmpty();
        scan.Placeholders.ShouldBe(
        [
            new Placeholder("ticket", 7, 10),
            new Placeholder("customer_name", 23, 17),
            new Placeholder("ticket", 48, 10),
            new Placeholder("_x1", 60, 7),
        ]);
        scan.Names.ShouldBe(["ticket", "customer_name", "_x1"]);
    }

    [Theory]
    [InlineData("a {{ ticket }} b", PlaceholderIssueKind.Spaced, "{{ ticket }}", "{{ticket}}")]
    [InlineData("a {{ticket }} b", PlaceholderIssueKind.Spaced, "{{ticket }}", "{{ticket}}")]
    [InlineData("{{name|upper}}", PlaceholderIssueKind.Filter, "{{name|upper}}", "{{name}}")]
    [InlineData("{{ name | default('x') }}", PlaceholderIssueKind.Filter, "{{ name | default('x') }}", "{{name}}")]
    [InlineData("{{ a.b | upper }}", PlaceholderIssueKind.Filter, "{{ a.b | upper }}", null)]
    [InlineData("{{user.name}}", PlaceholderIssueKind.Expression, "{{user.name}}", null)]
    [InlineData("{{ticket id}}", PlaceholderIssueKind.Expression, "{{ticket id}}", null)]
    [InlineData("{{1abc}}", PlaceholderIssueKind.Expression, "{{1abc}}", null)]
    [InlineData("x {{}} y", PlaceholderIssueKind.Empty, "{{}}", null)]
    [InlineData("x {{  }} y", PlaceholderIssueKind.Empty, "{{  }}", null)]
    [InlineData("x {{name y", PlaceholderIssueKind.Unclosed, "{{", null)]
    [InlineData("{{{name}}}", PlaceholderIssueKind.TripleBrace, "{{{name}}}", "{{name}}")]
    [InlineData("{% if vip %}VIP{% endif %}", PlaceholderIssueKind.Tag, "{% if vip %}", null)]
    [InlineData("{# a note #} text", PlaceholderIssueKind.Comment, "{# a note #}", null)]
    [InlineData("Hello {name}!", PlaceholderIssueKind.SingleBrace, "{name}", "{{name}}")]
    public void Scan_NonConformingSyntax_IsReportedWithItsFix(
        string text, PlaceholderIssueKind kind, string written, string? fix)
    {
        var issue = PromptTemplate.Scan(text).Issues[0];

        issue.Kind.ShouldBe(kind);
        issue.Text.ShouldBe(written);
        issue.Offset.ShouldBe(text.IndexOf(written, StringComparison.Ordinal));
        issue.Fix.ShouldBe(fix);
    }

    [Fact]
    public void Scan_IssuesOnLaterLines_HaveLineAndColumnWithinTheText()
    {
        var scan = PromptTemplate.Scan("first line {{ok}}\n  second {{ bad }}\n\n{% for x in y %}");

        scan.Placeholders.ShouldHaveSingleItem().Name.ShouldBe("ok");
        scan.Issues.Count.ShouldBe(2);
        (scan.Issues[0].Line, scan.Issues[0].Column).ShouldBe((2, 10));
        (scan.Issues[1].Line, scan.Issues[1].Column).ShouldBe((4, 1));
        scan.Issues[1].Kind.ShouldBe(PlaceholderIssueKind.Tag);
    }

    [Theory]
    [InlineData("""Reply as {"category": "billing", "summary": "..."}""")]
    [InlineData("""{"a": {"b": 1}}""")]
    [InlineData("Shell: echo ${HOME} and ${name}")]
    [InlineData("C#: public int X { get; } and {0} and { x }")]
    [InlineData("an unclosed {% or {# is plain text")]
    [InlineData("a lone { or } and {name and name}")]
    [InlineData("Write `f\"{name}\"` in Python")]
    [InlineData("Use ``a `{name}` b`` here")]
    [InlineData("Example:\n```python\nprint(f\"{name}\")\n```\nDone.")]
    [InlineData("Example:\n   ~~~~\n{name}\n~~~\nstill code: {name}\n~~~~")]
    [InlineData("Unclosed fence:\n```\n{name}")]
    public void Scan_OrdinaryBraces_AreNotIssues(string text)
    {
        PromptTemplate.Scan(text).Issues.ShouldBeEmpty();
    }

    [Theory]
    // Outside the code, the slip is still found: after a closed fence, around an inline span, past a lone backtick.
    [InlineData("```\n{code}\n```\nHello {name}", 4)]
    [InlineData("`{code}` then {name}", 1)]
    [InlineData("a ` b {name}", 1)]
    [InlineData("``` `{code}` ```\n{name}", 2)]
    public void Scan_SingleBracesOutsideMarkdownCode_AreStillAHint(string text, int line)
    {
        var issue = PromptTemplate.Scan(text).Issues.ShouldHaveSingleItem();

        (issue.Kind, issue.Text, issue.Line).ShouldBe((PlaceholderIssueKind.SingleBrace, "{name}", line));
    }

    [Fact]
    public void Scan_PlaceholderInsideJson_IsExact()
    {
        var scan = PromptTemplate.Scan("""{"ticket": {{ticket}}}""");

        scan.Issues.ShouldBeEmpty();
        scan.Placeholders.ShouldHaveSingleItem().Name.ShouldBe("ticket");
    }

    [Fact]
    public void Scan_UnclosedThenExact_ReportsTheFirstAndKeepsTheSecond()
    {
        var scan = PromptTemplate.Scan("{{broken and {{fine}}");

        scan.Issues.ShouldHaveSingleItem().Kind.ShouldBe(PlaceholderIssueKind.Unclosed);
        scan.Placeholders.ShouldHaveSingleItem().Name.ShouldBe("fine");
    }

    [Fact]
    public void Render_Values_AreSubstitutedAsTheyAreWithoutEscaping()
    {
        var values = new Dictionary<string, string>
        {
            ["ticket"] = "<b>Tom & Jerry's</b> \"bill\" {{other}}",
            ["other"] = "NOT AGAIN",
        };

        var render = PromptTemplate.Render("T: {{ticket}} / {{other}}", values);

        render.Text.ShouldBe("T: <b>Tom & Jerry's</b> \"bill\" {{other}} / NOT AGAIN");
        render.Missing.ShouldBeEmpty();
    }

    [Fact]
    public void Render_MissingAndNonConforming_AreLeftAsWritten()
    {
        var values = new Dictionary<string, string> { ["name"] = "Ada" };

        var render = PromptTemplate.Render("{{ name }} {{name|upper}} {{name}} {{city}} {{city}} {{{name}}}", values);

        render.Text.ShouldBe("{{ name }} {{name|upper}} Ada {{city}} {{city}} {Ada}");
        render.Missing.ShouldBe(["city"]);
    }

    [Fact]
    public void Render_AnyTestDataKey_IsFilledAsGhModelsFillsIt()
    {
        // gh-models (pkg/prompt/prompt.go, TemplateString) replaces "{{" + key + "}}" for every key, whatever it is.
        var values = new Dictionary<string, string> { ["user-name"] = "Ada", ["a.b"] = "x", [" padded "] = "p" };

        var render = PromptTemplate.Render("Hi {{user-name}}, {{a.b}} {{ padded }} {{user_name}} {{a . b}}", values);

        render.Text.ShouldBe("Hi Ada, x p {{user_name}} {{a . b}}");
        render.Missing.ShouldBe(["user_name"]);
    }

    [Fact]
    public void Render_AKeyEndingInABrace_IsFoundPastTheFirstClosingBraces()
    {
        var render = PromptTemplate.Render("<{{a}}}>", new Dictionary<string, string> { ["a}"] = "1" });

        render.Text.ShouldBe("<1>");
    }

    [Fact]
    public void KeyPlaceholders_KeysThatAreNoPlainNames_WrittenInTheText()
    {
        var keys = PromptTemplate.KeyPlaceholders("{{user-name}} {{plain}} {{a.b}} {{user-name}}",
            ["plain", "user-name", "a.b", "unused-key", "a"]);

        keys.ShouldBe(["user-name", "a.b"]);
    }

    [Property(MaxTest = 500)]
    public bool Render_TextWithoutDoubleBraces_IsUnchanged(string? text)
    {
        text ??= string.Empty;
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            return true;
        }

        return PromptTemplate.Render(text, new Dictionary<string, string> { ["x"] = "y" }).Text == text;
    }

    [Property(MaxTest = 500)]
    public Property Render_EveryPlaceholderFilled_LeavesNoneAndInsertsEachValue(NonEmptyString value)
    {
        var values = new Dictionary<string, string> { ["a"] = value.Get, ["b"] = "[b]" };
        var text = "x{{a}}y{{b}}z{{a}}";

        var render = PromptTemplate.Render(text, values);

        return (render.Text == "x" + value.Get + "y[b]z" + value.Get && render.Missing.Count == 0).ToProperty();
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("_", true)]
    [InlineData("snake_case_2", true)]
    [InlineData("camelCase", true)]
    [InlineData("2x", false)]
    [InlineData("kebab-case", false)]
    [InlineData("dotted.name", false)]
    [InlineData("café", false)]
    [InlineData("", false)]
    public void IsName_AsciiIdentifiersOnly(string name, bool valid)
    {
        PromptTemplate.IsName(name).ShouldBe(valid);
    }

    // The scan looks ahead once per token, not once per opener; on texts dense with braces it must find exactly
    // what a plain search from every opener finds (gh-models' own loop, written out here without the speed-up).
    [Property(MaxTest = 3000)]
    public Property Substituted_FindsWhatANaiveSearchFinds(byte[] seed)
    {
        const string alphabet = "{}{}{}ab_%# \n";
        var text = new string([.. seed.Select(b => alphabet[b % alphabet.Length])]);

        var naive = new List<Placeholder>();
        var i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            if (PromptTemplate.IsName(text.AsSpan(i + 2, close - i - 2)))
            {
                naive.Add(new Placeholder(text[(i + 2)..close], i, close + 2 - i));
                i = close + 2;
            }
            else
            {
                i++;
            }
        }

        return PromptTemplate.Substituted(text).SequenceEqual(naive).Label(text);
    }

    [Theory]
    [InlineData("{{{a}}} {{b}} {% x %} {# y #} {{ c }}")]
    [InlineData("{{{{{a}}}}}")]
    [InlineData("{{{a {{b}} }}}")]
    [InlineData("{%{%{% %} #}{#{#")]
    public void Scan_DenseBraces_SameIssuesAsEachPartAlone(string text)
    {
        // Scanning the whole equals scanning it with padding that shifts every offset: the look-ahead keeps no
        // state that depends on where a text starts.
        var whole = PromptTemplate.Scan(text);
        var padded = PromptTemplate.Scan("   " + text);

        padded.Placeholders.Select(p => p with { Offset = p.Offset - 3 }).ShouldBe(whole.Placeholders);
        padded.Issues.Select(x => x.Kind).ShouldBe(whole.Issues.Select(x => x.Kind));
    }
}
