using System.Text.Json;
using Frugal.Domain.Energy;

namespace Frugal.Sources.Energy;

/// <summary>
/// Reads a user's model-facts file: a JSON array of entries
/// <c>{"model": "...", "totalBillions": [min, max] or n, "activeBillions": ..., "tokensPerSecond": n,
/// "source": "..."}</c> that add to or override the built-in model sizes. Every problem in the file is reported at
/// once, each with the index of its entry.
/// </summary>
public static class ModelFactsFile
{
    /// <summary>The largest parameter count an entry may give, in billions: 250 times today's largest models.</summary>
    public const double MaxBillions = 100_000;

    /// <summary>Reads the entries of <paramref name="path"/>.</summary>
    /// <exception cref="ModelFactsFileException">The file cannot be read or has problems; all are listed.</exception>
    public static IReadOnlyList<ModelSize> Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return Read(path, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ModelFactsFileException(path, [$"not valid JSON at line {e.LineNumber + 1}: fix the syntax"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFactsFileException(path, [$"cannot be read ({e.Message})"]);
        }
    }

    private static List<ModelSize> Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new ModelFactsFileException(path, ["is not a JSON array: write one entry per model in [ ... ]"]);
        }

        var problems = new List<string>();
        var sizes = new List<ModelSize>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            if (Entry(entry, $"[{index}]", problems) is { } size)
            {
                if (seen.TryGetValue(size.ModelId, out var first))
                {
                    problems.Add(
                        $"[{index}]: \"{size.ModelId}\" is already given at [{first}]: keep one entry per model");
                }
                else
                {
                    seen[size.ModelId] = index;
                    sizes.Add(size);
                }
            }

            index++;
        }

        return problems.Count > 0 ? throw new ModelFactsFileException(path, problems) : sizes;
    }

    private static ModelSize? Entry(JsonElement entry, string where, List<string> problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is not an object: write {{\"model\": ..., \"totalBillions\": ...}}");
            return null;
        }

        var before = problems.Count;
        foreach (var property in entry.EnumerateObject())
        {
            if (property.Name is not ("model" or "totalBillions" or "activeBillions" or "tokensPerSecond"
                or "source"))
            {
                problems.Add($"{where}: unknown field \"{property.Name}\": remove it or correct its spelling");
            }
        }

        var model = Text(entry, "model", where, problems, required: true);
        var total = Billions(entry, "totalBillions", where, problems, required: true);
        var active = Billions(entry, "activeBillions", where, problems, required: false) ?? total;
        var source = Text(entry, "source", where, problems, required: false) ?? "user model-facts file";
        double? speed = null;
        if (entry.TryGetProperty("tokensPerSecond", out var tps))
        {
            if (tps.ValueKind == JsonValueKind.Number && tps.TryGetDouble(out var s) && s > 0 && double.IsFinite(s))
            {
                speed = s;
            }
            else
            {
                problems.Add($"{where}: \"tokensPerSecond\" must be a number above zero");
            }
        }

        if (total is { } t && active is { } a && a.MaxBillions > t.MaxBillions)
        {
            problems.Add($"{where}: \"activeBillions\" is more than \"totalBillions\": active weights are a part of "
                + "the total");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ModelSize(model!.Trim().ToLowerInvariant(), total!.Value, active!.Value, source, speed)
        {
            SpeedSource = speed is null ? null : source,
        };
    }

    private static string? Text(JsonElement entry, string name, string where, List<string> problems, bool required)
    {
        if (!entry.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"{where} has no \"{name}\": name the model as its source writes it");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }

        problems.Add($"{where}: \"{name}\" must be a non-empty string");
        return null;
    }

    private static ParameterRange? Billions(
        JsonElement entry, string name, string where, List<string> problems, bool required)
    {
        if (!entry.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"{where} has no \"{name}\": give the parameter count in billions, n or [min, max]");
            }

            return null;
        }

        double min, max;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out min))
        {
            max = min;
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && value[0].ValueKind == JsonValueKind.Number && value[1].ValueKind == JsonValueKind.Number
            && value[0].TryGetDouble(out min) && value[1].TryGetDouble(out max))
        {
        }
        else
        {
            problems.Add($"{where}: \"{name}\" must be a number of billions or [min, max]");
            return null;
        }

        if (!(min > 0) || !double.IsFinite(max) || min > max)
        {
            problems.Add($"{where}: \"{name}\" must be above zero, with min at most max");
            return null;
        }

        if (max > MaxBillions)
        {
            problems.Add($"{where}: \"{name}\" {max:G4} billion is beyond any model; give at most "
                + $"{MaxBillions:N0} (100 trillion parameters)");
            return null;
        }

        return new ParameterRange(min, max);
    }
}
