using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// <c>practice connect google|facebook</c> answers privately with the provider's consent link (a state bound to this
/// practice and person, single use, expiring; PKCE where the provider has it). <c>practice connect yelp &lt;business-id&gt;</c>
/// connects Yelp at once.
/// </summary>
public sealed partial class ConnectSource(
    PracticeBotDb db,
    ConnectedSources connections,
    IEnumerable<ISourceAuthorizer> authorizers,
    IEnumerable<IPracticeSchedules> schedules,
    TimeProvider time) : IBotHandler<CommandInvocation>
{
    public const string Yelp = "yelp";

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var source = command.Get<string>("source");
        var now = time.GetUtcNow();
        var row = await db.SourceConnections.SingleOrDefaultAsync(c => c.PracticeId == practice.Id && c.Source == source, cancellationToken);
        if (row is null)
        {
            row = new SourceConnection { PracticeId = practice.Id, Source = source, Status = SourceConnectionStatus.Authorizing };
            db.SourceConnections.Add(row);
        }

        row.UpdatedAt = now;
        if (source == Yelp)
        {
            var id = command.Text("id")?.Trim();
            if (id is null || !YelpId().IsMatch(id))
            {
                turn.Reply("Give the Yelp business id, the last part of the business's Yelp address: `practice connect yelp sunrise-family-medicine-springfield` " +
                           "(letters, digits, `-` and `_`).");
                db.Entry(row).State = row.Id == 0 ? EntityState.Detached : EntityState.Unchanged;
                return;
            }

            row.Status = SourceConnectionStatus.Connected;
            row.Location = id;
            row.LocationLabel = null;
            row.Account = null;
            row.ProtectedSecret = null;
            row.ConnectedBy = turn.Member!.UserId;
            row.ConnectedAt = now;
            await SourceConnectionEffects.ResetSyncAsync(db, practice.Id, source, cancellationToken);
            turn.Audit("sources.connected", $"source:{source}", $"business {id}");
            turn.AfterCommit(ct => SourceConnectionEffects.SyncSchedulesAsync(schedules, practice, ct));
            turn.Reply($"Yelp is connected: business `{id}`. Its reviews are read from now on; `practice sources` shows how it goes.");
            return;
        }

        var authorizer = authorizers.FirstOrDefault(a => a.Source == source);
        if (authorizer?.MissingConfiguration is { } missing || authorizer is null)
        {
            turn.Reply($"{ReviewCards.SourceName(source)} cannot be connected from chat on this deployment yet: " +
                       $"{authorizer?.MissingConfiguration ?? "no connector"}. Ask your administrator.");
            db.Entry(row).State = row.Id == 0 ? EntityState.Detached : EntityState.Unchanged;
            return;
        }

        var state = ConnectedSources.RandomToken();
        var verifier = authorizer.UsesPkce ? ConnectedSources.RandomToken() : null;
        if (row.Status != SourceConnectionStatus.Connected)
        {
            row.Status = SourceConnectionStatus.Authorizing;
        }

        row.StateHash = ConnectedSources.HashState(state);
        row.StatePlatform = turn.Member!.Platform;
        row.StateUserId = turn.Member.UserId;
        row.StateExpiresAt = now + ConnectedSources.LinkLifetime;
        row.ProtectedVerifier = verifier is null ? null : connections.Protect(verifier);
        turn.Audit("sources.connect.started", $"source:{source}", "consent link sent");
        var name = ReviewCards.SourceName(source);
        var url = authorizer.AuthorizationUrl(state, verifier).AbsoluteUri;
        turn.ReplySecret(new OutboundMessage(
            $"Connect {name}: open the link within {(int)ConnectedSources.LinkLifetime.TotalMinutes} minutes.",
            Card.Of(
                new SectionBlock($"*Connect {name}* to {practice.Name}. Sign in with the account that manages the practice's " +
                                 $"{(source == "facebook" ? "Facebook page" : "Business Profile")}; afterwards I list what it manages and you pick the practice's own here."),
                new ActionsBlock([new CardButton($"Connect {name}", "sources.connect.open", source, ButtonStyle.Primary, url)]),
                new ContextBlock([$"The link works once, for you, for {(int)ConnectedSources.LinkLifetime.TotalMinutes} minutes. Keep it to yourself."]))));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex YelpId();
}
