using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Hosting;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>
/// <c>practice dashboard</c>: a sign-in link that works once, for ten minutes. The link is a secret (whoever opens it
/// first is signed in as this person), so it goes only where this person alone sees it.
/// </summary>
public sealed class OpenDashboard(PracticeBotDb db, IPublicLinks links, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var member = turn.Member!;
        var token = DashboardTokens.NewToken();
        var now = time.GetUtcNow();
        db.DashboardSignIns.Add(new DashboardSignIn
        {
            PracticeId = practice.Id,
            MemberId = member.Id,
            TokenHash = DashboardTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + DashboardTokens.LinkLifetime,
        });
        turn.Audit("dashboard.link", $"member:{member.Mention}");
        turn.ReplySecret(OutboundMessage.Plain(
            $"Your sign-in link to {OutsideText.Mark(practice.Name)}'s dashboard (it works once, for 10 minutes; keep it to yourself): " +
            links.To(DashboardTokens.SignInPath(token))));
        return ValueTask.CompletedTask;
    }
}
