namespace PracticeBot.Host.LocalChat;

/// <summary><c>LocalChat:Enabled</c>: the loopback chat endpoint. Unset means on in local mode only (<c>LocalMode:Enabled</c>, or Development with no chat platform). <c>LocalChat:MaxBodyBytes</c>: its size cap.</summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

    public bool Enabled { get; set; }

    /// <summary>Bodies larger than this are refused with 413 while they are read: one typed command is far smaller.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public const int DefaultMaxBodyBytes = 64 * 1024;
}
