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
            var member = await db.Members.SingleOrDefaultAsync(
                m => m.PracticeId == practice.Id && m.Platform == chat.Conversation.Platform && m.UserId == chat.User.Id,
                cancellationToken);
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
            }
            else if (chat.User.DisplayName is { Length: > 0 } name && name != member.DisplayName)
            {
                member.DisplayName = name;
            }

            turn.Member = member;
        }

        await next();
    }
}
