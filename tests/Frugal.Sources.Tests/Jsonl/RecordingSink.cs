using System.Text;
using Frugal.Sources.Jsonl;

namespace Frugal.Sources.Tests.Jsonl;

/// <summary>Keeps a copy of every line it is given, with its number.</summary>
internal sealed class RecordingSink : ILineSink
{
    private readonly List<(byte[] Bytes, long Number)> _lines = [];

    public IReadOnlyList<string> Texts => [.. _lines.Select(l => Encoding.UTF8.GetString(l.Bytes))];

    public IReadOnlyList<long> Numbers => [.. _lines.Select(l => l.Number)];

    public IReadOnlyList<int> Lengths => [.. _lines.Select(l => l.Bytes.Length)];

    public void OnLine(ReadOnlySpan<byte> line, long lineNumber) => _lines.Add((line.ToArray(), lineNumber));
}
