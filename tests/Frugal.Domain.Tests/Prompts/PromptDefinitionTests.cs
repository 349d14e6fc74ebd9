using Frugal.Domain.Prompts;
using Shouldly;
using Xunit;

namespace Frugal.Domain.Tests.Prompts;

public sealed class PromptDefinitionTests
{
    private static readonly PromptDefinition Triage = new()
    {
        Name = "ticket-triage",
        Model = "openai/gpt-4o-mini",
        Messages =
        [
            new PromptMessage(PromptRole.System, "You triage tickets for {{company}}."),
            new PromptMessage(PromptRole.User, "Ticket: {{ticket}}\nCustomer: {{customer}} of {{company}}"),
        ],
        TestData = [new PromptTestCase(new Dictionary<string, string>
        {
            ["id"] = "double-charge",
            ["ticket"] = "Charged twice.",
            ["company"] = "Acme",
            ["expected"] = "billing",
        })],
    };

    [Fact]
    public void Placeholders_EveryMessage_ListsEachWithItsMessageIndex()
    {
        var placeholders = Triage.Placeholders();

        placeholders.Select(p => (p.MessageIndex, p.Placeholder.Name)).ShouldBe(
            [(0, "company"), (1, "ticket"), (1, "customer"), (1, "company")]);
        placeholders[1].Placeholder.Offset.ShouldBe(8);
        Triage.Variables().ShouldBe(["company", "ticket", "customer"]);
    }

    [Fact]
    public void Render_TestCase_FillsEveryMessageAndNamesWhatIsMissing()
    {
        var rendered = Triage.Render(Triage.TestData[0]);

        rendered.Messages.ShouldBe(
        [
            new PromptMessage(PromptRole.System, "You triage tickets for Acme."),
            new PromptMessage(PromptRole.User, "Ticket: Charged twice.\nCustomer: {{customer}} of Acme"),
        ]);
        rendered.Missing.ShouldBe(["customer"]);
        Triage.TestData[0].Id.ShouldBe("double-charge");
        Triage.TestData[0].Expected.ShouldBe("billing");
    }

    [Theory]
    [InlineData(StringMatch.Equals, "billing", "billing", true)]
    [InlineData(StringMatch.Equals, "{{expected}}", "Billing", false)]
    [InlineData(StringMatch.Contains, "{{expected}}", "Category: BILLING.", true)]
    [InlineData(StringMatch.StartsWith, "category", "Category: billing", true)]
    [InlineData(StringMatch.StartsWith, "billing", "Category: billing", false)]
    [InlineData(StringMatch.EndsWith, "{{expected}}.", "Category: Billing.", true)]
    public void StringEvaluator_Passes_AsGhModelsDecides(StringMatch match, string value, string reply, bool passes)
    {
        var evaluator = new StringEvaluator("category", match, value);

        evaluator.Passes(reply, Triage.TestData[0].Values).ShouldBe(passes);
    }

    [Fact]
    public void Checks_TypeNames_AreAsWritten()
    {
        PromptCheck[] checks =
        [
            new ContainsCheck("x"), new ContainsCheck("x", IgnoreCase: true, Negated: true), new EqualsCheck("x"),
            new EqualsCheck("x", Negated: true), new RegexCheck("^a"), new IsJsonCheck(), new JsonSchemaCheck("{}"),
            new MaxOutputTokensCheck(5), new LatencyCheck(100),
        ];

        checks.Select(c => c.Type).ShouldBe(
        [
            "contains", "not-icontains", "equals", "not-equals", "regex", "is-json", "json-schema",
            "max-output-tokens", "latency",
        ]);
        checks.Select(c => c.Type).ShouldBeSubsetOf(PromptCheck.Types);
    }
}
