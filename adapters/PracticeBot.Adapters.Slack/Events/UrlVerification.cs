namespace PracticeBot.Adapters.Slack.Events;

/// <summary>The Events API's one-time check of the request URL: answered with its challenge.</summary>
public sealed record UrlVerification(string Challenge) : SlackRequest;
