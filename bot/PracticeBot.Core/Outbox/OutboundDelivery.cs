using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Outbox;

/// <summary>What a platform sender is asked to do for one outbox row.</summary>
/// <param name="OutboxId">Stable across retries: senders use it as an idempotency / client message id.</param>
/// <param name="Replace">When set, update this earlier message in place instead of posting a new one.</param>
/// <param name="InDoubtSince">
/// Set when an earlier attempt may already have reached the platform (it never recorded an outcome, or it timed out):
/// a sender that can look messages up searches from this moment (the start of the first attempt) and reports a copy
/// it finds as sent instead of posting another.
/// </param>
public sealed record OutboundDelivery(long OutboxId, MessageTarget Target, OutboundMessage Message, SentMessageRef? Replace, DateTimeOffset? InDoubtSince = null);

/// <summary>Where a message ended up on its platform: Slack channel + ts, Teams conversation + activity id.</summary>
public sealed record SentMessageRef(string ChannelId, string MessageId);
