using System.Buffers;
using Frugal.Gateway.Protocols;

namespace Frugal.Gateway.Proxy;

/// <summary>Passes an upstream's stream on to the caller as it arrives, reading its usage on the way.</summary>
internal interface IStreamRelay
{
    /// <summary>The usage read so far, or null.</summary>
    ReportedUsage? Usage { get; }

    /// <summary>The generated text seen so far (bounded), for counting tokens when no usage arrives.</summary>
    string Text { get; }

    /// <summary>Whether the stream ended properly.</summary>
    bool Completed { get; }

    /// <summary>Takes bytes read from upstream and writes what is complete of them, in the caller's format.</summary>
    void Push(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output);

    /// <summary>Writes whatever is left when the upstream closes.</summary>
    void End(IBufferWriter<byte> output);
}
