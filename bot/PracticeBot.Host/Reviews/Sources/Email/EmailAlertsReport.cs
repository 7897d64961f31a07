using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Adapters.Reviews.Email.Storage;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// The alert mailbox's line in <c>practice sources</c>, for a practice that accepts forwarded alerts: the addresses, how
/// the mailbox is read and whether it works, and the messages nobody could read, waiting in the folder for people.
/// </summary>
public sealed class EmailAlertsReport(PracticeBotDb db, IOptions<EmailSourceOptions> options, EmailAlertStatus status) : IReviewSourceReport
{
    public async Task<IReadOnlyList<string>> LinesAsync(Practice practice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Configured || !o.Practices.TryGetValue(practice.Slug, out var accepted))
        {
            return [];
        }

        var how = status.UsesIdle ? "pushed by the server (IDLE)" : $"checked every {Minutes(o.PollInterval)}";
        var state = status.Problem is { } problem
            ? $"failing since {At(status.ProblemSince)}: {problem}"
            : status.LastCheckAt is { } at ? $"ok · last check {At(at)}" : "not read yet";
        var lines = new List<string> { $"*Alert e-mails* (forwarded from {string.Join(", ", accepted.AcceptFrom)}; {how}) — {state}" };

        var unparsed = await db.EmailMessages.AsNoTracking()
            .Where(m => m.PracticeId == practice.Id && m.Outcome == EmailOutcome.Unparsed)
            .OrderByDescending(m => m.Id).Select(m => new { m.ProcessedAt, m.Problem, m.Sender }).Take(3).ToListAsync(cancellationToken);
        if (unparsed.Count > 0)
        {
            var count = await db.EmailMessages.CountAsync(m => m.PracticeId == practice.Id && m.Outcome == EmailOutcome.Unparsed, cancellationToken);
            lines.Add($"    ⚠ {count} alert e-mail{(count == 1 ? "" : "s")} PracticeBot could not read, moved to the mailbox folder `{o.UnparsedFolder}` for someone to look at:");
            lines.AddRange(unparsed.Select(u => $"    · {At(u.ProcessedAt)}, forwarded by {u.Sender}: {u.Problem}"));
        }

        return lines;
    }

    private static string At(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";

    private static string Minutes(TimeSpan interval) =>
        interval.TotalMinutes >= 1 ? $"{interval.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : $"{Math.Max(1, (int)interval.TotalSeconds)} s";
}
