namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>An activity entity; only mentions (<c>type: mention</c>) are read.</summary>
public sealed class Entity
{
    public string? Type { get; set; }
    public ChannelAccount? Mentioned { get; set; }
    /// <summary>The mention as it appears in the text, e.g. <c>&lt;at&gt;Ann Lee&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }
}
