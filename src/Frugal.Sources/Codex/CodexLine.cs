using System.Text.Json;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Codex;

/// <summary>The fields of one Codex rollout line that matter for usage.</summary>
internal sealed class CodexLine
{
    public string? Type;
    public string? Timestamp;
    public string? PayloadType;
    public string? Id;
    public string? ForkedFromId;
    public string? ParentThreadId;
    public string? Cwd;
    public string? Model;
    public string? Provider;
    public string? Branch;
    public string? ServiceTier;
    public bool HasInfo;
    public long[]? Total;
    public bool InvalidCount;

    /// <summary>Reads a line; throws <see cref="JsonException"/> when it is not valid JSON.</summary>
    public static CodexLine Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, JsonValues.Options);
        var line = new CodexLine();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                line.Type = JsonValues.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                line.Timestamp = JsonValues.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                line.ReadPayload(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("Unexpected content after the line's object.");
        }

        return line;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}.");
        }
    }

    private void ReadPayload(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadPayloadProperty(ref reader);
        }
    }

    private void ReadPayloadProperty(ref Utf8JsonReader reader)
    {
        var name = PayloadName(ref reader);
        reader.Read();
        switch (name)
        {
            case Payload.Type: PayloadType = JsonValues.ReadString(ref reader); break;
            case Payload.Id: Id = JsonValues.ReadString(ref reader); break;
            case Payload.ForkedFromId: ForkedFromId = JsonValues.ReadString(ref reader); break;
            case Payload.ParentThreadId: ParentThreadId ??= JsonValues.ReadString(ref reader); break;
            case Payload.Cwd: Cwd = JsonValues.ReadString(ref reader); break;
            case Payload.Model: Model = JsonValues.ReadString(ref reader); break;
            case Payload.Provider: Provider = JsonValues.ReadString(ref reader); break;
            case Payload.ServiceTier: ServiceTier = JsonValues.ReadString(ref reader); break;
            case Payload.Source: ReadSource(ref reader); break;
            case Payload.Git: ReadGit(ref reader); break;
            case Payload.Info: ReadInfo(ref reader); break;
            default: reader.Skip(); break;
        }
    }

    private enum Payload
    {
        Other, Type, Id, ForkedFromId, ParentThreadId, Cwd, Model, Provider, ServiceTier, Source, Git, Info,
    }

    private static Payload PayloadName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("type"u8) ? Payload.Type
        : reader.ValueTextEquals("id"u8) ? Payload.Id
        : reader.ValueTextEquals("forked_from_id"u8) ? Payload.ForkedFromId
        : reader.ValueTextEquals("parent_thread_id"u8) ? Payload.ParentThreadId
        : reader.ValueTextEquals("cwd"u8) ? Payload.Cwd
        : reader.ValueTextEquals("model"u8) ? Payload.Model
        : reader.ValueTextEquals("model_provider"u8) ? Payload.Provider
        : reader.ValueTextEquals("service_tier"u8) ? Payload.ServiceTier
        : reader.ValueTextEquals("source"u8) ? Payload.Source
        : reader.ValueTextEquals("git"u8) ? Payload.Git
        : reader.ValueTextEquals("info"u8) ? Payload.Info
        : Payload.Other;

    /// <summary>Finds <c>parent_thread_id</c> anywhere inside <c>source</c> (subagent spawns nest it).</summary>
    private void ReadSource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("parent_thread_id"u8))
            {
                reader.Read();
                ParentThreadId = JsonValues.ReadString(ref reader) ?? ParentThreadId;
            }
        }
    }

    private void ReadGit(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("branch"u8))
            {
                reader.Read();
                Branch = JsonValues.ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        HasInfo = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("total_token_usage"u8))
            {
                reader.Read();
                Total = ReadUsage(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Reads a usage object as [input (cached included), cached, output, reasoning].</summary>
    private long[]? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var values = new long[4];
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = reader.ValueTextEquals("input_tokens"u8) ? 0
                : reader.ValueTextEquals("cached_input_tokens"u8) ? 1
                : reader.ValueTextEquals("output_tokens"u8) ? 2
                : reader.ValueTextEquals("reasoning_output_tokens"u8) ? 3
                : -1;
            reader.Read();
            if (slot < 0)
            {
                reader.Skip();
                continue;
            }

            var outcome = JsonValues.ReadCount(ref reader, out values[slot]);
            InvalidCount |= outcome == JsonValues.Count.Invalid;
            seen |= outcome == JsonValues.Count.Valid;
        }

        return seen ? values : null;
    }
}
