namespace Frugal.Sources.Jsonl;

/// <summary>Receives the whole lines of a JSONL file, one at a time, in file order.</summary>
public interface ILineSink
{
    /// <summary>
    /// Takes one line without its line ending. <paramref name="lineNumber"/> counts from 1 at the file's start.
    /// The span is only valid during the call.
    /// </summary>
    void OnLine(ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>Takes the number of a line too long for the reader to hold; its bytes were passed over.</summary>
    void OnOversizedLine(long lineNumber)
    {
    }
}
