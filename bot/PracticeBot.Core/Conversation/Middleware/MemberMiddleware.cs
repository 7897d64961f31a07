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
                    Roles = Role.None,
                    JoinedAt = time.GetUtcNow(),
                };
                db.Members.Add(member);
                try
                {
                    // Joined at once, outside the turn's transaction: two first messages of one person at the same moment
                    // meet at the unique index here, and the loser simply finds the member the winner added.
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
                {
                    db.Entry(member).State = EntityState.Detached;
                    member = await FindAsync(practice.Id, chat, cancellationToken) ?? throw new InvalidOperationException("A member that could not be added is not there either.");
                }
            }
            else if (chat.User.DisplayName is { Length: > 0 } name && name != member.DisplayName)
            {
                member.DisplayName = name;
            }

            turn.Member = member;
        }

        await next();
    }

    private Task<Member?> FindAsync(long practiceId, ChatEvent chat, CancellationToken ct) =>
        db.Members.SingleOrDefaultAsync(m => m.PracticeId == practiceId && m.Platform == chat.Conversation.Platform && m.UserId == chat.User.Id, ct);
}
