namespace PracticeBot.Host.LocalChat;

/// <summary><c>LocalChat:Enabled</c>: the loopback chat endpoint. Unset means on in local mode only (<c>LocalMode:Enabled</c>, or Development with no chat platform).</summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

    public bool Enabled { get; set; }
}
