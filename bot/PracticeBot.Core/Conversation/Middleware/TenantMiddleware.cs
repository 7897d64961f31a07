using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Finds the practice a turn belongs to (workspace → practice) and scopes every query of the turn to it.
/// A chat turn from a workspace that is not set up sees no practice data at all.
/// </summary>
public sealed class TenantMiddleware(PracticeBotDb db, WorkspaceDirectory workspaces) : IBotMiddleware
{
    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        // One connection for the whole turn's queries and its save, instead of one opened and closed for each of them
        // (on SQLite each open also registers EF Core's functions with the connection).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await ScopeAsync(turn, cancellationToken))
            {
                await next();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <returns>False when the turn ends here (refused, or its practice is gone).</returns>
    private async Task<bool> ScopeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Event)
        {
            case ChatEvent chat:
                db.PracticeScope = PracticeBotDb.NoPractice;
                // A read-only command (a list, help) changes nothing of the practice: read untracked.
                var tracked = turn.Route is not { Mutates: false, TrackedWritesOnly: true, Kind: RouteKind.Command };
                turn.Practice = await workspaces.FindPracticeAsync(chat.Conversation, tracked, cancellationToken);
                if (turn.Practice is { } practice)
                {
                    db.PracticeScope = practice.Id;
                }
                else if (turn.Route is { Access.AllowUnbound: false })
                {
                    turn.Refuse(NotSetUp, null, "workspace not set up");
                    return false;
                }

                return true;

            case ScheduleFired { PracticeId: { } scheduled }:
                db.PracticeScope = scheduled;
                turn.Practice = await PracticeById.For(db)(db, scheduled, cancellationToken);
                return turn.Practice is not null; // Null: the practice was removed after its trigger was made.

            default:
                return true;
        }
    }

    /// <summary>Compiled: scheduled turns (a weekly check-in of every practice at once) each start with it.</summary>
    private static readonly CompiledPerModel<Func<PracticeBotDb, long, CancellationToken, Task<Practice?>>> PracticeById = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long id, CancellationToken ct) => db.Practices.SingleOrDefault(p => p.Id == id)));

    public const string NotSetUp =
        "PracticeBot isn't set up in this workspace yet. A manager can run `practice setup \"Practice name\" America/Chicago` " +
        "in the channel where review cards should go.";
}
