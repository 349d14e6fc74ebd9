using System.Text.Json;

namespace Frugal.Sources.Reviews;

/// <summary>Label names, written as GitHub does (objects with a <c>name</c>) or as GitLab does (strings).</summary>
internal static class EntryLabels
{
    /// <summary>The label names under <paramref name="name"/>; empty when absent or null.</summary>
    public static IReadOnlyList<string> Read(EntryFields fields, string name)
    {
        var labels = new List<string>();
        var elements = fields.Array(name);
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var label = element.ValueKind == JsonValueKind.String
                ? element.GetString()
                : fields.Nested(element, $"{name}[{i}]", "a string or an object with a name").RequiredString("name");
            if (!string.IsNullOrWhiteSpace(label))
            {
                labels.Add(label);
            }
        }

        return labels;
    }
}
