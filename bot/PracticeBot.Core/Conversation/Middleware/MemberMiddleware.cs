using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Finds the acting person among the practice's members. Everyone in a bound workspace is a member; the first time
/// we see someone they join with no role, and roles are given by a manager.
/// </summary>
public sealed class MemberMiddleware(PracticeBotDb db, TimeProvider time) : IBotMiddleware
{
    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn is { Practice: { } practice, Chat: { } chat })
        {
            var member = await FindAsync(practice.Id, chat, cancellationToken);
            if (member is null)
            {
                member = new Member
                {
                    PracticeId = practice.Id,
                    Platform = chat.Conversation.Platform,
                    UserId = chat.User.Id,
                    DisplayName = chat.User.DisplayName,
                    AadObjectId = chat.User.AadObjectId,
                    Roles = Role.None,
                    JoinedAt = time.GetUtcNow(),
                };
                member = await JoinAsync(practice.Id, chat, member, cancellationToken);
            }
            else
            {
                if (chat.User.DisplayName is { Length: > 0 } name && name != member.DisplayName)
                {
                    member.DisplayName = name;
                }

                // Members from before the object id was kept get it on their next turn.
                if (chat.User.AadObjectId is { Length: > 0 } objectId && objectId != member.AadObjectId)
                {
                    member.AadObjectId = objectId;
                }
            }

            turn.Member = member;
        }

        await next();
    }

    /// <summary>
    /// Joins the person at once, outside the turn's transaction: two first messages of one person at the same moment
    /// meet at the unique index here, and the loser simply finds the member the winner added. SQLite may also refuse
    /// the write as busy while the winner's is under way; then the member is not there yet, and joining is tried again.
    /// </summary>
    private async Task<Member> JoinAsync(long practiceId, ChatEvent chat, Member member, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.Members.Add(member);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return member;
            }
            catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested && attempt < MaxJoinAttempts)
            {
                db.Entry(member).State = EntityState.Detached;
                if (await FindAsync(practiceId, chat, cancellationToken) is { } added)
                {
                    return added;
                }

                // A moment for the other write to finish; wall-clock on purpose, this is no business time.
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), cancellationToken);
            }
        }
    }

    private const int MaxJoinAttempts = 5;

    private Task<Member?> FindAsync(long practiceId, ChatEvent chat, CancellationToken ct) =>
        MemberOf.For(db)(db, practiceId, chat.Conversation.Platform, chat.User.Id, ct);

    /// <summary>Asked on every chat turn: compiled once, so a turn does not translate the same LINQ again.</summary>
    private static readonly CompiledPerModel<Func<PracticeBotDb, long, string, string, CancellationToken, Task<Member?>>> MemberOf = new(() => EF.CompileAsyncQuery(
        (PracticeBotDb db, long practiceId, string platform, string userId, CancellationToken _) =>
            db.Members.SingleOrDefault(m => m.PracticeId == practiceId && m.Platform == platform && m.UserId == userId)));
}
