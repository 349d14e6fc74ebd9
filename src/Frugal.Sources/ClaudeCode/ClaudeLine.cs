using System.Text.Json;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.ClaudeCode;

/// <summary>The fields of one Claude Code transcript line that matter for usage, as read from its JSON.</summary>
internal ref struct ClaudeLine
{
    public string? Type;
    public string? Timestamp;
    public bool HasTimestampField;
    public DateTimeOffset? Instant;
    public string? SessionId;
    public string? Cwd;
    public string? GitBranch;
    public string? AgentId;
    public string? RequestId;
    public string? Uuid;
    public bool IsSidechain;
    public decimal? CostUsd;
    public string? MessageId;
    public string? Model;
    public string? Role;
    public bool HasUsage;
    public ClaudeUsage Usage;

    private Utf8StringCache _strings;

    /// <summary>
    /// Reads a line, sharing repeated strings through <paramref name="strings"/>; throws <see cref="JsonException"/>
    /// when it is not valid JSON.
    /// </summary>
    public static ClaudeLine Parse(ReadOnlySpan<byte> json, Utf8StringCache strings)
    {
        var reader = new Utf8JsonReader(json, JsonValues.Options);
        var line = default(ClaudeLine);
        line._strings = strings;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A transcript line must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            line.ReadTopLevel(ref reader);
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("Unexpected content after the line's object.");
        }

        return line;
    }

    private void ReadTopLevel(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("message"u8))
        {
            reader.Read();
            ReadMessage(ref reader);
        }
        else if (reader.ValueTextEquals("isSidechain"u8))
        {
            reader.Read();
            IsSidechain = JsonValues.ReadBool(ref reader);
        }
        else if (reader.ValueTextEquals("costUSD"u8))
        {
            reader.Read();
            CostUsd = JsonValues.ReadDecimal(ref reader);
        }
        else
        {
            ReadTopLevelString(ref reader);
        }
    }

    private void ReadTopLevelString(ref Utf8JsonReader reader)
    {
        var name = TopLevelName(ref reader);
        reader.Read();
        if (name == TopName.Other)
        {
            reader.Skip();
            return;
        }

        if (name == TopName.Timestamp && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && !reader.HasValueSequence && Iso8601.TryParse(reader.ValueSpan, out var instant))
        {
            Instant = instant;
            HasTimestampField = true;
            reader.Skip();
            return;
        }

        var present = reader.TokenType != JsonTokenType.Null;
        var value = name is TopName.Uuid or TopName.RequestId
            ? JsonValues.ReadString(ref reader)
            : JsonValues.ReadString(ref reader, _strings);
        switch (name)
        {
            case TopName.Type: Type = value; break;
            case TopName.Timestamp: Timestamp = value; HasTimestampField = present; break;
            case TopName.SessionId: SessionId = value; break;
            case TopName.Cwd: Cwd = value; break;
            case TopName.GitBranch: GitBranch = value; break;
            case TopName.AgentId: AgentId = value; break;
            case TopName.RequestId: RequestId = value; break;
            case TopName.Uuid: Uuid = value; break;
        }
    }

    private enum TopName { Other, Type, Timestamp, SessionId, Cwd, GitBranch, AgentId, RequestId, Uuid }

    private static TopName TopLevelName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("type"u8) ? TopName.Type
        : reader.ValueTextEquals("timestamp"u8) ? TopName.Timestamp
        : reader.ValueTextEquals("sessionId"u8) ? TopName.SessionId
        : reader.ValueTextEquals("cwd"u8) ? TopName.Cwd
        : reader.ValueTextEquals("gitBranch"u8) ? TopName.GitBranch
        : reader.ValueTextEquals("agentId"u8) ? TopName.AgentId
        : reader.ValueTextEquals("requestId"u8) ? TopName.RequestId
        : reader.ValueTextEquals("uuid"u8) ? TopName.Uuid
        : TopName.Other;

    private void ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                MessageId = JsonValues.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                Model = JsonValues.ReadString(ref reader, _strings);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                Role = JsonValues.ReadString(ref reader, _strings);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                HasUsage = reader.TokenType == JsonTokenType.StartObject;
                Usage = ClaudeUsage.Read(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}
