namespace PracticeBot.Core.Home;

/// <summary>Action ids of the home's own buttons (its Done button is posting's, <see cref="Posting.PostingActions.Done"/>).</summary>
public static class HomeActions
{
    /// <summary>Shows a review's card, with its buttons, to the person who pressed it; the value is the review's number.</summary>
    public const string OpenReview = "home.review.open";
}
