namespace Frugal.Domain.Energy.Advice;

/// <summary>Byte units: memory vendors write "GB" for GiB, so both are needed.</summary>
public static class ByteSize
{
    /// <summary>Bytes in a decimal gigabyte.</summary>
    public const double BytesPerGB = 1e9;

    /// <summary>Bytes in a binary gibibyte.</summary>
    public const double BytesPerGiB = 1024.0 * 1024 * 1024;

    /// <summary>Bytes as decimal gigabytes.</summary>
    public static double ToGB(double bytes) => bytes / BytesPerGB;

    /// <summary>Bytes as gibibytes.</summary>
    public static double ToGiB(double bytes) => bytes / BytesPerGiB;
}
