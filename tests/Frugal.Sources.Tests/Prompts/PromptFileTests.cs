using System.Text;
using System.Text.Json;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Testing;
using Frugal.Sources.Prompts;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Prompts;

public sealed class PromptFileTests : IDisposable
{
    private static readonly string Example = Path.Combine(
        AppContext.BaseDirectory, "prompts", "examples", "summarise.prompt.yml");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_TheExample_ReadsEveryPart()
    {
        var prompt = PromptFile.Load(Example);

        prompt.Name.ShouldBe("summarise-support-conversation");
        prompt.Model.ShouldBe("openai/gpt-4o-mini");
        prompt.ModelParameters.ShouldBe(new PromptModelParameters { Temperature = 0, MaxTokens = 120 });
        prompt.Messages.Select(m => m.Role).ShouldBe([PromptRole.System, PromptRole.User]);
        prompt.Messages[1].Content.ShouldBe("Product: {{product}}\nConversation:\n{{conversation}}\n");
        prompt.Variables().ShouldBe(["product", "conversation"]);
        prompt.TestData.Select(t => t.Id).ShouldBe(["refund-pending", "login-loop"]);
        prompt.TestData[1].Expected.ShouldBe("login");
        prompt.Evaluators.ShouldBe(
        [
            new StringEvaluator("names the customer's issue", StringMatch.Contains, "{{expected}}"),
            new BuiltInEvaluator("reads fluently", "github/fluency"),
        ]);
        prompt.Checks.Select(c => c.Type).ShouldBe(["max-output-tokens", "not-icontains", "regex", "latency"]);
        prompt.Checks[1].ShouldBe(new ContainsCheck("as an AI", IgnoreCase: true, Negated: true)
        {
            Description = "no assistant boilerplate",
        });
        prompt.Checks[2].ShouldBeOfType<RegexCheck>().Pattern.ShouldBe(@"^[^\n]+$");
        prompt.Checks[3].ShouldBe(new LatencyCheck(15000));
        prompt.Metadata.Version.ShouldBe(SemanticVersion.Parse("1.0.0"));
        prompt.Metadata.Reviewers.ShouldBe(["support-leads"]);
        prompt.Metadata.TokenBudgets.ShouldBe([new TokenBudget("o200k_base", 300)]);
        (prompt.Metadata.Repeat, prompt.Metadata.Seed).ShouldBe((3, 42L));
    }

    [Fact]
    public void Load_TheExample_EveryCaseFillsEveryPlaceholderWithinItsBudget()
    {
        var prompt = PromptFile.Load(Example);
        var budget = prompt.Metadata.TokenBudgets[0];

        foreach (var testCase in prompt.TestData)
        {
            var rendered = prompt.Render(testCase);
            rendered.Missing.ShouldBeEmpty();
            var (encoding, estimate) = budget.EncodingFor(prompt.Model);
            var tokens = PromptTokens.CountChat(rendered.Messages, encoding, estimate);
            (encoding, estimate).ShouldBe((TokenEncoding.O200kBase, false));
            tokens.Total.ShouldBeLessThanOrEqualTo(budget.Tokens);
            tokens.Total.ShouldBeGreaterThan(100);
        }
    }

    [Fact]
    public void Read_TheExample_KnowsTheLineOfEveryNode()
    {
        var reading = PromptFile.Read(Example);

        reading.IsValid.ShouldBeTrue();
        var map = reading.Positions;
        map.Of("messages[1]").ShouldBe(new SourcePosition(15, 5));
        map.Of("messages[1].role").ShouldBe(new SourcePosition(15, 5));
        map.Of("messages[1].content").ShouldBe(new SourcePosition(16, 5));
        map.Of("testData[1].expected").Line.ShouldBe(35);
        map.Of("checks[2].value").Line.ShouldBe(49);
        map.Of("metadata.tokenBudget.o200k_base").Line.ShouldBe(57);
        map.Of("metadata.tokenBudget.cl100k_base").Line.ShouldBe(56, "a missing node falls back to its parent");

        // {{conversation}} is on line 3 of the user message's text, written as a literal block from line 17.
        var placeholder = PromptTemplate.Placeholders(reading.Prompt.Messages[1].Content)[1];
        var textLine = reading.Prompt.Messages[1].Content[..placeholder.Offset].Count(c => c == '\n') + 1;
        map.LineOf("messages[1].content", textLine).ShouldBe(19);
    }

