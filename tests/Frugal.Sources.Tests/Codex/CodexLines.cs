namespace Frugal.Sources.Tests.Codex;

/// <summary>Cumulative token totals as a Codex <c>token_count</c> writes them (cached inside input).</summary>
internal readonly record struct CodexTotals(long Input, long Cached, long Output, long Reasoning)
{
    public string Json =>
        "{\"input_tokens\":" + Input + ",\"cached_input_tokens\":" + Cached + ",\"output_tokens\":" + Output
        + ",\"reasoning_output_tokens\":" + Reasoning + ",\"total_tokens\":" + (Input + Output) + "}";
}

/// <summary>Codex rollout lines in the shape Codex CLI 0.104 writes them.</summary>
internal static class CodexLines
{
    public static string SessionMeta(string id, string extra = "") =>
        "{\"timestamp\":\"2026-05-01T10:00:00.000Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id
        + "\",\"timestamp\":\"2026-05-01T10:00:00.000Z\",\"cwd\":\"/home/dev/proj\",\"originator\":\"codex_cli_rs\","
        + "\"cli_version\":\"0.104.0\",\"source\":\"cli\"" + extra + "}}";

    public static string TurnContext(string model) =>
        "{\"timestamp\":\"2026-05-01T10:00:01.000Z\",\"type\":\"turn_context\",\"payload\":{\"cwd\":\"/home/dev/proj\","
        + "\"approval_policy\":\"on-request\",\"model\":\"" + model + "\"}}";

    public static string TokenCount(string timestamp, CodexTotals total, CodexTotals? last = null) =>
        "{\"timestamp\":\"" + timestamp + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
        + "{\"total_token_usage\":" + total.Json + ",\"last_token_usage\":" + (last ?? total).Json
        + ",\"model_context_window\":258400},\"rate_limits\":{\"primary\":{\"used_percent\":2.0,"
        + "\"window_minutes\":300,\"resets_at\":1777650000}}}}";

    public static string RateLimitsOnly(string timestamp) =>
        "{\"timestamp\":\"" + timestamp + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\","
        + "\"info\":null,\"rate_limits\":{\"primary\":{\"used_percent\":3.0,\"window_minutes\":300}}}}";

    public static string RolloutFileName(string threadId) => $"rollout-2026-05-01T10-00-00-{threadId}.jsonl";
}
