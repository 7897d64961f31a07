using System.Globalization;
using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Reviews.Yelp;

/// <summary>
/// The day's Yelp calls, for the whole process (one API key): never more than the configured budget, never more than
/// Yelp says remain (<c>RateLimit-Remaining</c>), and a fresh day at Yelp's <c>RateLimit-ResetTime</c> (or midnight UTC
/// before Yelp has said).
/// </summary>
public sealed class YelpCallBudget(IOptions<YelpSourceOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private int _used;
    private int? _remaining;
    private int? _yelpLimit;

    public int UsedToday
    {
        get
        {
            lock (_lock)
            {
                return _used;
            }
        }
    }

    /// <summary>Takes one call from the budget, or says why none is left.</summary>
    public bool TryTake(out string? refusal)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _resetAt)
            {
                _used = 0;
                _remaining = null;
                _resetAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            }

            var limit = Math.Min(options.Value.DailyBudget, _yelpLimit ?? int.MaxValue);
            if (_used >= limit || _remaining is <= 0)
            {
                refusal = $"Yelp's daily call budget ({limit}) is used up until {_resetAt:yyyy-MM-dd HH:mm} UTC";
                return false;
            }

            _used++;
            refusal = null;
            return true;
        }
    }

    /// <summary>What Yelp said about the budget in a response's headers.</summary>
    public void Observe(HttpResponseMessage response)
    {
        lock (_lock)
        {
            if (Header(response, "RateLimit-DailyLimit") is { } limit && int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                _yelpLimit = l;
            }

            if (Header(response, "RateLimit-Remaining") is { } remaining && int.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                _remaining = r;
            }

            if (Header(response, "RateLimit-ResetTime") is { } reset
                && DateTimeOffset.TryParse(reset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && at > time.GetUtcNow())
            {
                _resetAt = at;
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