    [Fact]
    public void Read_ManyFaults_AreAllReportedWithTheirLines()
    {
        var reading = Parse("""
            name: broken
            model: openai/gpt-4o
            modelParameters:
              temperature: "0"
              max_tokens: 100
              seed: 7
            version: 1.0.0
            messages:
              - role: bot
                content: Hi {{ name }}
              - role: user
            testData:
              - id: a
                name: [x, y]
              - id: a
            evaluators:
              - name: two
                string:
                  contains: a
                  equals: b
              - name: none
              - name: judge
                uses: github/nope
            checks:
              - type: contain
              - type: regex
                value: '(unclosed'
              - type: is-json
                value: x
              - type: latency
                value: 100
                threshold: 200
            metadata:
              version: 1.2
              reviewers: alice
              tokenBudget: {o200k_base: 0}
              repeat: 0
              owner: me
            """);

        reading.IsValid.ShouldBeFalse();
        reading.Problems.Select(p => $"{p.Line}: {p.Message}").ShouldBe(
        [
            "4: modelParameters.temperature must be a number, written without quotes",
            "5: modelParameters.max_tokens: gh-models reads only maxTokens and ignores this: write maxTokens",
            "6: modelParameters.seed: gh-models does not send a seed and ignores this: move it to metadata.seed",
            "7: version is not a field gh-models reads: put Frugal's own settings under metadata: (or assertions "
                + "under checks:), or correct its spelling (fields: name, description, model, modelParameters, "
                + "responseFormat, jsonSchema, messages, testData, evaluators, metadata, checks)",
            "9: messages[0].role \"bot\" is not a role: use system, user or assistant",
            "11: messages[1].content is missing",
            "14: testData[0].name is a list, which gh-models would send as [x y] (Go's %v of the decoded YAML): "
                + "write the items as one string, such as 'a, b'",
            "15: testData[1].id \"a\" is already the id of testData[0]: ids name cases across versions, so keep "
                + "them unique",
            "19: evaluators[0].string has equals and contains: gh-models uses only the first; write one evaluator "
                + "per match",
            "21: evaluators[1] has none of string, llm or uses: gh-models refuses it; give one",
            "23: evaluators[2].uses \"github/nope\" is not a gh-models built-in (it would score 0 there): use one "
                + "of github/similarity, github/coherence, github/fluency, github/relevance, github/groundedness",
            "25: checks[0].type \"contain\" is not a check: use one of contains, icontains, equals, regex, "
                + "not-contains, not-icontains, not-equals, not-regex, is-json, json-schema, max-output-tokens, "
                + "latency",
            "27: checks[1].value is not a valid .NET regular expression (Invalid pattern '(unclosed' at offset 9. "
                + "Not enough )'s.)",
            "29: checks[2]: is-json takes no value; to check a schema, use type: json-schema",
            "32: checks[3]: give the latency limit once, as value (or promptfoo's threshold)",
            "34: metadata.version \"1.2\" is not MAJOR.MINOR.PATCH: write three numbers, such as 1.0.0",
            "35: metadata.reviewers must be a list, such as [alice, bob]",
            "36: metadata.tokenBudget.o200k_base must be a whole number from 1 to 2,147,483,647, written without "
                + "quotes",
            "37: metadata.repeat 0 is out of range: give 1 to 100 runs per case",
            "38: metadata.owner is not a Frugal setting: correct its spelling (settings: version, reviewers, "
                + "authors, tags, tokenBudget, repeat, seed)",
        ]);
        reading.Prompt.Messages.ShouldBeEmpty();
        reading.Prompt.Name.ShouldBe("broken");
        reading.Positions.Of("testData[0].name[1]").Line.ShouldBe(14);
    }

