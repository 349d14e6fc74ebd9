using Frugal.Sources.Discovery;

namespace Frugal.Storage.Import;

/// <summary>What an import is about to read: made by <see cref="LedgerImporter.Plan"/>, carried out by Run.</summary>
public sealed class ImportPlan
{
    internal ImportPlan(
        IReadOnlyList<SourceRoot> roots, IReadOnlyList<LedgerImporter.FileJob> jobs, long filesFound,
        long checkBytes, IReadOnlyList<FileError> errors)
    {
        Roots = roots;
        Jobs = jobs;
        FilesFound = filesFound;
        CheckBytes = checkBytes;
        Errors = errors;
        BytesToRead = jobs.Sum(j => j.BytesToRead);
    }

    /// <summary>The folders looked in.</summary>
    public IReadOnlyList<SourceRoot> Roots { get; }

    /// <summary>Log files found.</summary>
    public long FilesFound { get; }

    /// <summary>New bytes to read, over every changed file.</summary>
    public long BytesToRead { get; }

    internal IReadOnlyList<LedgerImporter.FileJob> Jobs { get; }

    internal long CheckBytes { get; }

    internal IReadOnlyList<FileError> Errors { get; }
}
