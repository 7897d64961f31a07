using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary><c>practice role @user responder</c> gives a role; <c>-responder</c> takes it away. Managers only.</summary>
public sealed class ChangeRole(PracticeBotDb db, MemberLookup members, OutboxWriter outbox) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var chat = turn.Chat!;
        var change = command.Get<RoleChange>("role");
        var found = await members.FindAsync(practice, chat.Conversation.Platform, command.Get<UserRef>("user"), cancellationToken);
        if (found.Member is not { } member)
        {
            turn.Reply(found.Problem!);
            return;
        }

        var roleName = RoleNames.Describe(change.Role);
        if (change.Remove)
        {
            if (!member.Roles.HasFlag(change.Role))
            {
                turn.Reply($"{member.Mention} isn't a {roleName}; nothing to change.");
                return;
            }

            if (change.Role == Role.Manager && !await HasAnotherManagerAsync(practice.Id, member.Id, cancellationToken))
            {
                turn.Reply($"{member.Mention} is the only manager. Make someone else a manager first.");
                return;
            }

            member.Roles &= ~change.Role;
            turn.Audit("member.role.removed", $"member:{member.Mention}", roleName);
            turn.Reply($"{member.Mention} is no longer a {roleName}. Roles now: {RoleNames.Describe(member.Roles)}.");
            return;
        }

        if (member.Roles.HasFlag(change.Role))
        {
            turn.Reply($"{member.Mention} is already a {roleName}.");
            return;
        }

        member.Roles |= change.Role;
        turn.Audit("member.role.granted", $"member:{member.Mention}", roleName);
        turn.Reply($"{member.Mention} is now a {roleName}. Roles now: {RoleNames.Describe(member.Roles)}.");
        if (member.UserId != chat.User.Id)
        {
            outbox.Enqueue(practice.Id, MessageTarget.DirectTo(chat.Conversation, member.UserId), OutboundMessage.Plain(
                $"Hi! {chat.User.Mention} made you a {roleName} for *{practice.Name}* in PracticeBot. {WhatItMeans(change.Role)}"));
        }
    }

    private Task<bool> HasAnotherManagerAsync(long practiceId, long memberId, CancellationToken ct) =>
        db.Members.AnyAsync(m => m.PracticeId == practiceId && m.Id != memberId && ((int)m.Roles & (int)Role.Manager) != 0, ct);

    private static string WhatItMeans(Role role) => role switch
    {
        Role.Manager => "You can configure the practice, approve replies, and you'll receive escalations. `help practice` shows how.",
        Role.Responder => "You can claim reviews and draft replies. `help review` shows how.",
        Role.Operations => "Complaints that need a look at what happened will be escalated to you. `help review` shows how.",
        Role.Poster => "You're in the posting rotation; you'll get a reminder and an idea before each slot. `help posting` shows how.",
        _ => "",
    };
}
