namespace Frugal.Sources.Prompts;

/// <summary>
/// Where every node of a prompt file is, by path: <c>name</c>, <c>modelParameters.temperature</c>,
/// <c>messages[1].content</c>, <c>testData[0].ticket</c>, <c>evaluators[2].string.contains</c>,
/// <c>metadata.tokenBudget.o200k_base</c>, <c>checks[0].value</c>. A mapping entry is at its key, a list item at
/// its first character; the root is the path <c>""</c>. So a later finding on any part of a prompt can name
/// <c>file:line</c>.
/// </summary>
public sealed class PromptSourceMap
{
    private readonly Dictionary<string, Entry> _entries =
        new(StringComparer.Ordinal) { [string.Empty] = new(1, 1, 1, false) };

    /// <summary>Every path recorded.</summary>
    public IReadOnlyCollection<string> Paths => _entries.Keys;

    /// <summary>Whether <paramref name="path"/> is in the file.</summary>
    public bool Contains(string path) => _entries.ContainsKey(path);

    /// <summary>
    /// The position of <paramref name="path"/>, or of its nearest recorded parent (<c>messages[1]</c>, then
    /// <c>messages</c>, then the root) when the file does not have it, such as a missing field.
    /// </summary>
    public SourcePosition Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        while (true)
        {
            if (_entries.TryGetValue(path, out var entry))
            {
                return new SourcePosition(entry.Line, entry.Column);
            }

            path = Parent(path);
        }
    }

    /// <summary>
    /// The file line of line <paramref name="textLine"/> (from 1) of the text at <paramref name="path"/>, such as the
    /// line of a placeholder issue in a message's content. Exact for literal block text (<c>content: |</c>, the
    /// form to use for multi-line messages); for other styles, whose line breaks YAML folds, the line where the
    /// text starts.
    /// </summary>
    public int LineOf(string path, int textLine)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!_entries.TryGetValue(path, out var entry))
        {
            return Of(path).Line;
        }

        return entry.Literal ? entry.ValueLine + Math.Max(textLine, 1) : entry.ValueLine;
    }

    internal void Add(string path, int line, int column, int valueLine, bool literal) =>
        _entries[path] = new Entry(line, column, valueLine, literal);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private readonly record struct Entry(int Line, int Column, int ValueLine, bool Literal);
}

/// <summary>A place in a file.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct SourcePosition(int Line, int Column);