    /// <summary>
    /// Each value as gh-models' YAML decoder (yaml.v3 decode.go, scalar) puts it into ModelParameters: an int field
    /// takes any integer it resolves (0x, 0o, 0b, a leading 0 as octal, underscores dropped) and a float whose
    /// fraction it drops (08 is no octal number, so the float 8); a float64 field takes any integer or float.
    /// </summary>
    [Theory]
    [InlineData("maxTokens: 010", 8, null)]
    [InlineData("maxTokens: 08", 8, null)]
    [InlineData("maxTokens: 1e3", 1000, null)]
    [InlineData("maxTokens: 1_000", 1000, null)]
    [InlineData("maxTokens: 0x10", 16, null)]
    [InlineData("maxTokens: !!float 64", 64, null)]
    [InlineData("temperature: 0x1", null, 1.0)]
    [InlineData("temperature: 0b1", null, 1.0)]
    [InlineData("temperature: .5", null, 0.5)]
    [InlineData("temperature: 1_0e-1", null, 1.0)]
    public void Read_ModelParameters_AreDecodedAsGhModelsDecodesThem(string line, int? maxTokens, double? temperature)
    {
        var reading = Parse("name: t\nmodel: openai/gpt-4o\nmodelParameters:\n  " + line
            + "\nmessages:\n  - role: user\n    content: hi\n");

        reading.Problems.ShouldBeEmpty();
        reading.Prompt.ModelParameters.ShouldBe(new PromptModelParameters
        {
            MaxTokens = maxTokens,
            Temperature = temperature,
        });
    }

    [Theory]
    [InlineData("maxTokens: !!str 5", "modelParameters.maxTokens is tagged as text, which gh-models' YAML decoder "
        + "refuses for a number: write the number without the tag")]
    [InlineData("maxTokens: '5'", "modelParameters.maxTokens must be a number, written without quotes")]
    [InlineData("maxTokens: 1.5", "modelParameters.maxTokens 1.5 is not a whole number: gh-models' YAML decoder "
        + "drops the fraction and sends 1: write a whole number")]
    [InlineData("maxTokens: 0", "modelParameters.maxTokens 0 is out of range: give a whole number from 1 to "
        + "2,147,483,647")]
    [InlineData("maxTokens: true", "modelParameters.maxTokens must be a number, written without quotes")]
    [InlineData("temperature: .nan", "modelParameters.temperature .nan is not a finite number: give a number")]
    [InlineData("topP: 010", "modelParameters.topP 010 is out of range: give a number from 0 to 1")]
    public void Read_ModelParametersGhModelsRefusesOrMisreads_AreProblems(string line, string problem)
    {
        var reading = Parse("name: t\nmodel: openai/gpt-4o\nmodelParameters:\n  " + line
            + "\nmessages:\n  - role: user\n    content: hi\n");

        reading.Problems.ShouldBe([new PromptFileProblem(4, line.IndexOf(':', StringComparison.Ordinal) + 5, problem)]);
    }

