using System.Text.Json;
using Frugal.Domain.Energy.Advice;

namespace Frugal.Cli.Rendering.Advice;

/// <summary>
/// Writes <c>frugal advise --json</c>: <c>{"model", "quant", "contextTokens", "kvCache", "memory", "zone",
/// "devices": [...], "cloud", "accuracy"}</c>. Bytes are whole bytes; energy is per 1,000 output tokens.
/// </summary>
internal static class AdviceJson
{
    public static void Write(Stream stream, AdviceResult result)
    {
        using var json = new Utf8JsonWriter(stream, ReportJson.Options);
        json.WriteStartObject();
        WriteModel(json, result.Model);
        json.WriteStartObject("quant");
        json.WriteString("name", result.Quant.Name);
        json.WriteNumber("bitsPerWeight", result.Quant.BitsPerWeight);
        json.WriteEndObject();
        json.WriteNumber("contextTokens", result.ContextTokens);
        json.WriteStartObject("kvCache");
        json.WriteString("type", result.KvCache.Name);
        json.WriteNumber("bytesPerElement", result.KvCache.BytesPerElement);
        json.WriteNumber("bytesPerToken", result.Model.KvBytesPerToken(result.KvCache));
        json.WriteEndObject();

        var memory = result.Memory;
        json.WriteStartObject("memory");
        json.WriteNumber("weightsBytes", Bytes(memory.WeightsBytes));
        json.WriteNumber("kvCacheBytes", Bytes(memory.KvCacheBytes));
        json.WriteNumber("overheadMinBytes", Bytes(memory.OverheadMinBytes));
        json.WriteNumber("overheadMaxBytes", Bytes(memory.OverheadMaxBytes));
        json.WriteNumber("totalMinBytes", Bytes(memory.TotalMinBytes));
        json.WriteNumber("totalMaxBytes", Bytes(memory.TotalMaxBytes));
        json.WriteEndObject();

        json.WriteStartObject("zone");
        json.WriteString("code", result.Zone.Code);
        json.WriteString("name", result.Zone.Name);
        json.WriteNumber("gco2ePerKWh", result.Zone.GCO2PerKWh);
        json.WriteEndObject();
        json.WriteNumber("outputTokens", AdviceResult.OutputTokens);

        json.WriteStartArray("devices");
        foreach (var advice in result.Devices)
        {
            WriteDevice(json, result, advice);
        }

        json.WriteEndArray();
        WriteCloud(json, result);

        json.WriteStartObject("accuracy");
        json.WriteString("tokensPerSecond", $"{AdviceResult.SpeedBandDense}; {AdviceResult.SpeedBandOther}");
        json.WriteString("tokensPerSecondThisRun", result.NarrowSpeedBand ? "±30 %" : "±50 %");
        json.WriteString("energy", AdviceResult.EnergyBand);
        json.WriteString("cloud", AdviceResult.CloudBand);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelArchitecture model)
    {
        json.WriteStartObject("model");
        json.WriteString("name", model.Name);
        json.WriteNumber("totalBillionParameters", model.TotalBillionParameters);
        json.WriteNumber("activeBillionParameters", model.ActiveBillionParameters);
        json.WriteBoolean("mixtureOfExperts", model.IsMixtureOfExperts);
        json.WriteNumber("layers", model.Layers);
        json.WriteNumber("kvHeads", model.KvHeads);
        json.WriteNumber("headDim", model.HeadDim);
        json.WriteString("source", model.Source);
        json.WriteString("assumption", model.Assumption);
        json.WriteEndObject();
    }

    private static void WriteDevice(Utf8JsonWriter json, AdviceResult result, LocalAdvice advice)
    {
        var device = advice.Device;
        json.WriteStartObject();
        json.WriteString("id", device.Id);
        json.WriteString("name", device.Name);
        json.WriteString("tier", device.Tier.ToString().ToLowerInvariant());
        json.WriteString("memoryKind", device.Memory.ToString().ToLowerInvariant());
        json.WriteNumber("memoryGiB", device.MemoryGiB);
        json.WriteNumber("bandwidthGBps", device.BandwidthGBps);
        json.WriteNumber("efficiency", device.Efficiency);
        json.WriteNumber("usableMinBytes", Bytes(device.UsableMinBytes));
        json.WriteNumber("usableMaxBytes", Bytes(device.UsableMaxBytes));
        json.WriteString("fit", advice.Fit switch
        {
            FitVerdict.Fits => "fits",
            FitVerdict.Tight => "tight",
            _ => "does-not-fit",
        });
        json.WriteString("reason", advice.Reason);
        Nullable(json, "decodeTokensPerSecond", advice.DecodeTokensPerSecond);
        Nullable(json, "prefillTokensPerSecond", advice.PrefillTokensPerSecond);
        if (advice.Energy is { } energy && result.CarbonOf(advice) is { } carbon)
        {
            MinMax(json, "wh", energy.WhPerThousandTokensMin, energy.WhPerThousandTokensMax);
            MinMax(json, "gco2e", carbon.MinGCO2e, carbon.MaxGCO2e);
        }
        else
        {
            json.WriteNull("wh");
            json.WriteNull("gco2e");
        }

        json.WriteString("source", device.Source);
        json.WriteEndObject();
    }

    private static void WriteCloud(Utf8JsonWriter json, AdviceResult result)
    {
        var cloud = result.Cloud;
        json.WriteStartObject("cloud");
        json.WriteString("model", result.CloudModel.ModelId);
        json.WriteString("method", cloud.Method);
        MinMax(json, "wh", cloud.Energy.MinWh, cloud.Energy.MaxWh);
        MinMax(json, "gco2e", cloud.Carbon.MinGCO2e, cloud.Carbon.MaxGCO2e);
        json.WriteStartArray("assumptions");
        foreach (var assumption in cloud.Assumptions)
        {
            json.WriteStringValue(assumption);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void MinMax(Utf8JsonWriter json, string name, double min, double max)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", min);
        json.WriteNumber("max", max);
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static long Bytes(double bytes) => checked((long)Math.Round(bytes, MidpointRounding.AwayFromZero));
}
