namespace PracticeBot.Host.LocalChat;

/// <summary>A line typed into the local chat, as JSON: <c>{"text":"review","user":"local-user"}</c>.</summary>
public sealed record LocalChatRequest(string? Text, string? User = null, string? Name = null, string? Channel = null);
