using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>Finds the member a command names. A resolved mention may name someone we have not met yet: they join.</summary>
public sealed class MemberLookup(PracticeBotDb db, TimeProvider time)
{
    public async Task<MemberLookupResult> FindAsync(Practice practice, string platform, UserRef user, CancellationToken cancellationToken)
    {
        if (user.Id is { } id)
        {
            var byId = await db.Members.SingleOrDefaultAsync(
                m => m.PracticeId == practice.Id && m.Platform == platform && m.UserId == id, cancellationToken)
                ?? db.Members.Local.SingleOrDefault(m => m.PracticeId == practice.Id && m.Platform == platform && m.UserId == id);
            if (byId is null)
            {
                byId = new Member
                {
                    PracticeId = practice.Id,
                    Platform = platform,
                    UserId = id,
                    DisplayName = user.Name,
                    JoinedAt = time.GetUtcNow(),
                };
                db.Members.Add(byId);
            }

            return new MemberLookupResult(byId, null);
        }

        var name = user.Name ?? "";
        // A practice has tens of members: matching names in memory keeps the comparison culture-free on every provider.
        var matches = (await db.Members
                .Where(m => m.PracticeId == practice.Id && m.Platform == platform)
                .ToListAsync(cancellationToken))
            .Where(m => m.UserId == name || string.Equals(m.DisplayName, name, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToList();
        return matches.Count switch
        {
            1 => new MemberLookupResult(matches[0], null),
            0 => new MemberLookupResult(null,
                $"I don't know @{name} yet. Mention them so your chat app links the name, or ask them to send me `help` once."),
            _ => new MemberLookupResult(null, $"More than one person is called @{name}. Mention them so your chat app links the right one."),
        };
    }
}

public sealed record MemberLookupResult(Member? Member, string? Problem);
