using Frugal.Cli.Infrastructure;
using Frugal.Domain.Audit;
using Spectre.Console;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>Writes an audit in the forms asked for.</summary>
internal static class AuditOutput
{
    public static int Write(AuditReport report, bool json, bool markdown, string? htmlPath)
    {
        if (htmlPath is not null)
        {
            try
            {
                File.WriteAllText(htmlPath, AuditHtml.Write(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"cannot write --html {htmlPath}: {e.Message}", e);
            }
        }

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
            if (htmlPath is not null)
            {
                Consoles.Out().WriteLine($"Wrote {htmlPath}.");
            }
        }

        return 0;
    }
}
