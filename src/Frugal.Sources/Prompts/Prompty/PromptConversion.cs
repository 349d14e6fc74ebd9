namespace Frugal.Sources.Prompts.Prompty;

/// <summary>A prompt converted to another format, and everything the conversion could not carry or changed.</summary>
/// <param name="Text">The converted file's text.</param>
/// <param name="Notes">Each loss or change, in source order; empty when the conversion is exact.</param>
public sealed record PromptConversion(string Text, IReadOnlyList<ConversionNote> Notes);

/// <summary>One thing a conversion dropped, changed or could not check.</summary>
/// <param name="Line">The source file's line it concerns, from 1; 0 for the file as a whole.</param>
/// <param name="Message">What happened and, where there is one, what to do.</param>
public sealed record ConversionNote(int Line, string Message)
{
    /// <summary><c>line: message</c>, to follow a file name.</summary>
    public override string ToString() => Line > 0 ? $"{Line}: {Message}" : Message;
}
