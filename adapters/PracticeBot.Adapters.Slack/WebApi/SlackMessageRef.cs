namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>A posted message: its channel and <c>ts</c>, which is what <c>chat.update</c> needs later.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);
