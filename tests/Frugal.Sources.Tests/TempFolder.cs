using System.Text;

namespace Frugal.Sources.Tests;

/// <summary>A fresh temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("frugal-sources-tests-");

    public string Root => _directory.FullName;

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public string WriteText(string relativePath, string text) =>
        WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string CreateFolder(params string[] parts) => Directory.CreateDirectory(PathOf(parts)).FullName;

    public void Dispose() => _directory.Delete(recursive: true);
}
