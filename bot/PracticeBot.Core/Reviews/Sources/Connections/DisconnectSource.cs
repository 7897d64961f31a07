using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// <c>practice disconnect google|facebook|yelp</c>: the connection and its credential are deleted, and once that is
/// committed the credential is revoked at the provider. Reviews already read stay.
/// </summary>
public sealed partial class DisconnectSource(
    PracticeBotDb db,
    ConnectedSources connections,
    IEnumerable<ISourceAuthorizer> authorizers,
    ILogger<DisconnectSource> logger) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var source = command.Get<string>("source");
        var name = ReviewCards.SourceName(source);
        var row = await db.SourceConnections.SingleOrDefaultAsync(c => c.PracticeId == practice.Id && c.Source == source, cancellationToken);
        if (row is null)
        {
            turn.Reply($"{name} is not connected from chat here. (Sources set in the configuration are changed by your administrator.)");
            return;
        }

        var account = row.ProtectedSecret is not null && connections.Account(row) is { } connected ? connected
            : connections.Unprotect(row.ProtectedSecret) is { } pending ? new ConnectedAccount(row.Location ?? "", null, pending, row.Account) : null;
        db.SourceConnections.Remove(row);
        await SourceConnectionEffects.ResetSyncAsync(db, practice.Id, source, cancellationToken);
        turn.Audit("sources.disconnected", $"source:{source}", row.Location is null ? null : $"location {row.Location}");
        if (account?.Secret is not null && authorizers.FirstOrDefault(a => a.Source == source) is { } authorizer)
        {
            turn.AfterCommit(async ct =>
            {
                if (await authorizer.RevokeAsync(account, ct) is { } problem)
                {
                    LogRevokeFailed(logger, source, practice.Id, problem);
                }
            });
        }

        turn.Reply($"{name} is disconnected from {practice.Name}: its credential is deleted{(account?.Secret is null ? "" : $" and revoked at {name}")}. " +
                   $"Reviews already here stay. Connect again with `practice connect {source}`.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking the {Source} credential of practice {PracticeId} failed: {Reason}")]
    private static partial void LogRevokeFailed(ILogger logger, string source, long practiceId, string reason);
}
