namespace Frugal.Domain.Prompts;

/// <summary>The <c>responseFormat</c> values gh-models accepts.</summary>
public enum PromptResponseFormat
{
    /// <summary><c>text</c>: free text (the default).</summary>
    Text,

    /// <summary><c>json_object</c>: any JSON object.</summary>
    JsonObject,

    /// <summary><c>json_schema</c>: JSON matching the file's <c>jsonSchema</c>, which is then required.</summary>
    JsonSchema,
}
