using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// The consent callback's two steps around the provider call: <see cref="ClaimAsync"/> takes the pending authorization
/// for its state (once: a second use finds nothing), <see cref="StoreAsync"/> keeps what the provider said and sends the
/// person who asked the locations to pick from, as buttons, in a direct message. Use a fresh scope per callback.
/// </summary>
public sealed class SourceAuthorizations(PracticeBotDb db, ConnectedSources connections, OutboxWriter outbox, TimeProvider time)
{
    public const int MaxChoices = 25;

    /// <summary>The claimed authorization: its row id and PKCE verifier; null when the state is unknown, used or expired.</summary>
    public async Task<ClaimedAuthorization?> ClaimAsync(string source, string state, CancellationToken ct)
    {
        db.PracticeScope = null;
        var hash = ConnectedSources.HashState(state);
        var row = await db.SourceConnections.AsNoTracking().SingleOrDefaultAsync(c => c.StateHash == hash && c.Source == source, ct);
        if (row is null)
        {
            return null;
        }

        // Single use, even with two callbacks at once: only the update that still finds the hash wins.
        var claimed = await db.SourceConnections.Where(c => c.Id == row.Id && c.StateHash == hash)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.StateHash, (string?)null), ct);
        if (claimed != 1 || row.StateExpiresAt is not { } expires || expires < time.GetUtcNow())
        {
            return null;
        }

        return new ClaimedAuthorization(row.Id, row.PracticeId, connections.Unprotect(row.ProtectedVerifier));
    }

    /// <summary>Keeps the account and its locations and asks the person, in chat, which is the practice's own.</summary>
    /// <returns>What to show on the callback page.</returns>
    public async Task<string> StoreAsync(ClaimedAuthorization claim, AuthorizedAccount account, CancellationToken ct)
    {
        db.PracticeScope = claim.PracticeId;
        await using var transaction = await db.BeginUnitOfWorkAsync(ct);
        var row = await db.SourceConnections.SingleOrDefaultAsync(c => c.Id == claim.ConnectionId, ct);
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == claim.PracticeId, ct);
        if (row is null || practice is null)
        {
            return "This connection was cancelled meanwhile. Nothing was stored.";
        }

        var name = ReviewCards.SourceName(row.Source);
        var choices = account.Locations.Take(MaxChoices).ToList();
        row.UpdatedAt = time.GetUtcNow();
        row.ProtectedVerifier = null;
        if (choices.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return $"The account {account.Account} manages no {What(row.Source)}. Sign in with the account that does, and run `practice connect {row.Source}` again.";
        }

        // A connection already working keeps working until the manager picks the new location.
        var pendingSecret = account.Secret is null ? null : connections.Protect(account.Secret);
        if (row.Status != SourceConnectionStatus.Connected)
        {
            row.Status = SourceConnectionStatus.Choosing;
        }

        row.ProtectedChoices = connections.ProtectChoices([.. choices.Select(c => c with { Secret = c.Secret ?? account.Secret })]);
        row.ProtectedSecret = row.Status == SourceConnectionStatus.Connected ? row.ProtectedSecret : pendingSecret;
        row.Account = Cut(account.Account, 200);
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = practice.Id, At = time.GetUtcNow(), Actor = row.StateUserId ?? "system", Action = "sources.authorized",
            Subject = $"source:{row.Source}", Detail = $"{choices.Count} location(s) offered", Origin = $"callback/{row.Source}",
        });
        if (practice.Channel is { } channel && row.StateUserId is { } user)
        {
            var buttons = choices.Select((c, i) => new CardButton(Cut(c.Label, 70), ChooseSourceLocation.ActionId, $"{row.Source}:{i}")).ToList();
            outbox.Enqueue(practice.Id, MessageTarget.DirectTo(channel, user), new OutboundMessage(
                $"{name}: pick {practice.Name}'s own {What(row.Source, one: true)}",
                new Card([
                    new SectionBlock($"*{name}* — signed in as {OutsideText.Mark(account.Account)}. Which {What(row.Source, one: true)} is {OutsideText.Mark(practice.Name)}'s own?"),
                    .. buttons.Chunk(5).Select(chunk => (CardBlock)new ActionsBlock(chunk)),
                    new ContextBlock(["Only the one you pick is read, and only its reviews can be answered from here."]),
                ])));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return $"Signed in to {name}. Go back to the chat: I sent you the {What(row.Source)} this account manages to pick {practice.Name}'s own.";
    }

    private static string What(string source, bool one = false) => (source, one) switch
    {
        ("facebook", true) => "Facebook page",
        ("facebook", false) => "Facebook pages",
        (_, true) => "Business Profile location",
        _ => "Business Profile locations",
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

public sealed record ClaimedAuthorization(long ConnectionId, long PracticeId, string? CodeVerifier);
