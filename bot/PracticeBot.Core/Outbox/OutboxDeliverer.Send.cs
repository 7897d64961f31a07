using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Outbox;

// One send: the platform's answer, or an exception taken for a transient failure, and where a card update goes.
public sealed partial class OutboxDeliverer
{
    /// <returns>The row's status afterwards: sent, dead, or pending again for a retry.</returns>
    private async Task<OutboxStatus> DeliverAsync(PracticeBotDb db, OutboxMessage row, Claim claim, CancellationToken cancellationToken)
    {
        if (claim.Unfinished >= _options.MaxUnfinishedAttempts)
        {
            var reason = $"{claim.Unfinished} attempts ended without an outcome (the process died or lost its lease while sending): "
                + $"not tried again; it may or may not have reached {row.Platform}";
            await FinishAsync(db, row.Id, OutboxStatus.Dead, reason, nextAttemptAt: null, sent: null, inDoubt: true);
            LogCrashLoop(_logger, row.Id, row.Platform, claim.Unfinished);
            return OutboxStatus.Dead;
        }

        if (!_senders.TryGetValue(row.Platform, out var sender))
        {
            await FinishAsync(db, row.Id, OutboxStatus.Dead, $"no sender for platform {row.Platform}", nextAttemptAt: null, sent: null, claim.InDoubt);
            LogDeadLettered(_logger, row.Id, row.Platform, claim.Attempt);
            return OutboxStatus.Dead;
        }

        if (row.Target.Visibility == MessageVisibility.Home && await SupersededAsync(db, row, cancellationToken))
        {
            // A later refresh of the same home waits behind this one and will publish it from the data as it is then.
            await FinishAsync(db, row.Id, OutboxStatus.Sent, "superseded by a later refresh of the same home", nextAttemptAt: null, sent: null, inDoubt: false);
            return OutboxStatus.Sent;
        }

        var replace = row.Message.ReplacesCard && !string.IsNullOrEmpty(row.CardKey)
            ? await FindEarlierCardAsync(db, row, cancellationToken)
            : null;
        if (claim.InDoubt)
        {
            LogInDoubt(_logger, row.Id, row.Platform, claim.Attempt);
        }

        DeliveryResult result;
        try
        {
            var delivery = new OutboundDelivery(row.Id, row.Target, row.Message, replace, claim.InDoubt ? claim.FirstAttemptAt : null);
            result = await sender.SendAsync(delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Only the type: an exception's message may quote the request, and with it review text. Nobody knows how
            // far the send got, so the next attempt looks first.
            LogSenderFailed(_logger, row.Id, row.Platform, claim.Attempt, ex.GetType().Name);
            result = DeliveryResult.TryLater(ex.GetType().Name, mayHaveArrived: true);
        }

        return await RecordAsync(db, row, claim, result);
    }

    /// <summary>
    /// Finds where an update of a card goes: the latest earlier message of that card in the same place that was sent.
    /// Earlier messages of the same place are in the same conversation, so none of them is still pending here: the
    /// conversation's order made the update wait for them.
    /// </summary>
    private static async Task<SentMessageRef?> FindEarlierCardAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var (id, practiceId, cardKey, platform) = (row.Id, row.PracticeId, row.CardKey, row.Platform);
        var earlier = await db.Outbox
            .AsNoTracking()
            .Where(o => o.Id < id
                && o.PracticeId == practiceId
                && o.CardKey == cardKey
                && o.Platform == platform
                && o.Status == OutboxStatus.Sent
                && o.PlatformMessageId != null)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Target, o.PlatformChannelId, o.PlatformMessageId })
            .ToListAsync(cancellationToken);

        // The target lives in a JSON column, so "the same place" is decided here rather than in SQL.
        var sent = earlier.FirstOrDefault(o => SamePlace(o.Target, row.Target) && !string.IsNullOrEmpty(o.PlatformMessageId));
        return sent is null ? null : new SentMessageRef(sent.PlatformChannelId ?? "", sent.PlatformMessageId!);
    }

    /// <summary>Whether a later refresh of the same home is pending: a burst of changes publishes the home once.</summary>
    private static Task<bool> SupersededAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var (id, key) = (row.Id, row.ConversationKey);
        return db.Outbox.AnyAsync(o => o.ConversationKey == key && o.Status == OutboxStatus.Pending && o.Id > id, cancellationToken);
    }

    /// <summary>Direct messages share an empty channel id until the platform opens one: they also match by user.</summary>
    private static bool SamePlace(MessageTarget earlier, MessageTarget update) =>
        string.Equals(earlier.Conversation.ChannelId, update.Conversation.ChannelId, StringComparison.Ordinal)
        && (update.Visibility != MessageVisibility.Direct || string.Equals(earlier.UserId, update.UserId, StringComparison.Ordinal));
}
