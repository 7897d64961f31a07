using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice set &lt;setting&gt; &lt;value&gt;</c> (managers): reads and checks the value with the setting's own
/// definition (<see cref="SettingsCatalog"/>); a bad value changes nothing and gets the setting's usage and an example;
/// a change is audited and shown in the channel it was made in, and in the practice's channel when that is another.
/// </summary>
public sealed class ChangeSetting(IEnumerable<IPracticeSchedules> schedules, OutboxWriter outbox) : IBotHandler<CommandInvocation>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        // The parser lets only the names of SettingsCatalog.Keys through.
        var setting = SettingsCatalog.Find(command.Get<string>("setting"))!;
        var howTo = $"Usage: `{setting.Syntax}`\nFor example: `{setting.ExampleCommand}`";
        if (command.Text("value") is not { } value || string.IsNullOrWhiteSpace(value))
        {
            turn.Reply($"Give the new value of *{setting.Label}* (now {setting.Format(practice)}).\n{howTo}");
            return ValueTask.CompletedTask;
        }

        var outcome = setting.Change!(new SettingChange(practice, value, turn));
        if (outcome.Refused)
        {
            turn.Reply($"{outcome.Problem} Nothing was changed.\n{howTo}");
            return ValueTask.CompletedTask;
        }

        turn.Audit(SettingsCatalog.ChangedAction, $"practice:{practice.Slug}", $"{setting.Key}: {outcome.AuditDetail}");
        if (outcome.MovesSchedules)
        {
            // Weekly and daily triggers fire at local times: they move with the zone and the check-in.
            turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));
        }

        var chat = turn.Chat!;
        var announcement = OutboundMessage.Plain($"{chat.User.Mention} changed *{setting.Label}*: {outcome.Said}");
        turn.ReplyInChannel(announcement);
        if (practice.Channel is { } channel && !SameConversation(channel, chat.Conversation))
        {
            outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), announcement);
        }

        return ValueTask.CompletedTask;
    }

    private static bool SameConversation(Conversation.ConversationReference a, Conversation.ConversationReference b) =>
        a.Platform == b.Platform && a.WorkspaceId == b.WorkspaceId && a.ChannelId == b.ChannelId;
}
