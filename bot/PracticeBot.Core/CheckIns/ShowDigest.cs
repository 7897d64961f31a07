using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.CheckIns;

/// <summary><c>practice digest</c>: the digest of the last seven days, to the asker only.</summary>
public sealed class ShowDigest(CheckInDesk desk, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var digest = await desk.DigestMessageAsync(practice, CheckInDesk.WeekOf(practice, time.GetUtcNow()), cancellationToken);
        turn.Reply(digest with { CardKey = null });
    }
}
