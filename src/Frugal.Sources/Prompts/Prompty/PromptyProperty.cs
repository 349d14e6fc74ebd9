using YamlDotNet.RepresentationModel;

namespace Frugal.Sources.Prompts.Prompty;

/// <summary>
/// One Prompty v2 <c>Property</c> of <c>inputs</c> or <c>outputs</c>: a name, a kind (<c>string</c>,
/// <c>integer</c>, <c>float</c>, <c>boolean</c>, <c>array</c>, <c>object</c>, or a rich kind such as
/// <c>image</c>), and what describes or constrains it.
/// </summary>
internal sealed record PromptyProperty
{
    public required string Name { get; init; }

    public string? Kind { get; init; }

    public string? Description { get; init; }

    public bool Required { get; init; }

    /// <summary>Whether null is allowed besides the kind's values (<c>nullable</c>).</summary>
    public bool Nullable { get; init; }

    /// <summary>A <c>union</c>'s <c>anyOf</c> branches, if given.</summary>
    public IReadOnlyList<PromptyProperty>? AnyOf { get; init; }

    /// <summary>A <c>union</c>'s <c>oneOf</c> branches, which Prompty's OpenAI runtime refuses.</summary>
    public IReadOnlyList<PromptyProperty>? OneOf { get; init; }

    public YamlNode? Default { get; init; }

    public YamlNode? Example { get; init; }

    public YamlSequenceNode? EnumValues { get; init; }

    /// <summary>An <c>array</c>'s item, if given.</summary>
    public PromptyProperty? Items { get; init; }

    /// <summary>An <c>object</c>'s properties, if given.</summary>
    public IReadOnlyList<PromptyProperty>? Properties { get; init; }

    /// <summary>Where it was read from, for notes.</summary>
    public YamlNode? Node { get; init; }

    /// <summary>
    /// Reads a property list in either of Prompty's forms: a list of mappings with <c>name</c>, or a mapping of
    /// names to properties, where a bare value is shorthand for a property with that default and its kind.
    /// </summary>
    public static List<PromptyProperty> Read(YamlNode? node, out List<(YamlNode At, string Message)> problems)
    {
        problems = [];
        var list = new List<PromptyProperty>();
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode map && map.Scalar("name") is { Length: > 0 } name)
                    {
                        list.Add(FromMapping(name, map, problems));
                    }
                    else
                    {
                        problems.Add((item, "an entry without a name is skipped"));
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                    list.Add(value is YamlMappingNode map
                        ? FromMapping(name, map, problems)
                        : new PromptyProperty { Name = name, Kind = KindOf(value), Default = value, Node = key });
                }

                break;
            case YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value):
                problems.Add((scalar, "is not a list of properties; it is skipped"));
                break;
        }

        return list;
    }

    private static PromptyProperty FromMapping(
        string name, YamlMappingNode map, List<(YamlNode At, string Message)> problems)
    {
        PromptyProperty? items = null;
        if (map.Get("items") is YamlMappingNode itemMap)
        {
            items = FromMapping(itemMap.Scalar("name") ?? string.Empty, itemMap, problems);
        }

        IReadOnlyList<PromptyProperty>? properties = null;
        if (map.Get("properties") is { } nested)
        {
            properties = Read(nested, out var inner);
            problems.AddRange(inner);
        }

        return new PromptyProperty
        {
            Name = name,
            Kind = map.Scalar("kind") ?? map.Scalar("type"),
            Description = map.Scalar("description"),
            Required = Truthy(map.Get("required")),
            Nullable = Truthy(map.Get("nullable")),
            AnyOf = Branches(map.Get("anyOf"), problems),
            OneOf = Branches(map.Get("oneOf"), problems),
            Default = map.Get("default"),
            Example = map.Get("example") ?? map.Get("sample"),
            EnumValues = map.Get("enumValues") as YamlSequenceNode,
            Items = items,
            Properties = properties,
            Node = map,
        };
    }

    /// <summary>JavaScript's <c>Boolean(value)</c> of the decoded YAML, as Prompty's loader reads flags.</summary>
    private static bool Truthy(YamlNode? node) => node is not null && YamlJson.ToJson(node) switch
    {
        null => false,
        System.Text.Json.Nodes.JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.String => value.GetValue<string>().Length > 0,
            System.Text.Json.JsonValueKind.Number => value.GetValue<double>() is not (0 or double.NaN),
            _ => false,
        },
        _ => true,
    };

    private static List<PromptyProperty>? Branches(YamlNode? node, List<(YamlNode At, string Message)> problems) =>
        node is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>().Select(b => FromMapping(string.Empty, b, problems)).ToList()
            : null;

    /// <summary>The kind Prompty infers from a shorthand value.</summary>
    private static string KindOf(YamlNode value) => value switch
    {
        YamlSequenceNode => "array",
        YamlMappingNode => "object",
        _ => YamlJson.ToJson(value)?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            System.Text.Json.JsonValueKind.Number when YamlJson.IsInteger(value) => "integer",
            System.Text.Json.JsonValueKind.Number => "float",
            _ => "string",
        },
    };
}
