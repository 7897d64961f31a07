using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PracticeBot.Core.Storage;

/// <summary>PostgreSQL's <c>timestamptz</c> takes only UTC offsets; a source's local time is normalised on the way in.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
