using System.Text.Json;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.ClaudeCode;

/// <summary>The <c>message.usage</c> object of a Claude Code line, with what was and was not reported.</summary>
internal struct ClaudeUsage
{
    public long Input;
    public long Output;
    public long CacheCreation;
    public long CacheRead;
    public long Ephemeral5m;
    public long Ephemeral1h;
    public long WebSearchRequests;
    public bool HasInput;
    public bool HasOutput;
    public bool HasTtlSplit;
    public bool Invalid;
    public string? Speed;
    public string? ServiceTier;

    /// <summary>Reads the usage object at the reader's position (skipping it when it is not an object).</summary>
    public static ClaudeUsage Read(ref Utf8JsonReader reader)
    {
        var usage = default(ClaudeUsage);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return usage;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            usage.ReadProperty(ref reader);
        }

        return usage;
    }

    private void ReadProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("input_tokens"u8))
        {
            HasInput = Take(ref reader, out Input);
        }
        else if (reader.ValueTextEquals("output_tokens"u8))
        {
            HasOutput = Take(ref reader, out Output);
        }
        else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
        {
            Take(ref reader, out CacheCreation);
        }
        else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
        {
            Take(ref reader, out CacheRead);
        }
        else if (reader.ValueTextEquals("cache_creation"u8))
        {
            reader.Read();
            ReadCacheCreation(ref reader);
        }
        else if (reader.ValueTextEquals("server_tool_use"u8))
        {
            reader.Read();
            ReadServerToolUse(ref reader);
        }
        else if (reader.ValueTextEquals("speed"u8))
        {
            reader.Read();
            Speed = ReadWord(ref reader);
        }
        else if (reader.ValueTextEquals("service_tier"u8))
        {
            reader.Read();
            ServiceTier = ReadWord(ref reader);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    private void ReadCacheCreation(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ephemeral_5m_input_tokens"u8))
            {
                HasTtlSplit |= Take(ref reader, out Ephemeral5m);
            }
            else if (reader.ValueTextEquals("ephemeral_1h_input_tokens"u8))
            {
                HasTtlSplit |= Take(ref reader, out Ephemeral1h);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadServerToolUse(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("web_search_requests"u8))
            {
                Take(ref reader, out WebSearchRequests);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Reads the few words these fields hold without a new string for the common ones.</summary>
    private static string? ReadWord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            if (reader.ValueTextEquals("standard"u8))
            {
                return "standard";
            }

            if (reader.ValueTextEquals("fast"u8))
            {
                return "fast";
            }
        }

        return JsonValues.ReadString(ref reader);
    }

    /// <summary>Reads a count; returns whether it was reported, and marks the usage invalid on a bad figure.</summary>
    private bool Take(ref Utf8JsonReader reader, out long value)
    {
        reader.Read();
        var outcome = JsonValues.ReadCount(ref reader, out value);
        Invalid |= outcome == JsonValues.Count.Invalid;
        return outcome == JsonValues.Count.Valid;
    }
}
