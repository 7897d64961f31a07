using System.Globalization;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Validates pushed review fields (pure) and turns them into a <see cref="SourcedReview"/>, or lists what is wrong per
/// field, in words the sender can act on. Shared by the webhook and the CSV import so both accept the same thing.
/// </summary>
public static class ReviewFieldsValidator
{
    public const int MaxTextLength = 20_000;

    public static ReviewValidation Validate(ReviewFields fields)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = fields.Source?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(source))
        {
            errors["source"] = "source is required (e.g. healthgrades, vitals, ratemds).";
        }
        else if (source.Length > 32 || !source.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
        {
            errors["source"] = "source must be 1–32 letters, digits, '-', '_' or '.'.";
        }

        var externalId = fields.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId))
        {
            errors["externalId"] = "externalId is required: the source's own id of the review.";
        }
        else if (externalId.Length > 200)
        {
            errors["externalId"] = "externalId must be at most 200 characters.";
        }

        int? rating = null;
        if (!string.IsNullOrWhiteSpace(fields.Rating))
        {
            if (int.TryParse(fields.Rating.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5)
            {
                rating = stars;
            }
            else
            {
                errors["rating"] = "rating must be a whole number from 1 to 5.";
            }
        }

        string? recommendation = null;
        if (!string.IsNullOrWhiteSpace(fields.Recommendation))
        {
            recommendation = fields.Recommendation.Trim().ToLowerInvariant();
            if (recommendation is not ("positive" or "negative"))
            {
                errors["recommendation"] = "recommendation must be \"positive\" or \"negative\".";
            }
        }

        if (string.IsNullOrWhiteSpace(fields.Rating) && string.IsNullOrWhiteSpace(fields.Recommendation))
        {
            errors["rating"] = "give a rating (1 to 5) or a recommendation (\"positive\" or \"negative\").";
        }

        var createdAt = Date(fields.CreatedAt, "createdAt", required: true, errors);
        var updatedAt = Date(fields.UpdatedAt, "updatedAt", required: false, errors);
        Limit(fields.Author, "author", 200, errors);
        Limit(fields.Location, "location", 200, errors);
        Limit(fields.Text, "text", MaxTextLength, errors);

        string? url = null;
        if (!string.IsNullOrWhiteSpace(fields.Url))
        {
            url = fields.Url.Trim();
            if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                errors["url"] = "url must be an absolute http or https address of at most 2,000 characters.";
            }
        }

        var replied = false;
        if (!string.IsNullOrWhiteSpace(fields.Replied) && !bool.TryParse(fields.Replied.Trim(), out replied))
        {
            errors["replied"] = "replied must be true or false.";
        }

        if (errors.Count > 0)
        {
            return new ReviewValidation(null, errors);
        }

        return new ReviewValidation(
            new SourcedReview(
                source!,
                externalId!,
                rating,
                recommendation,
                Blank(fields.Author),
                Blank(fields.Text),
                createdAt!.Value,
                updatedAt,
                url,
                Blank(fields.Location),
                replied),
            errors);
    }

    private static DateTimeOffset? Date(string? value, string field, bool required, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = $"{field} is required: an ISO 8601 date and time such as 2026-11-20T14:03:00Z.";
            }

            return null;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)
            && at.Year is >= 1990 and <= 2200)
        {
            return at.ToUniversalTime();
        }

        errors[field] = $"{field} must be an ISO 8601 date and time such as 2026-11-20T14:03:00Z.";
        return null;
    }

    private static void Limit(string? value, string field, int max, Dictionary<string, string> errors)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            errors[field] = $"{field} must be at most {max:N0} characters.";
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
