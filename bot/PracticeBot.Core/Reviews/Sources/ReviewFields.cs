namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// A review as text fields, the way pushed reviews arrive (webhook JSON, a CSV line) before validation. Names are the
/// webhook's JSON names, so errors name the field the sender has to fix.
/// </summary>
public sealed record ReviewFields(
    string? Source,
    string? ExternalId,
    string? Rating,
    string? Recommendation,
    string? Author,
    string? Text,
    string? CreatedAt,
    string? Url = null,
    string? Location = null,
    string? UpdatedAt = null,
    string? Replied = null);
