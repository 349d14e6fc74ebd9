namespace Frugal.Sources.Reviews;

/// <summary>Turns byte offsets into line numbers, counting each byte once as offsets move forward.</summary>
internal sealed class LineCounter
{
    private int _offset;
    private long _line = 1;

    /// <summary>The line (from 1) that <paramref name="offset"/> of <paramref name="content"/> is on.</summary>
    public long LineAt(ReadOnlySpan<byte> content, long offset)
    {
        var target = checked((int)offset);
        if (target < _offset)
        {
            _offset = 0;
            _line = 1;
        }

        _line = checked(_line + content[_offset..target].Count((byte)'\n'));
        _offset = target;
        return _line;
    }
}
