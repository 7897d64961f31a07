using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Lines a way of receiving reviews that is not a polled <see cref="IReviewSource"/> (the alert mailbox) adds to
/// <c>practice sources</c> for one practice: its state and anything staff must look at.
/// </summary>
public interface IReviewSourceReport
{
    Task<IReadOnlyList<string>> LinesAsync(Practice practice, DateTimeOffset now, CancellationToken cancellationToken);
}
