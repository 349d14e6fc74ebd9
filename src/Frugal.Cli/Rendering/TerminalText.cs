using System.Globalization;
using System.Text;

namespace Frugal.Cli.Rendering;

/// <summary>Text for a terminal, from sources anyone writes (prompt files, servers' answers).</summary>
internal static class TerminalText
{
    /// <summary>
    /// <paramref name="text"/> with each control character (C0, DEL and C1: escape sequences that recolour, retitle
    /// or clear the terminal, bells, line breaks that would forge a line) written out as <c>\u001b</c>, as JSON
    /// writes it, so people see what is there and the terminal obeys none of it.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }
}
