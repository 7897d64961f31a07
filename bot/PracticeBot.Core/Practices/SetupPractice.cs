using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice setup "Sunrise Family Medicine" America/Chicago</c>: creates the practice, binds this workspace to it,
/// makes this channel its channel for cards and digests, and makes the person who ran it a manager.
/// </summary>
/// <remarks>
/// A slug the configuration names for review sources (<c>Sources:Google:Practices:&lt;slug&gt;</c>, …) brings those
/// sources with it, so it goes only to the workspace <c>Sources:Workspaces:&lt;slug&gt;</c> names: that workspace's
/// setup takes it whatever name is typed; any other workspace gets a numbered slug, as for any taken one; and while no
/// workspace is named for it, a setup whose name would make it is refused with the line an administrator must add.
/// </remarks>
public sealed class SetupPractice(PracticeBotDb db, TimeProvider time, IEnumerable<IPracticeSchedules> schedules, SlugReservations reservations)
    : IBotHandler<CommandInvocation>
{
    public const string DefaultTimeZone = "UTC";

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var chat = turn.Chat!;
        if (turn.Practice is { } existing)
        {
            turn.Reply(
                $"This workspace is already set up for *{existing.Name}* (`{existing.Slug}`). " +
                "`practice settings` shows its settings; a manager changes one with `practice set <setting> <value>`.");
            return;
        }

        var args = command.Find<NameAndTimeZone>("name");
        if (args?.Name is not { } name)
        {
            turn.Reply("Tell me the practice's name and time zone, for example:\n`practice setup \"Sunrise Family Medicine\" America/Chicago`");
            return;
        }

        if (await CreateAsync(turn, name, args.TimeZone, chat.Conversation.WithoutThread(), cancellationToken) is not { } practice)
        {
            return;
        }

        var zoneNote = args.TimeZone is null
            ? $" I used {DefaultTimeZone} as the time zone; set yours with `practice set timezone America/Chicago`."
            : "";
        turn.ReplyInChannel(OutboundMessage.Plain(
            $"*{practice.Name}* is set up (id `{practice.Slug}`, time zone {practice.TimeZone}).{zoneNote}\n" +
            $"Review cards and the weekly check-in will come to this channel. {chat.User.Mention} is the manager.\n" +
            "Next: `practice role @someone responder` to add people who answer reviews, " +
            "`posting plan 3/week facebook` to plan posts, and `help` for everything else."));
    }

    /// <summary>
    /// Creates the practice with <paramref name="channel"/> as its channel for cards, binds the workspace of that channel
    /// to it and makes the person acting its manager (setting the turn's practice and member); null after telling why not.
    /// The command and the setup guide (<see cref="Onboarding.SetupGuide"/>) both create practices with it.
    /// </summary>
    public async Task<Practice?> CreateAsync(TurnContext turn, string name, string? timeZone, ConversationReference channel, CancellationToken cancellationToken)
    {
        var chat = turn.Chat!;
        if (await SlugForAsync(turn, channel, Slugs.FromName(name), cancellationToken) is not { } slug)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var practice = new Practice
        {
            Name = name,
            Slug = slug,
            TimeZone = timeZone ?? DefaultTimeZone,
            Channel = channel,
            CreatedAt = now,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync(cancellationToken); // inside the turn's transaction: the id is needed for the binding

        db.WorkspaceBindings.Add(WorkspaceDirectory.BindingFor(channel, practice.Id, now));
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
        return practice;
    }

    /// <summary>The slug the new practice gets, or null after telling why setup cannot go on.</summary>
    private async Task<string?> SlugForAsync(TurnContext turn, ConversationReference conversation, string wanted, CancellationToken ct)
    {
        var owned = reservations.OwnedBy(conversation);
        if (owned.Count > 0)
        {
            var slug = owned.Count == 1 ? owned[0] : owned.Contains(wanted, StringComparer.Ordinal) ? wanted : null;
            if (slug is null)
            {
                turn.Reply($"The configuration names this workspace for several practices ({string.Join(", ", owned.Select(o => $"`{o}`"))}): " +
                           "set up with the name that makes one of them, e.g. `practice setup \"Sunrise Family Medicine\"` for `sunrise-family-medicine`.");
                return null;
            }

            if (await db.Practices.IgnoreQueryFilters().AnyAsync(p => p.Slug == slug, ct))
            {
                turn.Refuse($"The configuration gives this workspace the practice id `{slug}`, but a practice with that id already exists. " +
                            "Nothing was created: an administrator has to look at it before this workspace is set up.", $"practice:{slug}", "configured slug already taken");
                return null;
            }

            return slug;
        }

        if (reservations.IsReserved(wanted) && reservations.OwnerOf(wanted) is null)
        {
            var sources = reservations.SourcesOf(wanted);
            turn.Refuse(
                $"The practice id `{wanted}` is reserved: this deployment's configuration connects it to review sources" +
                $"{(sources.Count > 0 ? $" ({string.Join(", ", sources)})" : "")}, so it is given only to the workspace the configuration names. " +
                $"If this is that practice, an administrator adds `{SourceWorkspacesOptions.SectionName}:Workspaces:{wanted}={SourceWorkspacesOptions.ValueFor(conversation)}` " +
                "and restarts PracticeBot; then run `practice setup` again. If it is another practice, set it up under a different name. Nothing was created.",
                $"practice:{wanted}",
                "slug reserved by configuration, no workspace named for it");
            return null;
        }

        return await UniqueSlugAsync(wanted, ct);
    }

    /// <summary>The slug, or the first free numbered one; slugs reserved by configuration count as taken.</summary>
    private async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
    {
        // Slugs are global (the webhook names a practice by slug), so this one check looks past the tenant filter.
        var taken = await db.Practices.IgnoreQueryFilters()
            .Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-"))
            .Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(slug) && !reservations.IsReserved(slug))
        {
            return slug;
        }

        var n = 2;
        while (taken.Contains($"{slug}-{n}") || reservations.IsReserved($"{slug}-{n}"))
        {
            n++;
        }

        return $"{slug}-{n}";
    }
}