    [Fact]
    public void Read_MissingEssentials_AreReportedAtTheTop()
    {
        var reading = Parse("description: no name, model or messages\n");

        reading.Problems.Select(p => (p.Line, p.Message)).ShouldBe(
        [
            (1, "messages is missing: list at least one, such as - role: user, content: ..."),
            (1, "name is missing"),
            (1, "model is missing"),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("name: x\nmodel: [a\nmessages: []\n", 2, "not valid YAML: is a bracket or brace left open?")]
    [InlineData("name: x\nmodel: [a, b\n", 3, "not valid YAML: While parsing a flow sequence")]
    [InlineData("name: x\n  model: y\n", 2, "not valid YAML")]
    [InlineData("a: 1\na: 2\n", 2, "not valid YAML: Duplicate key")]
    [InlineData("", 1, "is empty")]
    [InlineData("- just\n- a list\n", 1, "must be a mapping")]
    [InlineData("name: a\nmodel: b\nmessages: [{role: user, content: hi}]\n---\nname: c\n", 5, "holds 2 YAML")]
    [InlineData("name: t\nmodel: m\nmessages:\n\t- role: user\n\t  content: hi\n", 4,
        "not valid YAML: this line is indented with a tab: tabs cannot indent YAML; use spaces")]
    [InlineData("name: t\nmodel: m\nmessages: [{role: user, content: hi}]\ntestData:\n  - a: 1\n\tb: 2\n", 6,
        "not valid YAML: this line is indented with a tab")]
    [InlineData("name: t\nmodel: m\nmetadata:\n\tversion: 1.0.0\n", 4, "not valid YAML: this line is indented")]
    public void Read_NotAPromptFile_SaysWhereAndWhy(string text, int line, string start)
    {
        var problem = Parse(text).Problems[0];

        problem.Line.ShouldBe(line);
        problem.Message.ShouldStartWith(start);
    }

    [Fact]
    public void Read_JsonSchemaCheckWrittenAsYaml_TypesScalarsAsYamlV3Does()
    {
        // yaml.v3 reads plain 0x1F and 0o17 as the integers 31 and 15; .inf is a float JSON cannot hold, so it stays
        // the string ".inf"; a quoted scalar is a string.
        var reading = Parse("""
            name: x
            model: openai/gpt-4o
            messages: [{role: user, content: hi}]
            checks:
              - type: json-schema
                value: {enum: [0x1F, 0o17, .inf, '0x10']}
            """);

        reading.Problems.ShouldBeEmpty();
        var check = reading.Prompt.Checks.ShouldHaveSingleItem().ShouldBeOfType<JsonSchemaCheck>();
        check.Schema.ShouldBe("""{"enum":[31,15,".inf","0x10"]}""");
        using var schema = JsonDocument.Parse(check.Schema);
        foreach (var accepted in new[] { "31", "15", "\".inf\"", "\"0x10\"" })
        {
            using var reply = JsonDocument.Parse(accepted);
            JsonSchemaSubset.Validate(schema.RootElement, reply.RootElement).ShouldBeEmpty(accepted);
        }

        foreach (var refused in new[] { "\"0x1F\"", "16" })
        {
            using var reply = JsonDocument.Parse(refused);
            JsonSchemaSubset.Validate(schema.RootElement, reply.RootElement).ShouldNotBeEmpty(refused);
        }
    }

    [Fact]
    public void Read_ResponseFormatAndSchemas_FollowGhModelsRules()
    {
        var valid = Parse("""
            name: x
            model: openai/gpt-4o
            responseFormat: json_schema
            jsonSchema: |
              {"name": "triage", "schema": {"type": "object"}}
            messages: [{role: user, content: hi}]
            checks:
              - type: json-schema
                value:
                  type: object
                  required: [category]
                  properties:
                    category: {type: string, enum: [billing, "7", 7]}
                    confidence: {type: number, maximum: 1.5}
                    note: {type: 'null'}
            """);

        valid.Problems.ShouldBeEmpty();
        valid.Prompt.ResponseFormat.ShouldBe(PromptResponseFormat.JsonSchema);
        valid.Prompt.JsonSchema.ShouldBe("{\"name\": \"triage\", \"schema\": {\"type\": \"object\"}}\n");
        valid.Prompt.Checks.ShouldHaveSingleItem().ShouldBe(new JsonSchemaCheck(
            """{"type":"object","required":["category"],"properties":{"category":{"type":"string","enum":"""
            + """["billing","7",7]},"confidence":{"type":"number","maximum":1.5},"note":{"type":"null"}}}"""));

        var invalid = Parse("""
            name: x
            model: openai/gpt-4o
            responseFormat: json_schema
            messages: [{role: user, content: hi}]
            jsonSchema:
              name: triage
            checks:
              - {type: json-schema, value: '[1, 2]'}
              - {type: json-schema, value: '{"type":'}
            """);

        var problems = invalid.Problems.Select(p => $"{p.Line}: {p.Message}").ToList();
        problems.Count.ShouldBe(3);
        problems[0].ShouldBe("6: jsonSchema must be a JSON string (gh-models refuses a YAML mapping here): write "
            + "jsonSchema: | and the JSON, with \"name\" and \"schema\", indented below");
        problems[1].ShouldBe("8: checks[0].value must be a JSON object");
        problems[2].ShouldStartWith("9: checks[1].value is not valid JSON (");

        var missing = Parse("""
            name: x
            model: openai/gpt-4o
            responseFormat: json_schema
            messages: [{role: user, content: hi}]
            """);

        missing.Problems.Select(p => $"{p.Line}: {p.Message}").ShouldBe(
            ["3: responseFormat json_schema needs jsonSchema: a JSON string with \"name\" and \"schema\""]);

        var unused = Parse("""
            name: x
            model: openai/gpt-4o
            jsonSchema: '{"name": "a", "schema": {}}'
            messages: [{role: user, content: hi}]
            """);

        unused.Problems.ShouldHaveSingleItem().Message.ShouldStartWith(
            "jsonSchema is used only with responseFormat: json_schema");
    }

    [Fact]
    public void Read_JsonSchemaCheckTheSubsetCannotRun_IsAProblemAtItsValue()
    {
        var reading = Parse("""
            name: x
            model: openai/gpt-4o
            messages: [{role: user, content: hi}]
            checks:
              - type: json-schema
                value: '{"type": "object", "required": [1]}'
              - type: json-schema
                value:
                  type: [object, 2]
                  properties:
                    a: {type: int}
            """);

        reading.Problems.Select(p => $"{p.Line}: {p.Message}").ShouldBe(
        [
            "6: checks[0].value is not a schema the json-schema check can run: required[0] is 1, not a property "
                + "name (a string)",
            // A mapping value starts at its first key, on the line below value:.
            "9: checks[1].value is not a schema the json-schema check can run: type[1] is 2, not a type name",
            "9: checks[1].value is not a schema the json-schema check can run: properties.a.type \"int\" is not "
                + "a JSON Schema type: use object, array, string, number, integer, boolean or null",
        ]);
        reading.Prompt.Checks.ShouldBeEmpty();
    }

    [Fact]
    public void Read_LlmJudgeAndBareTokenBudget_AreRead()
    {
        var reading = Parse("""
            name: x
            model: anthropic/claude-sonnet-4
            messages:
              - {role: system, content: Be brief.}
              - {role: User, content: "{{question}}"}
            evaluators:
              - name: judge
                llm:
                  modelId: openai/gpt-4o
                  systemPrompt: You grade answers.
                  prompt: "Is {{completion}} a good answer to {{question}}? Reply good or bad."
                  choices:
                    - {choice: good, score: 1}
                    - {choice: bad, score: 0}
            metadata:
              tokenBudget: 50
              tags: [support, triage]
            """);

        reading.Problems.ShouldBeEmpty();
        var judge = reading.Prompt.Evaluators.ShouldHaveSingleItem().ShouldBeOfType<LlmEvaluator>();
        (judge.ModelId, judge.SystemPrompt).ShouldBe(("openai/gpt-4o", "You grade answers."));
        judge.Choices.ShouldBe([new LlmChoice("good", 1), new LlmChoice("bad", 0)]);
        reading.Prompt.Messages[1].Role.ShouldBe(PromptRole.User);
        var budget = reading.Prompt.Metadata.TokenBudgets.ShouldHaveSingleItem();
        budget.ShouldBe(new TokenBudget(null, 50));
        budget.EncodingFor(reading.Prompt.Model).ShouldBe((TokenEncoding.O200kBase, true));
        reading.Prompt.Metadata.Tags.ShouldBe(["support", "triage"]);
    }

    [Fact]
    public void Read_NumbersInTestData_AreSentAsGhModelsPrintsThem()
    {
        var reading = Parse("""
            name: x
            model: openai/gpt-4o
            messages:
              - {role: user, content: "Refund {{amount}} on order {{order}}, code {{code}}, keep {{kept}}"}
            testData:
              - {amount: 1.5e3, order: 0x1F, code: 007, kept: '007', expected: 1e6}
            evaluators:
              - {name: names the amount, string: {contains: "{{amount}}"}}
            checks:
              - {type: contains, value: "order {{order}}"}
              - {type: not-contains, value: "{{expected}}"}
            """);

        reading.Problems.ShouldBeEmpty();
        var testCase = reading.Prompt.TestData.ShouldHaveSingleItem();
        var rendered = reading.Prompt.Render(testCase).Messages.ShouldHaveSingleItem().Content;
        // yaml.v3 reads 1.5e3 as the float 1500, which Go's %v writes out (exponent 3, below 6); 0x1F is 31; 007 is
        // octal 7; '007' is quoted, so a string; 1e6 has exponent 6, so %v writes 1e+06.
        rendered.ShouldBe("Refund 1500 on order 31, code 7, keep 007");
        testCase.Expected.ShouldBe("1e+06");
        var reply = new PromptReply("1500 back for order 31 (1e6 is not mentioned)", 12, 5, false);
        PromptReplyEvaluation.Evaluate(reading.Prompt, testCase, reply).Select(r => r.Outcome)
            .ShouldBe([AssertionOutcome.Passed, AssertionOutcome.Passed, AssertionOutcome.Passed]);
        PromptTokens.Count(rendered, TokenEncoding.O200kBase)
            .ShouldBe(PromptTokens.Count("Refund 1500 on order 31, code 7, keep 007", TokenEncoding.O200kBase));
    }

    [Fact]
    public void Read_TokenBudgetKeysThatNameTokenizers_AreTokenizersOrProblems()
    {
        var reading = Parse("""
            name: x
            model: meta/llama-3.3-70b
            messages: [{role: user, content: hi}]
            metadata:
              tokenBudget:
                o200k_base: 100
                o200k_harmony: 90
                openai/gpt-4o: 80
                O200K-Base: 10
                p50k_base: 10
                my_base: 10
            """);

        reading.Problems.Select(p => $"{p.Line}: {p.Message}").ShouldBe(
        [
            "9: metadata.tokenBudget.O200K-Base: O200K-Base is not how the tokenizer is written: write o200k_base "
                + "(tiktoken's name)",
            "10: metadata.tokenBudget.p50k_base: p50k_base is a tokenizer Frugal does not count with (older OpenAI "
                + "models): budget o200k_base or cl100k_base, or a model id such as openai/gpt-4o",
            "11: metadata.tokenBudget.my_base: my_base is not a tokenizer Frugal knows: use o200k_base or "
                + "cl100k_base, or a model id such as openai/gpt-4o",
        ]);
        var budgets = reading.Prompt.Metadata.TokenBudgets;
        budgets.Select(b => b.Target).ShouldBe(["o200k_base", "o200k_harmony", "openai/gpt-4o"]);
        budgets.Select(b => b.EncodingFor(reading.Prompt.Model))
            .ShouldBe(Enumerable.Repeat((TokenEncoding.O200kBase, false), 3));
    }

    [Fact]
    public void Load_FileWithProblems_ThrowsWithPathAndLines()
    {
        var path = _folder.WriteText(
            "bad.prompt.yml", "name: x\nmodel: y\nmessages:\n  - role: robot\n    content: hi\n");

        var error = Should.Throw<PromptFileException>(() => PromptFile.Load(path));

        error.Path.ShouldBe(path);
        error.Problems.ShouldHaveSingleItem().Line.ShouldBe(4);
        error.Message.ShouldBe($"{path}:4: messages[0].role \"robot\" is not a role: use system, user or assistant");
    }

    [Fact]
    public void Read_MissingFile_ThrowsCannotBeRead()
    {
        var error = Should.Throw<PromptFileException>(() => PromptFile.Read(_folder.PathOf("none.prompt.yml")));

        error.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("cannot be read");
    }

    [Fact]
    public void Read_ALatin1File_IsANotUtf8ProblemOnItsLine()
    {
        // "é" in Latin-1 is the one byte 0xE9, which UTF-8 never has alone.
        var path = _folder.WriteBytes("latin1.prompt.yml", [.. "name: t\nmodel: openai/gpt-4o\nmessages:\n  - role: "
            .Select(c => (byte)c), .. "user\n    content: caf"u8, 0xE9, (byte)'\n']);

        var reading = PromptFile.Read(path);

        reading.Problems.ShouldBe([new PromptFileProblem(5, 17, "not valid UTF-8: byte 0xE9 here starts no "
            + "character, and gh-models' YAML decoder refuses such a file: save it as UTF-8")]);
        Should.Throw<PromptFileException>(() => PromptFile.ReadText(path)).Problems.ShouldBe(reading.Problems);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 }, 1, 2)]
    [InlineData(new byte[] { 0x61, 0x0A, 0xED, 0xA0, 0x80 }, 2, 1)]
    [InlineData(new byte[] { 0xC0, 0xAF }, 1, 1)]
    public void ReadText_TruncatedSurrogateOrOverlongUtf8_IsAProblemAtItsStart(byte[] bytes, int line, int column)
    {
        var path = _folder.WriteBytes("bad.prompt.yml", bytes);

        var error = Should.Throw<PromptFileException>(() => PromptFile.ReadText(path));

        var problem = error.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column).ShouldBe((line, column));
    }

    [Fact]
    public void ReadText_ByteOrderMarks_AreReadAsGhModelsReadsThem()
    {
        var utf8 = _folder.WriteBytes("a.prompt.yml", [0xEF, 0xBB, 0xBF, .. "name: é"u8]);
        var utf16 = _folder.WriteBytes("b.prompt.yml", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("name: é")]);

        (PromptFile.ReadText(utf8), PromptFile.ReadText(utf16)).ShouldBe(("name: é", "name: é"));
    }

    [Fact]
    public void Read_ANameThatIsNotUtf8_SaysSoRatherThanNotFound()
    {
        // How .NET names a file whose name holds the Latin-1 byte 0xE9: it cannot open it by that name.
        var path = _folder.PathOf("caf\uFFFD.prompt.yml");

        var error = Should.Throw<PromptFileException>(() => PromptFile.Read(path));

        error.Problems.ShouldHaveSingleItem().Message.ShouldBe("cannot be read: its name is not valid UTF-8 (shown "
            + "with \uFFFD where the bytes are), so it cannot be opened by that name: rename the file with UTF-8 "
            + "characters");
    }

    [Fact]
    public void Parse_ASecretQuotedByAProblem_IsShownByItsKind()
    {
        var reading = Parse("name: s\nmodel: openai/gpt-4o\nresponseFormat: sk-proj-ABCDEFGHIJ0123456789abcdefghij\n"
            + "messages:\n  - role: user\n    content: hi\n");

        reading.Problems.ShouldBe([new PromptFileProblem(3, 17, "responseFormat \"[OpenAI API key]\" is not a "
            + "format: use text, json_object or json_schema")]);
    }

    [Fact]
    public void Parse_YamlAliases_AreRefusedBeforeTheyCanExpand()
    {
        // Nine levels of nine aliases would expand to 9^9 nodes when walked.
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(0, 8).Select(i =>
            {
                var (name, previous) = ((char)('b' + i), (char)('a' + i));
                return $"{name}: &{name} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n";
            }));

        var reading = Parse(bomb);

        reading.Problems.ShouldContain(p => p.Message.Contains("YAML aliases (*name) are not allowed"));
    }

    [Fact]
    public void Parse_DeeplyNestedFlowLists_AreAYamlProblemNotAStackOverflow()
    {
        // Depth 1 is the document's mapping, 2 metadata's, 3 the first [ at column 9: the 999th [ is depth 1,001.
        var text = "name: d\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: hi\nmetadata:\n"
            + "  version: 1.0.0\n  reviewers: [a]\n  tags: " + new string('[', 30_000) + new string(']', 30_000) + "\n";

        var reading = Parse(text);

        var problem = reading.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column).ShouldBe((9, 1007));
        problem.Message.ShouldBe("not valid YAML for a prompt file: lists and mappings are nested more than 1,000 "
            + "levels deep, more than Frugal reads (gh-models' YAML decoder stops at 10,000): write the value flatter");
    }

    [Fact]
    public void Parse_DeeplyNestedBlockMappings_AreAYamlProblemNotAStackOverflow()
    {
        var text = "name: d\n" + string.Concat(Enumerable.Range(0, 1_100).Select(i => new string(' ', i) + "k:\n"));

        var reading = Parse(text);

        // The document's mapping is depth 1 and the k: on line n + 1 opens depth n: line 1,002 opens depth 1,001.
        reading.Problems.ShouldHaveSingleItem().Line.ShouldBe(1002);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsReadToTheBottom()
    {
        // Depth 1 is the document, 2 testData, 3 the case, 4 the first [: 997 of them reach depth 1,000.
        var text = "name: d\nmodel: openai/gpt-4o\nmessages:\n  - role: user\n    content: hi\ntestData:\n"
            + "  - v: " + new string('[', 997) + new string(']', 997) + "\n";

        var reading = Parse(text);

        reading.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("testData[0].v is a list, which gh-models "
            + "would send as " + new string('[', 60) + "…");
        reading.Positions.Contains("testData[0].v" + string.Concat(Enumerable.Repeat("[0]", 996))).ShouldBeTrue();
    }

    private static PromptFileReading Parse(string text) => PromptFile.Parse("test.prompt.yml", text);
}
