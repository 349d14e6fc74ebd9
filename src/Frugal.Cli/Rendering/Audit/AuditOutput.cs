using Frugal.Cli.Infrastructure;
using Frugal.Domain.Audit;
using Spectre.Console;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Writes an audit in the forms asked for.</summary>
internal static class AuditOutput
{
    /// <summary>
    /// Prints the audit, then writes the HTML page when asked: a page that cannot be written never costs the
    /// printed audit.
    /// </summary>
    public static int Write(AuditReport report, bool json, bool markdown, string? htmlPath)
    {
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            AuditJson.Write(stdout, report);
            stdout.WriteByte((byte)'\n');
        }
        else if (markdown)
        {
            Console.Out.Write(AuditMarkdown.Write(report));
            Console.Out.Flush();
        }
        else
        {
            AuditTerminal.Render(Consoles.Out(), report);
        }

        if (htmlPath is not null)
        {
            WriteHtml(report, htmlPath);
            if (!json && !markdown)
            {
                Consoles.Out().WriteLine($"Wrote {htmlPath}.");
            }
        }

        return 0;
    }

    /// <summary>Writes beside the target and renames over it, so a failure never leaves half a page.</summary>
    private static void WriteHtml(AuditReport report, string htmlPath)
    {
        var partial = htmlPath + ".partial";
        try
        {
            File.WriteAllText(partial, AuditHtml.Write(report));
            File.Move(partial, htmlPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new CliError($"cannot write --html {htmlPath}: {e.Message}", e);
        }
    }
}
