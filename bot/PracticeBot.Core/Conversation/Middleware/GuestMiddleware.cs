using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Help;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Guests of a workspace (Slack guests, Teams guest users) get nothing but a polite refusal and <c>help</c>, until a
/// manager gives them a role: reviews and digests carry what patients wrote, which a guest has no business reading.
/// A person the platform cannot vouch for just now is turned away the same way, for this turn only.
/// </summary>
public sealed class GuestMiddleware(IEnumerable<IGuestDirectory> directories) : IBotMiddleware
{
    public static readonly string HelpRoute = BotRouter.CommandRouteName(HelpCommands.Help);

    public const string GuestRefusal =
        "Hello! You are a guest in this workspace, so I can't show you the practice's reviews, posting duties or digests. " +
        "If you should have access, ask a manager to give you a role (`practice role @you responder`). `help` shows what I can do.";

    public const string UnknownRefusal =
        "I couldn't check your account with your chat app just now, so I can't answer that. Please try again in a minute.";

    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn.Chat is { } chat and not MemberJoined && turn.Route?.Name != HelpRoute && (turn.Member?.Roles ?? Role.None) == Role.None)
        {
            var guest = chat.User.IsGuest ?? await AskAsync(chat, cancellationToken);
            if (guest != false)
            {
                turn.Refuse(guest == true ? GuestRefusal : UnknownRefusal, null, guest == true ? "guest without a role" : "guest status unknown");
                return;
            }
        }

        await next();
    }

    private async ValueTask<bool?> AskAsync(ChatEvent chat, CancellationToken cancellationToken)
    {
        // A platform without a directory (the local chat) has no guests.
        var directory = directories.FirstOrDefault(d => d.Platform == chat.Conversation.Platform);
        return directory is null ? false : await directory.IsGuestAsync(chat.Conversation, chat.User, cancellationToken);
    }
}
