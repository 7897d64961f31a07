namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// One request from Slack, whichever transport delivered it (HTTP or a Socket Mode envelope). Routing never knows
/// the transport: both produce one of these.
/// </summary>
public abstract record SlackRequest;
