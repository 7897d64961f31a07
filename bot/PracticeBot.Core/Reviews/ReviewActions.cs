namespace PracticeBot.Core.Reviews;

/// <summary>
/// Action ids of the review card's buttons and forms, shared by the card builder and the routes. The button value
/// is always the review's number. Adapters need no knowledge of them: a card with a <c>TextInputBlock</c> is a form
/// (a Slack modal, an Adaptive Card input), and its submit button comes back as an action with the inputs.
/// </summary>
public static class ReviewActions
{
    public const string Claim = "review.claim";
    public const string Release = "review.release";
    /// <summary>Opens the reply form (answered with a card that holds a <see cref="DraftInput"/> text input).</summary>
    public const string Draft = "review.draft";
    /// <summary>The reply form's submit button; the draft text arrives in the inputs under <see cref="DraftInput"/>.</summary>
    public const string SubmitDraft = "review.draft.submit";
    public const string DraftInput = "reply_text";
    /// <summary>Writes a suggested reply (saved as the draft when there is none); on the card and in the reply form.</summary>
    public const string Suggest = "review.suggest";
    /// <summary>Publish the draft, or send it for approval when the practice requires one.</summary>
    public const string Publish = "review.publish";
    public const string Approve = "review.approve";
    /// <summary>Opens the reject form (a reason is required); its submit button is <see cref="SubmitReject"/>.</summary>
    public const string Reject = "review.reject";
    public const string SubmitReject = "review.reject.submit";
    public const string ReasonInput = "reason";
    /// <summary>For sources without a reply API: the approved reply was posted by hand.</summary>
    public const string MarkReplied = "review.replied";
    /// <summary>Stops a reply during its publishing hold.</summary>
    public const string CancelPublish = "review.publish.cancel";
    public const string Escalate = "review.escalate";
    /// <summary>A manager decides a review needs no reply (e.g. five stars without text).</summary>
    public const string NoReplyNeeded = "review.noreply";
    /// <summary>A link button to the review on its source; adapters open its URL.</summary>
    public const string Open = "review.open";

    /// <summary>The card key of a review's card, so every posted copy is updated in place when it changes.</summary>
    public static string CardKey(int number) => $"review:{number}";
}
