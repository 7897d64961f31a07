using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>Who to tell about a review, and telling them by direct message through the outbox.</summary>
public sealed class ReviewPeople(PracticeBotDb db, OutboxWriter outbox)
{
    /// <summary>Members holding <paramref name="role"/> (managers count only when asked for).</summary>
    public Task<List<Member>> WithRoleAsync(Practice practice, Role role, CancellationToken ct) =>
        db.Members.Where(m => m.PracticeId == practice.Id && ((int)m.Roles & (int)role) != 0).OrderBy(m => m.Id).ToListAsync(ct);

    public Task<Member?> ByIdAsync(long id, CancellationToken ct) => db.Members.SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Sends <paramref name="message"/> to each person privately, on the platform where they are members.</summary>
    public void Tell(Practice practice, ConversationReference anyConversation, IEnumerable<Member> people, OutboundMessage message)
    {
        foreach (var person in people.DistinctBy(p => p.Id))
        {
            var conversation = practice.Channel is { } channel && channel.Platform == person.Platform ? channel : anyConversation;
            if (conversation.Platform != person.Platform)
            {
                continue;
            }

            outbox.Enqueue(practice.Id, MessageTarget.DirectTo(conversation, person.UserId), message);
        }
    }
}
