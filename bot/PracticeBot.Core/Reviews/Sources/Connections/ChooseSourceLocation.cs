using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// A manager presses the button of the practice's own location (or page) after consent: it becomes the practice's
/// connected location, the only one read and the only one whose reviews may be answered through the source.
/// </summary>
public sealed class ChooseSourceLocation(
    PracticeBotDb db,
    ConnectedSources connections,
    IEnumerable<ISourceAuthorizer> authorizers,
    IEnumerable<IPracticeSchedules> schedules,
    TimeProvider time) : IBotHandler<ActionInvoked>
{
    public const string ActionId = "sources.location";

    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var parts = action.Value.Split(':', 2);
        var row = parts.Length == 2
            ? await db.SourceConnections.SingleOrDefaultAsync(c => c.PracticeId == practice.Id && c.Source == parts[0], cancellationToken)
            : null;
        var choices = row?.ProtectedChoices is null ? [] : connections.Choices(row);
        if (row is null || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= choices.Count)
        {
            turn.Reply("These choices are no longer open (already picked, or the connection was cancelled). Run `practice connect google` or `practice connect facebook` again.");
            return;
        }

        var choice = choices[index];
        var now = time.GetUtcNow();
        row.Status = SourceConnectionStatus.Connected;
        row.Location = choice.Location;
        row.LocationLabel = choice.Label.Length <= 200 ? choice.Label : choice.Label[..200];
        row.ProtectedSecret = choice.Secret is null ? null : connections.Protect(choice.Secret);
        row.ProtectedChoices = null;
        row.ConnectedBy = turn.Member!.UserId;
        row.ConnectedAt = now;
        row.UpdatedAt = now;
        await SourceConnectionEffects.ResetSyncAsync(db, practice.Id, row.Source, cancellationToken);
        turn.Audit("sources.connected", $"source:{row.Source}", $"location {choice.Location}");
        var account = connections.Account(row)!;
        var authorizer = authorizers.FirstOrDefault(a => a.Source == row.Source);
        turn.AfterCommit(async ct =>
        {
            await SourceConnectionEffects.SyncSchedulesAsync(schedules, practice, ct);
            if (authorizer is not null)
            {
                await authorizer.ActivateAsync(account, ct);
            }
        });
        var name = ReviewCards.SourceName(row.Source);
        turn.Reply($"{name} is connected: {OutsideText.Mark(choice.Label)}. Its reviews come in from now on; `practice sources` shows how it goes, " +
                   $"`practice disconnect {row.Source}` undoes it.");
    }
}
