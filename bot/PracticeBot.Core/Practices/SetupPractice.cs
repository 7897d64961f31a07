using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice setup "Sunrise Family Medicine" America/Chicago</c>: creates the practice, binds this workspace to it,
/// makes this channel its channel for cards and digests, and makes the person who ran it a manager.
/// </summary>
public sealed class SetupPractice(PracticeBotDb db, TimeProvider time, IEnumerable<IPracticeSchedules> schedules) : IBotHandler<CommandInvocation>
{
    public const string DefaultTimeZone = "UTC";

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var chat = turn.Chat!;
        if (turn.Practice is { } existing)
        {
            turn.Reply(
                $"This workspace is already set up for *{existing.Name}* (`{existing.Slug}`). " +
                "`practice settings` shows its settings; a manager can change them with `practice settings name|timezone|channel|checkin|approval|template <value>`.");
            return;
        }

        var args = command.Find<NameAndTimeZone>("name");
        if (args?.Name is not { } name)
        {
            turn.Reply("Tell me the practice's name and time zone, for example:\n`practice setup \"Sunrise Family Medicine\" America/Chicago`");
            return;
        }

        var now = time.GetUtcNow();
        var practice = new Practice
        {
            Name = name,
            Slug = await UniqueSlugAsync(Slugs.FromName(name), cancellationToken),
            TimeZone = args.TimeZone ?? DefaultTimeZone,
            Channel = chat.Conversation.WithoutThread(),
            CreatedAt = now,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync(cancellationToken); // inside the turn's transaction: the id is needed for the binding

        db.WorkspaceBindings.Add(WorkspaceDirectory.BindingFor(chat.Conversation, practice.Id, now));
        var manager = new Member
        {
            PracticeId = practice.Id,
            Platform = chat.Conversation.Platform,
            UserId = chat.User.Id,
            DisplayName = chat.User.DisplayName,
            Roles = Role.Manager,
            JoinedAt = now,
        };
        db.Members.Add(manager);
        db.PracticeScope = practice.Id;
        turn.Practice = practice;
        turn.Member = manager;
        turn.Audit("practice.setup", $"practice:{practice.Slug}", $"time zone {practice.TimeZone}");
        // The weekly check-in, review polling and the rest start now, not at the next restart.
        turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));

        var zoneNote = args.TimeZone is null
            ? $" I used {DefaultTimeZone} as the time zone; set yours with `practice settings timezone America/Chicago`."
            : "";
        turn.ReplyInChannel(OutboundMessage.Plain(
            $"*{practice.Name}* is set up (id `{practice.Slug}`, time zone {practice.TimeZone}).{zoneNote}\n" +
            $"Review cards and the weekly check-in will come to this channel. {chat.User.Mention} is the manager.\n" +
            "Next: `practice role @someone responder` to add people who answer reviews, " +
            "`posting plan 3/week facebook` to plan posts, and `help` for everything else."));
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
    {
        // Slugs are global (the webhook names a practice by slug), so this one check looks past the tenant filter.
        var taken = await db.Practices.IgnoreQueryFilters()
            .Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-"))
            .Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        var n = 2;
        while (taken.Contains($"{slug}-{n}"))
        {
            n++;
        }

        return $"{slug}-{n}";
    }
}
