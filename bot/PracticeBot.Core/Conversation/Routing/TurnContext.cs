using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>Everything one turn knows: the event, who and which practice it is, and what to answer.</summary>
public sealed class TurnContext(BotEvent @event, IServiceProvider services, string correlationId, DateTimeOffset startedAt)
{
    private readonly List<TurnReply> _replies = [];
    private readonly List<PendingAudit> _audits = [];
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private Func<TurnContext, CancellationToken, Task>? _completion;

    public BotEvent Event { get; } = @event;

    /// <summary>The turn's DI scope.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>Shown to people when something fails, and on every log line of the turn.</summary>
    public string CorrelationId { get; } = correlationId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The chat event, or null for scheduled work.</summary>
    public ChatEvent? Chat => Event as ChatEvent;

    /// <summary>The parsed command, when the turn is one (typed as a command or as text).</summary>
    public CommandInvocation? Command { get; set; }

    /// <summary>Set when the turn looked like a command but did not parse.</summary>
    public CommandParseResult? ParseFailure { get; set; }

    public Route? Route { get; set; }

    public Practice? Practice { get; set; }

    public Member? Member { get; set; }

    public IReadOnlyList<TurnReply> Replies => _replies;

    public IReadOnlyList<PendingAudit> Audits => _audits;

    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommitWork => _afterCommit;

    /// <summary>Set by the error middleware when the turn failed: its changes were rolled back.</summary>
    public TurnFailure? Failure { get; set; }

    /// <summary>
    /// Whether the transport's completion (<see cref="BotDispatcher.DispatchAsync(Events.BotEvent, Func{TurnContext, CancellationToken, Task}?, CancellationToken)"/>)
    /// has been added to the turn's changes.
    /// </summary>
    public bool Completed { get; private set; }

    /// <summary>Set when the turn was refused: not set up here, not the person's role, or an id this practice does not have.</summary>
    public TurnRefusal? Refusal { get; private set; }

    /// <summary>Answers the person who acted, privately (a Slack ephemeral message, a Teams reply).</summary>
    public void Reply(OutboundMessage message) => _replies.Add(new TurnReply(message, InChannel: false));

    public void Reply(string text) => Reply(OutboundMessage.Plain(text));

    /// <summary>
    /// Answers with a secret (a webhook secret, a calendar-feed link): only ever shown in a one-to-one place. Slack sends
    /// it ephemeral (or as a DM); Teams, which has no private replies, sends it to the person's personal chat with the
    /// bot and says so in the conversation.
    /// </summary>
    public void ReplySecret(OutboundMessage message) => _replies.Add(new TurnReply(message, InChannel: false, Secret: true));

    /// <summary>Answers where everyone in the conversation sees it.</summary>
    public void ReplyInChannel(OutboundMessage message) => _replies.Add(new TurnReply(message, InChannel: true));

    public void ClearReplies() => _replies.Clear();

    /// <summary>
    /// Says no and records the attempt: <see cref="Middleware.RefusalAuditMiddleware"/> writes it to the audit log (who,
    /// what, from where) even though nothing changed. Use it wherever a turn is turned away for who is asking or for an id
    /// that this practice does not have, never for a mere typo.
    /// </summary>
    /// <param name="subject">What was asked for (<c>review:12</c>, <c>slot:40</c>); never text a person wrote.</param>
    /// <param name="reason">Why, short and free of data: <c>no such review in this practice</c>.</param>
    public void Refuse(string reply, string? subject, string reason)
    {
        Reply(reply);
        Refusal ??= new TurnRefusal(subject, reason);
    }

    /// <summary>Records a state change for the audit log; written in the same transaction as the change.</summary>
    public void Audit(string action, string? subject = null, string? detail = null) =>
        _audits.Add(new PendingAudit(action, subject, detail));

    /// <summary>
    /// Work outside the database (the scheduler's triggers) that must follow the turn's changes only once they are
    /// committed: it runs after the commit, and not at all when the turn fails.
    /// </summary>
    public void AfterCommit(Func<CancellationToken, Task> work) => _afterCommit.Add(work);

    internal void SetCompletion(Func<TurnContext, CancellationToken, Task>? completion) => _completion = completion;

    /// <summary>
    /// Adds the transport's own writes (the delivery's "seen" mark, its inbox row marked done, its replies in the
    /// outbox) to the turn's changes, once, just before they are saved: they commit together or not at all. The unit
    /// of work calls it; the dispatcher calls it for a turn that never reached the unit of work (refused before it).
    /// Completions make tracked changes only, so they join whatever saves the turn.
    /// </summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (Completed || _completion is null)
        {
            return;
        }

        Completed = true;
        await _completion(this, cancellationToken);
    }
}

/// <summary>An answer to the acting person; the transport decides how (HTTP response, response_url, reply activity).</summary>
/// <param name="Secret">It holds a secret: a transport must show it to the person alone, never to a whole conversation.</param>
public sealed record TurnReply(OutboundMessage Message, bool InChannel, bool Secret = false);

public sealed record PendingAudit(string Action, string? Subject, string? Detail);

/// <summary>Why a turn was turned away, for the audit log.</summary>
public sealed record TurnRefusal(string? Subject, string Reason);
