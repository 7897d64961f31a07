namespace PracticeBot.Core.Conversation.Routing;

/// <summary>
/// A handler: a small sealed class resolved per turn from a DI scope. <typeparamref name="T"/> is what it is
/// routed on: a <see cref="Commands.CommandInvocation"/>, an <see cref="Events.ActionInvoked"/>, a
/// <see cref="Events.MessageReceived"/>, a <see cref="Events.MemberJoined"/> or a <see cref="Events.ScheduleFired"/>.
/// </summary>
public interface IBotHandler<in T>
{
    ValueTask HandleAsync(T input, TurnContext turn, CancellationToken cancellationToken);
}
