using System.Diagnostics;

namespace Frugal.Cli.Tests.Support;

/// <summary>Runs the built <c>frugal</c> as a separate process, with a home folder of the test's own.</summary>
public static class FrugalProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "frugal.dll");

    public static Result Run(string home, params string[] args) =>
        RunWith(home, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables set for the process.</summary>
    public static Result RunWith(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Isolate(start, home);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a shell pipeline where <c>FRUGAL</c> names the command, and returns its output.</summary>
    public static Result Shell(string home, string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Isolate(start, home);
        start.Environment["FRUGAL"] = $"dotnet {Dll}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Isolate(ProcessStartInfo start, string home)
    {
        start.Environment["HOME"] = home;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, "data");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment.Remove("CLAUDE_CONFIG_DIR");
        start.Environment.Remove("CODEX_HOME");
        start.Environment["TZ"] = "UTC";
        start.Environment.Remove("FRUGAL_GRID_ZONE");
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);
}
