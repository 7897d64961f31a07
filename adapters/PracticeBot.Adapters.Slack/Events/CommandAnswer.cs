using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// A slash command's replies, handed from its turn to the request that waits for them to answer in Slack's
/// acknowledgement. Exactly one side answers: the request, when the turn hands the replies over before the request
/// gives up waiting (the ack budget ran out); otherwise the turn itself, through <c>response_url</c>.
/// </summary>
internal sealed class CommandAnswer
{
    private const int Waiting = 0, HandedOver = 1, GivenUp = 2;

    private readonly TaskCompletionSource<IReadOnlyList<TurnReply>> _replies = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Waiting;

    /// <summary>Completes when the turn hands its replies over.</summary>
    public Task<IReadOnlyList<TurnReply>> Replies => _replies.Task;

    /// <summary>The turn's side: the request takes <paramref name="replies"/> if it still waits.</summary>
    /// <returns>What the turn must still send itself: nothing when the request took them, all of them when it was too late.</returns>
    public IReadOnlyList<TurnReply> TryTake(IReadOnlyList<TurnReply> replies)
    {
        if (Interlocked.CompareExchange(ref _state, HandedOver, Waiting) != Waiting)
        {
            return replies;
        }

        _replies.SetResult(replies);
        return [];
    }

    /// <summary>The request's side, once its budget ran out.</summary>
    /// <returns>False when the turn handed its replies over just before: the request answers them after all.</returns>
    public bool TryGiveUp() => Interlocked.CompareExchange(ref _state, GivenUp, Waiting) == Waiting;
}
