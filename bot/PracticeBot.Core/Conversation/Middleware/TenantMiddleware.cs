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
        switch (turn.Event)
        {
            case ChatEvent chat:
                db.PracticeScope = PracticeBotDb.NoPractice;
                // One connection for the turn's few queries, instead of one opened and closed for each of them.
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
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
                        return;
                    }

                    await next();
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }

                return;

            case ScheduleFired { PracticeId: { } scheduled }:
                db.PracticeScope = scheduled;
                turn.Practice = await PracticeById.For(db)(db, scheduled, cancellationToken);
                if (turn.Practice is null)
                {
                    return; // The practice was removed after its trigger was made; nothing to do.
                }

                break;
        }

        await next();
    }

    /// <summary>Compiled: scheduled turns (a weekly check-in of every practice at once) each start with it.</summary>
    private static readonly CompiledPerModel<Func<PracticeBotDb, long, CancellationToken, Task<Practice?>>> PracticeById = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long id, CancellationToken ct) => db.Practices.SingleOrDefault(p => p.Id == id)));

    public const string NotSetUp =
        "PracticeBot isn't set up in this workspace yet. A manager can run `practice setup \"Practice name\" America/Chicago` " +
        "in the channel where review cards should go.";
}
