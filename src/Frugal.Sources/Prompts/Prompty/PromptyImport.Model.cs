using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

public static partial class PromptyImport
{
    /// <summary>
    /// A Prompty <c>model</c> read into .prompt.yml terms: the <c>provider/model</c> id, <c>modelParameters</c>, the
    /// seed, and a <c>response_format</c> passed through the options.
    /// </summary>
    private sealed class ModelParts
    {
        // Prompty v2 options and v1 parameters, by the .prompt.yml field they become.
        private static readonly Dictionary<string, string> Parameters2 = new(StringComparer.Ordinal)
        {
            ["temperature"] = "temperature", ["maxOutputTokens"] = "maxTokens", ["topP"] = "topP",
        };

        // v1 parameters, and v2 options.additionalProperties, which Prompty sends as they are: OpenAI's own names.
        private static readonly Dictionary<string, string> Parameters1 = new(StringComparer.Ordinal)
        {
            ["temperature"] = "temperature", ["max_tokens"] = "maxTokens", ["max_completion_tokens"] = "maxTokens",
            ["top_p"] = "topP",
        };

        public ModelParts(YamlMappingNode root, Importer importer)
        {
            var model = root.Get("model");
            string? provider = null;
            switch (model)
            {
                case YamlScalarNode scalar when !Importer.IsNull(scalar):
                    Id = scalar.Value;
                    break;
                case YamlMappingNode map:
                    Id = map.Get("id") is YamlScalarNode id && !Importer.IsNull(id) ? id.Value : null;
                    provider = map.Scalar("provider")?.ToLowerInvariant();
                    if ((map.Scalar("apiType") ?? map.Scalar("api")) is { } api && api != "chat")
                    {
                        importer.Note(map, $"the model's API is {api}; a .prompt.yml is a chat prompt");
                    }

                    Connection(map, importer, ref provider);
                    if (map.Get("options") is YamlMappingNode options)
                    {
                        Options(options, Parameters2, importer);
                        if (options.Get("additionalProperties") is YamlMappingNode extra)
                        {
                            // Passed to the endpoint as they are, after the mapped options, which win.
                            Options(extra, Parameters1, importer, mappedFirst: true);
                        }

                        if (map.Get("parameters") is { } ignored)
                        {
                            importer.Note(ignored, "parameters (Prompty v1) beside options (v2) is not carried: "
                                + "Prompty's v2 runtime reads only options");
                        }
                    }
                    else
                    {
                        Options(map.Get("parameters") as YamlMappingNode, Parameters1, importer);
                    }

                    break;
            }

            if (Id is null)
            {
                importer.Note(model, "the file names no model: set model to a provider/model id, such as "
                    + "openai/gpt-4o-mini");
                return;
            }

            Id = CatalogId(Id, provider, model, importer);
        }

        public string? Id { get; private set; }

        public YamlMappingNode Parameters { get; } = [];

        public YamlNode? Seed { get; private set; }

        public (string? Format, string? Schema)? ResponseFormat { get; private set; }

        private void Connection(YamlMappingNode map, Importer importer, ref string? provider)
        {
            var connection = map.Get("connection") ?? map.Get("configuration");
            if (connection is not YamlMappingNode settings)
            {
                return;
            }

            var type = settings.Scalar("type");
            provider ??= type switch
            {
                "openai" => "openai",
                "azure_openai" or "azure" => "azure",
                _ => null,
            };
            var name = settings.Scalar("name") ?? settings.Scalar("azure_deployment") ?? settings.Scalar("model")
                ?? settings.Scalar("deployment");
            Id ??= name;

            importer.Note(connection, "the connection (endpoint, key) is not carried: frugal prompt test takes "
                + "--endpoint, and keys come from the environment");
        }

        private void Options(YamlMappingNode? options, Dictionary<string, string> names, Importer importer,
            bool mappedFirst = false)
        {
            if (options is null)
            {
                return;
            }

            foreach (var (key, value) in options.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (names.TryGetValue(name, out var field))
                {
                    if (mappedFirst && Parameters.Get(field) is not null)
                    {
                        importer.Note(key, $"additionalProperties.{name} not carried: the mapped option wins, as in "
                            + "Prompty");
                        continue;
                    }

                    Parameters.Put(field, value);
                }
                else if (name == "seed")
                {
                    Seed = mappedFirst && Seed is not null ? Seed : value;
                }
                else if (name == "response_format")
                {
                    ResponseFormat = Format(value, importer);
                }
                else if (name == "additionalProperties" && !mappedFirst)
                {
                    // Read after the mapped options, by the caller.
                }
                else
                {
                    importer.Note(key, $"{name} not carried: gh-models sends only temperature, maxTokens and topP "
                        + "(and Frugal's metadata.seed)");
                }
            }
        }

        private static (string? Format, string? Schema)? Format(YamlNode value, Importer importer)
        {
            var json = YamlJson.ToJson(value);
            var type = (json as JsonObject)?["type"]?.ToString() ?? (json as JsonValue)?.ToString();
            if (type is "text" or "json_object")
            {
                return (type, null);
            }

            if (type == "json_schema" && json is JsonObject format && format["json_schema"] is JsonObject schema
                && schema["name"] is not null && schema["schema"] is JsonObject)
            {
                return (type, YamlJson.Write(schema));
            }

            importer.Note(value, "response_format not carried: use text, json_object or json_schema with "
                + "json_schema.name and json_schema.schema");
            return null;
        }

        private static string CatalogId(string id, string? provider, YamlNode? model, Importer importer)
        {
            if (provider is "openai" or "anthropic")
            {
                // The catalogue's publisher/model form, unless the id already names its publisher.
                return id.StartsWith(provider + "/", StringComparison.Ordinal) ? id : $"{provider}/{id}";
            }

            if (id.Contains('/', StringComparison.Ordinal))
            {
                return id;
            }

            provider ??= id.StartsWith("gpt-", StringComparison.OrdinalIgnoreCase)
                || id.StartsWith("chatgpt", StringComparison.OrdinalIgnoreCase)
                || (id.Length > 1 && id[0] == 'o' && char.IsAsciiDigit(id[1])) ? "openai"
                : id.StartsWith("claude", StringComparison.OrdinalIgnoreCase) ? "anthropic"
                : null;
            switch (provider)
            {
                case "openai":
                    return "openai/" + id;
                case "azure":
                    importer.Note(model, $"\"{id}\" is an Azure deployment name, written as openai/{id}: check that "
                        + "it is the model's name");
                    return "openai/" + id;
                case "anthropic":
                    return "anthropic/" + id;
                default:
                    importer.Note(model, $"model \"{id}\" has no provider: GitHub Models ids are publisher/name, such "
                        + "as meta/llama-3.3-70b-instruct; add the publisher");
                    return id;
            }
        }
    }
}
