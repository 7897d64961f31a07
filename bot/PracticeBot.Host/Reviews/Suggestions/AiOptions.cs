namespace PracticeBot.Host.Reviews.Suggestions;

/// <summary>
/// <c>AI:*</c>: the OpenAI-compatible chat-completions service that writes suggested replies (OpenAI, Azure OpenAI's
/// v1 endpoint, or a local server such as Ollama). No endpoint: suggestions come from the templates only.
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "AI";

    /// <summary>The base URL, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name, e.g. <c>gpt-4o-mini</c> or <c>llama3.1</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; a local server usually needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The whole suggestion's budget, retry included; then the template is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Teams waits about 15 s for a turn: the suggestion and the rest of the turn must fit in it.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(12);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
