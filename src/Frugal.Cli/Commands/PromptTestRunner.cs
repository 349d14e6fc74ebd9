using Frugal.Cli.Rendering;
using Frugal.Domain.Prompts;
using Frugal.Domain.Prompts.Testing;
using Frugal.Domain.Usage;
using Frugal.Sources.Prompts;

namespace Frugal.Cli.Commands;

/// <summary>
/// Runs every test case of one prompt file against an endpoint, <c>repeat</c> times each. Each call actually made
/// (not served from the cache) goes to <paramref name="record"/> as ledger usage of source prompt-test as soon as it
/// answered, and only then into the cache.
/// </summary>
internal sealed class PromptTestRunner(
    PromptTestEndpoint endpoint, string? model, int? repeat, TimeProvider clock, Action<UsageRecord> record)
{
    public async Task<PromptFileResult> RunAsync(string path, PromptDefinition prompt, CancellationToken cancel)
    {
        var runs = repeat ?? prompt.Metadata.Repeat ?? 1;
        var modelName = model ?? prompt.Model;
        var cases = new List<PromptCaseResult>();
        for (var i = 0; i < prompt.TestData.Count; i++)
        {
            var testCase = prompt.TestData[i];
            var rendered = prompt.Render(testCase);
            if (rendered.Missing.Count > 0)
            {
                await Console.Error.WriteLineAsync(TerminalText.Printable($"{path}: case {CaseName(testCase, i)} has "
                    + $"no value for {string.Join(", ", rendered.Missing)}; they are sent as written."))
                    .ConfigureAwait(false);
            }

            var body = PromptTestEndpoint.RequestBody(prompt, modelName, rendered.Messages);
            var results = new List<PromptRun>(runs);
            for (var run = 0; run < runs; run++)
            {
                var reply = await endpoint.CallAsync(body, run, cancel).ConfigureAwait(false);
                results.Add(Judge(prompt, testCase, rendered, modelName, reply));
            }

            cases.Add(new PromptCaseResult(CaseName(testCase, i), results));
        }

        return new PromptFileResult(path, prompt.Name, cases);
    }

    /// <summary>The case's <c>id</c>, else <c>case N</c> from 1.</summary>
    public static string CaseName(PromptTestCase testCase, int index) => testCase.Id ?? $"case {index + 1}";

    private PromptRun Judge(
        PromptDefinition prompt, PromptTestCase testCase, RenderedPrompt rendered, string modelName,
        EndpointReply reply)
    {
        if (reply.Text is null)
        {
            return new PromptRun(null, reply.Error, 0, 0, false, []) { ElapsedMs = reply.LatencyMs };
        }

        var estimated = reply.PromptTokens is null || reply.CompletionTokens is null;
        var promptTokens = reply.PromptTokens ?? PromptTokens.CountChat(rendered.Messages, modelName).Total;
        var completionTokens = reply.CompletionTokens ?? PromptTokens.Count(reply.Text, modelName).Tokens;
        if (!reply.FromCache)
        {
            // The ledger row first, then the cache entry: a cached reply is never a call the ledger lacks, and a run
            // stopped later (Ctrl+C, a crash) keeps the rows of the calls it made.
            record(Record(prompt, modelName, reply, promptTokens, completionTokens, estimated));
            endpoint.Keep(reply);
        }

        var seen = new PromptReply(reply.Text.Trim(), completionTokens, reply.LatencyMs, reply.FromCache);
        var assertions = PromptReplyEvaluation.Evaluate(prompt, testCase, seen);
        return new PromptRun(seen, null, promptTokens, completionTokens, estimated, assertions)
        {
            ElapsedMs = reply.LatencyMs,
        };
    }

    private UsageRecord Record(
        PromptDefinition prompt, string modelName, EndpointReply reply, long promptTokens, long completionTokens,
        bool estimated)
    {
        var at = clock.GetUtcNow();
        return new UsageRecord
        {
            Source = "prompt-test",
            // Unique across runs and processes: runs at the same millisecond must not overwrite each other's rows.
            SourceKey = $"{reply.RequestHash}:{at.ToUnixTimeMilliseconds()}:{Guid.NewGuid():N}",
            Timestamp = at,
            SessionId = $"prompt-test:{prompt.Name}",
            Project = Directory.GetCurrentDirectory(),
            Tool = "frugal prompt test",
            Model = modelName,
            Tokens = new TokenCounts(promptTokens, 0, 0, 0, completionTokens),
            Local = endpoint.Url.IsLoopback,
            LatencyMs = reply.LatencyMs,
            Provenance = estimated ? Provenance.TokensEstimated : Provenance.None,
        };
    }
}
