namespace Frugal.Storage.Import;

/// <summary>How far an import has come, in bytes of new data.</summary>
/// <param name="BytesDone">Bytes read and committed.</param>
/// <param name="BytesTotal">Bytes to read in all.</param>
public readonly record struct ImportProgress(long BytesDone, long BytesTotal);
